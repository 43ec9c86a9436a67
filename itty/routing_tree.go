package itty

// This file holds the routing tree of one HTTP method.
//
// A tree has one level per path segment. A node's children are tried in
// precedence order — the literal child first, then the typed children sorted
// by kind (uuid, int, float, slug, str), then the <path:…> child, which takes
// the rest of the path — and matching backtracks when a subtree fails, so the
// answer never depends on registration order. Typed children with the same
// matcher key (the same kind and, for numbers, the same field range) share a
// node; children of one kind with different ranges are tried in key order.
//
// Matching works on the escaped path only when the request path has encoded
// bytes that decoding would change (URL.RawPath is set): then each segment is
// decoded on its own, so an encoded "%2F" stays inside its segment. The common
// case compares substrings of URL.Path and allocates nothing.

import (
	"net/url"
	"sort"
	"strings"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/params"
)

// node is one segment position in a routing tree.
type node struct {
	text    string       // the literal, for a literal child
	matcher bind.Matcher // the matcher, for a typed child
	statics []*node      // literal children; sorted by text once indexed
	byFirst *firstIndex  // literal children by first byte, when there are many
	typed   []*node      // typed children in precedence order
	rest    *node        // the <path:…> child
	route   *route       // the route that ends here
}

// maxLinearStatics is how many literal children are searched one by one
// before a node indexes them by their first byte.
const maxLinearStatics = 8

// firstIndex locates the literal children that start with a given byte:
// statics[start[b] : start[b]+count[b]], the children being sorted by text.
// The empty literal (a trailing slash) is kept apart.
type firstIndex struct {
	start [256]uint32
	count [256]uint32
	empty *node
}

// insert adds rt under n. The caller has checked for conflicts.
func (n *node) insert(segs []params.Segment, matchers []bind.Matcher, rt *route) {
	pi := 0
	for _, s := range segs {
		switch s.Kind {
		case params.Literal:
			n = n.literalChild(s.Text)
		case params.Path:
			if n.rest == nil {
				n.rest = &node{matcher: matchers[pi]}
			}
			n = n.rest
			pi++
		default:
			n = n.typedChild(matchers[pi])
			pi++
		}
	}
	n.route = rt
}

func (n *node) literalChild(text string) *node {
	if c := n.static(text); c != nil {
		return c
	}
	c := &node{text: text}
	n.statics = append(n.statics, c)
	if len(n.statics) > maxLinearStatics {
		n.indexStatics()
	}
	return c
}

// indexStatics sorts the literal children and indexes them by first byte.
func (n *node) indexStatics() {
	sort.Slice(n.statics, func(i, j int) bool { return n.statics[i].text < n.statics[j].text })
	idx := &firstIndex{}
	for i, c := range n.statics {
		if c.text == "" {
			idx.empty = c
			continue
		}
		b := c.text[0]
		if idx.count[b] == 0 {
			idx.start[b] = uint32(i)
		}
		idx.count[b]++
	}
	n.byFirst = idx
}

func (n *node) typedChild(m bind.Matcher) *node {
	for _, c := range n.typed {
		if c.matcher.Key == m.Key {
			return c
		}
	}
	c := &node{matcher: m}
	n.typed = append(n.typed, c)
	sort.SliceStable(n.typed, func(i, j int) bool {
		a, b := n.typed[i].matcher, n.typed[j].matcher
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Key < b.Key
	})
	return c
}

// static returns the literal child for seg, or nil.
func (n *node) static(seg string) *node {
	if idx := n.byFirst; idx != nil {
		if seg == "" {
			return idx.empty
		}
		b := seg[0]
		start := int(idx.start[b])
		for _, c := range n.statics[start : start+int(idx.count[b])] {
			if c.text == seg {
				return c
			}
		}
		return nil
	}
	for _, c := range n.statics {
		if c.text == seg {
			return c
		}
	}
	return nil
}

// match finds the route for path, the part of the request path after the
// slash that opens the current segment. Parameter values are stored in vals
// from index i on. raw reports that path is escaped and each segment must be
// decoded before it is compared.
func (n *node) match(path string, raw bool, vals []string, i int) *route {
	seg, rest, more := path, "", false
	if j := strings.IndexByte(path, '/'); j >= 0 {
		seg, rest, more = path[:j], path[j+1:], true
	}
	if raw {
		seg = decodeSegment(seg)
	}
	if c := n.static(seg); c != nil {
		if rt := c.next(rest, more, raw, vals, i); rt != nil {
			return rt
		}
	}
	if seg != "" {
		for _, c := range n.typed {
			// A non-empty segment cut at '/' is always a str; only a decoded
			// segment can hide a '/' and must be checked.
			if !(c.matcher.Kind == params.Str && !raw) && !c.matcher.Match(seg) {
				continue
			}
			vals[i] = seg
			if rt := c.next(rest, more, raw, vals, i+1); rt != nil {
				return rt
			}
		}
	}
	if n.rest != nil && path != "" && n.rest.route != nil {
		v := path
		if raw {
			v = decodePath(path)
		}
		vals[i] = v
		return n.rest.route
	}
	return nil
}

// next continues a match below the child c.
func (c *node) next(rest string, more, raw bool, vals []string, i int) *route {
	if !more {
		return c.route
	}
	return c.match(rest, raw, vals, i)
}

// decodeSegment decodes one escaped path segment. A segment whose escapes do
// not decode is returned as "\x00", which no literal or kind accepts.
func decodeSegment(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	d, err := url.PathUnescape(s)
	if err != nil || strings.IndexByte(d, '/') >= 0 {
		// A decoded "/" can never be part of a one-segment value.
		return "\x00/"
	}
	return d
}

// decodePath decodes the escaped rest of a path for a <path:…> value.
func decodePath(s string) string {
	d, err := url.PathUnescape(s)
	if err != nil {
		return s
	}
	return d
}
