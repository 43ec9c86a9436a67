package app

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestMatchHost(t *testing.T) {
	mark := func(s string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(s)) })
	}
	h := MatchHost("api.example.com", mark("api"))(mark("site"))
	cases := []struct{ host, want string }{
		{"api.example.com", "api"},
		{"API.Example.com:8443", "api"},
		{"example.com", "site"},
		{"api.example.com.evil", "site"},
		{"", "site"},
	}
	for _, c := range cases {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = c.host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Body.String() != c.want {
			t.Errorf("Host %q: served by %q, want %q", c.host, w.Body.String(), c.want)
		}
	}
}
