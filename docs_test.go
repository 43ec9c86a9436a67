package itty_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
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
	writeModule(t, dir, root)
	cmd := goCommand(dir, "build", "-o", filepath.Join(dir, "bin")+string(filepath.Separator), "./...")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("documentation snippets do not build:\n%s", out)
	}
	t.Logf("built %d snippets", n)
}

// writeModule makes dir a module that builds against the checkout at root.
func writeModule(t *testing.T, dir, root string) {
	t.Helper()
	gomod := "module snippets\n\ngo 1.24\n\nrequire github.com/ittygo/itty v0.0.0\n\nreplace github.com/ittygo/itty => " + root + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
}

// goCommand is the go command run in dir, outside any workspace.
func goCommand(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	return cmd
}

// TestReadmeStartupError runs the README's program, saved as
// hello/main.go, with a string field for its <int:…> segment, and checks
// that it stops with the message the README shows.
func TestReadmeStartupError(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := goBlock.FindSubmatch(b)
	if m == nil {
		t.Fatal("README.md has no Go block")
	}
	const field = "Offset int  `path:\"offset\"`"
	if !bytes.Contains(m[1], []byte(field)) {
		t.Fatalf("README.md's program has no field %s", field)
	}
	src := bytes.Replace(m[1], []byte(field), []byte("Offset string `path:\"offset\"`"), 1)
	want := regexp.MustCompile(`(?m)^    (panic: itty: route .*)$`).FindSubmatch(b)
	if want == nil {
		t.Fatal("README.md shows no start-up error")
	}
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "hello")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	writeModule(t, dir, root)
	if out, err := goCommand(dir, "build", "-o", "hello", ".").CombinedOutput(); err != nil {
		t.Fatalf("README.md's program does not build:\n%s", out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, filepath.Join(dir, "hello"))
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err == nil || ctx.Err() != nil {
		t.Fatalf("the program did not stop at start-up (%v):\n%s", err, out)
	}
	if got, _, _ := bytes.Cut(out, []byte("\n")); !bytes.Equal(got, want[1]) {
		t.Errorf("the program stops with\n\t%s\nREADME.md shows\n\t%s", got, want[1])
	}
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
