package itty

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
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
	"runtime"
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

func TestStaticFSMapFS(t *testing.T) {
	mod := time.Date(2023, 5, 6, 7, 8, 9, 0, time.UTC)
	fsys := fstest.MapFS{
		"app.js":          {Data: []byte("console.log(1)\n"), ModTime: mod},
		"data.json":       {Data: []byte(`{"a":1}`)}, // no modification time
		"docs/index.html": {Data: []byte("<p>docs</p>")},
		".env":            {Data: []byte(staticSecret)},
		"secret/.key":     {Data: []byte(staticSecret)},
	}
	a := New(Logger(discardLogger()))
	if err := a.StaticFS("/assets/", fsys); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(`{"a":1}`))
	dataETag := `"` + hex.EncodeToString(sum[:16]) + `"`
	tests := []struct {
		target string
		header []string
		status int
		body   string
		want   map[string]string
	}{
		{"/assets/app.js", nil, 200, "console.log(1)\n", map[string]string{
			"Content-Type": "text/javascript; charset=utf-8", "Last-Modified": "Sat, 06 May 2023 07:08:09 GMT",
			"ETag": `"175c7c2bf70d3a00-f"`, "X-Content-Type-Options": "nosniff",
		}},
		{"/assets/data.json", nil, 200, `{"a":1}`, map[string]string{
			"Content-Type": "application/json", "ETag": dataETag, "Last-Modified": "",
		}},
		{"/assets/data.json", []string{"If-None-Match", dataETag}, 304, "", nil},
		{"/assets/data.json", []string{"Range", "bytes=1-3"}, 206, `"a"`, nil},
		{"/assets/docs/", nil, 200, "<p>docs</p>", map[string]string{"Content-Type": "text/html; charset=utf-8"}},
		{"/assets/docs", nil, 301, "", map[string]string{"Location": "./docs/"}},
		{"/assets/.env", nil, 404, "", nil},
		{"/assets/secret/.key", nil, 404, "", nil},
		{"/assets/secret/", nil, 404, "", nil},
		{"/assets/../app.js", nil, 404, "", nil},
		{"/assets/docs%2findex.html", nil, 404, "", nil},
		{"/assets/missing", nil, 404, "", nil},
	}
	for _, tc := range tests {
		rec := staticDo(t, a, staticRequest(http.MethodGet, tc.target, tc.header...))
		if rec.Code != tc.status || (tc.status != 404 && rec.Body.String() != tc.body) {
			t.Errorf("%s %v: %d %q, want %d %q", tc.target, tc.header, rec.Code, rec.Body.String(), tc.status, tc.body)
		}
		for h, want := range tc.want {
			if got := rec.Header().Get(h); got != want {
				t.Errorf("%s: %s %q, want %q", tc.target, h, got, want)
			}
		}
	}
}

//go:embed testdata/static
var staticEmbedded embed.FS

func TestStaticFSEmbed(t *testing.T) {
	sub, err := fs.Sub(staticEmbedded, "testdata/static")
	if err != nil {
		t.Fatal(err)
	}
	a := New(Logger(discardLogger()))
	if err := a.StaticFS("/static/", sub); err != nil {
		t.Fatal(err)
	}
	rec := staticDo(t, a, staticRequest(http.MethodGet, "/static/css/site.css"))
	if rec.Code != 200 || rec.Body.String() != "h1 { font-weight: bold }\n" || rec.Header().Get("Content-Type") != "text/css; charset=utf-8" {
		t.Fatalf("site.css: %d %q %q", rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
	}
	etag := rec.Header().Get("ETag")
	sum := sha256.Sum256([]byte("h1 { font-weight: bold }\n"))
	if want := `"` + hex.EncodeToString(sum[:16]) + `"`; etag != want {
		t.Errorf("ETag %q, want %q", etag, want)
	}
	if rec := staticDo(t, a, staticRequest(http.MethodGet, "/static/css/site.css", "If-None-Match", etag)); rec.Code != 304 {
		t.Errorf("If-None-Match: %d, want 304", rec.Code)
	}
	for target, want := range map[string]int{
		"/static/hello.txt":        200,
		"/static/docs/":            200,
		"/static/docs":             301,
		"/static/css/":             404,
		"/static/../static.go":     404,
		"/static/..%2fstatic.go":   404,
		"/static/%2e%2e/static.go": 404,
	} {
		if rec := staticDo(t, a, staticRequest(http.MethodGet, target)); rec.Code != want {
			t.Errorf("%s: %d, want %d", target, rec.Code, want)
		}
	}
}

// staticFaultyFS wraps an fs.FS to hide Seek, or to fail in one place.
type staticFaultyFS struct {
	fs.FS
	noSeek   bool
	openErr  bool // Open fails after Stat succeeded: the file vanished
	statErr  bool // the open file's Stat fails
	readErr  bool // Read fails (only without Seek, where the file is read first)
	notRegul bool // the open file claims not to be a regular file
}

func (f staticFaultyFS) Open(name string) (fs.File, error) {
	if f.openErr {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	file, err := f.FS.Open(name)
	if err != nil {
		return nil, err
	}
	if name == "." || !(f.noSeek || f.statErr || f.readErr || f.notRegul) {
		return file, nil
	}
	return &staticFaultyFile{File: file, fs: f}, nil
}

// Stat reports the wrapped FS's view, so WriteResponse gets as far as Open.
func (f staticFaultyFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(f.FS, name) }

type staticFaultyFile struct {
	fs.File
	fs staticFaultyFS
}

func (f *staticFaultyFile) Stat() (fs.FileInfo, error) {
	if f.fs.statErr {
		return nil, fs.ErrPermission
	}
	fi, err := f.File.Stat()
	if err == nil && f.fs.notRegul {
		return staticDirInfo{fi}, nil
	}
	return fi, err
}

func (f *staticFaultyFile) Read(p []byte) (int, error) {
	if f.fs.readErr {
		return 0, io.ErrUnexpectedEOF
	}
	return f.File.Read(p)
}

type staticDirInfo struct{ fs.FileInfo }

func (staticDirInfo) Mode() fs.FileMode { return fs.ModeDir | 0o755 }
func (staticDirInfo) IsDir() bool       { return true }

func TestStaticFSFaults(t *testing.T) {
	base := fstest.MapFS{
		"big.txt": {Data: []byte("0123456789abcdef"), ModTime: time.Unix(1700000000, 0)},
	}
	t.Run("no Seek", func(t *testing.T) {
		a := New(Logger(discardLogger()))
		if err := a.StaticFS("/f/", staticFaultyFS{FS: base, noSeek: true}); err != nil {
			t.Fatal(err)
		}
		rec := staticDo(t, a, staticRequest(http.MethodGet, "/f/big.txt", "Range", "bytes=10-"))
		if rec.Code != 206 || rec.Body.String() != "abcdef" || rec.Header().Get("Content-Range") != "bytes 10-15/16" {
			t.Errorf("range without Seek: %d %q", rec.Code, rec.Body.String())
		}
		if rec := staticDo(t, a, staticRequest(http.MethodGet, "/f/big.txt")); rec.Code != 200 || rec.Body.String() != "0123456789abcdef" {
			t.Errorf("without Seek: %d %q", rec.Code, rec.Body.String())
		}
	})
	for name, fsys := range map[string]staticFaultyFS{
		"vanished":          {FS: base, openErr: true},
		"Stat fails":        {FS: base, statErr: true},
		"Read fails":        {FS: base, noSeek: true, readErr: true},
		"not regular later": {FS: base, notRegul: true},
	} {
		t.Run(name, func(t *testing.T) {
			a := New(Logger(discardLogger()))
			if err := a.StaticFS("/f/", fsys); err != nil {
				t.Fatal(err)
			}
			rec := staticDo(t, a, staticRequest(http.MethodGet, "/f/big.txt"))
			if rec.Code != 404 || rec.Header().Get("ETag") != "" {
				t.Errorf("%d %q, want 404", rec.Code, rec.Body.String())
			}
		})
	}
}

func TestStaticVanishedDirectory(t *testing.T) {
	tree := staticFixture(t)
	a := staticApp(t, tree)
	if err := os.Remove(filepath.Join(tree.root, "hello.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(tree.root, "sub")); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"/static/hello.txt", "/static/sub/", "/static/sub", "/static/sub/page.txt"} {
		if rec := staticDo(t, a, staticRequest(http.MethodGet, target)); rec.Code != 404 {
			t.Errorf("%s: %d, want 404", target, rec.Code)
		}
	}
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
func staticNoLeaks(t *testing.T) {
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(5 * time.Second)
		for {
			n := runtime.NumGoroutine()
			if n <= before {
				return
			}
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				t.Errorf("%d goroutines before, %d after:\n%s", before, n, buf[:runtime.Stack(buf, true)])
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
}

// staticRaw sends head (request line and headers, without the final blank
// line) verbatim over a new connection to addr and reads the response.
func staticRaw(t *testing.T, addr, head string) (*http.Response, []byte) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(10 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(conn, head+"\r\nHost: example.com\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%q: %v", head, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%q: reading the body: %v", head, err)
	}
	return resp, body
}

// TestStaticRawRequests sends request lines verbatim over a loopback
// connection: forms that http.NewRequest would clean, encode or refuse.
func TestStaticRawRequests(t *testing.T) {
	staticNoLeaks(t)
	tree := staticFixture(t)
	a := staticApp(t, tree)
	_, nfBody := staticNotFound(t, a)
	srv := httptest.NewServer(a)
	t.Cleanup(srv.Close)
	addr := srv.Listener.Addr().String()
	secret := filepath.ToSlash(tree.secret)

	tests := []struct {
		line   string
		status int
		body   string
	}{
		{"GET /static/hello.txt HTTP/1.1", 200, "hello, static\n"},
		{"GET http://example.com/static/hello.txt HTTP/1.1", 200, "hello, static\n"},
		{"GET /static/sub HTTP/1.1", 301, ""},
		{"GET /static/../secret.txt HTTP/1.1", 404, notFound},
		{"GET /static/sub/../../secret.txt HTTP/1.1", 404, notFound},
		{"GET /static/..%2fsecret.txt HTTP/1.1", 404, notFound},
		{"GET /static/..%2f..%2fsecret.txt HTTP/1.1", 404, notFound},
		{"GET /static/..%2F..%2Froot%2Fhello.txt HTTP/1.1", 404, notFound},
		{"GET /static/%2e%2e/secret.txt HTTP/1.1", 404, notFound},
		{"GET /static/%2e%2e%2fsecret.txt HTTP/1.1", 404, notFound},
		{"GET /static/.%2e/secret.txt HTTP/1.1", 404, notFound},
		{"GET /static/sub%2fpage.txt HTTP/1.1", 404, notFound},
		{"GET /static/..\\secret.txt HTTP/1.1", 404, notFound},
		{"GET /static/sub\\..\\..\\secret.txt HTTP/1.1", 404, notFound},
		{"GET /static/..%5csecret.txt HTTP/1.1", 404, notFound},
		{"GET /static/" + secret + " HTTP/1.1", 404, notFound},
		{"GET /" + secret + " HTTP/1.1", 404, notFound},
		{"GET //static/hello.txt HTTP/1.1", 404, notFound},
		{"GET /static//etc/passwd HTTP/1.1", 404, notFound},
		{"GET /static/hello.txt%00 HTTP/1.1", 404, notFound},
		{"GET /static/%00/../secret.txt HTTP/1.1", 404, notFound},
		{"GET /static/link.txt HTTP/1.1", 404, notFound},
		{"GET /static/outdir/secret.txt HTTP/1.1", 404, notFound},
		{"GET /static/.env HTTP/1.1", 404, notFound},
		{"GET /static/.git/config HTTP/1.1", 404, notFound},
		{"GET /static/noindex/ HTTP/1.1", 404, notFound},
		{"GET http://example.com/static/../secret.txt HTTP/1.1", 404, notFound},
		{"GET http://example.com/static/..%2fsecret.txt HTTP/1.1", 404, notFound},
		// net/http refuses these before the app sees them.
		{"GET /static/hello.txt\x00 HTTP/1.1", 400, "400 Bad Request"},
		{"GET /static/%zz HTTP/1.1", 400, "400 Bad Request"},
	}
	for _, tc := range tests {
		resp, body := staticRaw(t, addr, tc.line)
		if bytes.Contains(body, []byte(staticSecret)) {
			t.Fatalf("%q: the secret leaked", tc.line)
		}
		want := tc.body
		if want == notFound {
			want = nfBody
		}
		if resp.StatusCode != tc.status || string(body) != want {
			t.Errorf("%q: %d %q, want %d %q", tc.line, resp.StatusCode, body, tc.status, want)
		}
	}
}

// staticFuzzSeeds are added to the corpus in testdata/fuzz/FuzzStaticPath.
var staticFuzzSeeds = []string{
	"hello.txt", "sub/", "sub", "../secret.txt", "..%2fsecret.txt", "%2e%2e/secret.txt",
	"link.txt", "outdir/secret.txt", ".env", "sub%2fpage.txt", `..\secret.txt`, "hello.txt\x00",
}

func FuzzStaticPath(f *testing.F) {
	tree := staticFixture(f)
	a := New(Logger(discardLogger()))
	if err := a.Static("/static/", tree.root); err != nil {
		f.Fatal(err)
	}
	for _, s := range staticFuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		check := func(r *http.Request) {
			rec := httptest.NewRecorder()
			a.ServeHTTP(rec, r)
			if rec.Code >= 500 {
				t.Fatalf("path %q (raw %q): status %d", r.URL.Path, r.URL.RawPath, rec.Code)
			}
			if bytes.Contains(rec.Body.Bytes(), []byte(staticSecret)) {
				t.Fatalf("path %q (raw %q): the secret leaked", r.URL.Path, r.URL.RawPath)
			}
		}
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			// As a client would send it: an escaped request target.
			if u, err := url.ParseRequestURI("/static/" + p); err == nil {
				r := httptest.NewRequest(method, "/", nil)
				r.URL, r.RequestURI = u, u.RequestURI()
				check(r)
			}
			// As a decoded path holding any bytes at all.
			r := httptest.NewRequest(method, "/", nil)
			r.URL = &url.URL{Path: "/static/" + p}
			check(r)
		}
	})
}
