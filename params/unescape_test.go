package params

// Tests for unescape.go: splitting pairs with NextPair and lenient decoding
// with Unescape, including its allocation-free fast path.

import (
	"net/url"
	"strings"
	"testing"
)

func TestNextPair(t *testing.T) {
	tests := []struct {
		raw, key, value, rest string
	}{
		{"", "", "", ""},
		{"&", "", "", ""},
		{"&&&", "", "", ""},
		{"a", "a", "", ""},
		{"a=", "a", "", ""},
		{"a=1", "a", "1", ""},
		{"a=1&b=2", "a", "1", "b=2"},
		{"a=1&&&b=2", "a", "1", "b=2"},
		{"&&a=1&", "a", "1", ""},
		{"a=b=c&d", "a", "b=c", "d"},
		{"=v&x", "", "v", "x"},
		{"=", "", "", ""},
		{"=&a", "", "", "a"},
		{"a;b=1;c=2", "a;b", "1;c=2", ""},
		{"a%26b=c%3Dd&e", "a%26b", "c%3Dd", "e"},
		{"a+b=c+d", "a+b", "c+d", ""},
	}
	for _, tt := range tests {
		key, value, rest := NextPair(tt.raw)
		if key != tt.key || value != tt.value || rest != tt.rest {
			t.Errorf("NextPair(%q) = %q, %q, %q; want %q, %q, %q",
				tt.raw, key, value, rest, tt.key, tt.value, tt.rest)
		}
	}
}

func TestNextPairLoop(t *testing.T) {
	type pair struct{ k, v string }
	tests := []struct {
		raw  string
		want []pair
	}{
		{"", nil},
		{"&&", nil},
		{"a=1&b&=&&c=3=4&", []pair{{"a", "1"}, {"b", ""}, {"", ""}, {"c", "3=4"}}},
		{"&x=%zz", []pair{{"x", "%zz"}}},
	}
	for _, tt := range tests {
		var got []pair
		for rest := strings.TrimLeft(tt.raw, "&"); rest != ""; {
			var k, v string
			k, v, rest = NextPair(rest)
			got = append(got, pair{k, v})
		}
		if len(got) != len(tt.want) {
			t.Errorf("pairs of %q = %q, want %q", tt.raw, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("pairs of %q = %q, want %q", tt.raw, got, tt.want)
				break
			}
		}
	}
}

func TestUnescape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"a+b", "a b"},
		{"+++", "   "},
		{"%20", " "},
		{"%2B", "+"},
		{"%2b", "+"},
		{"a%2Fb", "a/b"},
		{"%e2%82%AC", "€"},
		{"%C3%A9t%C3%A9", "été"},
		{"%00", "\x00"},
		{"%FF", "\xff"},
		{"%25", "%"},
		{"%2525", "%25"},
		{"%ZZ", "%ZZ"},
		{"%", "%"},
		{"a%", "a%"},
		{"%4", "%4"},
		{"a%4", "a%4"},
		{"%4G", "%4G"},
		{"%G4", "%G4"},
		{"%%41", "%A"},
		{"%%%", "%%%"},
		{"100%+sure", "100% sure"},
		{"%ZZ+%41", "%ZZ A"},
		{"%+41", "% 41"},
		{"%-1", "%-1"},
		{";", ";"},
		{"a=b", "a=b"},
		{"é", "é"},
	}
	for _, tt := range tests {
		if got := Unescape(tt.in); got != tt.want {
			t.Errorf("Unescape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUnescapeAgreesWithQueryUnescape(t *testing.T) {
	// On well-formed input Unescape and url.QueryUnescape agree.
	for _, s := range []string{"a+b", "%41%42", "x%2Fy%3D%26", "%e2%82%ac", "plain", "", "+%2B+"} {
		want, err := url.QueryUnescape(s)
		if err != nil {
			t.Fatalf("url.QueryUnescape(%q): %v", s, err)
		}
		if got := Unescape(s); got != want {
			t.Errorf("Unescape(%q) = %q, url.QueryUnescape gives %q", s, got, want)
		}
	}
}

func TestUnescapeDoesNotAllocate(t *testing.T) {
	for _, s := range []string{"", "plain-text_value", "é;=", "%ZZ", "100%", "%4"} {
		var got string
		if n := testing.AllocsPerRun(100, func() { got = Unescape(s) }); n != 0 {
			t.Errorf("Unescape(%q): %v allocations per run, want 0", s, n)
		}
		if got != s {
			t.Errorf("Unescape(%q) = %q, want it unchanged", s, got)
		}
	}
	if n := testing.AllocsPerRun(100, func() { NextPair("a=1&b=2") }); n != 0 {
		t.Errorf("NextPair: %v allocations per run, want 0", n)
	}
}
