// Design: the open-redirect check is a security boundary, so it is tested
// against a table of known bypass tricks and fuzzed with the property that
// matters: whatever it accepts, resolved against the site's URL (also after
// the normalizations browsers apply), stays on the site.

package respond

import (
	"net/url"
	"strings"
	"testing"
)

var localRedirectTests = []struct {
	target string
	want   bool
}{
	// Accepted.
	{"/", true},
	{"/a/b?x=1#f", true},
	{"/caf%C3%A9", true},
	{"/café", true},
	{"/a?next=%2F%2Fevil.com", true}, // decodes to "/a?next=//evil.com": still on-site
	{"/a/./b/../c", true},
	{"/.//evil.com", true}, // a path on this site
	{"/user:pass", true},
	{"/%2541", true}, // "/%41", then "/A"
	// Refused.
	{"", false},
	{"//evil.com", false},
	{"///evil.com", false},
	{"/\\evil.com", false},
	{"\\\\evil.com", false},
	{"\\/evil.com", false},
	{"/%09/evil.com", false},
	{"/\t/evil.com", false},
	{"/\n/evil.com", false},
	{"/%2F%2Fevil.com", false},
	{"/%2f/evil.com", false},
	{"/%5Cevil.com", false},
	{"/%5cevil.com", false},
	{"/%252F%252Fevil.com", false},     // double-encoded "//"
	{"/%25252F%25252Fevil.com", false}, // triple-encoded
	{"/%2525252525252F", false},        // still encoded after the last round
	{"/a%5Cb", false},
	{"/a\\b", false},
	{"https:evil.com", false},
	{"https://evil.com", false},
	{"http://evil.com", false},
	{"javascript:alert(1)", false},
	{"JavaScript:alert(1)", false},
	{"data:text/html,<script>", false},
	{"evil.com", false},
	{"a/b", false},
	{"./a", false},
	{" /x", false},
	{"/x y", false},
	{"/x%20y", false},
	{"/\u3000/evil.com", false}, // ideographic space
	{"/\u00a0x", false},         // no-break space
	{"/\x00", false},
	{"/%00", false},
	{"/\x7f", false},
	{"/%zz", false}, // malformed escape
	{"/100%", false},
}

func TestIsLocalRedirect(t *testing.T) {
	for _, tt := range localRedirectTests {
		if got := IsLocalRedirect(tt.target); got != tt.want {
			t.Errorf("IsLocalRedirect(%q) = %v, want %v", tt.target, got, tt.want)
		}
	}
}

func TestLocalRedirect(t *testing.T) {
	tests := []struct {
		target, fallback string
		want             string
	}{
		{"/a/b?x=1#f", "/home", "/a/b?x=1#f"},
		{"//evil.com", "/home", "/home"},
		{"https://evil.com", "/home", "/home"},
		{"", "/home", "/home"},
		{"//evil.com", "//evil.com", "/"},
		{"javascript:alert(1)", "", "/"},
		{"/caf%C3%A9", "/", "/caf%C3%A9"},
	}
	for _, tt := range tests {
		resp := LocalRedirect(tt.target, tt.fallback)
		if err := resp.Err(); err != nil {
			t.Fatalf("LocalRedirect(%q, %q).Err() = %v", tt.target, tt.fallback, err)
		}
		if resp.Status() != 303 {
			t.Errorf("LocalRedirect(%q, %q) status = %d, want 303", tt.target, tt.fallback, resp.Status())
		}
		w := write(t, resp, "GET")
		if got := w.Header().Get("Location"); got != tt.want {
			t.Errorf("LocalRedirect(%q, %q) Location = %q, want %q", tt.target, tt.fallback, got, tt.want)
		}
		if w.Body.Len() != 0 {
			t.Errorf("redirect body = %q, want empty", w.Body)
		}
	}
	// Every refused table entry falls back.
	for _, tt := range localRedirectTests {
		want := tt.target
		if !tt.want {
			want = "/fallback"
		}
		if got := LocalRedirect(tt.target, "/fallback").Header().Get("Location"); got != want {
			t.Errorf("LocalRedirect(%q) Location = %q, want %q", tt.target, got, want)
		}
	}
}

func TestRedirectRefusesControlBytes(t *testing.T) {
	for _, u := range []string{"/a\r\nSet-Cookie: x=1", "/a\nb", "/a\x00"} {
		for _, resp := range []*Response{Redirect(u), PermanentRedirect(u), SeeOther(u)} {
			want := `itty: header "Location": value contains a control character`
			if got := errString(resp.Err()); got != want {
				t.Errorf("redirect to %q: Err() = %q, want %q", u, got, want)
			}
		}
	}
}

// site is the base URL that accepted targets must stay on.
var site = &url.URL{Scheme: "https", Host: "site.example", Path: "/"}

// browserForms returns target and the forms a lenient client may turn it
// into: with tabs and newlines removed, backslashes read as slashes, and
// percent-escapes decoded.
func browserForms(target string) []string {
	stripped := strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(target)
	forms := []string{target, stripped, strings.ReplaceAll(stripped, "\\", "/")}
	// A server or proxy may also decode the target once more.
	if d, err := url.PathUnescape(target); err == nil {
		forms = append(forms, d)
	}
	return forms
}

func FuzzLocalRedirect(f *testing.F) {
	for _, tt := range localRedirectTests {
		f.Add(tt.target)
	}
	f.Fuzz(func(t *testing.T, target string) {
		ok := IsLocalRedirect(target)
		resp := LocalRedirect(target, "/fallback")
		loc := resp.Header().Get("Location")
		if resp.Err() != nil || (ok && loc != target) || (!ok && loc != "/fallback") {
			t.Fatalf("LocalRedirect(%q): Location %q, Err %v; IsLocalRedirect = %v", target, loc, resp.Err(), ok)
		}
		if !ok {
			return
		}
		for _, form := range browserForms(target) {
			u, err := url.Parse(form)
			if err != nil {
				t.Fatalf("IsLocalRedirect(%q) = true but url.Parse(%q) fails: %v", target, form, err)
			}
			if got := site.ResolveReference(u); got.Host != "site.example" || got.Scheme != "https" || got.User != nil {
				t.Fatalf("IsLocalRedirect(%q) = true but %q resolves to %s", target, form, got)
			}
		}
	})
}
