package app

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// serve sends GET target with the given cookies.
func serve(h http.Handler, target string, secure bool, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	r := httptest.NewRequest("GET", target, nil)
	if secure {
		r.TLS = &tls.ConnectionState{}
	}
	for _, c := range cookies {
		r.AddCookie(c)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// mustGreeting returns the <h1> of the index page.
func mustGreeting(t *testing.T, h http.Handler, cookies ...*http.Cookie) string {
	t.Helper()
	w := serve(h, "/", false, cookies...)
	if w.Code != 200 {
		t.Fatalf("GET /: %d %s", w.Code, w.Body.String())
	}
	body := w.Body.String()
	start := strings.Index(body, "<h1")
	end := strings.Index(body, "</h1>")
	if start < 0 || end < start {
		t.Fatalf("no greeting in\n%s", body)
	}
	return body[start : end+len("</h1>")]
}

func TestGreeting(t *testing.T) {
	h := New()
	cases := []struct {
		name    string
		cookies []*http.Cookie
		want    string
	}{
		{"no cookie", nil, "Hello, unknown!"},
		{"plain name", []*http.Cookie{{Name: "username", Value: "daniel"}}, "Hello, daniel!"},
		{"escaped name", []*http.Cookie{{Name: "username", Value: "Zo%C3%AB+Smith"}}, "Hello, Zoë Smith!"},
		{"html in the cookie", []*http.Cookie{{Name: "username", Value: "%3Cb%3Ex%3C%2Fb%3E"}}, "Hello, &lt;b&gt;x&lt;/b&gt;!"},
		{"bad escape", []*http.Cookie{{Name: "username", Value: "%zz"}}, "Hello, unknown!"},
		{"empty value", []*http.Cookie{{Name: "username", Value: ""}}, "Hello, unknown!"},
		{"other cookie", []*http.Cookie{{Name: "session", Value: "x"}}, "Hello, unknown!"},
	}
	for _, c := range cases {
		if got, want := mustGreeting(t, h, c.cookies...), `<h1 id="greeting">`+c.want+`</h1>`; got != want {
			t.Errorf("%s: %s, want %s", c.name, got, want)
		}
	}
}

func TestSetUsername(t *testing.T) {
	h := New()
	cases := []struct {
		target string
		secure bool
		cookie string
	}{
		{"/set/?username=daniel", false, "username=daniel; Path=/; Max-Age=1209600; HttpOnly; SameSite=Lax"},
		{"/set/?username=Zo%C3%AB+Smith", false, "username=Zo%C3%AB+Smith; Path=/; Max-Age=1209600; HttpOnly; SameSite=Lax"},
		{"/set/", false, "username=unknown; Path=/; Max-Age=1209600; HttpOnly; SameSite=Lax"},
		{"/set/?username=ann", true, "username=ann; Path=/; Max-Age=1209600; HttpOnly; Secure; SameSite=Lax"},
	}
	for _, c := range cases {
		w := serve(h, c.target, c.secure)
		if w.Code != http.StatusFound || w.Header().Get("Location") != "/" {
			t.Errorf("%s: %d Location %q, want 302 to /", c.target, w.Code, w.Header().Get("Location"))
		}
		if got := w.Header().Values("Set-Cookie"); len(got) != 1 || got[0] != c.cookie {
			t.Errorf("%s: Set-Cookie %q, want %q", c.target, got, c.cookie)
		}
	}
	if TwoWeeks != 14*24*3600 {
		t.Errorf("TwoWeeks = %d", TwoWeeks)
	}
}

func TestSetRefusesBadNames(t *testing.T) {
	h := New()
	for _, target := range []string{"/set/?username=", "/set/?username=" + strings.Repeat("x", 65)} {
		w := serve(h, target, false)
		if w.Code != 422 || w.Header().Get("Set-Cookie") != "" {
			t.Errorf("%s: %d, Set-Cookie %q; want 422 and no cookie", target, w.Code, w.Header().Get("Set-Cookie"))
		}
	}
}

func TestRoundTripAndLogout(t *testing.T) {
	h := New()
	w := serve(h, "/set/?username=Ann+Lee", false)
	res := http.Response{Header: w.Header()}
	cookies := res.Cookies()
	if len(cookies) != 1 {
		t.Fatalf("cookies %v", cookies)
	}
	if got := mustGreeting(t, h, cookies[0]); got != `<h1 id="greeting">Hello, Ann Lee!</h1>` {
		t.Errorf("greeting after set: %s", got)
	}
	w = serve(h, "/logout/", false, cookies[0])
	if w.Code != http.StatusFound || w.Header().Get("Location") != "/" {
		t.Errorf("logout: %d Location %q", w.Code, w.Header().Get("Location"))
	}
	want := "username=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0"
	if got := w.Header().Values("Set-Cookie"); len(got) != 1 || got[0] != want {
		t.Errorf("logout Set-Cookie %q, want %q", got, want)
	}
}
