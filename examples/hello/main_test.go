package main

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHello(t *testing.T) {
	app := newApp()
	cases := []struct {
		target string
		status int
		body   string
	}{
		{"/hello/ann", 200, "Hello, ann!\n"},
		{"/hello/ann?times=2", 200, "Hello, ann!\nHello, ann!\n"},
		{"/hello/ann?times=x", 422, ""},
		{"/hello/ann?times=11", 422, ""},
		{"/", 200, `<p>Try <a href="/hello/world?times=2">/hello/world?times=2</a></p>`},
		{"/done/3/", 200, "item 3 (undo: false)"},
		{"/done/3/?undo=true", 200, "item 3 (undo: true)"},
		{"/done/three/", 404, ""},
		{"/done/3/?undo=maybe", 422, ""},
	}
	for _, c := range cases {
		w := httptest.NewRecorder()
		app.ServeHTTP(w, httptest.NewRequest("GET", c.target, nil))
		if w.Code != c.status || (c.body != "" && w.Body.String() != c.body) {
			t.Errorf("GET %s: %d %q, want %d %q", c.target, w.Code, w.Body.String(), c.status, c.body)
		}
	}
}

// TestHelloNamesTheBadField checks what the README promises for a query
// value that is not a bool: a 422 naming query.undo.
func TestHelloNamesTheBadField(t *testing.T) {
	w := httptest.NewRecorder()
	newApp().ServeHTTP(w, httptest.NewRequest("GET", "/done/3/?undo=maybe", nil))
	if w.Code != 422 || !strings.Contains(w.Body.String(), "query.undo") {
		t.Errorf("GET /done/3/?undo=maybe: %d %q, want 422 naming query.undo", w.Code, w.Body.String())
	}
}
