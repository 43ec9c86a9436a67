// Design: cookies are checked the way a client sees them, by parsing the
// Set-Cookie fields back with net/http, never by comparing strings. The
// refusal tables pin the exact error messages, since they name the bad
// input for whoever reads the log.

package respond

import (
	stderrors "errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

// cookiesOf parses the Set-Cookie fields of h as a client would.
func cookiesOf(t *testing.T, h http.Header) []*http.Cookie {
	t.Helper()
	return (&http.Response{Header: h}).Cookies()
}

// written returns the headers resp writes for a GET request.
func written(t *testing.T, resp *Response) http.Header {
	t.Helper()
	return write(t, resp, "GET").Header()
}

func TestWithCookie(t *testing.T) {
	exp := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name string
		in   *http.Cookie
		want http.Cookie // compared on the fields below
	}{
		{"path defaults to /", &http.Cookie{Name: "sid", Value: "abc"},
			http.Cookie{Name: "sid", Value: "abc", Path: "/"}},
		{"attributes", &http.Cookie{Name: "pref", Value: "dark", Path: "/app", Domain: "example.com",
			MaxAge: 3600, Expires: exp, Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode},
			http.Cookie{Name: "pref", Value: "dark", Path: "/app", Domain: "example.com",
				MaxAge: 3600, Expires: exp, Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode}},
		{"lax, empty value", &http.Cookie{Name: "x", SameSite: http.SameSiteLaxMode},
			http.Cookie{Name: "x", Path: "/", SameSite: http.SameSiteLaxMode}},
		{"value with space is quoted", &http.Cookie{Name: "q", Value: "a b"},
			http.Cookie{Name: "q", Value: "a b", Path: "/", Quoted: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := *tt.in
			resp := Text("x").WithCookie(tt.in)
			if err := resp.Err(); err != nil {
				t.Fatalf("Err() = %v", err)
			}
			if !reflect.DeepEqual(*tt.in, in) {
				t.Errorf("WithCookie modified the caller's cookie")
			}
			for _, h := range []http.Header{resp.Header(), written(t, resp)} {
				got := cookiesOf(t, h)
				if len(got) != 1 {
					t.Fatalf("parsed %d cookies from %q, want 1", len(got), h["Set-Cookie"])
				}
				assertCookie(t, got[0], &tt.want)
			}
		})
	}
}

// assertCookie compares the attributes a client sees.
func assertCookie(t *testing.T, got, want *http.Cookie) {
	t.Helper()
	if got.Name != want.Name || got.Value != want.Value || got.Path != want.Path || got.Domain != want.Domain ||
		got.MaxAge != want.MaxAge || !got.Expires.Equal(want.Expires) || got.Secure != want.Secure ||
		got.HttpOnly != want.HttpOnly || got.SameSite != want.SameSite || got.Quoted != want.Quoted {
		t.Errorf("cookie = %+v\nwant     %+v", got, want)
	}
}

func TestMultipleCookies(t *testing.T) {
	resp := Text("x").
		WithCookie(&http.Cookie{Name: "a", Value: "1"}).
		WithCookie(&http.Cookie{Name: "b", Value: "2", Path: "/b"}).
		DeleteCookie("old")
	h := written(t, resp)
	if n := len(h["Set-Cookie"]); n != 3 {
		t.Fatalf("%d Set-Cookie fields, want 3: %q", n, h["Set-Cookie"])
	}
	got := cookiesOf(t, h)
	names := []string{got[0].Name, got[1].Name, got[2].Name}
	if !reflect.DeepEqual(names, []string{"a", "b", "old"}) {
		t.Errorf("cookie names = %q", names)
	}
}

func TestDeleteCookie(t *testing.T) {
	tests := []struct {
		name string
		resp *Response
		want http.Cookie
	}{
		{"DeleteCookie", NoContent().DeleteCookie("sid"),
			http.Cookie{Name: "sid", Path: "/"}},
		{"DeleteCookieAt", NoContent().DeleteCookieAt("sid", "/app", "example.com"),
			http.Cookie{Name: "sid", Path: "/app", Domain: "example.com"}},
		{"DeleteCookieAt default path", NoContent().DeleteCookieAt("sid", "", ""),
			http.Cookie{Name: "sid", Path: "/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cookiesOf(t, written(t, tt.resp))
			if len(got) != 1 {
				t.Fatalf("parsed %d cookies, want 1", len(got))
			}
			c := got[0]
			tt.want.MaxAge = -1 // how net/http reports "Max-Age=0"
			tt.want.Expires = time.Unix(0, 0).UTC()
			assertCookie(t, c, &tt.want)
			if !c.Expires.Before(time.Now()) {
				t.Errorf("Expires %v is not in the past", c.Expires)
			}
		})
	}
}

func TestCookieRefused(t *testing.T) {
	tests := []struct {
		name string
		c    *http.Cookie
		msg  string
	}{
		{"nil", nil, `itty: cookie "": cookie is nil`},
		{"CR in name", &http.Cookie{Name: "a\rb", Value: "v"}, `itty: cookie "a\rb": name contains a control character`},
		{"LF in value", &http.Cookie{Name: "sid", Value: "v\nSet-Cookie: x=y"}, `itty: cookie "sid": value contains a control character`},
		{"CRLF in path", &http.Cookie{Name: "sid", Value: "v", Path: "/\r\nX: y"}, `itty: cookie "sid": path contains a control character`},
		{"NUL in domain", &http.Cookie{Name: "sid", Value: "v", Domain: "a.com\x00"}, `itty: cookie "sid": domain contains a control character`},
		{"empty name", &http.Cookie{Name: "", Value: "v"}, `itty: cookie "": not a valid cookie: `},
		{"bad name", &http.Cookie{Name: "a;b", Value: "v"}, `itty: cookie "a;b": not a valid cookie: `},
		{"bad value", &http.Cookie{Name: "sid", Value: `a"b`}, `itty: cookie "sid": not a valid cookie: `},
		{"bad path", &http.Cookie{Name: "sid", Value: "v", Path: "/a;b"}, `itty: cookie "sid": not a valid cookie: `},
		{"bad domain", &http.Cookie{Name: "sid", Value: "v", Domain: "a b"}, `itty: cookie "sid": not a valid cookie: `},
		{"partitioned needs secure", &http.Cookie{Name: "sid", Value: "v", Partitioned: true}, `itty: cookie "sid": not a valid cookie: `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := Text("x").WithCookie(tt.c)
			want := tt.msg
			if strings.HasSuffix(want, "not a valid cookie: ") {
				// The reason ends with net/http's own wording.
				want += tt.c.Valid().Error()
			}
			var ce *CookieError
			if !stderrors.As(resp.Err(), &ce) {
				t.Fatalf("Err() = %v, want a *CookieError", resp.Err())
			}
			if ce.Error() != want {
				t.Errorf("Err() = %s\nwant    %s", ce.Error(), want)
			}
			if ce.Reason == "" {
				t.Errorf("empty Reason")
			}
			if len(resp.Header()["Set-Cookie"]) != 0 {
				t.Errorf("refused cookie was added: %q", resp.Header()["Set-Cookie"])
			}
		})
	}
	// The Valid error is wrapped.
	err := Text("x").WithCookie(&http.Cookie{Name: "a b"}).Err()
	var ce *CookieError
	if !stderrors.As(err, &ce) || ce.Err == nil || stderrors.Unwrap(err) != ce.Err {
		t.Errorf("CookieError does not wrap the (*http.Cookie).Valid error: %#v", err)
	}
	if err := NoContent().DeleteCookie("bad name").Err(); err == nil {
		t.Errorf("DeleteCookie with an invalid name: Err() = nil")
	}
}

func TestHeaderValidation(t *testing.T) {
	tests := []struct {
		name, value string
		msg         string // "" when accepted
	}{
		{"X-Ok", "fine value, with: punctuation", ""},
		{"x-lower", "", ""},
		{"X-Tab", "a\tb", ""},
		{"X-Unicode", "héllo", ""},
		{"!#$%&'*+-.^_`|~09azAZ", "v", ""},
		{"", "v", `itty: header "": name is not a valid header token`},
		{"Bad Name", "v", `itty: header "Bad Name": name is not a valid header token`},
		{"X:Y", "v", `itty: header "X:Y": name is not a valid header token`},
		{"X-Ü", "v", `itty: header "X-Ü": name is not a valid header token`},
		{"X-Nl\n", "v", `itty: header "X-Nl\n": name is not a valid header token`},
		{"X-Cr", "a\rb", `itty: header "X-Cr": value contains a control character`},
		{"X-Lf", "a\nSet-Cookie: x=y", `itty: header "X-Lf": value contains a control character`},
		{"X-Nul", "a\x00", `itty: header "X-Nul": value contains a control character`},
	}
	for _, tt := range tests {
		for _, method := range []string{"WithHeader", "AddHeader"} {
			resp := Text("x")
			if method == "WithHeader" {
				resp.WithHeader(tt.name, tt.value)
			} else {
				resp.AddHeader(tt.name, tt.value)
			}
			if got := errString(resp.Err()); got != tt.msg {
				t.Errorf("%s(%q, %q): Err() = %q, want %q", method, tt.name, tt.value, got, tt.msg)
				continue
			}
			var he *HeaderError
			if tt.msg != "" && (!stderrors.As(resp.Err(), &he) || he.Name != tt.name) {
				t.Errorf("%s(%q): Err() is not a *HeaderError for the name: %#v", method, tt.name, resp.Err())
			}
			if _, ok := resp.Header()[http.CanonicalHeaderKey(tt.name)]; ok != (tt.msg == "") {
				t.Errorf("%s(%q, %q): header present = %v", method, tt.name, tt.value, ok)
			}
		}
	}
	if err := Text("x").WithContentType("text/plain\r\nX: y").Err(); errString(err) != `itty: header "Content-Type": value contains a control character` {
		t.Errorf("WithContentType: Err() = %v", err)
	}
	if err := Bytes("a\nb", nil).Err(); err == nil {
		t.Errorf("Bytes with a bad content type: Err() = nil")
	}
}

func TestFirstErrorWins(t *testing.T) {
	resp := Text("x").
		WithHeader("X-A", "ok").
		WithHeader("X-B", "bad\n").
		WithCookie(&http.Cookie{Name: "bad name"}).
		WithHeader("X-C", "ok")
	if got, want := errString(resp.Err()), `itty: header "X-B": value contains a control character`; got != want {
		t.Errorf("Err() = %q, want %q", got, want)
	}
	h := resp.Header()
	if h.Get("X-A") != "ok" || h.Get("X-C") != "ok" || h.Get("X-B") != "" {
		t.Errorf("headers = %v", h)
	}
}
