package params

// Tests for match.go: every matcher on matching and non-matching input,
// bit-size boundaries, agreement with the reference implementations,
// allocation counts and benchmarks.

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/gosimple/slug"
)

func TestParseDigits(t *testing.T) {
	tests := []struct {
		in     string
		max    uint64
		want   uint64
		wantOK bool
	}{
		// Plain values and leading zeros.
		{"0", math.MaxUint64, 0, true},
		{"7", math.MaxUint64, 7, true},
		{"42", math.MaxUint64, 42, true},
		{"007", math.MaxUint64, 7, true},
		{"000", math.MaxUint64, 0, true},
		{strings.Repeat("0", 100) + "1", math.MaxUint64, 1, true},
		{strings.Repeat("0", 100) + "127", math.MaxInt8, 127, true},
		// Boundaries of each bit size.
		{"127", math.MaxInt8, 127, true},
		{"128", math.MaxInt8, 0, false},
		{"255", math.MaxUint8, 255, true},
		{"256", math.MaxUint8, 0, false},
		{"1000", math.MaxUint8, 0, false},
		{"32767", math.MaxInt16, 32767, true},
		{"32768", math.MaxInt16, 0, false},
		{"65535", math.MaxUint16, 65535, true},
		{"65536", math.MaxUint16, 0, false},
		{"2147483647", math.MaxInt32, math.MaxInt32, true},
		{"2147483648", math.MaxInt32, 0, false},
		{"4294967295", math.MaxUint32, math.MaxUint32, true},
		{"4294967296", math.MaxUint32, 0, false},
		{"9223372036854775807", math.MaxInt64, math.MaxInt64, true},
		{"9223372036854775808", math.MaxInt64, 0, false},
		{"18446744073709551615", math.MaxUint64, math.MaxUint64, true},
		{"018446744073709551615", math.MaxUint64, math.MaxUint64, true},
		{"18446744073709551616", math.MaxUint64, 0, false},
		{"18446744073709551620", math.MaxUint64, 0, false},
		{"18446744073709551700", math.MaxUint64, 0, false},
		{"20000000000000000000", math.MaxUint64, 0, false},
		{"99999999999999999999", math.MaxUint64, 0, false},
		{"184467440737095516150", math.MaxUint64, 0, false},
		{strings.Repeat("9", 40), math.MaxUint64, 0, false},
		// Small and zero maxima.
		{"0", 0, 0, true},
		{"00", 0, 0, true},
		{"1", 0, 0, false},
		{"9", 9, 9, true},
		{"10", 9, 0, false},
		{"10", 10, 10, true},
		{"11", 10, 0, false},
		// Syntax: only [0-9]+.
		{"", math.MaxUint64, 0, false},
		{"+1", math.MaxUint64, 0, false},
		{"-1", math.MaxUint64, 0, false},
		{"-0", math.MaxUint64, 0, false},
		{" 1", math.MaxUint64, 0, false},
		{"1 ", math.MaxUint64, 0, false},
		{"1_000", math.MaxUint64, 0, false},
		{"0x10", math.MaxUint64, 0, false},
		{"0b1", math.MaxUint64, 0, false},
		{"0o7", math.MaxUint64, 0, false},
		{"ff", math.MaxUint64, 0, false},
		{"1e3", math.MaxUint64, 0, false},
		{"1.0", math.MaxUint64, 0, false},
		{"1/2", math.MaxUint64, 0, false},
		{"１", math.MaxUint64, 0, false}, // fullwidth digit one
		{"1\x00", math.MaxUint64, 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseDigits(tt.in, tt.max)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ParseDigits(%q, %d) = %d, %v; want %d, %v", tt.in, tt.max, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestParseDigitsAgreesWithStrconv(t *testing.T) {
	for _, s := range []string{"0", "1", "255", "256", "18446744073709551615", "18446744073709551616", "x", "", "-1"} {
		for _, max := range []uint64{0, 1, 255, 256, math.MaxInt64, math.MaxUint64} {
			checkDigits(t, s, max)
		}
	}
}

// checkDigits compares ParseDigits(s, max) with strconv.ParseUint.
func checkDigits(t *testing.T, s string, max uint64) {
	t.Helper()
	got, ok := ParseDigits(s, max)
	want, err := strconv.ParseUint(s, 10, 64)
	wantOK := err == nil && want <= max
	if !wantOK {
		want = 0
	}
	if ok != wantOK || got != want {
		t.Errorf("ParseDigits(%q, %d) = %d, %v; strconv says %d, %v", s, max, got, ok, want, wantOK)
	}
}

func TestParseDecimal(t *testing.T) {
	tests := []struct {
		in     string
		bits   int
		want   float64
		wantOK bool
	}{
		{"0", 64, 0, true},
		{"1", 64, 1, true},
		{"3.25", 64, 3.25, true},
		{"0.5", 64, 0.5, true},
		{"007.50", 64, 7.5, true},
		{"10.000", 64, 10, true},
		{"0.1", 64, 0.1, true},
		{"0.1", 32, float64(float32(0.1)), true},
		{"123456789", 32, float64(float32(123456789)), true},
		// Syntax.
		{"", 64, 0, false},
		{".5", 64, 0, false},
		{"5.", 64, 0, false},
		{".", 64, 0, false},
		{"1.2.3", 64, 0, false},
		{"1..2", 64, 0, false},
		{"+1", 64, 0, false},
		{"-1", 64, 0, false},
		{"-1.5", 64, 0, false},
		{" 1", 64, 0, false},
		{"1 ", 64, 0, false},
		{"1e3", 64, 0, false},
		{"1E3", 64, 0, false},
		{"1.5e3", 64, 0, false},
		{"0x1p3", 64, 0, false},
		{"0x10", 64, 0, false},
		{"1_000", 64, 0, false},
		{"1_000.5", 64, 0, false},
		{"1.0_0", 64, 0, false},
		{"Inf", 64, 0, false},
		{"inf", 64, 0, false},
		{"NaN", 64, 0, false},
		{"1,5", 64, 0, false},
		// Range: overflow is rejected, underflow rounds to 0.
		{"1" + strings.Repeat("0", 308), 64, 1e308, true},
		{strconv.FormatFloat(math.MaxFloat64, 'f', -1, 64), 64, math.MaxFloat64, true},
		{"2" + strings.Repeat("0", 308), 64, 0, false},
		{"1" + strings.Repeat("0", 309), 64, 0, false},
		{strings.Repeat("9", 1000), 64, 0, false},
		{strings.Repeat("0", 1000) + "1.5", 64, 1.5, true},
		{"340282346638528859811704183484516925440", 32, math.MaxFloat32, true},
		{"340282356779733661637539395458142568447", 32, math.MaxFloat32, true},
		{"340282356779733661637539395458142568448", 32, 0, false},
		{"1" + strings.Repeat("0", 39), 32, 0, false},
		{"1" + strings.Repeat("0", 39), 64, 1e39, true},
		{"0." + strings.Repeat("0", 400) + "1", 64, 0, true},
		{"1." + strings.Repeat("3", 2000), 64, 1 + 1.0/3, true},
	}
	for _, tt := range tests {
		got, ok := ParseDecimal(tt.in, tt.bits)
		if got != tt.want || ok != tt.wantOK {
			in := tt.in
			if len(in) > 40 {
				in = in[:40] + "..."
			}
			t.Errorf("ParseDecimal(%q, %d) = %v, %v; want %v, %v", in, tt.bits, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestIsSlug(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"a", true},
		{"hello-world", true},
		{"hello_world", true},
		{"a1-b2_c3", true},
		{"2024", true},
		{"a--b", true},
		{"", false},
		{"-a", false},
		{"a-", false},
		{"_a", false},
		{"a_", false},
		{"Hello", false},
		{"a b", false},
		{"a/b", false},
		{"a.b", false},
		{"café", false},
		{"a%20b", false},
	}
	for _, tt := range tests {
		if got := IsSlug(tt.in); got != tt.want {
			t.Errorf("IsSlug(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if got := slug.IsSlug(tt.in); got != tt.want {
			t.Errorf("slug.IsSlug(%q) = %v, want %v (reference changed)", tt.in, got, tt.want)
		}
	}
}

func TestIsStr(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"a", true},
		{"hello world", true},
		{"%2F", true},
		{"é", true},
		{".", true},
		{"\x00", true},
		{"", false},
		{"/", false},
		{"a/b", false},
		{"a/", false},
		{"/a", false},
	}
	for _, tt := range tests {
		if got := IsStr(tt.in); got != tt.want {
			t.Errorf("IsStr(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseUUID(t *testing.T) {
	const canon = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
	want := [16]byte{0xf4, 0x7a, 0xc1, 0x0b, 0x58, 0xcc, 0x43, 0x72, 0xa5, 0x67, 0x0e, 0x02, 0xb2, 0xc3, 0xd4, 0x79}
	tests := []struct {
		in     string
		wantOK bool
	}{
		{canon, true},
		{strings.ToUpper(canon), true},
		{"F47ac10B-58Cc-4372-A567-0e02B2c3d479", true},
		{"00000000-0000-0000-0000-000000000000", true},
		{"ffffffff-ffff-ffff-ffff-ffffffffffff", true},
		{"", false},
		{"f47ac10b58cc4372a5670e02b2c3d479", false},          // no hyphens
		{"{" + canon + "}", false},                           // braces
		{"urn:uuid:" + canon, false},                         // urn
		{"URN:UUID:" + canon, false},                         // urn
		{canon[:35], false},                                  // short
		{canon + "0", false},                                 // long
		{" " + canon[1:], false},                             // space
		{"f47ac10b-58cc-4372-a567-0e02b2c3d47g", false},      // non-hex
		{"f47ac10b-58cc-4372-a567-0e02b2c3d4-9", false},      // hyphen in place of a digit
		{"f47ac10b+58cc-4372-a567-0e02b2c3d479", false},      // wrong separator
		{"f47ac10b-58cc-4372-a5670-e02b2c3d479", false},      // misplaced hyphen
		{"f47ac10-b58cc-4372-a567-0e02b2c3d479", false},      // misplaced hyphen
		{"f47ac10b-58cc-4372-a567-0e02b2c3d47\xff", false},   // high byte
		{"f47ac10b-58cc-4372-a567-0e02b2c3d4７9"[:36], false}, // cut multi-byte rune
		{"+47ac10b-58cc-4372-a567-0e02b2c3d479", false},      // sign
		{"0x7ac10b-58cc-4372-a567-0e02b2c3d479", false},      // hex prefix
	}
	for _, tt := range tests {
		got, ok := ParseUUID(tt.in)
		if ok != tt.wantOK {
			t.Errorf("ParseUUID(%q) ok = %v, want %v", tt.in, ok, tt.wantOK)
			continue
		}
		if !ok {
			if got != ([16]byte{}) {
				t.Errorf("ParseUUID(%q) = %x on failure, want zero", tt.in, got)
			}
			continue
		}
		ref, err := uuid.Parse(tt.in)
		if err != nil {
			t.Errorf("uuid.Parse(%q): %v", tt.in, err)
		}
		if got != [16]byte(ref) {
			t.Errorf("ParseUUID(%q) = %x, uuid.Parse gives %x", tt.in, got, ref)
		}
	}
	if got, _ := ParseUUID(canon); got != want {
		t.Errorf("ParseUUID(%q) = %x, want %x", canon, got, want)
	}
}

func TestParseUUIDRandom(t *testing.T) {
	for range 200 {
		u := uuid.New()
		for _, s := range []string{u.String(), strings.ToUpper(u.String())} {
			got, ok := ParseUUID(s)
			if !ok || got != [16]byte(u) {
				t.Fatalf("ParseUUID(%q) = %x, %v; want %x, true", s, got, ok, u)
			}
		}
	}
}

func TestMatchersDoNotAllocate(t *testing.T) {
	longFrac := "1." + strings.Repeat("3", 2000)
	huge := strings.Repeat("9", 400)
	tests := []struct {
		name string
		f    func()
	}{
		{"ParseDigits", func() { ParseDigits("18446744073709551615", math.MaxUint64) }},
		{"ParseDigits/reject", func() { ParseDigits("18446744073709551616", math.MaxUint64) }},
		{"ParseDecimal/64", func() { ParseDecimal("12345.6789", 64) }},
		{"ParseDecimal/32", func() { ParseDecimal("12345.6789", 32) }},
		{"ParseDecimal/long", func() { ParseDecimal(longFrac, 64) }},
		{"ParseDecimal/long32", func() { ParseDecimal(longFrac, 32) }},
		{"ParseDecimal/huge", func() { ParseDecimal(huge, 64) }},
		{"ParseDecimal/syntax", func() { ParseDecimal("1e5", 64) }},
		{"ParseUUID", func() { ParseUUID("F47AC10B-58CC-4372-A567-0E02B2C3D479") }},
		{"ParseUUID/reject", func() { ParseUUID("f47ac10b58cc4372a5670e02b2c3d479") }},
		{"IsSlug", func() { IsSlug("hello-world_2024") }},
		{"IsSlug/reject", func() { IsSlug("Héllo") }},
		{"IsStr", func() { IsStr("hello world") }},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(100, tt.f); n != 0 {
			t.Errorf("%s: %v allocations per run, want 0", tt.name, n)
		}
	}
}

var (
	sinkU64  uint64
	sinkUUID [16]byte
	sinkBool bool
)

func BenchmarkParseDigits(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		v, ok := ParseDigits("9223372036854775807", math.MaxInt64)
		sinkU64, sinkBool = v, ok
	}
}

func BenchmarkParseUUID(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		u, ok := ParseUUID("f47ac10b-58cc-4372-A567-0E02B2C3D479")
		sinkUUID, sinkBool = u, ok
	}
}
