// Package params holds the pieces of itty's routing and query handling that
// work on raw strings: typed path patterns, the exact matchers for each
// parameter kind, and an ordered multi-value query dictionary.
//
// # Patterns
//
// A pattern such as "/done/<int:offset>/" is parsed by [Parse] into a
// [Pattern], a list of [Segment] values. Each segment is either a literal,
// compared byte for byte with the decoded request path, or a parameter
// written <kind:name> that fills the whole segment. The kinds, listed from
// the highest to the lowest matching precedence, are literal, uuid, int,
// float, slug, str and path (see [Kind]). Parse reports problems as a
// *[PatternError] that names the byte offset of the fault.
//
// # Matchers
//
// [ParseDigits], [ParseDecimal], [ParseUUID], [IsSlug] and [IsStr] decide
// whether one path segment matches a parameter kind. They run on the
// router's hot path, accept exactly one syntax each (no signs, spaces,
// exponents or alternative spellings) and do not allocate when they
// succeed.
//
// # Query strings
//
// [QueryDict] is an ordered multi-value dictionary modelled on itty3's
// QueryDict: keys keep the order in which they were first seen and each key
// holds one or more values. [ParseQuery] fills one from a raw query string
// leniently: it never fails, and malformed escapes are kept literally.
// [NextPair] and [Unescape] expose the two steps of that parser for callers
// that want to walk a query without building a dictionary.
package params
