package app

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// mustApps returns the app with embedded assets and the app serving the
// static_media directory.
func mustApps(t *testing.T) map[string]http.Handler {
	t.Helper()
	embedded, err := New("")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := New("static_media")
	if err != nil {
		t.Fatal(err)
	}
	return map[string]http.Handler{"embedded": embedded, "directory": dir}
}

func serve(h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestAssets(t *testing.T) {
	for name, h := range mustApps(t) {
		t.Run(name, func(t *testing.T) {
			for _, c := range []struct{ file, ctype string }{
				{"css/default.css", "text/css; charset=utf-8"},
				{"js/index.js", "text/javascript; charset=utf-8"},
			} {
				want, err := os.ReadFile(filepath.Join("static_media", c.file))
				if err != nil {
					t.Fatal(err)
				}
				w := serve(h, "GET", Prefix+c.file)
				if w.Code != 200 || w.Header().Get("Content-Type") != c.ctype || w.Body.String() != string(want) {
					t.Errorf("GET %s: %d %q, body %d bytes (want %d)", c.file, w.Code, w.Header().Get("Content-Type"), w.Body.Len(), len(want))
				}
				etag := w.Header().Get("ETag")
				if etag == "" {
					t.Errorf("GET %s: no ETag", c.file)
				}
				if w := serve(h, "GET", Prefix+c.file, "If-None-Match", etag); w.Code != 304 {
					t.Errorf("conditional GET %s: %d, want 304", c.file, w.Code)
				}
				if w := serve(h, "HEAD", Prefix+c.file); w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("Content-Length") != strconv.Itoa(len(want)) {
					t.Errorf("HEAD %s: %d, %d body bytes, Content-Length %q", c.file, w.Code, w.Body.Len(), w.Header().Get("Content-Length"))
				}
			}
		})
	}
}

func TestIndexLinksTheAssets(t *testing.T) {
	for name, h := range mustApps(t) {
		w := serve(h, "GET", "/")
		body := w.Body.String()
		if w.Code != 200 || !strings.Contains(body, `<link rel="stylesheet" href="/static/css/default.css">`) ||
			!strings.Contains(body, `<script src="/static/js/index.js" defer></script>`) {
			t.Errorf("%s: GET /: %d\n%s", name, w.Code, body)
		}
	}
}

func TestNothingElseIsServed(t *testing.T) {
	for name, h := range mustApps(t) {
		for _, target := range []string{
			"/static/", "/static/css/", "/static/css", "/static/missing.css",
			"/static/../app.go", "/static/%2e%2e/app.go", "/static/css%2fdefault.css",
			"/static/.hidden", "/app.go", "/static_media/css/default.css",
		} {
			if w := serve(h, "GET", target); w.Code != 404 {
				t.Errorf("%s: GET %s = %d, want 404", name, target, w.Code)
			}
		}
		if w := serve(h, "POST", "/static/css/default.css"); w.Code != 405 {
			t.Errorf("%s: POST an asset = %d, want 405", name, w.Code)
		}
	}
}

func TestMissingDirectory(t *testing.T) {
	if _, err := New(filepath.Join(t.TempDir(), "nope")); err == nil || !strings.HasPrefix(err.Error(), "itty: static /static/: ") {
		t.Errorf("New over a missing directory: %v", err)
	}
}
