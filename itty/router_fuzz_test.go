package itty

// The routing tree checked against a brute-force matcher. Both get the same
// registered patterns (drawn from a small alphabet of literals and typed
// segments, so that they overlap often) and the same request path. The
// brute force matches each pattern on its own, segment by segment, and of
// the patterns that match picks the one whose segments rank lowest, in
// order, by the documented precedence: literal, then uuid, int, float,
// slug, str (for one kind, matcher keys in order), then path. The tree must
// return that route with the same values, or nil when none matches.
//
// Run it with
//
//	go test ./itty -run='^$' -fuzz='^FuzzRouter$' -fuzztime=30s

import (
	"fmt"
	"math/rand"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/params"
)

// fuzzUUID is a UUID literal and request segment.
const fuzzUUID = "123e4567-e89b-12d3-a456-426614174000"

// fuzzPatternSegs are the segments patterns are built from. A typed entry
// names the kind and the field type its matcher is compiled for.
var fuzzPatternSegs = []string{
	"a", "b", "1", "12", "1.5", "x-y", fuzzUUID,
	"<int:int8>", "<int:int64>", "<float:float32>", "<float:float64>",
	"<uuid:uuid>", "<slug:string>", "<str:string>", "<path:string>",
}

// fuzzRequestSegs are the segments request paths are built from.
var fuzzRequestSegs = []string{
	"a", "b", "1", "12", "300", "1.5", "x-y", "X", "", fuzzUUID,
	"%2F", "a%2Fb", "%31", "%61", "caf%C3%A9", "-1", "1e3", "99999999999999999999", "a.b",
}

// fuzzMatchers compiles one matcher per typed entry of fuzzPatternSegs.
var fuzzMatchers = func() map[string]bind.Matcher {
	type i8 struct {
		V int8 `path:"v"`
	}
	type i64 struct {
		V int64 `path:"v"`
	}
	type f32 struct {
		V float32 `path:"v"`
	}
	type f64 struct {
		V float64 `path:"v"`
	}
	type s struct {
		V string `path:"v"`
	}
	pp := func(k params.Kind) []bind.PathParam { return []bind.PathParam{{Name: "v", Kind: k}} }
	first := func(p interface{ Matchers() []bind.Matcher }, err error) bind.Matcher {
		if err != nil {
			panic(err)
		}
		return p.Matchers()[0]
	}
	return map[string]bind.Matcher{
		"<int:int8>":      first(bind.Compile[i8](pp(params.Int))),
		"<int:int64>":     first(bind.Compile[i64](pp(params.Int))),
		"<float:float32>": first(bind.Compile[f32](pp(params.Float))),
		"<float:float64>": first(bind.Compile[f64](pp(params.Float))),
		"<uuid:uuid>":     first(bind.Compile[s](pp(params.UUID))),
		"<slug:string>":   first(bind.Compile[s](pp(params.Slug))),
		"<str:string>":    first(bind.Compile[s](pp(params.Str))),
		"<path:string>":   first(bind.Compile[s](pp(params.Path))),
	}
}()

// byteSource hands out the bytes of a fuzz input, then zeros.
type byteSource struct{ b []byte }

func (s *byteSource) next(n int) int {
	if len(s.b) == 0 {
		return 0
	}
	v := int(s.b[0]) % n
	s.b = s.b[1:]
	return v
}

// fuzzRoutes builds up to 8 routes from spec and registers those that do
// not conflict in rr.
func fuzzRoutes(spec []byte, rr *router) []*route {
	src := &byteSource{b: spec}
	var out []*route
	for n := 1 + src.next(8); n > 0; n-- {
		var b strings.Builder
		var matchers []bind.Matcher
		segs := src.next(4)
		for i := 0; i <= segs; i++ {
			entry := fuzzPatternSegs[src.next(len(fuzzPatternSegs))]
			b.WriteByte('/')
			if m, typed := fuzzMatchers[entry]; typed {
				if m.Kind == params.Path && i < segs {
					entry = "<str:string>"
					m = fuzzMatchers[entry]
				}
				kind, _, _ := strings.Cut(entry[1:], ":")
				fmt.Fprintf(&b, "<%s:p%d>", kind, i)
				matchers = append(matchers, m)
				if m.Kind == params.Path {
					break
				}
				continue
			}
			b.WriteString(entry)
		}
		if src.next(3) == 0 && (len(matchers) == 0 || matchers[len(matchers)-1].Kind != params.Path) {
			b.WriteByte('/')
		}
		pat, err := params.Parse(b.String())
		if err != nil {
			panic(fmt.Sprintf("fuzz pattern %q: %v", b.String(), err))
		}
		rt := &route{method: "GET", pattern: pat.String(), pat: pat, matchers: matchers, nparams: len(matchers)}
		if rr.add(rt) == nil {
			out = append(out, rt)
		}
	}
	return out
}

// fuzzTarget builds a request target from spec.
func fuzzTarget(spec []byte) string {
	src := &byteSource{b: spec}
	var b strings.Builder
	for n := 1 + src.next(5); n > 0; n-- {
		b.WriteByte('/')
		b.WriteString(fuzzRequestSegs[src.next(len(fuzzRequestSegs))])
	}
	return b.String()
}

// rank is the precedence of one matched segment: lower wins.
type rank struct {
	kind params.Kind
	key  string
}

func (r rank) less(o rank) bool {
	if r.kind != o.kind {
		return r.kind < o.kind
	}
	return r.key < o.key
}

// bruteMatch matches rt alone against path (without its leading slash),
// escaped when raw is true. It returns the values and the rank of each
// segment.
func bruteMatch(rt *route, path string, raw bool) ([]string, []rank, bool) {
	segs := strings.Split(path, "/")
	var vals []string
	var ranks []rank
	pi := 0
	for i, s := range rt.pat.Segments {
		if s.Kind == params.Path {
			if i >= len(segs) {
				return nil, nil, false
			}
			rest := strings.Join(segs[i:], "/")
			if rest == "" {
				return nil, nil, false
			}
			if raw {
				if d, err := url.PathUnescape(rest); err == nil {
					rest = d
				}
			}
			return append(vals, rest), append(ranks, rank{kind: params.Path, key: rt.matchers[pi].Key}), true
		}
		if i >= len(segs) {
			return nil, nil, false
		}
		seg := segs[i]
		if raw {
			d, err := url.PathUnescape(seg)
			if err != nil || strings.Contains(d, "/") {
				return nil, nil, false // an encoded "/" matches nothing
			}
			seg = d
		}
		if s.Kind == params.Literal {
			if seg != s.Text {
				return nil, nil, false
			}
			ranks = append(ranks, rank{kind: params.Literal})
			continue
		}
		m := rt.matchers[pi]
		pi++
		if seg == "" || !m.Match(seg) {
			return nil, nil, false
		}
		vals = append(vals, seg)
		ranks = append(ranks, rank{kind: m.Kind, key: m.Key})
	}
	if len(segs) != len(rt.pat.Segments) {
		return nil, nil, false
	}
	return vals, ranks, true
}

// bruteLookup is the route the documented precedence picks, and its values.
func bruteLookup(routes []*route, path string, raw bool) (*route, []string) {
	var best *route
	var bestVals []string
	var bestRanks []rank
	for _, rt := range routes {
		vals, ranks, ok := bruteMatch(rt, path, raw)
		if !ok {
			continue
		}
		if best == nil || ranksLess(ranks, bestRanks) {
			best, bestVals, bestRanks = rt, vals, ranks
		}
	}
	return best, bestVals
}

// ranksLess compares two rank sequences element by element.
func ranksLess(a, b []rank) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i].less(b[i])
		}
	}
	return len(a) < len(b)
}

// checkRouter registers the routes of patSpec, matches the target of
// reqSpec with the tree and the brute force, and fails if they disagree.
// It reports whether a route matched.
func checkRouter(t *testing.T, patSpec, reqSpec []byte) bool {
	t.Helper()
	var rr router
	routes := fuzzRoutes(patSpec, &rr)
	target := fuzzTarget(reqSpec)
	u, err := url.ParseRequestURI(target)
	if err != nil {
		t.Fatalf("target %q: %v", target, err)
	}
	path, raw := u.Path, false
	if u.RawPath != "" {
		path, raw = u.EscapedPath(), true
	}
	vals := make([]string, rr.maxParams+1)
	got := rr.lookup("GET", path[1:], raw, vals)
	want, wantVals := bruteLookup(routes, path[1:], raw)
	if got != want {
		t.Fatalf("GET %s (raw %v) over %s: tree gives %s, brute force %s", target, raw, patterns(routes), name(got), name(want))
	}
	if got != nil && !reflect.DeepEqual(vals[:got.nparams], wantVals) && !(got.nparams == 0 && len(wantVals) == 0) {
		t.Fatalf("GET %s over %s: %s with values %q, brute force %q", target, patterns(routes), got.pattern, vals[:got.nparams], wantVals)
	}
	return got != nil
}

func name(rt *route) string {
	if rt == nil {
		return "no route"
	}
	return rt.pattern
}

func patterns(routes []*route) string {
	var ps []string
	for _, rt := range routes {
		k := make([]string, len(rt.matchers))
		for i, m := range rt.matchers {
			k[i] = m.Key
		}
		ps = append(ps, rt.pattern+fmt.Sprint(k))
	}
	return "[" + strings.Join(ps, " ") + "]"
}

func FuzzRouter(f *testing.F) {
	f.Add([]byte{3, 0, 0, 7, 1, 1, 13, 2, 14}, []byte{1, 0, 3})
	f.Add([]byte{7, 1, 7, 2, 1, 8, 2, 1, 9, 2, 1, 10, 2, 1, 11, 2, 1, 12, 2, 1, 13, 2}, []byte{1, 4, 2})
	f.Add([]byte{4, 2, 0, 14, 0, 2, 0, 13, 0, 1, 0, 1, 0}, []byte{2, 0, 11, 9})
	f.Add([]byte{2, 0, 7, 0, 0, 8, 0}, []byte{0, 3})
	f.Add([]byte{2, 0, 9, 0, 0, 10, 0}, []byte{0, 5})
	f.Add([]byte{2, 0, 6, 0, 0, 11, 0}, []byte{0, 9})
	f.Add([]byte{3, 1, 0, 13, 1, 1, 0, 14, 1, 0, 0}, []byte{2, 0, 12, 0})
	f.Add([]byte{}, []byte{})
	f.Fuzz(func(t *testing.T, patSpec, reqSpec []byte) {
		checkRouter(t, patSpec, reqSpec)
	})
}

func TestRouterAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	spec := func(n int) []byte {
		b := make([]byte, n)
		rng.Read(b)
		return b
	}
	matched := 0
	const n = 20000
	for i := 0; i < n; i++ {
		if checkRouter(t, spec(40), spec(8)) {
			matched++
		}
	}
	// The alphabets overlap enough that the check is not only about misses.
	if matched < n/10 {
		t.Errorf("only %d of %d random requests matched a route", matched, n)
	}
	t.Logf("%d of %d random requests matched a route", matched, n)
}
