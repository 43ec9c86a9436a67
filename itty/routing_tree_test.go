package itty

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/uuid"
)

// sinkWriter is a reusable ResponseWriter for allocation tests and benchmarks.
type sinkWriter struct {
	h      http.Header
	status int
	n      int
}

func newSink() *sinkWriter                 { return &sinkWriter{h: http.Header{}} }
func (w *sinkWriter) Header() http.Header  { return w.h }
func (w *sinkWriter) WriteHeader(code int) { w.status = code }
func (w *sinkWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.n += len(p)
	return len(p), nil
}
func (w *sinkWriter) reset() {
	clear(w.h)
	w.status, w.n = 0, 0
}

// mustRequest builds a server-side request for target, as net/http would.
func mustRequest(t testing.TB, method, target string) *http.Request {
	t.Helper()
	u, err := url.ParseRequestURI(target)
	if err != nil {
		t.Fatalf("parse %q: %v", target, err)
	}
	return &http.Request{Method: method, URL: u, RequestURI: target, Header: http.Header{},
		Host: "example.com", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1}
}

func TestTreeMatchesEveryKind(t *testing.T) {
	a := New()
	var got string
	type U struct {
		V uuid.UUID `path:"v"`
	}
	type I struct {
		V int8 `path:"v"`
	}
	type UI struct {
		V uint8 `path:"v"`
	}
	type F struct {
		V float32 `path:"v"`
	}
	type S struct {
		V string `path:"v"`
	}
	record := func(tag string) func(*Request, S) Response {
		return func(r *Request, p S) Response { got = tag + ":" + p.V; return nil }
	}
	Get(a, "/u/<uuid:v>", func(r *Request, p U) Response { got = "uuid:" + p.V.String(); return nil })
	Get(a, "/i/<int:v>", func(r *Request, p I) Response { got = fmt.Sprint("int:", p.V); return nil })
	Get(a, "/ui/<int:v>", func(r *Request, p UI) Response { got = fmt.Sprint("uint:", p.V); return nil })
	Get(a, "/f/<float:v>", func(r *Request, p F) Response { got = fmt.Sprint("float:", p.V); return nil })
	Get(a, "/sl/<slug:v>", record("slug"))
	Get(a, "/s/<str:v>", record("str"))
	Get(a, "/p/<path:v>", record("path"))
	Get(a, "/robots.txt", func(r *Request, p struct{}) Response { got = "robots"; return nil })

	cases := []struct{ target, want string }{
		{"/u/123e4567-e89b-12d3-a456-426614174000", "uuid:123e4567-e89b-12d3-a456-426614174000"},
		{"/u/123E4567-E89B-12D3-A456-426614174000", "uuid:123e4567-e89b-12d3-a456-426614174000"},
		{"/u/123e4567e89b12d3a456426614174000", ""},
		{"/u/%7B123e4567-e89b-12d3-a456-426614174000%7D", ""},
		{"/u/urn:uuid:123e4567-e89b-12d3-a456-426614174000", ""},
		{"/u/123e4567-e89b-12d3-a456-42661417400g", ""},
		{"/i/0", "int:0"},
		{"/i/127", "int:127"},
		{"/i/007", "int:7"},
		{"/i/128", ""}, // overflows int8
		{"/i/-1", ""},
		{"/i/+1", ""},
		{"/i/0x1", ""},
		{"/i/1_0", ""},
		{"/i/", ""},
		{"/ui/255", "uint:255"},
		{"/ui/256", ""},
		{"/f/1", "float:1"},
		{"/f/1.5", "float:1.5"},
		{"/f/.5", ""},
		{"/f/1.", ""},
		{"/f/1e3", ""},
		{"/f/-1.5", ""},
		{"/f/NaN", ""},
		{"/f/Inf", ""},
		{"/f/" + strings.Repeat("9", 40), ""}, // overflows float32
		{"/sl/hello-world", "slug:hello-world"},
		{"/sl/hello_world", "slug:hello_world"},
		{"/sl/Hello", ""},
		{"/sl/-a", ""},
		{"/sl/a-", ""},
		{"/s/anything%20goes", "str:anything goes"},
		{"/s/caf%C3%A9", "str:café"},
		{"/s/a%2Fb", ""}, // an encoded slash never spans segments
		{"/s/a%2fb", ""},
		{"/s/a/b", ""},
		{"/s/", ""},
		{"/p/a/b/c", "path:a/b/c"},
		{"/p/a%2Fb/c", "path:a/b/c"},
		{"/p/", ""},
		{"/robots.txt", "robots"},
		{"/robotsxtxt", ""},
		{"/ROBOTS.TXT", ""},
	}
	w := newSink()
	for _, c := range cases {
		got = ""
		w.reset()
		a.ServeHTTP(w, mustRequest(t, "GET", c.target))
		if got != c.want {
			t.Errorf("GET %s: handler saw %q, want %q (status %d)", c.target, got, c.want, w.status)
		}
		if c.want == "" && w.status != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", c.target, w.status)
		}
	}
}

// precedenceRoutes are registered in every order; each request must reach
// the same route whatever the order.
var precedenceRoutes = []string{
	"/x/new",
	"/x/<uuid:v>",
	"/x/<int:v>",
	"/x/<float:v>",
	"/x/<slug:v>",
	"/x/<str:v>",
	"/x/<path:v>",
}

func registerKindRoute(t *testing.T, a *App, pattern string, got *string) {
	t.Helper()
	var err error
	set := func(r *Request) Response { *got = r.Pattern(); return nil }
	switch {
	case strings.Contains(pattern, "<uuid:"):
		_, err = Register(a, "GET", pattern, func(r *Request, p struct {
			V uuid.UUID `path:"v"`
		}) Response {
			return set(r)
		})
	case strings.Contains(pattern, "<int:"):
		_, err = Register(a, "GET", pattern, func(r *Request, p struct {
			V int `path:"v"`
		}) Response {
			return set(r)
		})
	case strings.Contains(pattern, "<float:"):
		_, err = Register(a, "GET", pattern, func(r *Request, p struct {
			V float64 `path:"v"`
		}) Response {
			return set(r)
		})
	case strings.Contains(pattern, "<"):
		_, err = Register(a, "GET", pattern, func(r *Request, p struct {
			V string `path:"v"`
		}) Response {
			return set(r)
		})
	default:
		_, err = Register(a, "GET", pattern, func(r *Request, p struct{}) Response { return set(r) })
	}
	if err != nil {
		t.Fatal(err)
	}
}

func TestPrecedenceIgnoresRegistrationOrder(t *testing.T) {
	want := map[string]string{
		"/x/new": "/x/new",
		"/x/123e4567-e89b-12d3-a456-426614174000": "/x/<uuid:v>",
		"/x/42":            "/x/<int:v>",
		"/x/4.2":           "/x/<float:v>",
		"/x/hello-world":   "/x/<slug:v>",
		"/x/Hello%20World": "/x/<str:v>",
		"/x/a/b":           "/x/<path:v>",
	}
	orders := [][]int{{0, 1, 2, 3, 4, 5, 6}, {6, 5, 4, 3, 2, 1, 0}, {3, 6, 0, 5, 1, 4, 2}, {5, 2, 6, 1, 3, 0, 4}}
	for _, order := range orders {
		a := New()
		var got string
		for _, i := range order {
			registerKindRoute(t, a, precedenceRoutes[i], &got)
		}
		w := newSink()
		for target, pattern := range want {
			got = ""
			w.reset()
			a.ServeHTTP(w, mustRequest(t, "GET", target))
			if got != pattern {
				t.Errorf("order %v: GET %s reached %q, want %q", order, target, got, pattern)
			}
		}
	}
}

func TestBacktracking(t *testing.T) {
	a := New()
	var got string
	type P struct {
		ID int    `path:"id"`
		N  string `path:"n"`
	}
	Get(a, "/a/<int:id>/x/<str:n>", func(r *Request, p P) Response { got = r.Pattern(); return nil })
	Get(a, "/a/<str:n>/y/<int:id>", func(r *Request, p P) Response { got = r.Pattern(); return nil })
	Get(a, "/a/static/x/<str:n>", func(r *Request, p struct {
		N string `path:"n"`
	}) Response {
		got = r.Pattern()
		return nil
	})
	w := newSink()
	for target, want := range map[string]string{
		"/a/1/x/z":      "/a/<int:id>/x/<str:n>",
		"/a/1/y/2":      "/a/<str:n>/y/<int:id>", // int branch fails below, str branch wins
		"/a/static/x/z": "/a/static/x/<str:n>",
		"/a/static/y/3": "/a/<str:n>/y/<int:id>", // literal branch fails below
	} {
		got = ""
		w.reset()
		a.ServeHTTP(w, mustRequest(t, "GET", target))
		if got != want {
			t.Errorf("GET %s reached %q, want %q", target, got, want)
		}
	}
}

func TestSameKindDifferentRanges(t *testing.T) {
	a := New()
	var got string
	Get(a, "/n/<int:v>/small", func(r *Request, p struct {
		V int8 `path:"v"`
	}) Response {
		got = fmt.Sprint("small ", p.V)
		return nil
	})
	Get(a, "/n/<int:v>/big", func(r *Request, p struct {
		V uint64 `path:"v"`
	}) Response {
		got = fmt.Sprint("big ", p.V)
		return nil
	})
	w := newSink()
	for target, want := range map[string]string{
		"/n/5/small":                  "small 5",
		"/n/300/small":                "",
		"/n/300/big":                  "big 300",
		"/n/18446744073709551615/big": "big 18446744073709551615",
		"/n/18446744073709551616/big": "",
	} {
		got = ""
		w.reset()
		a.ServeHTTP(w, mustRequest(t, "GET", target))
		if got != want {
			t.Errorf("GET %s: got %q, want %q", target, got, want)
		}
	}
}

func TestTrailingSlashIsSignificant(t *testing.T) {
	a := New()
	var got string
	Get(a, "/greet", func(r *Request, p struct{}) Response { got = "no slash"; return nil })
	Get(a, "/greet/", func(r *Request, p struct{}) Response { got = "slash"; return nil })
	Get(a, "/only/", func(r *Request, p struct{}) Response { got = "only"; return nil })
	Get(a, "/", func(r *Request, p struct{}) Response { got = "root"; return nil })
	w := newSink()
	for target, want := range map[string]string{"/greet": "no slash", "/greet/": "slash", "/only": "", "/only/": "only", "/": "root", "//": ""} {
		got = ""
		w.reset()
		a.ServeHTTP(w, mustRequest(t, "GET", target))
		if got != want {
			t.Errorf("GET %s: got %q, want %q", target, got, want)
		}
	}
}

// TestNodeSize keeps a node in the 192-byte allocation size class, whose
// objects start on 64-byte boundaries: walk's fields then share one cache
// line. A new field must take the padding's place.
func TestNodeSize(t *testing.T) {
	if got := unsafe.Sizeof(node{}); got != 192 {
		t.Errorf("a node is %d bytes, want 192 (adjust the padding)", got)
	}
	if off := unsafe.Offsetof(node{}.only); off != 64 {
		t.Errorf("node.only is at %d, want 64: the first line holds what walk reads of every node", off)
	}
}
