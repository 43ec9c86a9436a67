package params

// Native fuzz targets. Seed corpora live in testdata/fuzz/<Target>/; run
// one target with, for example,
//
//	go test ./params -run='^$' -fuzz='^FuzzParse$' -fuzztime=20s

import (
	"math"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/google/uuid"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{"/", "/done/<int:offset>/", "/a//b", "/<path:p>/", "/a<int:x>", "/<int:x>/<str:x>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, pattern string) {
		p, err := Parse(pattern)
		if err != nil {
			pe, ok := err.(*PatternError)
			if !ok {
				t.Fatalf("Parse(%q) error is %T", pattern, err)
			}
			if p != nil || pe.Pattern != pattern || pe.Offset < 0 || pe.Offset > len(pattern) || pe.Reason == "" {
				t.Fatalf("Parse(%q) = %v, %#v", pattern, p, pe)
			}
			if !strings.HasPrefix(err.Error(), "itty: ") {
				t.Fatalf("error %q lacks the itty: prefix", err)
			}
			return
		}
		s := p.String()
		if s != pattern {
			t.Fatalf("Parse(%q).String() = %q", pattern, s)
		}
		q, err := Parse(s)
		if err != nil {
			t.Fatalf("Parse(%q) succeeded but Parse of its String() %q failed: %v", pattern, s, err)
		}
		if q.String() != s || q.Shape() != p.Shape() || !reflect.DeepEqual(p, q) {
			t.Fatalf("Parse(%q) and Parse(%q) differ: %v vs %v", pattern, s, p, q)
		}
		names := map[string]bool{}
		for i, seg := range p.Segments {
			if seg.Kind == Literal {
				if seg.Text == "" && i != len(p.Segments)-1 {
					t.Fatalf("Parse(%q): empty literal segment %d", pattern, i)
				}
				continue
			}
			if !isName(seg.Text) || names[seg.Text] {
				t.Fatalf("Parse(%q): bad or repeated name %q", pattern, seg.Text)
			}
			names[seg.Text] = true
			if seg.Kind == Path && i != len(p.Segments)-1 {
				t.Fatalf("Parse(%q): path parameter not last", pattern)
			}
		}
	})
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"", "a=1&b=2&a=3", "a&&b=&=c", "q=hello+world%21", "x=%ZZ;y", "%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q := ParseQuery(raw)
		checkIndex(t, "ParseQuery", q)
		enc := q.Encode()
		back := ParseQuery(enc)
		if got, want := dictOf(back), dictOf(q); !reflect.DeepEqual(got, want) {
			t.Fatalf("ParseQuery(%q) = %q; Encode gives %q, which parses to %q", raw, want, enc, got)
		}
		for _, it := range q.Items() {
			if !q.Has(it.Key) || q.Get(it.Key, "\x00def") != it.Value {
				t.Fatalf("ParseQuery(%q): inconsistent lookup of %q", raw, it.Key)
			}
		}
		// The zero-allocation lookup path must agree with the dictionary.
		n := 0
		for rest := strings.TrimLeft(raw, "&"); rest != ""; n++ {
			var k string
			k, _, rest = NextPair(rest)
			if !q.Has(Unescape(k)) {
				t.Fatalf("ParseQuery(%q) lacks key %q", raw, Unescape(k))
			}
		}
		total := 0
		for _, k := range q.Keys() {
			total += len(q.GetList(k))
		}
		if total != n {
			t.Fatalf("ParseQuery(%q) holds %d values, NextPair finds %d pairs", raw, total, n)
		}
	})
}

func FuzzParseDigits(f *testing.F) {
	f.Add("0", uint64(0))
	f.Add("127", uint64(math.MaxInt8))
	f.Add("18446744073709551615", uint64(math.MaxUint64))
	f.Add("18446744073709551616", uint64(math.MaxUint64))
	f.Add("+1", uint64(10))
	f.Add("1_000", uint64(math.MaxUint64))
	f.Fuzz(func(t *testing.T, s string, max uint64) {
		checkDigits(t, s, max)
		checkDigits(t, s, math.MaxUint64)
	})
}

func FuzzParseDecimal(f *testing.F) {
	f.Add("0", 64)
	f.Add("3.25", 32)
	f.Add("1e5", 64)
	f.Add("340282356779733661637539395458142568448", 32)
	f.Fuzz(func(t *testing.T, s string, bits int) {
		if bits != 32 {
			bits = 64
		}
		got, ok := ParseDecimal(s, bits)
		syntax := s != "" && strings.Trim(s, "0123456789.") == "" && strings.Count(s, ".") <= 1 &&
			s[0] != '.' && s[len(s)-1] != '.'
		want, err := strconv.ParseFloat(s, bits)
		wantOK := syntax && err == nil && !math.IsInf(want, 0)
		if !wantOK {
			want = 0
		}
		if ok != wantOK || got != want {
			t.Fatalf("ParseDecimal(%q, %d) = %v, %v; want %v, %v", s, bits, got, ok, want, wantOK)
		}
	})
}

func FuzzParseUUID(f *testing.F) {
	for _, s := range []string{
		"f47ac10b-58cc-4372-a567-0e02b2c3d479",
		"F47AC10B-58CC-4372-A567-0E02B2C3D479",
		"f47ac10b58cc4372a5670e02b2c3d479",
		"{f47ac10b-58cc-4372-a567-0e02b2c3d479}",
		"urn:uuid:f47ac10b-58cc-4372-a567-0e02b2c3d479",
		"f47ac10b-58cc-4372-a567-0e02b2c3d47g",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseUUID(s)
		ref, err := uuid.Parse(s)
		wantOK := err == nil && len(s) == 36 // the hyphenated form only
		if ok != wantOK {
			t.Fatalf("ParseUUID(%q) ok = %v, reference says %v (%v)", s, ok, wantOK, err)
		}
		if ok && got != [16]byte(ref) {
			t.Fatalf("ParseUUID(%q) = %x, reference %x", s, got, ref)
		}
		if !ok && got != ([16]byte{}) {
			t.Fatalf("ParseUUID(%q) = %x on failure", s, got)
		}
	})
}

func FuzzUnescape(f *testing.F) {
	for _, s := range []string{"", "plain", "a+b%20c", "%ZZ", "100%", "%4", "%e2%82%ac"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Unescape(s)
		if !strings.ContainsAny(s, "+%") && got != s {
			t.Fatalf("Unescape(%q) = %q, want it unchanged", s, got)
		}
		if len(got) > len(s) {
			t.Fatalf("Unescape(%q) = %q grew", s, got)
		}
		if want, err := url.QueryUnescape(s); err == nil && got != want {
			t.Fatalf("Unescape(%q) = %q, url.QueryUnescape gives %q", s, got, want)
		}
		if back := Unescape(url.QueryEscape(s)); back != s {
			t.Fatalf("Unescape(QueryEscape(%q)) = %q", s, back)
		}
	})
}
