package params

// This file defines Kind, the type of a pattern segment, together with its
// textual names and their parsing. The order of the constants is the
// matching precedence used by the router.

import "strconv"

// Kind is the type of a pattern segment: a literal or one of the parameter
// kinds. Kinds are ordered by matching precedence, from Literal (the most
// specific) to Path (the least specific).
type Kind uint8

// The segment kinds, in order of decreasing precedence.
const (
	Literal Kind = iota // a fixed segment; highest precedence
	UUID                // 8-4-4-4-12 hexadecimal digits, see ParseUUID
	Int                 // decimal digits, see ParseDigits
	Float               // digits with an optional fraction, see ParseDecimal
	Slug                // a slug as defined by IsSlug
	Str                 // any non-empty segment, see IsStr
	Path                // rest of the path; lowest precedence
)

// kindNames maps each Kind to its name; the index is the Kind.
var kindNames = [...]string{
	Literal: "literal",
	UUID:    "uuid",
	Int:     "int",
	Float:   "float",
	Slug:    "slug",
	Str:     "str",
	Path:    "path",
}

// String returns the name of k as written in patterns ("int", "path", ...),
// "literal" for Literal, and "kind(N)" for a value that is not a defined
// Kind.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// ParseKind parses the name of a parameter kind as written in a pattern:
// "uuid", "int", "float", "slug", "str" or "path". Names are case-sensitive.
// It reports false for any other string, including "literal", which is not
// a parameter kind.
func ParseKind(s string) (Kind, bool) {
	switch s {
	case "uuid":
		return UUID, true
	case "int":
		return Int, true
	case "float":
		return Float, true
	case "slug":
		return Slug, true
	case "str":
		return Str, true
	case "path":
		return Path, true
	}
	return Literal, false
}
