package hostile_test

// Redirects to user-supplied targets. The login route sends a client to
// its "next" query parameter through respond.LocalRedirect, which only
// ever redirects on-site: every trick that lets a browser, proxy or
// framework read the target as another host is refused for the fallback
// "/home". Ordinary on-site targets, escapes in their query included, are
// kept exactly.

import (
	"net/url"
	"testing"
)

var redirectCases = []struct {
	next, location string
}{
	// On-site targets are kept.
	{"/account", "/account"},
	{"/a/b?x=1#f", "/a/b?x=1#f"},
	{"/search?q=a%20b", "/search?q=a%20b"},
	{"/search?q=a+b&lang=fr", "/search?q=a+b&lang=fr"},
	{"/100%25", "/100%25"},
	{"/caf%C3%A9", "/caf%C3%A9"},
	{"/a?next=%2F%2Fevil.com", "/a?next=%2F%2Fevil.com"},
	{"/a?next=https://evil.com", "/a?next=https://evil.com"},
	{"/.//evil.com", "/.//evil.com"},

	// Other hosts, however written, are not.
	{"", "/home"},
	{"//evil.com", "/home"},
	{"///evil.com", "/home"},
	{"////evil.com", "/home"},
	{`/\evil.com`, "/home"},
	{`\\evil.com`, "/home"},
	{`\/evil.com`, "/home"},
	{"/%09/evil.com", "/home"},
	{"/\t/evil.com", "/home"},
	{"/\r\n/evil.com", "/home"},
	{"/%0D%0A/evil.com", "/home"},
	{"/%2F%2Fevil.com", "/home"},
	{"/%2f/evil.com", "/home"},
	{"/%5Cevil.com", "/home"},
	{"/%252F%252Fevil.com", "/home"},
	{"/%25252F%25252Fevil.com", "/home"},
	{"/%252F%252Fevil.com%25", "/home"},
	{"https:evil.com", "/home"},
	{"https://evil.com", "/home"},
	{"http:/\\evil.com", "/home"},
	{"HTTPS://evil.com", "/home"},
	{"javascript:alert(1)", "/home"},
	{"JavaScript:alert(1)", "/home"},
	{" javascript:alert(1)", "/home"},
	{"data:text/html,<script>alert(1)</script>", "/home"},
	{"evil.com", "/home"},
	{"./evil.com", "/home"},
	{" /account", "/home"},
	{"/\u3000/evil.com", "/home"},
	{"/%E3%80%80/evil.com", "/home"},
	{"/account?x=%zz", "/home"},
	{"/account?x=\n", "/home"},
}

func TestLocalRedirects(t *testing.T) {
	f := newFixture(t)
	for _, c := range redirectCases {
		w := mustServe(t, f.app, "GET", "/login?next="+url.QueryEscape(c.next), nil)
		if w.Code != 303 || w.Header().Get("Location") != c.location || w.Body.Len() != 0 {
			t.Errorf("next=%q: %d Location %q, want 303 %q", c.next, w.Code, w.Header().Get("Location"), c.location)
		}
	}
	checkClean(t, f)
}
