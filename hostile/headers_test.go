package hostile_test

// Cookies and headers the app sets from request input. CR, LF or NUL in a
// cookie's name, value or path, or in a header's value, and anything
// (*http.Cookie).Valid or the header-token rules refuse, is refused with
// a typed error (*respond.CookieError, *respond.HeaderError) rather than
// mangled: the response carries nothing of it. The app under test answers
// such input 400 with the error's text, as an app should.

import (
	stderrors "errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ittygo/itty/respond"
)

var headerCases = []struct {
	target, want string
	header       string // "Name: value" the 200 answer carries
}{
	{"/cookie?name=sid&value=abc", "200 set", "Set-Cookie: sid=abc; Path=/"},
	{"/cookie?name=sid&value=abc&path=/app", "200 set", "Set-Cookie: sid=abc; Path=/app"},
	{"/cookie?name=a%0D%0Ab&value=abc", `400 cookie "a\r\nb": name contains a control character`, ""},
	{"/cookie?name=a%0Ab&value=abc", `400 cookie "a\nb": name contains a control character`, ""},
	{"/cookie?name=a&value=x%0D%0ASet-Cookie:%20admin=1", `400 cookie "a": value contains a control character`, ""},
	{"/cookie?name=a&value=x%0Dy", `400 cookie "a": value contains a control character`, ""},
	{"/cookie?name=a&value=%00", `400 cookie "a": value contains a control character`, ""},
	{"/cookie?name=a&value=b&path=/%0D%0AX:%201", `400 cookie "a": path contains a control character`, ""},
	{"/cookie?name=a&value=b&path=/%00", `400 cookie "a": path contains a control character`, ""},
	{"/cookie?name=a&value=a;b", `400 cookie "a": not a valid cookie: http: invalid byte ';' in Cookie.Value`, ""},
	{"/cookie?name=a&value=%22q%22", `400 cookie "a": not a valid cookie: http: invalid byte '"' in Cookie.Value`, ""},
	{"/cookie?name=a&value=%C3%A9", `400 cookie "a": not a valid cookie: http: invalid byte 'Ã' in Cookie.Value`, ""},
	{"/cookie?name=a&value=b&path=/a;b", `400 cookie "a": not a valid cookie: http: invalid byte ';' in Cookie.Path`, ""},
	{"/cookie?name=a%20b&value=x", `400 cookie "a b": not a valid cookie: http: invalid Cookie.Name`, ""},
	{"/cookie?name=a=b&value=x", `400 cookie "a=b": not a valid cookie: http: invalid Cookie.Name`, ""},
	{"/cookie?name=&value=x", `400 cookie "": not a valid cookie: http: invalid Cookie.Name`, ""},
	{"/header?value=plain", "200 set", "X-Echo: plain"},
	{"/header?value=a%09b", "200 set", "X-Echo: a\tb"},
	{"/header?value=caf%C3%A9", "200 set", "X-Echo: café"},
	{"/header?value=a%0D%0ASet-Cookie:%20admin=1", `400 header "X-Echo": value contains a control character`, ""},
	{"/header?value=a%0Ab", `400 header "X-Echo": value contains a control character`, ""},
	{"/header?value=a%0Db", `400 header "X-Echo": value contains a control character`, ""},
	{"/header?value=a%00b", `400 header "X-Echo": value contains a control character`, ""},
	{"/header?name=X%20Y&value=a", `400 header "X Y": name is not a valid header token`, ""},
	{"/header?name=X:Y&value=a", `400 header "X:Y": name is not a valid header token`, ""},
	{"/header?name=X%0D%0AY&value=a", `400 header "X\r\nY": name is not a valid header token`, ""},
	{"/header?name=&value=a", `400 header "": name is not a valid header token`, ""},
	{"/goto?to=/a%0D%0ALocation:%20//evil.com", `400 header "Location": value contains a control character`, ""},
	{"/goto?to=/a%00", `400 header "Location": value contains a control character`, ""},
}

func TestHeadersAndCookiesTheAppSets(t *testing.T) {
	f := newFixture(t)
	for _, c := range headerCases {
		w := mustServe(t, f.app, "GET", c.target, nil, "Accept", "application/json")
		if got := outcome(t, w); got != c.want {
			t.Errorf("%s: %q, want %q", c.target, got, c.want)
			continue
		}
		if w.Code == 200 {
			k, v, _ := strings.Cut(c.header, ": ")
			if got := w.Header().Values(k); len(got) != 1 || got[0] != v {
				t.Errorf("%s: %s %q, want %q", c.target, k, got, v)
			}
			continue
		}
		for _, k := range []string{"Set-Cookie", "X-Echo", "Location", "Admin", "X"} {
			if v := w.Header().Values(k); len(v) != 0 {
				t.Errorf("%s: refused input still set %s %q", c.target, k, v)
			}
		}
	}
	checkClean(t, f)
}

// TestRefusalsAreTyped checks the errors behind the 400s: a caller can
// tell a refused cookie from a refused header with errors.As.
func TestRefusalsAreTyped(t *testing.T) {
	var ce *respond.CookieError
	err := respond.Text("x").WithCookie(&http.Cookie{Name: "sid", Value: "a\r\nb"}).Err()
	if !stderrors.As(err, &ce) || ce.Name != "sid" || ce.Reason != "value contains a control character" {
		t.Errorf("cookie: %v", err)
	}
	err = respond.Text("x").WithCookie(&http.Cookie{Name: "sid", Value: "a;b"}).Err()
	if !stderrors.As(err, &ce) || ce.Err == nil {
		t.Errorf("invalid cookie: %v, want a CookieError wrapping Valid's error", err)
	}
	var he *respond.HeaderError
	for _, resp := range []*respond.Response{
		respond.Text("x").WithHeader("X-A", "a\nb"),
		respond.Text("x").AddHeader("X-A", "a\rb"),
		respond.Text("x").WithContentType("text/plain\r\nX: 1"),
		respond.Redirect("/a\nb"),
		respond.SeeOther("/a\x00"),
	} {
		if err := resp.Err(); !stderrors.As(err, &he) || he.Reason != "value contains a control character" {
			t.Errorf("header: %v", err)
		}
	}
}

// TestNoHeaderInjectionOnTheWire reads the raw bytes of refused answers:
// no injected line reaches the client.
func TestNoHeaderInjectionOnTheWire(t *testing.T) {
	noLeak(t)
	f := newFixture(t)
	addr := mustListen(t, f.app)
	for _, target := range []string{
		"/cookie?name=a&value=x%0D%0ASet-Cookie:%20admin=1",
		"/header?value=a%0D%0ASet-Cookie:%20admin=1",
		"/header?value=a%0ASet-Cookie:%20admin=1",
		"/goto?to=/a%0D%0ASet-Cookie:%20admin=1",
	} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
		if _, err := io.WriteString(conn, get(target)); err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(conn)
		conn.Close()
		head, _, _ := strings.Cut(string(raw), "\r\n\r\n")
		if !strings.HasPrefix(head, "HTTP/1.1 400 ") || strings.Contains(strings.ToLower(head), "admin") {
			t.Errorf("%s: answer head:\n%s", target, head)
		}
	}
	checkClean(t, f)
}
