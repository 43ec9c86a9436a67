package app

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
)

// TestConcurrentCreatesLoseNothing sends 50 creates at once through the
// app: every item must be in the file afterwards, and no temporary file
// may be left behind.
func TestConcurrentCreatesLoseNothing(t *testing.T) {
	h, path := mustApp(t)
	const n = 50
	var wg sync.WaitGroup
	codes := make([]int, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = serve(h, "POST", "/create/", url.Values{"todo": {fmt.Sprintf("item %02d", i)}}).Code
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != 303 {
			t.Errorf("create %d: status %d", i, c)
		}
	}
	s, err := NewStore(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(d.Items)
	if len(d.Items) != n {
		t.Fatalf("%d items after %d creates", len(d.Items), n)
	}
	for i, it := range d.Items {
		if want := fmt.Sprintf("item %02d", i); it != want {
			t.Errorf("item %d = %q, want %q", i, it, want)
		}
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "data.json" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only data.json", names)
	}
}

func TestUpdateErrorWritesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.json")
	s, err := NewStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update(func(d *Data) error { d.Items = append(d.Items, "a"); return nil }); err != nil {
		t.Fatal(err)
	}
	boom := fmt.Errorf("boom")
	if err := s.Update(func(d *Data) error { d.Items = nil; return boom }); err != boom {
		t.Fatalf("Update = %v, want the change's error", err)
	}
	d, err := s.Load()
	if err != nil || len(d.Items) != 1 || d.Items[0] != "a" {
		t.Errorf("Load = %v, %v; want [a]", d, err)
	}
}

func TestStoreInUnwritableDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "data.json")
	s, err := NewStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update(func(d *Data) error { return nil }); err == nil {
		t.Error("Update into a missing directory succeeded")
	}
}
