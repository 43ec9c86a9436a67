package params

// This file parses path patterns such as "/done/<int:offset>/" into
// Segments, validates them against the pattern rules, reports faults as
// PatternError, and renders patterns back to their canonical text and
// shape.

import (
	"fmt"
	"strings"
)

// Segment is one '/'-separated part of a pattern.
type Segment struct {
	Kind Kind
	Text string // Literal: the literal text; otherwise the parameter name
}

// Pattern is a parsed path pattern. Segments holds the parts that follow the
// leading '/', in order; a pattern ending in '/' has a final empty Literal
// segment, so "/" alone is a single empty Literal.
type Pattern struct {
	Segments []Segment
}

// PatternError describes why a pattern was rejected by Parse.
type PatternError struct {
	Pattern string // the pattern as given to Parse
	Offset  int    // byte offset in Pattern where the fault was found
	Reason  string // what is wrong, e.g. "empty parameter name"
}

// Error returns a message of the form
// `itty: pattern "/a/<int:>": at offset 3: empty parameter name`.
func (e *PatternError) Error() string {
	return fmt.Sprintf("itty: pattern %q: at offset %d: %s", e.Pattern, e.Offset, e.Reason)
}

// Parse parses a path pattern. The rules are:
//
//   - the pattern starts with '/', and its segments are the '/'-separated
//     parts after that leading '/';
//   - a trailing '/' gives a final empty Literal segment; no other segment
//     may be empty (so "//" is rejected);
//   - a parameter is written <kind:name> and fills its whole segment, kind
//     is one of the names accepted by ParseKind and name matches
//     [A-Za-z_][A-Za-z0-9_]* and appears only once in the pattern;
//   - a path parameter may only be the very last segment, so it is never
//     followed by a trailing '/';
//   - a literal segment may not be "." or "..", and may not hold '<', '>',
//     '%', '?', '#', control bytes (below 0x20) or DEL (0x7f), because
//     literals are compared with the decoded request path.
//
// Errors are of type *PatternError. Offset is the offset of the offending
// byte for a fault inside a literal, and the start of the offending segment
// (its '<' for a parameter) for every other fault.
func Parse(pattern string) (*Pattern, error) {
	if pattern == "" || pattern[0] != '/' {
		return nil, &PatternError{Pattern: pattern, Offset: 0, Reason: `pattern must start with "/"`}
	}
	p := &Pattern{Segments: make([]Segment, 0, strings.Count(pattern, "/"))}
	start := 1 // offset of the current segment
	for {
		end := len(pattern)
		last := true
		if i := strings.IndexByte(pattern[start:], '/'); i >= 0 {
			end = start + i
			last = false
		}
		text := pattern[start:end]
		seg, off, reason := parseSegment(text, last)
		if reason == "" && seg.Kind != Literal {
			for _, prev := range p.Segments {
				if prev.Kind != Literal && prev.Text == seg.Text {
					reason = fmt.Sprintf("duplicate parameter name %q", seg.Text)
					break
				}
			}
		}
		if reason != "" {
			return nil, &PatternError{Pattern: pattern, Offset: start + off, Reason: reason}
		}
		p.Segments = append(p.Segments, seg)
		if last {
			return p, nil
		}
		start = end + 1
	}
}

// parseSegment parses the text of one segment. last reports whether the
// segment is the final one. On failure it returns a non-empty reason and
// the offset of the fault relative to the start of text.
func parseSegment(text string, last bool) (seg Segment, off int, reason string) {
	if text == "" {
		if last {
			return Segment{Kind: Literal}, 0, ""
		}
		return Segment{}, 0, "empty segment"
	}
	if text[0] != '<' {
		return parseLiteral(text)
	}
	if text[len(text)-1] != '>' { // also catches the lone "<"
		if strings.IndexByte(text, '>') >= 0 {
			return Segment{}, 0, "parameter must fill its whole segment"
		}
		return Segment{}, 0, `unterminated parameter: missing ">"`
	}
	inner := text[1 : len(text)-1]
	if strings.ContainsAny(inner, "<>") { // "<int:x><int:y>", "<int:x>>"
		return Segment{}, 0, "parameter must fill its whole segment"
	}
	kindName, name, ok := strings.Cut(inner, ":")
	if !ok {
		return Segment{}, 0, "parameter must be written <kind:name>"
	}
	if kindName == "" {
		return Segment{}, 0, "empty parameter kind"
	}
	kind, ok := ParseKind(kindName)
	if !ok {
		return Segment{}, 0, fmt.Sprintf("unknown parameter kind %q", kindName)
	}
	if name == "" {
		return Segment{}, 0, "empty parameter name"
	}
	if !isName(name) {
		return Segment{}, 0, fmt.Sprintf("invalid parameter name %q", name)
	}
	if kind == Path && !last {
		return Segment{}, 0, "path parameter must be the last segment"
	}
	return Segment{Kind: kind, Text: name}, 0, ""
}

// parseLiteral validates the text of a literal segment; see parseSegment.
func parseLiteral(text string) (Segment, int, string) {
	if text == "." || text == ".." {
		return Segment{}, 0, fmt.Sprintf("dot segment %q is not allowed", text)
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '<':
			return Segment{}, i, "parameter must fill its whole segment"
		case c == '>' || c == '%' || c == '?' || c == '#' || c < 0x20 || c == 0x7f:
			return Segment{}, i, fmt.Sprintf("invalid character %q in literal", rune(c))
		}
	}
	return Segment{Kind: Literal, Text: text}, 0, ""
}

// isName reports whether s matches [A-Za-z_][A-Za-z0-9_]*.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_', 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// String returns the canonical text of p: "/" followed by the segments
// joined with "/", each parameter written <kind:name>. For a Pattern
// returned by Parse it is the text that was parsed, and Parse(p.String())
// yields an equal Pattern. A Pattern without segments yields "".
func (p *Pattern) String() string {
	return p.render(true)
}

// Shape returns String() with the parameter names removed, as in
// "/done/<int>/". Patterns with equal shapes match exactly the same paths.
func (p *Pattern) Shape() string {
	return p.render(false)
}

// render writes the pattern, with parameter names when names is true.
func (p *Pattern) render(names bool) string {
	var b strings.Builder
	for _, s := range p.Segments {
		b.WriteByte('/')
		if s.Kind == Literal {
			b.WriteString(s.Text)
			continue
		}
		b.WriteByte('<')
		b.WriteString(s.Kind.String())
		if names {
			b.WriteByte(':')
			b.WriteString(s.Text)
		}
		b.WriteByte('>')
	}
	return b.String()
}

// Params returns the parameter segments of p (every segment that is not a
// Literal), in order, as a fresh slice. It returns nil when p has no
// parameters.
func (p *Pattern) Params() []Segment {
	var out []Segment
	for _, s := range p.Segments {
		if s.Kind != Literal {
			out = append(out, s)
		}
	}
	return out
}
