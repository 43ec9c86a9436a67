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
// The common case, a path without escapes, is walked in place (walk):
// literal children are found by their first byte and compared against the
// path itself, a segment is cut only for typed children, and the walk
// descends in a loop wherever a node offers one way on, recursing only where
// another child may have to be tried. It allocates nothing.
//
// When the request path has encoded bytes that decoding would change
// (URL.RawPath is set), matchRaw cuts each segment of the escaped path and
// decodes it on its own, so an encoded "%2F" stays inside its segment.

import (
	"net/url"
	"sort"
	"strings"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/params"
)

// node is one segment position in a routing tree.
type node struct {
	// What walk reads of every node it passes, first: 64 bytes on 64-bit
	// platforms, one cache line when the node is aligned to one.
	text    string                 // the literal, for a literal child
	statics []*node                // the non-empty literal children
	firsts  [maxLinearStatics]byte // their first bytes, when there are few
	route   *route                 // the route that ends here
	alt     bool                   // a typed or <path:…> child could take a segment a literal takes
	str     bool                   // the node is a <str:…> child: any segment cut at '/' suits it

	only    *node        // the one typed child, when there is no other and no <path:…>
	empty   *node        // the empty literal child (a trailing slash)
	byFirst *firstIndex  // literal children by first byte, when there are many
	typed   []*node      // typed children in precedence order
	rest    *node        // the <path:…> child
	matcher bind.Matcher // the matcher, for a typed child

	// The padding makes a node 192 bytes, an allocation size class whose
	// objects start on 64-byte boundaries, so walk's fields share a line.
	_ [40]byte
}

// settle recomputes what walk reads about n's non-literal children (alt
// and only; set when the children change).
func (n *node) settle() {
	n.alt = len(n.typed) > 0 || n.rest != nil
	n.only = nil
	if len(n.typed) == 1 && n.rest == nil {
		n.only = n.typed[0]
	}
}

// maxLinearStatics is how many literal children are searched one by one
// before a node indexes them by their first byte.
const maxLinearStatics = 8

// firstIndex locates the literal children that start with a given byte:
// statics[span[b]>>16 : span[b]>>16 + span[b]&0xffff], the children being
// sorted by text.
type firstIndex struct {
	span [256]uint32
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
				n.settle()
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
	if text == "" {
		n.empty = c
		return c
	}
	n.statics = append(n.statics, c)
	n.indexStatics()
	return c
}

// indexStatics sorts the literal children, records their first bytes and,
// when there are many, indexes them by first byte.
func (n *node) indexStatics() {
	sort.Slice(n.statics, func(i, j int) bool { return n.statics[i].text < n.statics[j].text })
	n.byFirst = nil
	if len(n.statics) <= maxLinearStatics {
		for i, c := range n.statics {
			n.firsts[i] = c.text[0]
		}
		return
	}
	idx := &firstIndex{}
	for i, c := range n.statics {
		b := c.text[0]
		if idx.span[b] == 0 {
			idx.span[b] = uint32(i) << 16
		}
		idx.span[b]++
	}
	n.byFirst = idx
}

func (n *node) typedChild(m bind.Matcher) *node {
	for _, c := range n.typed {
		if c.matcher.Key == m.Key {
			return c
		}
	}
	c := &node{matcher: m, str: m.Kind == params.Str}
	n.typed = append(n.typed, c)
	sort.SliceStable(n.typed, func(i, j int) bool {
		a, b := n.typed[i].matcher, n.typed[j].matcher
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Key < b.Key
	})
	n.settle()
	return c
}

// span returns the range of statics whose text starts with b.
func (n *node) span(b byte) (start, end int) {
	if len(n.statics) > maxLinearStatics {
		sp := n.byFirst.span[b]
		return int(sp >> 16), int(sp>>16 + sp&0xffff)
	}
	for k := 0; k < len(n.statics); k++ {
		if n.firsts[k] == b {
			end = k + 1
			for end < len(n.statics) && n.firsts[end] == b {
				end++
			}
			return k, end
		}
	}
	return 0, 0
}

// static returns the literal child for seg, or nil.
func (n *node) static(seg string) *node {
	if seg == "" {
		return n.empty
	}
	start, end := n.span(seg[0])
	for _, c := range n.statics[start:end] {
		if c.text == seg {
			return c
		}
	}
	return nil
}

// match finds the route for path, the part of the request path after the
// slash that opens the current segment. Parameter values are stored in vals
// from index i on. raw reports that path is escaped; see matchRaw.
func (n *node) match(path string, raw bool, vals []string, i int) *route {
	if raw {
		return n.matchRaw(path, vals, i)
	}
	return n.walk(path, vals, i)
}

// walk is match for an unescaped path. Literal children are compared in
// place, against the path itself; the segment is cut only for typed
// children. It descends in a loop while a node offers a single way on, and
// recurses only where a subtree may fail and another child must be tried.
func (n *node) walk(path string, vals []string, i int) *route {
descend:
	for {
		if path == "" {
			if n.empty != nil && n.empty.route != nil {
				return n.empty.route
			}
			return nil // no typed or <path:…> child takes an empty segment
		}
		start, end := n.span(path[0])
		for k := start; k < end; k++ {
			c := n.statics[k]
			t := c.text
			if len(path) < len(t) || path[:len(t)] != t {
				continue
			}
			if len(path) == len(t) {
				if c.route != nil || !n.alt {
					return c.route
				}
				break
			}
			if path[len(t)] != '/' {
				continue // a longer segment ("users" for "user")
			}
			if !n.alt {
				n, path = c, path[len(t)+1:]
				continue descend
			}
			if rt := c.walk(path[len(t)+1:], vals, i); rt != nil {
				return rt
			}
			break // no other literal matches this segment
		}
		if path[0] == '/' {
			// An empty segment: the empty literal or a <path:…> takes it.
			if n.empty != nil {
				if rt := n.empty.walk(path[1:], vals, i); rt != nil {
					return rt
				}
			}
		} else if len(n.typed) > 0 {
			seg, rest, more := path, "", false
			if j := strings.IndexByte(path, '/'); j >= 0 {
				seg, rest, more = path[:j], path[j+1:], true
			}
			if c := n.only; c != nil {
				// A segment cut at '/' always suits a str.
				if !c.str && !c.matcher.Match(seg) {
					return nil
				}
				vals[i] = seg
				if !more {
					return c.route
				}
				n, path, i = c, rest, i+1
				continue
			}
			for _, c := range n.typed {
				if !c.str && !c.matcher.Match(seg) {
					continue
				}
				vals[i] = seg
				if !more {
					if c.route != nil {
						return c.route
					}
					continue
				}
				if rt := c.walk(rest, vals, i+1); rt != nil {
					return rt
				}
			}
		}
		if n.rest != nil && n.rest.route != nil {
			vals[i] = path
			return n.rest.route
		}
		return nil
	}
}

// matchRaw is match for an escaped path (URL.RawPath is set): each segment
// is cut first, then decoded on its own, so an encoded "%2F" stays inside
// its segment.
func (n *node) matchRaw(path string, vals []string, i int) *route {
	seg, rest, more := path, "", false
	if j := strings.IndexByte(path, '/'); j >= 0 {
		seg, rest, more = path[:j], path[j+1:], true
	}
	seg = decodeSegment(seg)
	if c := n.static(seg); c != nil {
		if rt := c.nextRaw(rest, more, vals, i); rt != nil {
			return rt
		}
	}
	if seg != "" {
		for _, c := range n.typed {
			// A decoded segment can hide a '/': every kind checks.
			if !c.matcher.Match(seg) {
				continue
			}
			vals[i] = seg
			if rt := c.nextRaw(rest, more, vals, i+1); rt != nil {
				return rt
			}
		}
	}
	if n.rest != nil && path != "" && n.rest.route != nil {
		vals[i] = decodePath(path)
		return n.rest.route
	}
	return nil
}

// nextRaw continues a raw match below the child c.
func (c *node) nextRaw(rest string, more bool, vals []string, i int) *route {
	if !more {
		return c.route
	}
	return c.matchRaw(rest, vals, i)
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
