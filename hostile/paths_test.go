package hostile_test

// Paths and routing: dot segments raw and encoded, double encoding, "%2F"
// inside a segment, backslashes, NUL, very long paths, "//host" and
// "/\host", unknown methods, HEAD and OPTIONS. Every request goes over the
// wire, so the path reaches the app exactly as written (no client cleans
// it). Paths never normalise: a dot segment is an ordinary segment that
// no route has, and a value never spans two segments.

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// pathCase is one request and the answer it must get.
type pathCase struct {
	method, target string
	status         int
	header         string // "Name: value" that the answer must carry, or "Name:" that it must not
	body           string // a substring of the body
}

var pathCases = []pathCase{
	// Dot segments never normalise and match no route.
	{"GET", "/items/../items/1", 404, "", ""},
	{"GET", "/items/./1", 404, "", ""},
	{"GET", "/items/%2e%2e/items/1", 404, "", ""},
	{"GET", "/items/%2E/1", 404, "", ""},
	{"GET", "/s/..", 200, "", `str ".."`}, // a str value, not a dot segment
	{"GET", "/s/%2e%2e", 200, "", `str ".."`},

	// Encoded slashes stay inside their segment; decoding happens once.
	{"GET", "/s/a%2Fb", 404, "", ""},
	{"GET", "/s/a%2fb", 404, "", ""},
	{"GET", "/s/%252F", 200, "", `str "%2F"`},
	{"GET", "/s/%25252F", 200, "", `str "%252F"`},
	{"GET", "/files/a%2Fb", 200, "", `path "a/b"`},
	{"GET", "/files/..%2F..%2Fetc%2Fpasswd", 200, "", `path "../../etc/passwd"`}, // a value for the handler, never a file
	{"GET", "/items/%31%32", 200, "", "item 12"},
	{"GET", "/items/1%20", 404, "", ""},
	{"GET", "/items/%2B1", 404, "", ""},

	// Backslashes and NUL.
	{"GET", `/s/a\b`, 200, "", `str "a\\b"`},
	{"GET", "/s/a%5Cb", 200, "", `str "a\\b"`},
	{"GET", "/s/%00", 200, "", `str "\x00"`},
	{"GET", "/items/1%00", 404, "", ""},

	// Empty segments, case, trailing slashes.
	{"GET", "//items/1", 404, "Location:", ""},
	{"GET", "/items//1", 404, "", ""},
	{"GET", "/ITEMS/1", 404, "", ""},
	{"GET", "/items/1;x=1", 404, "", ""},
	{"GET", "/items/1/", 301, "Location: /items/1", ""},
	{"GET", "/items/1/?a=%0D%0A", 301, "Location: /items/1?a=%0D%0A", ""},
	{"GET", "/dir", 301, "Location: /dir/", ""},
	{"POST", "/dir", 404, "Location:", ""},
	{"GET", "/static", 404, "Location:", ""},
	{"GET", "/static/", 404, "", ""},

	// Targets that look like another host are never redirected to.
	{"GET", "//evil.com", 404, "Location:", ""},
	{"GET", "//evil.com/", 404, "Location:", ""},
	{"GET", "///evil.com", 404, "Location:", ""},
	{"GET", `/\evil.com`, 404, "Location:", ""},
	{"GET", `/\evil.com/`, 404, "Location:", ""},
	{"GET", "/%5Cevil.com/", 404, "Location:", ""},
	{"GET", "/%2F%2Fevil.com", 404, "Location:", ""},
	{"GET", "/%2Fevil.com/", 404, "Location:", ""},

	// Long paths (the request line counts toward the 64 KiB header limit).
	{"GET", "/" + strings.Repeat("a/", 30<<10), 404, "", ""},
	{"GET", "/files/" + strings.Repeat("a/", 30<<10), 200, "", `path "a/a/a/`},
	{"GET", "/s/" + strings.Repeat("%41", 20<<10), 200, "", `str "AAAA`},
	{"GET", "/static/" + strings.Repeat("a/", 30<<10) + "x", 404, "", ""},

	// Typed segments.
	{"GET", "/id/123E4567-E89B-12D3-A456-426614174000", 200, "", "uuid 123e4567-e89b-12d3-a456-426614174000"},
	{"GET", "/id/%7B123e4567-e89b-12d3-a456-426614174000%7D", 404, "", ""},
	{"GET", "/slug/hello-world", 200, "", "slug hello-world"},
	{"GET", "/slug/Hello", 404, "", ""},
	{"GET", "/slug/caf%C3%A9", 404, "", ""},

	// Methods.
	{"FOO", "/items/1", 405, "Allow: GET, HEAD, OPTIONS", ""},
	{"PROPFIND", "/dav", 200, "", "dav"},
	{"PROPFIND", "/items/1", 405, "Allow: GET, HEAD, OPTIONS", ""},
	{"GET", "/dav", 405, "Allow: OPTIONS, PROPFIND", ""},
	{"DELETE", "/items", 405, "Allow: OPTIONS, POST", ""},
	{"TRACE", "/items/1", 405, "Allow: GET, HEAD, OPTIONS", ""},
	{"HEAD", "/items/1", 200, "Content-Type: text/plain; charset=utf-8", ""},
	{"HEAD", "/nope", 404, "", ""},
	{"OPTIONS", "/items/1", 204, "Allow: GET, HEAD, OPTIONS", ""},
	{"OPTIONS", "/nope", 404, "", ""},
	{"GET", "/items/1?%zz&%", 200, "", "item 1"},
}

func TestPathsAndRouting(t *testing.T) {
	noLeak(t)
	f := newFixture(t)
	addr := mustListen(t, f.app)
	for _, c := range pathCases {
		raw := c.method + " " + c.target + " HTTP/1.1\r\n" + host + closeC + "\r\n"
		got := mustRaw(t, addr, raw, 5*time.Second)
		name := c.method + " " + c.target
		if len(name) > 80 {
			name = name[:80] + "…"
		}
		if len(got.responses) != 1 || got.end != "closed" {
			t.Errorf("%s: statuses %v, connection %s; want [%d], closed", name, got.statuses(), got.end, c.status)
			continue
		}
		resp := got.responses[0]
		if resp.status != c.status {
			t.Errorf("%s: status %d, want %d", name, resp.status, c.status)
		}
		if c.header != "" {
			k, v, _ := strings.Cut(c.header, ":")
			if v = strings.TrimSpace(v); resp.header.Get(k) != v || (v == "" && len(resp.header.Values(k)) > 0) {
				t.Errorf("%s: %s %q, want %q", name, k, resp.header.Values(k), v)
			}
		}
		if !strings.Contains(resp.body, c.body) {
			t.Errorf("%s: body %.100q lacks %q", name, resp.body, c.body)
		}
		if c.method == "HEAD" && resp.body != "" {
			t.Errorf("%s: HEAD answer has a body %q", name, resp.body)
		}
	}
	checkClean(t, f)
}

// TestPathDecodingIsSingle checks every kind of segment with the same
// double-encoded input: each decodes exactly once.
func TestPathDecodingIsSingle(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct{ target, want string }{
		{"/s/%2541", `200 str "%41"`},
		{"/files/%2541/%252F", `200 path "%41/%2F"`},
		{"/items/%2531", "404 "},
		{"/slug/%2561", "404 "},
	} {
		w := mustServe(t, f.app, "GET", c.target, nil)
		got := fmt.Sprintf("%d ", w.Code)
		if w.Code == 200 {
			got += w.Body.String()
		}
		if got != c.want {
			t.Errorf("GET %s = %q, want %q", c.target, got, c.want)
		}
	}
	checkClean(t, f)
}
