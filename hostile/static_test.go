package hostile_test

// Static files: the fixture's root holds ordinary files, dotfiles, a
// directory with and one without index.html, and symlinks that point out
// of the root (to a file and to a directory, absolute and relative); a
// secret file and an "outside" directory sit beside it. Over the wire,
// every traversal — raw, encoded, double-encoded, overlong UTF-8,
// backslashes, NUL, encoded slashes, symlinks — is a 404, no answer ever
// carries a byte from outside the root, and what is served carries its
// type by extension and nosniff.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var staticCases = []struct {
	method, target string
	status         int
	body           string // the exact body of a 200, or a header "Name: value" of others
}{
	{"GET", "/static/a.txt", 200, "file a"},
	{"GET", "/static/index.html", 200, "<h1>home</h1>"},
	{"GET", "/static/sub/", 200, "sub index"},
	{"GET", "/static/sub/b.css", 200, "b{}"},
	{"GET", "/static/space%20name.txt", 200, "spaced"},
	{"GET", "/static/pct%2541.txt", 200, "percent"}, // the file "pct%41.txt", decoded once
	{"GET", "/static/x.unknownext", 200, "unknown"},
	{"GET", "/static/a.txt?download=1", 200, "file a"},
	{"GET", "/static/sub", 301, "Location: ./sub/"},
	{"GET", "/static/sub?x=1", 301, "Location: ./sub/?x=1"},

	// Traversal, however spelled.
	{"GET", "/static/../secret.txt", 404, ""},
	{"GET", "/static/../../secret.txt", 404, ""},
	{"GET", "/static/sub/../../secret.txt", 404, ""},
	{"GET", "/static/sub/../a.txt", 404, ""},
	{"GET", "/static/./a.txt", 404, ""},
	{"GET", "/static/%2e%2e/secret.txt", 404, ""},
	{"GET", "/static/%2E%2E/secret.txt", 404, ""},
	{"GET", "/static/.%2e/secret.txt", 404, ""},
	{"GET", "/static/%252e%252e/secret.txt", 404, ""},
	{"GET", "/static/..%2fsecret.txt", 404, ""},
	{"GET", "/static/..%2Fsecret.txt", 404, ""},
	{"GET", "/static/sub%2F..%2F..%2Fsecret.txt", 404, ""},
	{"GET", "/static/..%5csecret.txt", 404, ""},
	{"GET", `/static/..\secret.txt`, 404, ""},
	{"GET", `/static/sub\..\..\secret.txt`, 404, ""},
	{"GET", "/static/%c0%ae%c0%ae/secret.txt", 404, ""},
	{"GET", "/static/%e0%80%ae%e0%80%ae/secret.txt", 404, ""},
	{"GET", "/static//secret.txt", 404, ""},
	{"GET", "/static///etc/passwd", 404, ""},
	{"GET", "/static/%2Fetc%2Fpasswd", 404, ""},
	{"GET", "/static/C:/Windows/win.ini", 404, ""},

	// Symlinks out of the root.
	{"GET", "/static/link.txt", 404, ""},
	{"GET", "/static/rel.txt", 404, ""},
	{"GET", "/static/linkdir/evil.txt", 404, ""},
	{"GET", "/static/linkdir/", 404, ""},

	// Dotfiles, NUL, control bytes, odd names.
	{"GET", "/static/.env", 404, ""},
	{"GET", "/static/%2eenv", 404, ""},
	{"GET", "/static/.git/config", 404, ""},
	{"GET", "/static/sub/.hidden.txt", 404, ""},
	{"GET", "/static/a.txt%00", 404, ""},
	{"GET", "/static/a.txt%00.html", 404, ""},
	{"GET", "/static/a%0a.txt", 404, ""},
	{"GET", "/static/a.txt/", 404, ""},
	{"GET", "/static/A.TXT", 404, ""},
	{"GET", "/static/a.txt%20", 404, ""},
	{"GET", "/static/nodir/", 404, ""},
	{"GET", "/static/nodir", 404, ""},
	{"GET", "/static/missing.txt", 404, ""},
	{"GET", "/static/" + strings.Repeat("a/", 20<<10) + "a.txt", 404, ""},

	// Methods and ranges.
	{"POST", "/static/a.txt", 405, "Allow: GET, HEAD, OPTIONS"},
	{"DELETE", "/static/../secret.txt", 405, "Allow: GET, HEAD, OPTIONS"},
	{"HEAD", "/static/a.txt", 200, ""},
	{"GET", "/static/a.txt\r\nRange: bytes=0-3", 206, "file"},
	{"GET", "/static/a.txt\r\nRange: bytes=100-200", 416, ""},
	{"GET", "/static/a.txt\r\nRange: bytes=0-0,0-0,0-0,0-0,0-0,0-0,0-0,0-0,0-0,0-0,0-0,0-0", 200, "file a"},
}

func TestStaticFiles(t *testing.T) {
	noLeak(t)
	f := newFixture(t)
	addr := mustListen(t, f.app)
	outside := []string{f.secret, "evil " + t.Name(), "KEY=dotfile", "[core]", "hidden"}
	for _, c := range staticCases {
		target, extra, _ := strings.Cut(c.target, "\r\n")
		if extra != "" {
			extra += "\r\n"
		}
		raw := c.method + " " + target + " HTTP/1.1\r\n" + host + extra + closeC + "\r\n"
		got := mustRaw(t, addr, raw, 5*time.Second)
		name := c.method + " " + c.target
		if len(name) > 80 {
			name = name[:80] + "…"
		}
		if len(got.responses) != 1 || got.end != "closed" {
			t.Errorf("%s: statuses %v, connection %s", name, got.statuses(), got.end)
			continue
		}
		r := got.responses[0]
		for _, secret := range outside {
			if strings.Contains(r.body, secret) {
				t.Errorf("%s: the answer carries %q from outside the root or a dotfile", name, secret)
			}
		}
		if r.status != c.status {
			t.Errorf("%s: status %d, want %d", name, r.status, c.status)
			continue
		}
		switch {
		case r.status == 200 && c.method == "GET" && r.body != c.body:
			t.Errorf("%s: body %q, want %q", name, r.body, c.body)
		case r.status == 206 && r.body != c.body:
			t.Errorf("%s: body %q, want %q", name, r.body, c.body)
		case strings.Contains(c.body, ": "):
			k, v, _ := strings.Cut(c.body, ": ")
			if r.header.Get(k) != v {
				t.Errorf("%s: %s %q, want %q", name, k, r.header.Get(k), v)
			}
		}
		if r.status == 200 && r.header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", name)
		}
	}
	checkClean(t, f)
}

func TestStaticContentTypes(t *testing.T) {
	f := newFixture(t)
	for target, want := range map[string]string{
		"/static/a.txt":        "text/plain; charset=utf-8",
		"/static/index.html":   "text/html; charset=utf-8",
		"/static/sub/b.css":    "text/css; charset=utf-8",
		"/static/x.unknownext": "application/octet-stream",
	} {
		w := mustServe(t, f.app, "GET", target, nil)
		if w.Code != 200 || w.Header().Get("Content-Type") != want {
			t.Errorf("%s: %d %q, want %q", target, w.Code, w.Header().Get("Content-Type"), want)
		}
	}
	checkClean(t, f)
}

// TestStaticNeverLeavesTheRoot walks every entry beside and inside the
// root and asks for it by every spelling that climbs out: none is served.
func TestStaticNeverLeavesTheRoot(t *testing.T) {
	f := newFixture(t)
	parent := filepath.Dir(f.root)
	var names []string
	err := filepath.WalkDir(parent, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasPrefix(p, f.root+string(filepath.Separator)) {
			rel, _ := filepath.Rel(parent, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 2 {
		t.Fatalf("files outside the root: %q", names)
	}
	tried := 0
	for _, name := range names {
		for _, up := range []string{"../", "%2e%2e/", "..%2f", "%2e%2e%2f", "..%5c", "sub/../../", "linkdir/../"} {
			for _, depth := range []int{1, 2, 5} {
				target := "/static/" + strings.Repeat(up, depth) + name
				w := mustServe(t, f.app, "GET", target, nil)
				tried++
				if w.Code == 200 || w.Code >= 500 {
					t.Errorf("GET %s: %d %q", target, w.Code, w.Body.String())
				}
			}
		}
	}
	t.Logf("%d spellings of %d outside files, none served", tried, len(names))
	checkClean(t, f)
}
