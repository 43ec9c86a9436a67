package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The committed files of internal/routes must be what the generator writes
// from the route lists of shared/bench-data today.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	data := filepath.Join("..", "..", "..", "..", "shared", "bench-data")
	if _, err := os.Stat(data); err != nil {
		t.Fatalf("the route lists must sit beside the repository: %v", err)
	}
	for _, s := range sets {
		want, err := generateFile(data, s)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("..", "routes", s.out))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("internal/routes/%s is stale: run go generate ./internal/routes", s.out)
		}
	}
}

func TestGoName(t *testing.T) {
	for in, want := range map[string]string{
		"id": "ID", "client_id": "ClientID", "access_token": "AccessToken",
		"userId": "UserID", "className": "ClassName", "sha": "Sha",
	} {
		if got := goName(in); got != want {
			t.Errorf("goName(%q) = %q, want %q", in, got, want)
		}
	}
}
