//go:build linux || darwin

package itty

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStaticFIFO checks that a FIFO is answered 404 at once: it is never
// opened, so the request cannot hang on it.
func TestStaticFIFO(t *testing.T) {
	tree := staticFixture(t)
	if err := syscall.Mkfifo(filepath.Join(tree.root, "pipe"), 0o644); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	a := staticApp(t, tree)
	done := make(chan int, 1)
	go func() {
		rec := httptest.NewRecorder()
		a.ServeHTTP(rec, staticRequest(http.MethodGet, "/static/pipe"))
		done <- rec.Code
	}()
	select {
	case code := <-done:
		if code != http.StatusNotFound {
			t.Errorf("FIFO: %d, want 404", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("FIFO: the request hangs")
	}
}

// TestStaticUnreadable checks that files and directories the server may not
// read are 404, not 500.
func TestStaticUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		// File permissions do not bind root: run this test again as nobody.
		runAsNobody(t, "TestStaticUnreadable")
		return
	}
	tree := staticFixture(t)
	a := staticApp(t, tree)
	for _, p := range []string{"hello.txt", "noindex"} {
		if err := os.Chmod(filepath.Join(tree.root, p), 0); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(filepath.Join(tree.root, "sub", "index.html"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(filepath.Join(tree.root, "noindex"), 0o755) }) // so TempDir can remove it
	for _, target := range []string{"/static/hello.txt", "/static/noindex/readme.txt", "/static/sub/"} {
		if code := staticDo(t, a, staticRequest(http.MethodGet, target)).Code; code != http.StatusNotFound {
			t.Errorf("%s (unreadable): %d, want 404", target, code)
		}
	}
}

// runAsNobody runs the named test of this binary as the unprivileged user
// nobody, with a temporary directory that user can write, and fails if it
// fails.
func runAsNobody(t *testing.T, name string) {
	t.Helper()
	tmp, err := os.MkdirTemp("", "itty-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	if err := os.Chmod(tmp, 0o1777); err != nil {
		t.Fatal(err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// The test binary's own directory is private to root: run a copy.
	bin, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(tmp, "itty.test")
	if err := os.WriteFile(exe, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^"+name+"$", "-test.count=1")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "GOCOVERDIR="+tmp)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s as nobody: %v\n%s", name, err, out)
	}
	if !strings.Contains(string(out), "PASS") {
		t.Fatalf("%s as nobody did not pass:\n%s", name, out)
	}
}
