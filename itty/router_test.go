package itty_test

import (
	stderrors "errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// mustServe sends one request to h and returns the recorded response.
func mustServe(t *testing.T, h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func newMethodsApp(t *testing.T, opts ...itty.Option) *itty.App {
	t.Helper()
	a := itty.New(opts...)
	itty.Get(a, "/things/<int:id>", func(r *itty.Request, p struct {
		ID int `path:"id"`
	}) itty.Response {
		return respond.Text("thing")
	})
	itty.Delete(a, "/things/<int:id>", func(r *itty.Request, p struct {
		ID int `path:"id"`
	}) itty.Response {
		return nil
	})
	itty.Handle(a, "PROPFIND", "/things/<int:id>", func(r *itty.Request, p struct {
		ID int `path:"id"`
	}) itty.Response {
		return respond.Text("props")
	})
	itty.Post(a, "/form/", func(r *itty.Request, p struct{}) itty.Response { return respond.Text("posted") })
	itty.Options(a, "/custom", func(r *itty.Request, p struct{}) itty.Response {
		return respond.Text("custom options")
	})
	itty.Get(a, "/custom", func(r *itty.Request, p struct{}) itty.Response { return respond.Text("c") })
	return a
}

func TestMethods(t *testing.T) {
	a := newMethodsApp(t)
	cases := []struct {
		method, target string
		status         int
		allow, body    string
	}{
		{"GET", "/things/1", 200, "", "thing"},
		{"HEAD", "/things/1", 200, "", ""},
		{"DELETE", "/things/1", 204, "", ""},
		{"PROPFIND", "/things/1", 200, "", "props"},
		{"POST", "/things/1", 405, "DELETE, GET, HEAD, OPTIONS, PROPFIND", ""},
		{"PUT", "/things/1", 405, "DELETE, GET, HEAD, OPTIONS, PROPFIND", ""},
		{"OPTIONS", "/things/1", 204, "DELETE, GET, HEAD, OPTIONS, PROPFIND", ""},
		{"GET", "/form/", 405, "OPTIONS, POST", ""},
		{"OPTIONS", "/custom", 200, "", "custom options"},
		{"GET", "/things/x", 404, "", ""},
		{"OPTIONS", "/nowhere", 404, "", ""},
		{"BREW", "/things/1", 405, "DELETE, GET, HEAD, OPTIONS, PROPFIND", ""},
	}
	for _, c := range cases {
		w := mustServe(t, a, c.method, c.target)
		if w.Code != c.status {
			t.Errorf("%s %s: status %d, want %d", c.method, c.target, w.Code, c.status)
		}
		if got := w.Header().Get("Allow"); got != c.allow {
			t.Errorf("%s %s: Allow %q, want %q", c.method, c.target, got, c.allow)
		}
		if c.body != "" && w.Body.String() != c.body {
			t.Errorf("%s %s: body %q, want %q", c.method, c.target, w.Body.String(), c.body)
		}
	}
}

func TestHeadHasHeadersButNoBody(t *testing.T) {
	a := newMethodsApp(t)
	get := mustServe(t, a, "GET", "/things/1")
	head := mustServe(t, a, "HEAD", "/things/1")
	if head.Body.Len() != 0 {
		t.Errorf("HEAD body = %q, want empty", head.Body.String())
	}
	for _, h := range []string{"Content-Type", "Content-Length"} {
		if get.Header().Get(h) == "" || head.Header().Get(h) != get.Header().Get(h) {
			t.Errorf("%s: HEAD %q, GET %q", h, head.Header().Get(h), get.Header().Get(h))
		}
	}
	// HEAD of a 404 has no body either.
	if w := mustServe(t, a, "HEAD", "/missing"); w.Code != 404 || w.Body.Len() != 0 {
		t.Errorf("HEAD /missing: %d %q", w.Code, w.Body.String())
	}
}

func TestOptionsAsterisk(t *testing.T) {
	a := newMethodsApp(t)
	r := httptest.NewRequest("OPTIONS", "/", nil)
	r.URL.Path, r.RequestURI = "*", "*"
	w := httptest.NewRecorder()
	a.ServeHTTP(w, r)
	if w.Code != 204 || w.Header().Get("Allow") != "DELETE, GET, HEAD, OPTIONS, POST, PROPFIND" {
		t.Errorf("OPTIONS *: %d Allow %q", w.Code, w.Header().Get("Allow"))
	}
}

func TestTrailingSlashRedirect(t *testing.T) {
	a := itty.New(itty.RedirectTrailingSlash(true))
	itty.Get(a, "/greet/", func(r *itty.Request, p struct{}) itty.Response { return respond.Text("hi") })
	itty.Get(a, "/plain", func(r *itty.Request, p struct{}) itty.Response { return respond.Text("plain") })
	itty.Post(a, "/submit/", func(r *itty.Request, p struct{}) itty.Response { return nil })
	itty.Get(a, "/<str:host>/", func(r *itty.Request, p struct {
		Host string `path:"host"`
	}) itty.Response {
		return respond.Text(p.Host)
	})
	cases := []struct {
		method, target string
		status         int
		location       string
	}{
		{"GET", "/greet", 301, "/greet/"},
		{"GET", "/greet?x=1", 301, "/greet/?x=1"},
		{"HEAD", "/greet", 301, "/greet/"},
		{"GET", "/plain/", 200, ""}, // the <str:host>/ route serves it: no redirect
		{"POST", "/submit", 308, "/submit/"},
		{"GET", "/greet/", 200, ""},
		{"GET", "/plain/x", 404, ""},
		{"GET", "/nothing/here", 404, ""},
		// Never a protocol-relative or backslash target.
		{"GET", "//evil.com", 404, ""},
		{"GET", "/%2Fevil.com", 404, ""},
		{"GET", "/%5Cevil.com", 404, ""},
		{"GET", "/%5Cevil.com/", 200, ""},
		{"GET", "/x%20y", 301, "/x%20y/"},
	}
	for _, c := range cases {
		w := mustServe(t, a, c.method, c.target)
		if w.Code != c.status || w.Header().Get("Location") != c.location {
			t.Errorf("%s %s: %d Location %q, want %d %q", c.method, c.target, w.Code, w.Header().Get("Location"), c.status, c.location)
		}
		if loc := w.Header().Get("Location"); strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") {
			t.Errorf("%s %s: unsafe Location %q", c.method, c.target, loc)
		}
	}
	// Without the option, no redirect.
	b := itty.New()
	itty.Get(b, "/greet/", func(r *itty.Request, p struct{}) itty.Response { return nil })
	if w := mustServe(t, b, "GET", "/greet"); w.Code != 404 {
		t.Errorf("without the option: %d, want 404", w.Code)
	}
}

func TestConflicts(t *testing.T) {
	type I struct {
		X int `path:"x"`
	}
	type I8 struct {
		Y int8 `path:"y"`
	}
	a := itty.New()
	itty.Get(a, "/a/<int:x>", func(r *itty.Request, p I) itty.Response { return nil })
	_, err := itty.Register(a, "GET", "/a/<int:y>", func(r *itty.Request, p I8) itty.Response { return nil })
	var ce *itty.ConflictError
	if !stderrors.As(err, &ce) {
		t.Fatalf("err = %v, want a *ConflictError", err)
	}
	msg := err.Error()
	for _, want := range []string{"/a/<int:y>", "/a/<int:x>", "router_test.go:"} {
		if !strings.Contains(msg, want) {
			t.Errorf("conflict message %q lacks %q", msg, want)
		}
	}
	// Same pattern, another method: no conflict. Different kinds: no conflict.
	if _, err := itty.Register(a, "POST", "/a/<int:x>", func(r *itty.Request, p I) itty.Response { return nil }); err != nil {
		t.Error(err)
	}
	if _, err := itty.Register(a, "GET", "/a/<str:x>", func(r *itty.Request, p struct {
		X string `path:"x"`
	}) itty.Response {
		return nil
	}); err != nil {
		t.Error(err)
	}
	// Handle with an explicit GET conflicts with Get.
	if _, err := itty.Register(a, "GET", "/a/<int:z>", func(r *itty.Request, p struct {
		Z int `path:"z"`
	}) itty.Response {
		return nil
	}); !stderrors.As(err, &ce) {
		t.Errorf("err = %v, want a conflict", err)
	}
}
