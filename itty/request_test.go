package itty_test

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

func TestRequestQueryDict(t *testing.T) {
	req := itty.NewRequest("GET", "/search?q=go+lang&tag=a&tag=b&empty=&bare&bad=%ZZ&semi=a;b", nil)
	q := req.Query()
	checks := map[string]string{
		"q": "go lang", "tag": "a", "empty": "", "bare": "", "bad": "%ZZ", "semi": "a;b", "missing": "def",
	}
	for k, want := range checks {
		if got := q.Get(k, "def"); got != want {
			t.Errorf("Get(%q) = %q, want %q", k, got, want)
		}
	}
	if got := strings.Join(q.GetList("tag"), ","); got != "a,b" {
		t.Errorf("GetList(tag) = %q", got)
	}
	if got := strings.Join(q.Keys(), ","); got != "q,tag,empty,bare,bad,semi" {
		t.Errorf("Keys() = %q", got)
	}
	if req.Query() != q {
		t.Error("Query() parsed twice")
	}
}

func TestRequestConveniences(t *testing.T) {
	req := itty.NewRequest("GET", "/", nil)
	if req.IsAjax() || req.IsSecure() {
		t.Error("plain request reported as ajax or secure")
	}
	req.Header.Set("X-Requested-With", "XMLHttpRequest")
	req.TLS = &tls.ConnectionState{}
	req.Header.Set("Cookie", `username=daniel; theme="dark"`)
	if !req.IsAjax() || !req.IsSecure() {
		t.Error("ajax/TLS request not recognised")
	}
	if got := req.CookieValue("username", "unknown"); got != "daniel" {
		t.Errorf("CookieValue(username) = %q", got)
	}
	if got := req.CookieValue("theme", ""); got != "dark" {
		t.Errorf("CookieValue(theme) = %q", got)
	}
	if got := req.CookieValue("missing", "unknown"); got != "unknown" {
		t.Errorf("CookieValue(missing) = %q", got)
	}
}

func TestRequestJSON(t *testing.T) {
	type item struct{ Title string }
	cases := []struct {
		ct, body, wantErr string
	}{
		{"application/json", `{"Title":"x"}`, ""},
		{"application/json; charset=utf-8", `{"Title":"x"}`, ""},
		{"application/merge-patch+json", `{"Title":"x"}`, ""},
		{"text/plain", `{"Title":"x"}`, "not JSON"},
		{"", `{"Title":"x"}`, "not JSON"},
		{"application/json", `{"Title":`, "invalid JSON"},
		{"application/json", `{"Title":"x"} {"Title":"y"}`, "data after the JSON value"},
		{"application/json", `{"Title":1}`, "invalid JSON"},
		{"application/json", `"` + strings.Repeat("a", 2<<20) + `"`, ""}, // checked below
	}
	for _, c := range cases[:len(cases)-1] {
		req := itty.NewRequest("POST", "/", strings.NewReader(c.body))
		req.Header.Set("Content-Type", c.ct)
		var v item
		err := req.JSON(&v)
		if c.wantErr == "" {
			if err != nil || v.Title != "x" {
				t.Errorf("%s %s: %v %+v", c.ct, c.body, err, v)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.HasPrefix(err.Error(), "itty: ") {
			t.Errorf("%s %s: err = %v, want %q", c.ct, c.body, err, c.wantErr)
		}
	}
	big := cases[len(cases)-1]
	req := itty.NewRequest("POST", "/", strings.NewReader(big.body))
	req.Header.Set("Content-Type", big.ct)
	var s string
	if err := req.JSON(&s); err == nil {
		t.Error("a 2 MiB JSON body was accepted")
	}
}

func TestRequestPathValueAndPattern(t *testing.T) {
	a := itty.New()
	itty.Get(a, "/u/<str:name>/<int:n>", func(r *itty.Request, p struct {
		Name string `path:"name"`
		N    int    `path:"n"`
	}) itty.Response {
		return respond.Text(r.PathValue("name") + "|" + r.PathValue("n") + "|" + r.PathValue("nope") + "|" + r.Pattern())
	})
	w := httptest.NewRecorder()
	a.ServeHTTP(w, httptest.NewRequest("GET", "/u/a%20b/5", nil))
	if got := w.Body.String(); got != "a b|5||/u/<str:name>/<int:n>" {
		t.Errorf("body %q", got)
	}
}

// greet is a handler written as a plain function, as users write them.
func greet(r *itty.Request, p struct {
	Name  string `path:"name"`
	Shout bool   `query:"shout"`
}) itty.Response {
	msg := "Hello, " + p.Name + "!"
	if p.Shout {
		msg = strings.ToUpper(msg)
	}
	return respond.Text(msg).WithCookie(&http.Cookie{Name: "seen", Value: p.Name, MaxAge: 3600})
}

func TestHandlerAsPlainFunction(t *testing.T) {
	type P = struct {
		Name  string `path:"name"`
		Shout bool   `query:"shout"`
	}
	// Call it with a P built by hand...
	rec := itty.Record(itty.NewRequest("GET", "/hello/ann", nil), greet(itty.NewRequest("GET", "/hello/ann", nil), P{Name: "ann", Shout: true}))
	if rec.Status != 200 || rec.Text() != "HELLO, ANN!" || rec.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
		t.Errorf("recorded %d %q %v", rec.Status, rec.Text(), rec.Header)
	}
	cookies := rec.Cookies()
	if len(cookies) != 1 || cookies[0].Name != "seen" || cookies[0].Value != "ann" || cookies[0].MaxAge != 3600 || cookies[0].Path != "/" {
		t.Errorf("cookies = %+v", cookies)
	}
	// ...or bind a real request with the route's own compiled plan.
	rt := itty.Get(itty.New(), "/hello/<str:name>", greet)
	req := itty.NewRequest("GET", "/hello/bob?shout=false", nil)
	p, err := rt.Bind(req.Request)
	if err != nil || p.Name != "bob" || p.Shout {
		t.Fatalf("Bind = %+v, %v", p, err)
	}
	if rec := itty.Record(req, greet(req, p)); rec.Text() != "Hello, bob!" {
		t.Errorf("recorded %q", rec.Text())
	}
	// A conversion error from the plan renders as the app would render it.
	_, err = rt.Bind(itty.NewRequest("GET", "/hello/bob?shout=maybe", nil).Request)
	if err == nil {
		t.Fatal("shout=maybe bound")
	}
	bad := itty.Record(req, err.(*itty.Error))
	if bad.Status != 422 || !strings.Contains(bad.Text(), "query.shout") {
		t.Errorf("422 = %d %q", bad.Status, bad.Text())
	}
}
