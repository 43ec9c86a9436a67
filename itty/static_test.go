package itty

import (
	"bytes"
	"context"
	stderrors "errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ittygo/itty/respond"
)

// staticSecret is the content of the file outside the static root: no
// response may ever contain it.
const staticSecret = "TOP SECRET: this file lies outside the static root\n"

// staticModTime is the modification time of hello.txt in the fixture.
var staticModTime = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

// staticTree is the fixture built by staticFixture.
type staticTree struct {
	base   string // holds secret.txt and root/
	root   string // the directory served
	secret string // absolute path of secret.txt
	bin    []byte // the content of root/all.bin: every byte value
}

// staticFixture builds, in a temporary directory:
//
//	secret.txt              outside the root
//	root/hello.txt          (mtime staticModTime)
//	root/style.css
//	root/all.bin            bytes 0..255
//	root/noext
//	root/.env               a dotfile
//	root/.git/config        in a dot-directory
//	root/sub/index.html     a directory with an index
//	root/sub/page.txt
//	root/sub/.hidden
//	root/noindex/readme.txt a directory without one
//	root/link.txt -> ../secret.txt        symlinks out of the root
//	root/abs.txt  -> <base>/secret.txt
//	root/outdir   -> ..
//	root/sub/up.txt -> ../../secret.txt
//	root/alias.css -> style.css           a symlink inside the root
func staticFixture(t testing.TB) staticTree {
	t.Helper()
	base := t.TempDir()
	tree := staticTree{base: base, root: filepath.Join(base, "root"), secret: filepath.Join(base, "secret.txt")}
	tree.bin = make([]byte, 256)
	for i := range tree.bin {
		tree.bin[i] = byte(i)
	}
	files := map[string]string{
		"secret.txt":              staticSecret,
		"root/hello.txt":          "hello, static\n",
		"root/style.css":          "body { color: red }\n",
		"root/all.bin":            string(tree.bin),
		"root/noext":              "no extension\n",
		"root/.env":               "DOTFILE=1\n",
		"root/.git/config":        "[core]\n",
		"root/sub/index.html":     "<h1>sub</h1>\n",
		"root/sub/page.txt":       "sub page\n",
		"root/sub/.hidden":        "hidden\n",
		"root/noindex/readme.txt": "no index here\n",
	}
	for name, content := range files {
		p := filepath.Join(base, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(filepath.Join(tree.root, "hello.txt"), staticModTime, staticModTime); err != nil {
		t.Fatal(err)
	}
	links := [][2]string{
		{"root/link.txt", "../secret.txt"},
		{"root/abs.txt", tree.secret},
		{"root/outdir", ".."},
		{"root/sub/up.txt", "../../secret.txt"},
		{"root/alias.css", "style.css"},
	}
	for _, l := range links {
		if err := os.Symlink(l[1], filepath.Join(base, filepath.FromSlash(l[0]))); err != nil {
			t.Fatalf("symlink: %v", err)
		}
	}
	return tree
}

// staticApp returns an app serving tree.root at /static/.
func staticApp(t testing.TB, tree staticTree, opts ...StaticOption) *App {
	t.Helper()
	a := New(Logger(discardLogger()))
	if err := a.Static("/static/", tree.root, opts...); err != nil {
		t.Fatal(err)
	}
	return a
}

// staticDo serves r and checks that the secret did not leak.
func staticDo(t testing.TB, h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	if bytes.Contains(rec.Body.Bytes(), []byte(staticSecret)) {
		t.Fatalf("%s %q: the secret leaked", r.Method, r.URL)
	}
	return rec
}

// staticRequest builds a request; header holds name, value pairs.
func staticRequest(method, target string, header ...string) *http.Request {
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	return r
}

// staticNotFound returns what the app answers for a path no route matches:
// every refused static path must get exactly this page.
func staticNotFound(t testing.TB, a *App) (contentType, body string) {
	t.Helper()
	rec := staticDo(t, a, staticRequest(http.MethodGet, "/no/such/route"))
	if rec.Code != http.StatusNotFound {
		t.Fatalf("reference 404: status %d", rec.Code)
	}
	return rec.Header().Get("Content-Type"), rec.Body.String()
}

// notFound marks a case that must be answered with the app's 404 page.
const notFound = "<the app's 404 page>"

// anyBody marks a case whose body is not checked.
const anyBody = "<any body>"

func TestStaticServes(t *testing.T) {
	tree := staticFixture(t)
	a := staticApp(t, tree)
	nfType, nfBody := staticNotFound(t, a)
	const helloETag = `"17a668b730013200-e"`
	const helloModified = "Tue, 02 Jan 2024 03:04:05 GMT"

	tests := []struct {
		name   string
		method string
		target string
		header []string
		status int
		body   string            // notFound: the app's 404 page
		want   map[string]string // exact header values; "" means absent
	}{
		{"text file", "GET", "/static/hello.txt", nil, 200, "hello, static\n", map[string]string{
			"Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff",
			"Content-Length": "14", "Last-Modified": helloModified, "ETag": helloETag, "Accept-Ranges": "bytes",
		}},
		{"css", "GET", "/static/style.css", nil, 200, "body { color: red }\n", map[string]string{
			"Content-Type": "text/css; charset=utf-8", "X-Content-Type-Options": "nosniff",
		}},
		{"symlink inside the root", "GET", "/static/alias.css", nil, 200, "body { color: red }\n", map[string]string{
			"Content-Type": "text/css; charset=utf-8",
		}},
		{"binary", "GET", "/static/all.bin", nil, 200, string(tree.bin), map[string]string{
			"Content-Type": "application/octet-stream", "Content-Length": "256", "X-Content-Type-Options": "nosniff",
		}},
		{"no extension is not sniffed", "GET", "/static/noext", nil, 200, "no extension\n", map[string]string{
			"Content-Type": "application/octet-stream",
		}},
		{"nested file", "GET", "/static/sub/page.txt", nil, 200, "sub page\n", nil},
		{"directory index", "GET", "/static/sub/", nil, 200, "<h1>sub</h1>\n", map[string]string{
			"Content-Type": "text/html; charset=utf-8", "X-Content-Type-Options": "nosniff",
		}},
		{"index by name", "GET", "/static/sub/index.html", nil, 200, "<h1>sub</h1>\n", nil},
		{"directory without slash redirects", "GET", "/static/sub", nil, 301, "", map[string]string{
			"Location": "./sub/", "Content-Type": "",
		}},
		{"redirect keeps the query", "GET", "/static/sub?a=1&b=2", nil, 301, "", map[string]string{
			"Location": "./sub/?a=1&b=2",
		}},
		{"HEAD redirect", "HEAD", "/static/sub", nil, 301, "", map[string]string{"Location": "./sub/"}},

		// HEAD, conditional and range requests.
		{"HEAD", "HEAD", "/static/hello.txt", nil, 200, "", map[string]string{
			"Content-Type": "text/plain; charset=utf-8", "Content-Length": "14", "ETag": helloETag,
		}},
		{"If-None-Match", "GET", "/static/hello.txt", []string{"If-None-Match", helloETag}, 304, "", map[string]string{
			"ETag": helloETag, "Content-Length": "", "Content-Type": "",
		}},
		{"If-None-Match other", "GET", "/static/hello.txt", []string{"If-None-Match", `"other"`}, 200, "hello, static\n", nil},
		{"If-Modified-Since", "GET", "/static/hello.txt", []string{"If-Modified-Since", helloModified}, 304, "", map[string]string{
			"ETag": helloETag, "Last-Modified": "", // net/http sends only the ETag with a 304
		}},
		{"If-Modified-Since earlier", "GET", "/static/hello.txt", []string{"If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT"}, 200, "hello, static\n", nil},
		{"Range", "GET", "/static/hello.txt", []string{"Range", "bytes=0-4"}, 206, "hello", map[string]string{
			"Content-Range": "bytes 0-4/14", "Content-Length": "5", "Content-Type": "text/plain; charset=utf-8",
		}},
		{"Range suffix of binary", "GET", "/static/all.bin", []string{"Range", "bytes=250-"}, 206, string(tree.bin[250:]), map[string]string{
			"Content-Range": "bytes 250-255/256", "Content-Type": "application/octet-stream",
		}},
		{"If-Range matching", "GET", "/static/hello.txt", []string{"Range", "bytes=7-12", "If-Range", helloETag}, 206, "static", nil},
		{"If-Range stale", "GET", "/static/hello.txt", []string{"Range", "bytes=7-12", "If-Range", `"stale"`}, 200, "hello, static\n", nil},
		{"Range not satisfiable", "GET", "/static/hello.txt", []string{"Range", "bytes=100-"}, 416, "invalid range: failed to overlap\n", map[string]string{
			"Content-Range": "bytes */14",
		}},
		{"POST is 405", "POST", "/static/hello.txt", nil, 405, anyBody, map[string]string{"Allow": "GET, HEAD, OPTIONS"}},

		// Nothing to serve.
		{"missing file", "GET", "/static/missing.txt", nil, 404, notFound, nil},
		{"missing nested", "GET", "/static/sub/missing.txt", nil, 404, notFound, nil},
		{"file with a slash", "GET", "/static/hello.txt/", nil, 404, notFound, nil},
		{"directory without index", "GET", "/static/noindex/", nil, 404, notFound, nil},
		{"directory without index, no slash", "GET", "/static/noindex", nil, 404, notFound, nil},
		{"the prefix itself", "GET", "/static/", nil, 404, notFound, nil},
		{"dotfile", "GET", "/static/.env", nil, 404, notFound, nil},
		{"dot-directory", "GET", "/static/.git/config", nil, 404, notFound, nil},
		{"dot-directory itself", "GET", "/static/.git/", nil, 404, notFound, nil},
		{"nested dotfile", "GET", "/static/sub/.hidden", nil, 404, notFound, nil},
		{"encoded dotfile", "GET", "/static/%2eenv", nil, 404, notFound, nil},

		// Traversal: every form is a 404, never the file, never a 500.
		{"raw ..", "GET", "/static/../secret.txt", nil, 404, notFound, nil},
		{"raw .. deeper", "GET", "/static/sub/../../secret.txt", nil, 404, notFound, nil},
		{"raw .. staying inside", "GET", "/static/sub/../hello.txt", nil, 404, notFound, nil},
		{"raw .", "GET", "/static/./hello.txt", nil, 404, notFound, nil},
		{"encoded ..", "GET", "/static/%2e%2e/secret.txt", nil, 404, notFound, nil},
		{"encoded .. upper case", "GET", "/static/%2E%2E/secret.txt", nil, 404, notFound, nil},
		{"encoded .", "GET", "/static/%2e/hello.txt", nil, 404, notFound, nil},
		{"..%2f", "GET", "/static/..%2fsecret.txt", nil, 404, notFound, nil},
		{"..%2f twice", "GET", "/static/..%2f..%2fsecret.txt", nil, 404, notFound, nil},
		{"fully encoded", "GET", "/static/%2e%2e%2fsecret.txt", nil, 404, notFound, nil},
		{"fully encoded upper case", "GET", "/static/%2E%2E%2Fsecret.txt", nil, 404, notFound, nil},
		{"%2f inside a segment", "GET", "/static/sub%2fpage.txt", nil, 404, notFound, nil},
		{"%2F inside a segment", "GET", "/static/sub%2Fpage.txt", nil, 404, notFound, nil},
		{"double encoded", "GET", "/static/%252e%252e/secret.txt", nil, 404, notFound, nil},
		{"empty segment", "GET", "/static/sub//page.txt", nil, 404, notFound, nil},
		{"absolute path", "GET", "/static/" + filepath.ToSlash(tree.secret), nil, 404, notFound, nil},
		{"//abs/path", "GET", "/static//etc/passwd", nil, 404, notFound, nil},
		{"encoded backslash", "GET", "/static/..%5csecret.txt", nil, 404, notFound, nil},
		{"encoded backslash inside", "GET", "/static/sub%5cpage.txt", nil, 404, notFound, nil},
		{"NUL", "GET", "/static/%00", nil, 404, notFound, nil},
		{"NUL after a name", "GET", "/static/hello.txt%00", nil, 404, notFound, nil},
		{"NUL before an extension", "GET", "/static/hello.txt%00.css", nil, 404, notFound, nil},
		{"newline", "GET", "/static/hello%0a.txt", nil, 404, notFound, nil},
		{"DEL", "GET", "/static/hello.txt%7f", nil, 404, notFound, nil},
		{"symlink out", "GET", "/static/link.txt", nil, 404, notFound, nil},
		{"absolute symlink out", "GET", "/static/abs.txt", nil, 404, notFound, nil},
		{"symlinked directory out", "GET", "/static/outdir/secret.txt", nil, 404, notFound, nil},
		{"symlinked directory out, index", "GET", "/static/outdir/", nil, 404, notFound, nil},
		{"nested symlink out", "GET", "/static/sub/up.txt", nil, 404, notFound, nil},
		{"HEAD of a refused path", "HEAD", "/static/../secret.txt", nil, 404, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := staticDo(t, a, staticRequest(tc.method, tc.target, tc.header...))
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d (body %q)", rec.Code, tc.status, rec.Body.String())
			}
			body := tc.body
			if body == notFound {
				body = nfBody
				if got := rec.Header().Get("Content-Type"); got != nfType {
					t.Errorf("Content-Type %q, want the 404 page's %q", got, nfType)
				}
				for _, h := range []string{"ETag", "Last-Modified", "Accept-Ranges"} {
					if v := rec.Header().Get(h); v != "" {
						t.Errorf("%s: %q on a 404", h, v)
					}
				}
			}
			if got := rec.Body.String(); body != anyBody && got != body {
				t.Errorf("body %q, want %q", got, body)
			}
			for h, want := range tc.want {
				if got := rec.Header().Get(h); got != want {
					t.Errorf("%s: %q, want %q", h, got, want)
				}
			}
		})
	}
}

// TestStaticRefusesUnparsablePaths covers paths that a client can send but
// httptest.NewRequest cannot express: a raw backslash, NUL or control byte
// in the path, as a server hands them to a handler.
func TestStaticRefusesUnparsablePaths(t *testing.T) {
	tree := staticFixture(t)
	a := staticApp(t, tree)
	_, nfBody := staticNotFound(t, a)
	for _, u := range []*url.URL{
		{Path: `/static/..\secret.txt`},
		{Path: `/static/sub\page.txt`},
		{Path: `/static/\hello.txt`},
		{Path: "/static/hello.txt\x00"},
		{Path: "/static/hello.txt\x00.css"},
		{Path: "/static/hello\r\n.txt"},
		{Path: "/static/../secret.txt", RawPath: "/static/%2e%2e/secret.txt"},
		{Path: "/static/../secret.txt", RawPath: "/static/..%2Fsecret.txt"},
		{Path: "/static/sub/page.txt", RawPath: "/static/sub%2Fpage.txt"},
		{Path: "/static/" + tree.secret},
		{Path: "/static//" + tree.secret},
	} {
		r := staticRequest(http.MethodGet, "/")
		r.URL = u
		rec := staticDo(t, a, r)
		if rec.Code != http.StatusNotFound || rec.Body.String() != nfBody {
			t.Errorf("%q (raw %q): %d %q, want the 404 page", u.Path, u.RawPath, rec.Code, rec.Body.String())
		}
	}
}

func TestStaticNotFoundUsesTheAppsPage(t *testing.T) {
	tree := staticFixture(t)
	a := New(Logger(discardLogger()), ErrorPage(http.StatusNotFound, func(r *Request, e *Error) Response {
		return respond.Text("custom 404").WithStatus(http.StatusNotFound)
	}))
	if err := a.Static("/static/", tree.root); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"/static/missing.txt", "/static/../secret.txt", "/static/.env", "/static/link.txt", "/static/noindex/"} {
		rec := staticDo(t, a, staticRequest(http.MethodGet, target))
		if rec.Code != http.StatusNotFound || rec.Body.String() != "custom 404" {
			t.Errorf("%s: %d %q, want 404 %q", target, rec.Code, rec.Body.String(), "custom 404")
		}
	}
}

func TestStaticIndexOff(t *testing.T) {
	tree := staticFixture(t)
	a := staticApp(t, tree, StaticIndex(false))
	for target, want := range map[string]int{
		"/static/sub/":           404,
		"/static/sub":            404,
		"/static/sub/index.html": 200,
		"/static/hello.txt":      200,
	} {
		if rec := staticDo(t, a, staticRequest(http.MethodGet, target)); rec.Code != want {
			t.Errorf("%s: %d, want %d", target, rec.Code, want)
		}
	}
}

func TestStaticPrecedence(t *testing.T) {
	tree := staticFixture(t)
	a := New(Logger(discardLogger()))
	Get(a, "/static/hello.txt", func(r *Request, p struct{}) Response { return respond.Text("dynamic") })
	Get(a, "/static/<int:n>", func(r *Request, p struct {
		N int `path:"n"`
	}) Response {
		return respond.Text(fmt.Sprint("number ", p.N))
	})
	if err := a.Static("/static/", tree.root); err != nil {
		t.Fatal(err)
	}
	Get(a, "/static/sub/page.txt", func(r *Request, p struct{}) Response { return respond.Text("later, still first") })
	for target, want := range map[string]string{
		"/static/hello.txt":    "dynamic",
		"/static/42":           "number 42",
		"/static/style.css":    "body { color: red }\n",
		"/static/sub/page.txt": "later, still first",
		"/static/sub/":         "<h1>sub</h1>\n",
	} {
		if rec := staticDo(t, a, staticRequest(http.MethodGet, target)); rec.Code != 200 || rec.Body.String() != want {
			t.Errorf("%s: %d %q, want %q", target, rec.Code, rec.Body.String(), want)
		}
	}
	routes := a.Routes()
	if got := routes[2]; got.Method != "GET" || got.Pattern != "/static/<path:file>" {
		t.Errorf("route %+v, want GET /static/<path:file>", got)
	}
}

func TestStaticRegistrationErrors(t *testing.T) {
	tree := staticFixture(t)
	t.Run("prefixes", func(t *testing.T) {
		for _, prefix := range []string{
			"", "static", "static/", "/static", "//", "/static//", "//static/", "/a//b/", "/a/../b/", "/../",
			"/./", "/a/./", "/a/<str:x>/", "/a%2f/", "/a?/", "/a#/", `/a\b/`, "/a\x00/", "/a\n/", "/a\x7f/",
		} {
			a := New(Logger(discardLogger()))
			err := a.Static(prefix, tree.root)
			want := fmt.Sprintf("itty: static prefix %q is not a clean path that starts and ends with \"/\", such as \"/static/\"", prefix)
			if err == nil || err.Error() != want {
				t.Errorf("Static(%q): %v, want %s", prefix, err, want)
			}
			if err := a.StaticFS(prefix, fstest.MapFS{}); err == nil || err.Error() != want {
				t.Errorf("StaticFS(%q): %v, want %s", prefix, err, want)
			}
			if len(a.Routes()) != 0 {
				t.Errorf("%q: a route was registered", prefix)
			}
		}
		for _, prefix := range []string{"/", "/static/", "/a/b/", "/.well-known/", "/assets-v2/"} {
			a := New(Logger(discardLogger()))
			if err := a.Static(prefix, tree.root); err != nil {
				t.Errorf("Static(%q): %v", prefix, err)
			}
		}
	})
	t.Run("missing directory", func(t *testing.T) {
		err := New().Static("/static/", filepath.Join(tree.base, "nope"))
		if !stderrors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(err.Error(), "itty: static /static/: ") {
			t.Errorf("got %v, want an fs.ErrNotExist error", err)
		}
	})
	t.Run("not a directory", func(t *testing.T) {
		err := New().Static("/static/", tree.secret)
		if err == nil || !strings.HasPrefix(err.Error(), "itty: static /static/: ") {
			t.Errorf("got %v, want an error", err)
		}
		if err := New().StaticFS("/static/", fstest.MapFS{".": {Data: []byte("x")}}); err == nil {
			t.Error("StaticFS on a file: no error")
		}
	})
	t.Run("nil fs", func(t *testing.T) {
		if err := New().StaticFS("/static/", nil); err == nil || err.Error() != "itty: static /static/: the file system is nil" {
			t.Errorf("got %v", err)
		}
	})
	t.Run("conflict", func(t *testing.T) {
		a := New()
		Get(a, "/static/<path:rest>", func(r *Request, p struct {
			Rest string `path:"rest"`
		}) Response {
			return nil
		})
		err := a.Static("/static/", tree.root)
		var ce *ConflictError
		var re *RouteError
		if !stderrors.As(err, &ce) || !stderrors.As(err, &re) || ce.Other != "/static/<path:rest>" || re.Pattern != "/static/<path:file>" {
			t.Errorf("got %v, want a *RouteError with a *ConflictError", err)
		}
		err = a.StaticFS("/static/", fstest.MapFS{})
		if !stderrors.As(err, &ce) {
			t.Errorf("StaticFS: got %v, want a *ConflictError", err)
		}
	})
	t.Run("after serving", func(t *testing.T) {
		a := New(Logger(discardLogger()))
		staticDo(t, a, staticRequest(http.MethodGet, "/"))
		var re *RouteError
		if err := a.Static("/static/", tree.root); !stderrors.Is(err, ErrServed) || !stderrors.As(err, &re) {
			t.Errorf("Static: got %v, want a *RouteError wrapping ErrServed", err)
		}
		if err := a.StaticFS("/static/", fstest.MapFS{}); !stderrors.Is(err, ErrServed) {
			t.Errorf("StaticFS: got %v, want ErrServed", err)
		}
	})
}

func TestStaticDirOption(t *testing.T) {
	tree := staticFixture(t)
	t.Run("registers", func(t *testing.T) {
		a := New(Logger(discardLogger()), StaticDir("/assets/", tree.root, StaticIndex(false)))
		if err := a.mountStatic(); err != nil {
			t.Fatal(err)
		}
		if err := a.mountStatic(); err != nil {
			t.Fatalf("second mountStatic: %v", err)
		}
		if rs := a.Routes(); len(rs) != 1 || rs[0].Pattern != "/assets/<path:file>" {
			t.Fatalf("routes %+v", rs)
		}
		if rec := staticDo(t, a, staticRequest(http.MethodGet, "/assets/hello.txt")); rec.Code != 200 || rec.Body.String() != "hello, static\n" {
			t.Errorf("%d %q", rec.Code, rec.Body.String())
		}
		if rec := staticDo(t, a, staticRequest(http.MethodGet, "/assets/sub/")); rec.Code != 404 {
			t.Errorf("StaticIndex(false) was ignored: %d", rec.Code)
		}
	})
	t.Run("one option, two apps", func(t *testing.T) {
		opt := StaticDir("/assets/", tree.root)
		for i := 0; i < 2; i++ {
			a := New(Logger(discardLogger()), opt)
			if err := a.mountStatic(); err != nil {
				t.Fatal(err)
			}
			if len(a.Routes()) != 1 {
				t.Fatalf("app %d: routes %+v", i, a.Routes())
			}
		}
	})
	t.Run("errors", func(t *testing.T) {
		a := New(Logger(discardLogger()),
			StaticDir("/assets/", filepath.Join(tree.base, "nope")),
			StaticDir("assets", tree.root),
			StaticDir("/ok/", tree.root),
			StaticDir("/ok/", tree.root))
		err := a.mountStatic()
		var ce *ConflictError
		if !stderrors.Is(err, fs.ErrNotExist) || !stderrors.As(err, &ce) || !strings.Contains(err.Error(), `static prefix "assets"`) {
			t.Errorf("got %v", err)
		}
		if rs := a.Routes(); len(rs) != 1 || rs[0].Pattern != "/ok/<path:file>" {
			t.Errorf("routes %+v", rs)
		}
	})
}

// TestStaticDirIsAppliedBeforeServing checks that StaticDir given to New is
// registered by the first request (which logs an error), and given to Run by
// Run (which returns it).
func TestStaticDirIsAppliedBeforeServing(t *testing.T) {
	staticNoLeaks(t)
	tree := staticFixture(t)
	a := New(Logger(discardLogger()), StaticDir("/assets/", tree.root))
	rec := staticDo(t, a, staticRequest(http.MethodGet, "/assets/hello.txt"))
	if rec.Code != 200 || rec.Body.String() != "hello, static\n" {
		t.Errorf("New(StaticDir): %d %q", rec.Code, rec.Body.String())
	}

	t.Run("first request logs the error", func(t *testing.T) {
		var log bytes.Buffer
		a := New(Logger(slog.New(slog.NewTextHandler(&log, nil))), StaticDir("/assets/", filepath.Join(tree.base, "nope")))
		if rec := staticDo(t, a, staticRequest(http.MethodGet, "/assets/hello.txt")); rec.Code != 404 {
			t.Errorf("%d, want 404", rec.Code)
		}
		if !strings.Contains(log.String(), "itty: static files cannot be served") || !strings.Contains(log.String(), "/nope") {
			t.Errorf("log %q", log.String())
		}
	})

	t.Run("Run returns the error", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		err = New(Logger(discardLogger())).RunContext(ctx, Listener(ln), Output(io.Discard), StaticDir("/assets/", filepath.Join(tree.base, "nope")))
		if !stderrors.Is(err, fs.ErrNotExist) {
			t.Errorf("RunContext with a missing directory: %v, want an fs.ErrNotExist error", err)
		}
	})

	t.Run("Run serves", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		errc := make(chan error, 1)
		go func() {
			errc <- New(Logger(discardLogger())).RunContext(ctx, Listener(ln), Output(io.Discard), StaticDir("/assets/", tree.root))
		}()
		resp, body := staticRaw(t, ln.Addr().String(), "GET /assets/style.css HTTP/1.1")
		if resp.StatusCode != 200 || string(body) != "body { color: red }\n" {
			t.Errorf("%d %q", resp.StatusCode, body)
		}
		cancel()
		if err := <-errc; err != nil {
			t.Errorf("RunContext: %v", err)
		}
	})
}

// staticNoLeaks fails the test if, once its cleanups have run, more
// goroutines are left than there were when it started. Call it first, so
// that its check runs last.
