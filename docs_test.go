package itty_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// goBlock matches a fenced Go code block in Markdown.
var goBlock = regexp.MustCompile("(?s)```go\n(.*?)```")

// TestDocSnippetsCompile builds every Go code block of README.md and docs/
// as its own program against this checkout, so the documentation cannot
// drift from the API. Every block is a complete file.
func TestDocSnippetsCompile(t *testing.T) {
	files, _ := filepath.Glob("docs/*.md")
	files = append([]string{"README.md"}, files...)
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, m := range goBlock.FindAllSubmatch(b, -1) {
			src := string(m[1])
			if !strings.HasPrefix(src, "package ") {
				t.Errorf("%s: Go block %d is not a complete file (it must start with a package clause)", f, i+1)
				continue
			}
			pkg := filepath.Join(dir, "s"+strings.NewReplacer("/", "_", ".", "_").Replace(f)+"_"+string(rune('a'+i)))
			if err := os.MkdirAll(pkg, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(pkg, "main.go"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no Go snippets found in README.md and docs/")
	}
	gomod := "module snippets\n\ngo 1.24\n\nrequire github.com/ittygo/itty v0.0.0\n\nreplace github.com/ittygo/itty => " + root + "\n"
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
		t.Fatalf("documentation snippets do not build:\n%s", out)
	}
	t.Logf("built %d snippets", n)
}

// goGet matches a "go get" of this repository's code in Markdown.
var goGet = regexp.MustCompile(`go get github\.com/ittygo/itty(/[^\s@]*)?`)

// TestDocGoGetNamesAPackage checks that every "go get" in README.md and
// docs/ names a directory that holds a package. The module root holds
// none, and getting a module without loading a package records none of
// its dependencies' checksums: the reader's next go run would stop with
// "missing go.sum entry".
func TestDocGoGetNamesAPackage(t *testing.T) {
	files, _ := filepath.Glob("docs/*.md")
	files = append([]string{"README.md"}, files...)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goGet.FindAllSubmatch(b, -1) {
			dir := "." + string(m[1])
			srcs, _ := filepath.Glob(filepath.Join(dir, "*.go"))
			pkg := false
			for _, s := range srcs {
				pkg = pkg || !strings.HasSuffix(s, "_test.go")
			}
			if !pkg {
				t.Errorf("%s: %q names no package", f, m[0])
			}
		}
	}
}
