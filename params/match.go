package params

// This file holds the matchers that decide whether one path segment matches
// a parameter kind, and convert it. They run on the router's hot path: each
// accepts exactly one syntax, checked by hand, and none of them allocates
// when it succeeds.

import (
	"math"
	"strconv"
	"strings"

	"github.com/gosimple/slug"
)

// ParseDigits reports the value of s when s is [0-9]+ and its value is <= max.
// Leading zeros are accepted ("007" is 7); signs, spaces, underscores,
// hexadecimal and the empty string are rejected, as is any value above max,
// however many digits it has. It does not allocate.
func ParseDigits(s string, max uint64) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	cutoff := max / 10 // v <= cutoff guarantees v*10 <= max, so no overflow
	var v uint64
	for i := 0; i < len(s); i++ {
		d := uint64(s[i]) - '0'
		if d > 9 || v > cutoff {
			return 0, false
		}
		v *= 10
		if d > max-v {
			return 0, false
		}
		v += d
	}
	return v, true
}

// Upper bounds on the number of significant integer digits (leading zeros
// excluded) of a value that can fit a float64 or a float32. Longer inputs
// are rejected before strconv sees them, which keeps the error path of
// ParseFloat, and its allocation, for the rare borderline cases.
const (
	maxIntDigits64 = 309 // math.MaxFloat64 is about 1.8e308
	maxIntDigits32 = 39  // math.MaxFloat32 is about 3.4e38
)

// ParseDecimal reports the value of s when s is [0-9]+(\.[0-9]+)? and fits a
// float of the given bit size (32 or 64) without overflowing to ±Inf.
//
// Signs, exponents, hexadecimal, underscores, "Inf", "NaN", a bare ".5" or
// "5." are all rejected. A value too small to represent rounds to 0 and is
// accepted. For bits == 32 the result is the float32 nearest to s, widened
// to float64; any bit size other than 32 is treated as 64, as strconv does.
// It does not allocate when it succeeds.
func ParseDecimal(s string, bits int) (float64, bool) {
	// Check the syntax, counting significant integer digits.
	i := 0
	for i < len(s) && s[i] == '0' {
		i++
	}
	lead := i
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	intDigits := i - lead
	if i < len(s) {
		if s[i] != '.' || i+1 == len(s) {
			return 0, false
		}
		for i++; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
		}
	}
	limit := maxIntDigits64
	if bits == 32 {
		limit = maxIntDigits32
	}
	if intDigits > limit {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, bits)
	if err != nil || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// IsSlug is exactly slug.IsSlug from github.com/gosimple/slug: s is
// non-empty, consists of a-z, 0-9, '-' and '_', and neither starts nor ends
// with '-' or '_' (and is no longer than slug.MaxLength when that is set).
func IsSlug(s string) bool {
	return slug.IsSlug(s)
}

// IsStr reports whether s is a valid str segment: one or more bytes, none of
// them '/'.
func IsStr(s string) bool {
	return s != "" && strings.IndexByte(s, '/') < 0
}

// unhex maps a byte to its value as a hexadecimal digit, or 0xff when the
// byte is not one.
var unhex = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] = byte(c - 'a' + 10)
		t[c-'a'+'A'] = byte(c - 'a' + 10)
	}
	return t
}()

// uuidHex lists the offsets of the 16 hex-digit pairs in the
// xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx form.
var uuidHex = [16]uint8{0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34}

// ParseUUID accepts exactly 8-4-4-4-12 hex digits, either case, hyphens required.
// The 32-digit form without hyphens, braces and the "urn:uuid:" prefix are
// rejected. The bytes are those github.com/google/uuid's Parse returns for
// the same text. It does not allocate.
func ParseUUID(s string) ([16]byte, bool) {
	var u [16]byte
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return u, false
	}
	for i, x := range uuidHex {
		hi, lo := unhex[s[x]], unhex[s[x+1]]
		if hi > 15 || lo > 15 {
			return [16]byte{}, false
		}
		u[i] = hi<<4 | lo
	}
	return u, true
}
