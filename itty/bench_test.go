package itty

import (
	"bufio"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/params"
)

// benchRoute is one line of a route list of the standard Go routing
// benchmark, with :name parameters turned into <str:name>.
type benchRoute struct{ method, pattern, target string }

// mustLoadRoutes reads ../../shared/bench-data/NAME.
func mustLoadRoutes(tb testing.TB, name string) []benchRoute {
	tb.Helper()
	f, err := os.Open("../../shared/bench-data/" + name)
	if err != nil {
		tb.Fatalf("the routing benchmark data must sit beside the checkout: %v", err)
	}
	defer f.Close()
	var out []benchRoute
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		method, path, ok := strings.Cut(strings.TrimSpace(sc.Text()), " ")
		if !ok {
			continue
		}
		segs := strings.Split(path, "/")
		target := make([]string, len(segs))
		for i, s := range segs {
			target[i] = s
			if strings.HasPrefix(s, ":") {
				segs[i] = "<str:" + s[1:] + ">"
				target[i] = "v" + s[1:]
			}
		}
		out = append(out, benchRoute{method, strings.Join(segs, "/"), strings.Join(target, "/")})
	}
	if len(out) == 0 {
		tb.Fatalf("%s holds no routes", name)
	}
	return out
}

// strMatcher is the matcher of a <str:…> segment bound to a string field.
func strMatcher(tb testing.TB) bind.Matcher {
	tb.Helper()
	plan, err := bind.Compile[struct {
		V string `path:"v"`
	}]([]bind.PathParam{{Name: "v", Kind: params.Str}})
	if err != nil {
		tb.Fatal(err)
	}
	return plan.Matchers()[0]
}

// addRoutes registers routes whose handler reads every path parameter,
// without a parameter struct per route (the route lists have hundreds of
// shapes). Typed binding is measured by the binding benchmarks below and by
// the benchmarks module.
func addRoutes(tb testing.TB, a *App, routes []benchRoute, sink *int) {
	tb.Helper()
	m := strMatcher(tb)
	for _, br := range routes {
		pat, err := params.Parse(br.pattern)
		if err != nil {
			tb.Fatal(err)
		}
		ps := pat.Params()
		ms := make([]bind.Matcher, len(ps))
		names := make([]string, len(ps))
		for i, s := range ps {
			ms[i], names[i] = m, s.Text
		}
		rt := &route{method: br.method, pattern: pat.String(), pat: pat, names: names, matchers: ms, nparams: len(ps),
			serve: serveFunc(func(w http.ResponseWriter, req *Request) {
				for _, v := range req.params {
					*sink += len(v)
				}
				w.WriteHeader(http.StatusNoContent)
			})}
		if err := a.add(rt); err != nil {
			tb.Fatal(err)
		}
	}
}

// serveFunc adapts a function to the server of a route.
type serveFunc func(w http.ResponseWriter, req *Request)

func (f serveFunc) serve(w http.ResponseWriter, req *Request) { f(w, req) }

func benchServe(b *testing.B, a *App, reqs []*http.Request) {
	b.Helper()
	w := newSink()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range reqs {
			w.reset()
			a.ServeHTTP(w, r)
		}
	}
	if w.status != http.StatusNoContent {
		b.Fatalf("status %d", w.status)
	}
}

func TestGitHubRoutesAllMatch(t *testing.T) {
	routes := mustLoadRoutes(t, "github-api-routes.txt")
	a := New()
	sink := 0
	addRoutes(t, a, routes, &sink)
	w := newSink()
	for _, br := range routes {
		w.reset()
		before := sink
		r := mustRequest(t, br.method, br.target)
		a.ServeHTTP(w, r)
		if w.status != http.StatusNoContent {
			t.Errorf("%s %s: status %d", br.method, br.target, w.status)
		}
		want := 0
		for _, s := range strings.Split(br.target, "/") {
			if strings.HasPrefix(s, "v") {
				want += len(s)
			}
		}
		if got := sink - before; got != want && strings.Contains(br.pattern, "<") {
			t.Errorf("%s %s: handler read %d bytes of parameters, want %d", br.method, br.target, got, want)
		}
	}
}

func BenchmarkRouteStatic(b *testing.B) {
	a := New()
	sink := 0
	addRoutes(b, a, mustLoadRoutes(b, "github-api-routes.txt"), &sink)
	benchServe(b, a, []*http.Request{mustRequest(b, "GET", "/user/repos")})
}

func BenchmarkRouteParam1(b *testing.B) {
	a := New()
	sink := 0
	addRoutes(b, a, []benchRoute{{"GET", "/user/<str:name>", ""}}, &sink)
	benchServe(b, a, []*http.Request{mustRequest(b, "GET", "/user/gordon")})
}

func BenchmarkRouteParam5(b *testing.B) {
	a := New()
	sink := 0
	addRoutes(b, a, []benchRoute{{"GET", "/<str:a>/<str:b>/<str:c>/<str:d>/<str:e>", ""}}, &sink)
	benchServe(b, a, []*http.Request{mustRequest(b, "GET", "/test/test/test/test/test")})
}

func BenchmarkRouteParam20(b *testing.B) {
	a := New()
	sink := 0
	var p, t strings.Builder
	for c := 'a'; c <= 't'; c++ {
		p.WriteString("/<str:" + string(c) + ">")
		t.WriteString("/" + string(c))
	}
	addRoutes(b, a, []benchRoute{{"GET", p.String(), ""}}, &sink)
	benchServe(b, a, []*http.Request{mustRequest(b, "GET", t.String())})
}

func benchRouteList(b *testing.B, file string) {
	routes := mustLoadRoutes(b, file)
	a := New()
	sink := 0
	addRoutes(b, a, routes, &sink)
	reqs := make([]*http.Request, len(routes))
	for i, br := range routes {
		reqs[i] = mustRequest(b, br.method, br.target)
	}
	benchServe(b, a, reqs)
}

func BenchmarkRouteGitHubAll(b *testing.B) { benchRouteList(b, "github-api-routes.txt") }
func BenchmarkRouteParseAll(b *testing.B)  { benchRouteList(b, "parse-api-routes.txt") }
func BenchmarkRouteGPlusAll(b *testing.B)  { benchRouteList(b, "gplus-api-routes.txt") }
func BenchmarkRouteStaticAll(b *testing.B) { benchRouteList(b, "static-routes.txt") }

// BenchmarkLookupGitHubAll measures the routing tree alone: every GitHub API
// route matched once per op, without serving.
func BenchmarkLookupGitHubAll(b *testing.B) {
	routes := mustLoadRoutes(b, "github-api-routes.txt")
	a := New()
	sink := 0
	addRoutes(b, a, routes, &sink)
	type q struct{ method, path string }
	qs := make([]q, len(routes))
	for i, br := range routes {
		r := mustRequest(b, br.method, br.target)
		qs[i] = q{r.Method, r.URL.Path[1:]}
	}
	var vals [24]string
	b.ReportAllocs()
	for b.Loop() {
		for _, q := range qs {
			if a.router.lookup(q.method, q.path, false, vals[:]) == nil {
				b.Fatal("no route for " + q.path)
			}
		}
	}
}

// BenchmarkLookupParam1 measures the routing tree alone for one parameter.
func BenchmarkLookupParam1(b *testing.B) {
	a := New()
	sink := 0
	addRoutes(b, a, []benchRoute{{"GET", "/user/<str:name>", ""}}, &sink)
	var vals [6]string
	b.ReportAllocs()
	for b.Loop() {
		if a.router.lookup("GET", "user/gordon", false, vals[:]) == nil {
			b.Fatal("no route")
		}
	}
}

// The binding benchmarks register typed handlers, so they measure routing,
// binding into P and the handler call together.

type bind5 struct {
	A string `path:"a"`
	B int    `path:"b"`
	C string `path:"c"`
	D int64  `path:"d"`
	E string `path:"e"`
}

func BenchmarkBindPath5(b *testing.B) {
	a := New()
	sink := 0
	Get(a, "/<str:a>/<int:b>/<slug:c>/<int:d>/<str:e>", func(r *Request, p bind5) Response {
		sink += len(p.A) + p.B + len(p.C) + int(p.D) + len(p.E)
		return nil
	})
	benchServe(b, a, []*http.Request{mustRequest(b, "GET", "/test/12/some-slug/34/test")})
}

type bindQuery struct {
	ID      int    `path:"id"`
	Page    int    `query:"page" default:"1"`
	Verbose bool   `query:"verbose"`
	Q       string `query:"q"`
	Auth    string `header:"Authorization"`
	Session string `cookie:"session"`
}

func BenchmarkBindQueryHeaderCookie(b *testing.B) {
	a := New()
	sink := 0
	Get(a, "/items/<int:id>", func(r *Request, p bindQuery) Response {
		sink += p.ID + p.Page + len(p.Q) + len(p.Auth) + len(p.Session)
		return nil
	})
	r := mustRequest(b, "GET", "/items/42?page=3&verbose=true&q=hello")
	r.Header.Set("Authorization", "Bearer x")
	r.Header.Set("Cookie", "theme=dark; session=abc123")
	benchServe(b, a, []*http.Request{r})
}
