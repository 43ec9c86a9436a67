package itty

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// Tests of StaticFS: in-memory, embedded and faulty file systems.

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
