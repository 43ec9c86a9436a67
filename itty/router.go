package itty

// This file keeps one routing tree per method, detects conflicting routes at
// registration, and answers the questions dispatch asks: which route serves
// this method and path, and which methods would serve the path at all (for
// 405 and OPTIONS).

import (
	"fmt"
	"net/http"
	"sort"
)

// commonMethods get array slots; other methods live in a map.
var commonMethods = [...]string{
	http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
	http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace,
}

func methodSlot(m string) int {
	switch m {
	case http.MethodGet:
		return 0
	case http.MethodHead:
		return 1
	case http.MethodPost:
		return 2
	case http.MethodPut:
		return 3
	case http.MethodPatch:
		return 4
	case http.MethodDelete:
		return 5
	case http.MethodOptions:
		return 6
	case http.MethodConnect:
		return 7
	case http.MethodTrace:
		return 8
	}
	return -1
}

// router is the set of routing trees of an app.
type router struct {
	trees     [len(commonMethods)]*node
	other     map[string]*node
	shapes    map[string]*route // method + " " + shape → route, for conflicts
	maxParams int
}

// ConflictError reports two routes that would match the same requests with
// equal precedence.
type ConflictError struct {
	Method     string
	Pattern    string // the route being registered
	Other      string // the route registered before
	OtherWhere string // where the earlier route was registered
}

// Error names the earlier route; the *RouteError around it names the new one.
func (e *ConflictError) Error() string {
	return fmt.Sprintf("itty: conflicts with %s %s (registered at %s): both match the same requests with equal precedence",
		e.Method, e.Other, e.OtherWhere)
}

func (rr *router) tree(method string, create bool) *node {
	if i := methodSlot(method); i >= 0 {
		if rr.trees[i] == nil && create {
			rr.trees[i] = &node{}
		}
		return rr.trees[i]
	}
	t := rr.other[method]
	if t == nil && create {
		if rr.other == nil {
			rr.other = map[string]*node{}
		}
		t = &node{}
		rr.other[method] = t
	}
	return t
}

// add inserts rt, or reports the route it conflicts with.
func (rr *router) add(rt *route) error {
	key := rt.method + " " + rt.pat.Shape()
	if prev, ok := rr.shapes[key]; ok {
		return &ConflictError{Method: rt.method, Pattern: rt.pattern, Other: prev.pattern, OtherWhere: prev.where}
	}
	if rr.shapes == nil {
		rr.shapes = map[string]*route{}
	}
	rr.shapes[key] = rt
	rr.tree(rt.method, true).insert(rt.pat.Segments, rt.matchers, rt)
	if rt.nparams > rr.maxParams {
		rr.maxParams = rt.nparams
	}
	return nil
}

// lookup finds the route for method and path (without its leading slash).
// HEAD falls back to GET.
func (rr *router) lookup(method, path string, raw bool, vals []string) *route {
	var t *node
	if method == http.MethodGet {
		t = rr.trees[0] // the common case, without methodSlot's switch
	} else {
		t = rr.tree(method, false)
	}
	if t != nil {
		// match's two cases, spelled out: the call is not inlined, and
		// this is every request's path.
		var rt *route
		if raw {
			rt = t.matchRaw(path, vals, 0)
		} else {
			rt = t.walk(path, vals, 0)
		}
		if rt != nil {
			return rt
		}
	}
	if method == http.MethodHead {
		if t := rr.trees[0]; t != nil {
			return t.match(path, raw, vals, 0)
		}
	}
	return nil
}

// allowed lists the methods that have a route for path, sorted, with HEAD
// when GET is there and OPTIONS always. It returns nil when no method does.
func (rr *router) allowed(path string, raw bool, vals []string) []string {
	var out []string
	has := map[string]bool{}
	for i, t := range rr.trees {
		if t != nil && t.match(path, raw, vals, 0) != nil {
			has[commonMethods[i]] = true
		}
	}
	for m, t := range rr.other {
		if t.match(path, raw, vals, 0) != nil {
			has[m] = true
		}
	}
	if len(has) == 0 {
		return nil
	}
	if has[http.MethodGet] {
		has[http.MethodHead] = true
	}
	has[http.MethodOptions] = true
	for m := range has {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// methods lists every method with at least one route, for "OPTIONS *".
func (rr *router) methods() []string {
	has := map[string]bool{http.MethodOptions: true}
	for i, t := range rr.trees {
		if t != nil {
			has[commonMethods[i]] = true
		}
	}
	for m := range rr.other {
		has[m] = true
	}
	if has[http.MethodGet] {
		has[http.MethodHead] = true
	}
	out := make([]string, 0, len(has))
	for m := range has {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}
