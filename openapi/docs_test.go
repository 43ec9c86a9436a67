package openapi_test

// The Go blocks of docs/openapi.md that use this module (fenced as
// "go openapi") are built here, against this checkout; itty's own tests
// build the plain "go" blocks.

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var openapiBlock = regexp.MustCompile("(?s)```go openapi\n(.*?)```")

func TestDocSnippetsCompile(t *testing.T) {
	here, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Dir(here)
	md, err := os.ReadFile(filepath.Join(root, "docs", "openapi.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := openapiBlock.FindAllSubmatch(md, -1)
	if len(blocks) == 0 {
		t.Fatal("docs/openapi.md has no go openapi block")
	}
	dir := t.TempDir()
	for i, b := range blocks {
		src := string(b[1])
		if !strings.HasPrefix(src, "package ") {
			t.Fatalf("block %d is not a complete file", i+1)
		}
		pkg := filepath.Join(dir, "s"+string(rune('a'+i)))
		if err := os.MkdirAll(pkg, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pkg, "main.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gomod := "module snippets\n\ngo 1.25.0\n\nrequire (\n\tgithub.com/ittygo/itty v0.0.0\n\tgithub.com/ittygo/itty/openapi v0.0.0\n)\n\n" +
		"replace github.com/ittygo/itty => " + root + "\n\nreplace github.com/ittygo/itty/openapi => " + here + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "bin")+string(filepath.Separator), "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the go openapi blocks of docs/openapi.md do not build:\n%s", out)
	}
	t.Logf("built %d blocks", len(blocks))
}
