package params

// Tests for pattern.go: parsing valid patterns, every rejection rule with
// its offset and reason, the canonical String, Shape, Params and the error
// message.

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// lit and param build expected segments.
func lit(s string) Segment           { return Segment{Kind: Literal, Text: s} }
func param(k Kind, s string) Segment { return Segment{Kind: k, Text: s} }

func TestParseValid(t *testing.T) {
	tests := []struct {
		pattern string
		want    []Segment
	}{
		{"/", []Segment{lit("")}},
		{"/a", []Segment{lit("a")}},
		{"/a/", []Segment{lit("a"), lit("")}},
		{"/a/b/c", []Segment{lit("a"), lit("b"), lit("c")}},
		{"/done/<int:offset>/", []Segment{lit("done"), param(Int, "offset"), lit("")}},
		{"/<uuid:id>", []Segment{param(UUID, "id")}},
		{"/<float:x>/<slug:s>/<str:t>", []Segment{param(Float, "x"), param(Slug, "s"), param(Str, "t")}},
		{"/static/<path:rest>", []Segment{lit("static"), param(Path, "rest")}},
		{"/<path:all>", []Segment{param(Path, "all")}},
		{"/<int:_>", []Segment{param(Int, "_")}},
		{"/<int:A_9z>", []Segment{param(Int, "A_9z")}},
		{"/<str:a>/<str:b>/", []Segment{param(Str, "a"), param(Str, "b"), lit("")}},
		{"/a.b/...", []Segment{lit("a.b"), lit("...")}},
		{"/.well-known/x", []Segment{lit(".well-known"), lit("x")}},
		{"/with space/é", []Segment{lit("with space"), lit("é")}},
		{"/a:b/~c/!$&'()*+,;=@", []Segment{lit("a:b"), lit("~c"), lit("!$&'()*+,;=@")}},
	}
	for _, tt := range tests {
		p, err := Parse(tt.pattern)
		if err != nil {
			t.Errorf("Parse(%q): unexpected error %v", tt.pattern, err)
			continue
		}
		if !reflect.DeepEqual(p.Segments, tt.want) {
			t.Errorf("Parse(%q).Segments = %v, want %v", tt.pattern, p.Segments, tt.want)
		}
		if got := p.String(); got != tt.pattern {
			t.Errorf("Parse(%q).String() = %q, want the input", tt.pattern, got)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		pattern string
		offset  int
		reason  string // substring of Reason
	}{
		// Must start with '/'.
		{"", 0, `must start with "/"`},
		{"a", 0, `must start with "/"`},
		{"a/b", 0, `must start with "/"`},
		{"<int:x>", 0, `must start with "/"`},
		// Empty segments other than the final one.
		{"//", 1, "empty segment"},
		{"/a//b", 3, "empty segment"},
		{"/a//", 3, "empty segment"},
		{"/a/b//", 5, "empty segment"},
		// A parameter fills its whole segment.
		{"/a<int:x>", 2, "parameter must fill its whole segment"},
		{"/x/a<int:x>/", 4, "parameter must fill its whole segment"},
		{"/<int:x>a", 1, "parameter must fill its whole segment"},
		{"/<int:x><int:y>", 1, "parameter must fill its whole segment"},
		{"/<<int:x>>", 1, "parameter must fill its whole segment"},
		{"/<int:x", 1, "unterminated parameter"},
		{"/<", 1, "unterminated parameter"},
		{"/<int:x/y>", 1, "unterminated parameter"},
		{"/<>", 1, "parameter must be written <kind:name>"},
		{"/<int>", 1, "parameter must be written <kind:name>"},
		{"/a/<x>/", 3, "parameter must be written <kind:name>"},
		// Kind.
		{"/<:x>", 1, "empty parameter kind"},
		{"/<foo:x>", 1, `unknown parameter kind "foo"`},
		{"/<literal:x>", 1, `unknown parameter kind "literal"`},
		{"/<Int:x>", 1, `unknown parameter kind "Int"`},
		{"/<int :x>", 1, `unknown parameter kind "int "`},
		// Name.
		{"/a/<int:>", 3, "empty parameter name"},
		{"/<int:1x>", 1, `invalid parameter name "1x"`},
		{"/<int:a-b>", 1, `invalid parameter name "a-b"`},
		{"/<int:a b>", 1, `invalid parameter name "a b"`},
		{"/<int:a:b>", 1, `invalid parameter name "a:b"`},
		{"/<int:é>", 1, `invalid parameter name "é"`},
		{"/<int:x>>", 1, "parameter must fill its whole segment"},
		// A name appears once.
		{"/<int:x>/<str:x>", 9, `duplicate parameter name "x"`},
		{"/<int:x>/a/<int:y>/<slug:x>/", 19, `duplicate parameter name "x"`},
		// path only as the very last segment.
		{"/<path:p>/", 1, "path parameter must be the last segment"},
		{"/a/<path:p>/b", 3, "path parameter must be the last segment"},
		{"/<path:p>/<int:x>", 1, "path parameter must be the last segment"},
		// Dot segments.
		{"/.", 1, `dot segment "." is not allowed`},
		{"/..", 1, `dot segment ".." is not allowed`},
		{"/a/./b", 3, `dot segment "."`},
		{"/a/../", 3, `dot segment ".."`},
		// Bytes a literal may not hold.
		{"/a>b", 2, `invalid character '>' in literal`},
		{"/a%20b", 2, `invalid character '%' in literal`},
		{"/a?b=1", 2, `invalid character '?' in literal`},
		{"/a#frag", 2, `invalid character '#' in literal`},
		{"/a\x00", 2, `invalid character '\x00' in literal`},
		{"/x/\tb", 3, `invalid character '\t' in literal`},
		{"/a\x1f", 2, `invalid character '\x1f' in literal`},
		{"/a\x7f", 2, `invalid character '\x7f' in literal`},
		{"/ok/a\nb", 5, `invalid character '\n' in literal`},
	}
	for _, tt := range tests {
		p, err := Parse(tt.pattern)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want an error", tt.pattern, p.Segments)
			continue
		}
		if p != nil {
			t.Errorf("Parse(%q) returned a pattern with its error", tt.pattern)
		}
		var pe *PatternError
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%q) error is %T, want *PatternError", tt.pattern, err)
			continue
		}
		if pe.Pattern != tt.pattern || pe.Offset != tt.offset || !strings.Contains(pe.Reason, tt.reason) {
			t.Errorf("Parse(%q) error = {%q, %d, %q}, want {%q, %d, ~%q}",
				tt.pattern, pe.Pattern, pe.Offset, pe.Reason, tt.pattern, tt.offset, tt.reason)
		}
	}
}

func TestPatternErrorMessage(t *testing.T) {
	_, err := Parse("/a/<int:>")
	want := `itty: pattern "/a/<int:>": at offset 3: empty parameter name`
	if err == nil || err.Error() != want {
		t.Fatalf("Parse error = %v, want %s", err, want)
	}
	e := &PatternError{Pattern: "x\n", Offset: 0, Reason: `pattern must start with "/"`}
	if got, want := e.Error(), `itty: pattern "x\n": at offset 0: pattern must start with "/"`; got != want {
		t.Errorf("Error() = %s, want %s", got, want)
	}
}

// mustParse parses pattern or fails the test.
func mustParse(t *testing.T, pattern string) *Pattern {
	t.Helper()
	p, err := Parse(pattern)
	if err != nil {
		t.Fatalf("Parse(%q): %v", pattern, err)
	}
	return p
}

func TestPatternStringRoundTrip(t *testing.T) {
	for _, s := range []string{
		"/", "/a", "/a/", "/done/<int:offset>/", "/<uuid:id>/<path:rest>",
		"/x/<float:f>/<slug:s>/<str:t>/", "/é/<int:n>",
	} {
		p := mustParse(t, s)
		if got := p.String(); got != s {
			t.Errorf("Parse(%q).String() = %q", s, got)
		}
		q := mustParse(t, p.String())
		if !reflect.DeepEqual(p, q) {
			t.Errorf("Parse(Parse(%q).String()) = %v, want %v", s, q, p)
		}
	}
	// A hand-built pattern renders the same way.
	p := &Pattern{Segments: []Segment{lit("a"), param(Int, "n"), lit("")}}
	if got, want := p.String(), "/a/<int:n>/"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got := (&Pattern{}).String(); got != "" {
		t.Errorf("empty Pattern String() = %q, want \"\"", got)
	}
}

func TestPatternShape(t *testing.T) {
	tests := []struct{ pattern, want string }{
		{"/", "/"},
		{"/a/b/", "/a/b/"},
		{"/done/<int:offset>/", "/done/<int>/"},
		{"/<uuid:id>/<path:rest>", "/<uuid>/<path>"},
		{"/<float:a>/<slug:b>/<str:c>", "/<float>/<slug>/<str>"},
	}
	for _, tt := range tests {
		if got := mustParse(t, tt.pattern).Shape(); got != tt.want {
			t.Errorf("Parse(%q).Shape() = %q, want %q", tt.pattern, got, tt.want)
		}
	}
	a := mustParse(t, "/u/<int:id>/")
	b := mustParse(t, "/u/<int:user>/")
	if a.Shape() != b.Shape() {
		t.Errorf("shapes differ: %q, %q", a.Shape(), b.Shape())
	}
}

func TestPatternParams(t *testing.T) {
	tests := []struct {
		pattern string
		want    []Segment
	}{
		{"/", nil},
		{"/a/b/", nil},
		{"/done/<int:offset>/", []Segment{param(Int, "offset")}},
		{"/<uuid:id>/x/<str:name>/<path:rest>", []Segment{param(UUID, "id"), param(Str, "name"), param(Path, "rest")}},
	}
	for _, tt := range tests {
		p := mustParse(t, tt.pattern)
		got := p.Params()
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q).Params() = %v, want %v", tt.pattern, got, tt.want)
		}
		if len(got) > 0 {
			got[0].Text = "changed"
			if p.Params()[0].Text == "changed" {
				t.Errorf("Params() of %q shares storage with the pattern", tt.pattern)
			}
		}
	}
}
