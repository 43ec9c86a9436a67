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
	// Escapes in the query and fragment are ordinary on-site values.
	{"/search?q=a%20b", true},
	{"/search?q=a+b&lang=fr#top", true},
	{"/a?next=%2F%2Fevil.com%3Fx%3D1", true},
	{"/a?next=https://evil.com", true}, // a query value, never a host
	{"/a?x=%0A%00%7F", true},           // escaped control bytes in the query
	{"/a#frag%20x", true},
	{"/a?x=%25", true},
	{"/100%25", true},   // the path "/100%"
	{"/100%2525", true}, // "/100%25", then "/100%"
	{"/%25zz", true},    // the path "/%zz": a "%" that starts no escape
	{"/?//evil.com", true},
	{"/%3F//evil.com", true}, // "/?//evil.com": the rest is a query
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
	{"/a?q=%zz", false}, // malformed escape in the query
	{"/a?q=100%", false},
	{"/a#%zz", false},
	{"/a?x=\n", false}, // raw control bytes in the query or fragment
	{"/a?x=\r\nSet-Cookie:x=1", false},
	{"/a#\x00", false},
	{"/a?x=1 2", false},
	{"/a?x=\\", false},
	{"/%252F%252Fevil.com%25", false}, // "/%2F%2Fevil.com%": a lenient decoder gives "//evil.com%"
	{"/%2F%2Fevil.com%zz", false},
	{"?/evil.com", false},
	{"#/evil.com", false},
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

// splitTarget cuts a target into its path and the query and fragment.
func splitTarget(target string) (path, rest string) {
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		return target[:i], target[i:]
	}
	return target, ""
}

// browserForms returns target and the forms a lenient client may turn it
// into: with tabs and newlines removed, backslashes read as slashes, and
// the path's percent-escapes decoded once or more (leniently: a "%" that
// starts no escape stays).
func browserForms(target string) []string {
	stripped := strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(target)
	forms := []string{target, stripped, strings.ReplaceAll(stripped, "\\", "/")}
	// A server or proxy may also decode the path again, several times.
	path, rest := splitTarget(target)
	for i := 0; i <= maxDecodeRounds+1; i++ {
		path = lenientUnescape(path)
		forms = append(forms, path+rest, strings.ReplaceAll(path, "\\", "/")+rest)
	}
	return forms
}

// staysOnSite reports whether a client following form stays on site. A
// form net/url cannot parse is checked by its start: a client that takes
// it as it is sees a path, unless it starts with two slashes.
func staysOnSite(form string) bool {
	u, err := url.Parse(form)
	if err != nil {
		return strings.HasPrefix(form, "/") && !strings.HasPrefix(form, "//")
	}
	got := site.ResolveReference(u)
	return got.Host == "site.example" && got.Scheme == "https" && got.User == nil
}

func TestLenientUnescape(t *testing.T) {
	for in, want := range map[string]string{
		"":            "",
		"/plain":      "/plain",
		"/a%20b":      "/a b",
		"/100%":       "/100%",
		"/%zz%41":     "/%zzA",
		"/%2":         "/%2",
		"/%e2%82%AC":  "/\u20ac",
		"/%252F":      "/%2F",
		"%%41%":       "%A%",
		"/%2F%2Fevil": "///evil",
	} {
		if got := lenientUnescape(in); got != want {
			t.Errorf("lenientUnescape(%q) = %q, want %q", in, got, want)
		}
	}
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
		if _, err := url.Parse(target); err != nil {
			t.Fatalf("IsLocalRedirect(%q) = true but url.Parse fails: %v", target, err)
		}
		for _, c := range target {
			if c < 0x20 || c == 0x7f || c == '\\' || c == ' ' {
				t.Fatalf("IsLocalRedirect(%q) = true but the target holds %q", target, c)
			}
		}
		for _, form := range browserForms(target) {
			if !staysOnSite(form) {
				t.Fatalf("IsLocalRedirect(%q) = true but its form %q leaves the site", target, form)
			}
		}
	})
}
