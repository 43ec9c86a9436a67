// Package routelist reads the route lists of shared/bench-data (one
// `METHOD /path` per line, `:name` marking a path parameter) and writes a
// route in the pattern syntax of each framework under test.
package routelist

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Route is one route of a list.
type Route struct {
	Method string
	Path   string   // httprouter syntax: /repos/:owner/:repo
	Params []string // the parameter names, in path order
}

// Parse reads a route list. Blank lines and lines starting with '#' are
// skipped.
func Parse(r io.Reader) ([]Route, error) {
	var out []Route
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] == '#' {
			continue
		}
		method, path, ok := strings.Cut(text, " ")
		path = strings.TrimSpace(path)
		if !ok || method == "" || !strings.HasPrefix(path, "/") {
			return nil, fmt.Errorf("line %d: want `METHOD /path`, got %q", line, text)
		}
		rt := Route{Method: method, Path: path}
		for _, seg := range strings.Split(path[1:], "/") {
			if name, ok := strings.CutPrefix(seg, ":"); ok {
				if name == "" {
					return nil, fmt.Errorf("line %d: empty parameter name in %q", line, path)
				}
				rt.Params = append(rt.Params, name)
			}
		}
		out = append(out, rt)
	}
	return out, sc.Err()
}

// mapSegments rewrites each parameter segment of path with f.
func mapSegments(path string, f func(name string) string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		if name, ok := strings.CutPrefix(s, ":"); ok {
			segs[i] = f(name)
		}
	}
	return strings.Join(segs, "/")
}

// Colon returns the path in httprouter, gin and echo syntax (/user/:name).
func (r Route) Colon() string { return r.Path }

// Brace returns the path in net/http ServeMux, chi, huma and fuego syntax
// (/user/{name}).
func (r Route) Brace() string {
	return mapSegments(r.Path, func(n string) string { return "{" + n + "}" })
}

// Itty returns the path as an itty pattern with str segments
// (/user/<str:name>).
func (r Route) Itty() string {
	return mapSegments(r.Path, func(n string) string { return "<str:" + n + ">" })
}

// Value is the text a request puts in the segment of parameter name. It
// matches no literal segment of the route lists, so every request reaches
// the route it was built from.
func Value(name string) string { return "x-" + name }

// Target returns the request path for the route, each parameter filled with
// Value(name), and the values in path order.
func (r Route) Target() (string, []string) {
	var vals []string
	p := mapSegments(r.Path, func(n string) string {
		v := Value(n)
		vals = append(vals, v)
		return v
	})
	return p, vals
}
