package app

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a settable time source for the nonce store.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func serve(h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			r.Host = header[i+1]
			continue
		}
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestYAMLRoutes(t *testing.T) {
	h := New(time.Minute, nil)
	cases := []struct {
		target string
		header []string
		status int
		body   string
	}{
		{"/whatev/", nil, 200, "greeting: Hello\nnoun: world\npunctuation: \"!\"\n"},
		{"/app/42/hello-world", nil, 200, "draft: false\nid: 42\ntitle: hello-world\n"},
		{"/app/7/true?draft=true", nil, 200, "draft: true\nid: 7\ntitle: \"true\"\n"},
		{"/pages/?from=2&to=4", nil, 200, "from: 2\npages:\n  - 2\n  - 3\n  - 4\nto: 4\n"},
		{"/", []string{"Host", "api.localhost:8000"}, 200, "host: \"api.localhost:8000\"\nservice: api\n"},
		{"/", []string{"Host", "API.LOCALHOST"}, 200, "host: API.LOCALHOST\nservice: api\n"},
	}
	for _, c := range cases {
		w := serve(h, "GET", c.target, c.header...)
		if w.Code != c.status || w.Body.String() != c.body || w.Header().Get("Content-Type") != "application/yaml" {
			t.Errorf("GET %s %v: %d %q %q\nwant %d %q", c.target, c.header, w.Code, w.Header().Get("Content-Type"), w.Body.String(), c.status, c.body)
		}
	}
	if w := serve(h, "HEAD", "/whatev/"); w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("Content-Length") != "45" {
		t.Errorf("HEAD /whatev/: %d, %d bytes, Content-Length %q", w.Code, w.Body.Len(), w.Header().Get("Content-Length"))
	}
}

func TestRoutingChecks(t *testing.T) {
	h := New(time.Minute, nil)
	cases := []struct {
		target string
		header []string
		status int
		detail string
	}{
		{"/app/x/hello", nil, 404, ""},                // not an int: no match
		{"/app/99999999999999999999/t", nil, 404, ""}, // overflows int
		{"/app/1/t?draft=maybe", nil, 422, `"location":"query.draft"`},
		{"/pages/?from=4&to=2", nil, 422, `"errors":[{"location":"query.to","message":"must not be less than from"}]`},
		{"/pages/?from=0&to=2", nil, 422, `"location":"query.from"`},
		{"/pages/?from=1", nil, 422, `"location":"query.to"`},
		{"/whatev/", []string{"Host", "api.localhost"}, 404, ""}, // the API app has no such route
		{"/", nil, 404, ""},
	}
	for _, c := range cases {
		w := serve(h, "GET", c.target, append([]string{"Accept", "application/json"}, c.header...)...)
		if w.Code != c.status || !strings.Contains(w.Body.String(), c.detail) {
			t.Errorf("GET %s: %d %s, want %d with %s", c.target, w.Code, w.Body.String(), c.status, c.detail)
		}
	}
}

func TestNonces(t *testing.T) {
	clk := &clock{t: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	h := New(time.Minute, clk.now)
	issue := func() string {
		t.Helper()
		w := serve(h, "POST", "/nonce/")
		if w.Code != 201 || len(w.Body.String()) != 26 {
			t.Fatalf("POST /nonce/: %d %q", w.Code, w.Body.String())
		}
		return w.Body.String()
	}
	hello := func(nonce string) int {
		if nonce == "" {
			return serve(h, "GET", "/secure/hello").Code
		}
		return serve(h, "GET", "/secure/hello", NonceHeader, nonce).Code
	}
	n := issue()
	if w := serve(h, "GET", "/secure/hello", NonceHeader, n); w.Code != 200 || w.Body.String() != "message: \"Hello, verified client!\"\n" {
		t.Errorf("first use: %d %q", w.Code, w.Body.String())
	}
	if got := hello(n); got != 403 {
		t.Errorf("second use: %d, want 403", got)
	}
	if got := hello(""); got != 403 {
		t.Errorf("no nonce: %d, want 403", got)
	}
	if got := hello("AAAAAAAAAAAAAAAAAAAAAAAAAA"); got != 403 {
		t.Errorf("made-up nonce: %d, want 403", got)
	}
	late := issue()
	clk.add(time.Minute)
	if got := hello(late); got != 403 {
		t.Errorf("expired nonce: %d, want 403", got)
	}
	a, b := issue(), issue()
	if a == b {
		t.Errorf("two nonces are equal: %s", a)
	}
	if hello(b) != 200 || hello(a) != 200 {
		t.Error("nonces issued together are not each good once")
	}
	if w := serve(h, "GET", "/secure/hello", "Accept", "application/json"); !strings.Contains(w.Body.String(), `"detail":"a valid, unused X-Secure-Nonce header is required"`) {
		t.Errorf("403 body: %s", w.Body.String())
	}
}

func TestNonceStoreBound(t *testing.T) {
	clk := &clock{t: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	s := NewNonceStore(time.Minute, clk.now)
	for range maxNonces {
		if _, err := s.Issue(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Issue(); err == nil || err.Error() != "itty: 503 service unavailable: too many nonces are waiting; try again later" {
		t.Errorf("Issue past the bound: %v", err)
	}
	clk.add(time.Minute) // all expire, and are pruned by the next Issue
	if _, err := s.Issue(); err != nil {
		t.Errorf("Issue after expiry: %v", err)
	}
}
