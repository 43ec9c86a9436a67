package itty

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// Tests that send raw request lines to a real loopback server, and the
// fuzz target of static path resolution.

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
