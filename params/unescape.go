package params

// This file holds the two lexical steps of the lenient query-string parser:
// NextPair splits a raw query into key/value pairs, and Unescape decodes one
// component, keeping malformed escapes literally instead of failing.

import "strings"

// NextPair splits the first pair off a raw query: key and value still escaped.
//
// Pairs are separated by '&' only (';' is an ordinary byte). The pair splits
// at its first '=': "a=b=c" gives key "a" and value "b=c", and a bare key
// "a" gives value "". Empty pairs are skipped: '&'s before the pair are
// ignored, and rest never starts with '&', so rest is "" exactly when no
// pair remains. When raw holds no pair at all ("" or only '&'s), every
// result is "".
//
// A loop over a query that may start with '&' therefore trims it first:
//
//	for rest := strings.TrimLeft(raw, "&"); rest != ""; {
//		var key, value string
//		key, value, rest = NextPair(rest)
//		// use Unescape(key), Unescape(value)
//	}
func NextPair(raw string) (key, value, rest string) {
	raw = trimAmp(raw)
	pair := raw
	if i := strings.IndexByte(raw, '&'); i >= 0 {
		pair, rest = raw[:i], trimAmp(raw[i+1:])
	}
	key, value, _ = strings.Cut(pair, "=")
	return key, value, rest
}

// trimAmp drops the leading '&'s of s.
func trimAmp(s string) string {
	for s != "" && s[0] == '&' {
		s = s[1:]
	}
	return s
}

// Unescape decodes a query component leniently, as ParseQuery does; it
// returns s unchanged (no allocation) when s has no '+' or '%'.
//
// '+' becomes a space and a valid %XX escape (either case) becomes its
// byte; an invalid escape ("%ZZ", a trailing "%" or "%4") is kept as it
// is. Decoded bytes are not checked for UTF-8 validity. Unescape never
// fails, and it allocates only when something is actually decoded.
func Unescape(s string) string {
	first := firstEscape(s)
	if first < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:first])
	for i := first; i < len(s); {
		switch c := s[i]; {
		case c == '+':
			b.WriteByte(' ')
			i++
		case c == '%' && isEscape(s, i):
			b.WriteByte(unhex[s[i+1]]<<4 | unhex[s[i+2]])
			i += 3
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// firstEscape returns the offset of the first byte of s that Unescape
// changes (a '+' or the '%' of a valid escape), or -1 when there is none.
func firstEscape(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '+':
			return i
		case '%':
			if isEscape(s, i) {
				return i
			}
		}
	}
	return -1
}

// isEscape reports whether s[i:] starts with a valid %XX escape.
func isEscape(s string, i int) bool {
	return i+2 < len(s) && s[i] == '%' && unhex[s[i+1]] <= 15 && unhex[s[i+2]] <= 15
}
