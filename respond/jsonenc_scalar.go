// Design: one encodeFunc per scalar kind, each reading the value at p
// with the width of its kind and appending with strconv, so the request
// path never switches on a kind. Strings are escaped as encoding/json does
// with HTML escaping on; floats use its ES6-style cutoffs between 'f' and
// 'e' formatting.

package respond

import (
	"encoding/base64"
	"math"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// appendBool appends the bool at p.
func appendBool(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	if *(*bool)(p) {
		return append(b, "true"...), true
	}
	return append(b, "false"...), true
}

// appendInt appends the int at p.
func appendInt(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	return strconv.AppendInt(b, int64(*(*int)(p)), 10), true
}

// appendInt8 appends the int8 at p.
func appendInt8(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	return strconv.AppendInt(b, int64(*(*int8)(p)), 10), true
}

// appendInt16 appends the int16 at p.
func appendInt16(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	return strconv.AppendInt(b, int64(*(*int16)(p)), 10), true
}

// appendInt32 appends the int32 at p.
func appendInt32(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	return strconv.AppendInt(b, int64(*(*int32)(p)), 10), true
}

// appendInt64 appends the int64 at p.
func appendInt64(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	return strconv.AppendInt(b, *(*int64)(p), 10), true
}

// appendUint appends the uint at p.
func appendUint(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	return strconv.AppendUint(b, uint64(*(*uint)(p)), 10), true
}

// appendUint8 appends the uint8 at p.
func appendUint8(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	return strconv.AppendUint(b, uint64(*(*uint8)(p)), 10), true
}

// appendUint16 appends the uint16 at p.
func appendUint16(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	return strconv.AppendUint(b, uint64(*(*uint16)(p)), 10), true
}

// appendUint32 appends the uint32 at p.
func appendUint32(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	return strconv.AppendUint(b, uint64(*(*uint32)(p)), 10), true
}

// appendUint64 appends the uint64 at p.
func appendUint64(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	return strconv.AppendUint(b, *(*uint64)(p), 10), true
}

// appendUintptr appends the uintptr at p.
func appendUintptr(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	return strconv.AppendUint(b, uint64(*(*uintptr)(p)), 10), true
}

// appendFloat64 appends the float64 at p, or gives up on NaN and ±Inf,
// which encoding/json rejects.
func appendFloat64(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	f := *(*float64)(p)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, false
	}
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		return appendExponent(b, f, 64), true
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64), true
}

// appendFloat32 appends the float32 at p like appendFloat64, with the
// cutoffs compared in float32 and the shortest float32 digits.
func appendFloat32(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	f := *(*float32)(p)
	f64 := float64(f)
	if math.IsNaN(f64) || math.IsInf(f64, 0) {
		return b, false
	}
	if a := float32(math.Abs(f64)); a != 0 && (a < 1e-6 || a >= 1e21) {
		return appendExponent(b, f64, 32), true
	}
	return strconv.AppendFloat(b, f64, 'f', -1, 32), true
}

// appendExponent appends f in 'e' format with the shortest digits for the
// given bit size, writing a one-digit negative exponent without its
// leading zero (1e-7, not 1e-07) as encoding/json does. Positive
// exponents here are at least 21, so they never have one.
func appendExponent(b []byte, f float64, bitSize int) []byte {
	b = strconv.AppendFloat(b, f, 'e', -1, bitSize)
	if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1]
		b = b[:n-1]
	}
	return b
}

// appendStringAt appends the string at p, quoted.
func appendStringAt(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	return appendQuoted(b, *(*string)(p)), true
}

// appendByteSlice appends the []byte at p as encoding/json does: null
// when nil, otherwise a string of standard, padded base64.
func appendByteSlice(b []byte, p unsafe.Pointer, _ int) ([]byte, bool) {
	s := *(*[]byte)(p)
	if s == nil {
		return append(b, "null"...), true
	}
	b = append(b, '"')
	b = base64.StdEncoding.AppendEncode(b, s)
	return append(b, '"'), true
}

// hexDigits are the digits of \u escapes, lower case as encoding/json
// writes them.
const hexDigits = "0123456789abcdef"

// asciiEscape holds, for each ASCII byte, its escape inside a JSON string,
// or "" for a byte copied as is: control characters, quote, backslash and,
// for HTML safety, <, > and &. \b, \f, \n, \r and \t get their short
// forms; the others are written as \u00XX.
var asciiEscape = func() (t [utf8.RuneSelf]string) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c == '"' || c == '\\':
			t[c] = `\` + string(rune(c))
		case c == '\b':
			t[c] = `\b`
		case c == '\f':
			t[c] = `\f`
		case c == '\n':
			t[c] = `\n`
		case c == '\r':
			t[c] = `\r`
		case c == '\t':
			t[c] = `\t`
		case c < 0x20 || c == '<' || c == '>' || c == '&':
			t[c] = `\u00` + string(hexDigits[c>>4]) + string(hexDigits[c&0xF])
		}
	}
	return t
}()

// asciiPlain reports, for each ASCII byte, whether it is copied into a
// JSON string as is (asciiEscape is "").
var asciiPlain = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = asciiEscape[c] == ""
	}
	return t
}()

// appendQuoted appends s as a JSON string the way encoding/json does with
// HTML escaping on: ASCII escaped per asciiEscape, each byte of invalid
// UTF-8 replaced by \ufffd, U+2028 and U+2029 escaped, and all other
// characters copied.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0 // s[start:i] is still to be copied
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiPlain[c] {
				b = append(b, s[start:i]...)
				b = append(b, asciiEscape[c]...)
				start = i + 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			start = i + 1
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, `\u202`...)
			b = append(b, hexDigits[r&0xF])
			start = i + size
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
