package main

import (
	"net/http/httptest"
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
		{"/done/3/", 200, "item 3"},
		{"/done/x/", 404, ""},
	}
	for _, c := range cases {
		w := httptest.NewRecorder()
		app.ServeHTTP(w, httptest.NewRequest("GET", c.target, nil))
		if w.Code != c.status || (c.body != "" && w.Body.String() != c.body) {
			t.Errorf("GET %s: %d %q, want %d %q", c.target, w.Code, w.Body.String(), c.status, c.body)
		}
	}
}
