// Design: every case is checked against json.NewEncoder byte for byte,
// and errors against errors, through both appendJSON and encodeJSON; each
// case also states which path must produce it (compiled, type fallback,
// or a run-time give-up), so that a case cannot pass by silently falling
// back. The fuzz target feeds arbitrary strings and numbers through a few
// shapes that are all compiled, so there any give-up must be an error
// encoding/json also reports.

package respond

import (
	"bytes"
	"encoding/json"
	stderrors "errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// jsonPath says how the compiled encoder must handle a value.
type jsonPath int

const (
	compiled jsonPath = iota // encoded by the compiled encoder
	fallback                 // the type is left to encoding/json
	gaveUp                   // the type compiles, but this value goes to encoding/json
)

// String names p in test failures.
func (p jsonPath) String() string {
	return [...]string{"compiled", "fallback", "gave up"}[p]
}

// stdJSON returns what json.NewEncoder writes for v, or its error.
func stdJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	err := json.NewEncoder(&buf).Encode(v)
	return buf.Bytes(), err
}

// checkJSON reports a difference between encoding/json and both the
// compiled encoder and encodeJSON for v, and a value taking another path
// than want.
func checkJSON(t *testing.T, name string, v any, want jsonPath) {
	t.Helper()
	wantOut, wantErr := stdJSON(v)

	out, ok := appendJSON([]byte("prefix"), v)
	got := fallback
	switch {
	case ok:
		got = compiled
		if !bytes.HasPrefix(out, []byte("prefix")) {
			t.Errorf("%s: appendJSON lost the bytes before it: %q", name, out)
		}
		out = bytes.TrimPrefix(out, []byte("prefix"))
		if wantErr != nil {
			t.Errorf("%s: compiled %q, but encoding/json fails: %v", name, out, wantErr)
		} else if !bytes.Equal(out, wantOut) {
			t.Errorf("%s: compiled output differs: %s", name, firstDiff(out, wantOut))
		}
	case v != nil && !planOf(reflect.TypeOf(v)).fallback:
		got = gaveUp
	}
	if compiledJSON && got != want {
		t.Errorf("%s: path = %v, want %v", name, got, want)
	}

	var buf bytes.Buffer
	buf.WriteString("keep")
	err := (&Response{value: v}).encodeJSON(&buf)
	switch {
	case (err == nil) != (wantErr == nil):
		t.Errorf("%s: encodeJSON error = %v, encoding/json error = %v", name, err, wantErr)
	case err != nil:
		if inner := stderrors.Unwrap(err); inner == nil || inner.Error() != wantErr.Error() ||
			reflect.TypeOf(inner) != reflect.TypeOf(wantErr) || !strings.HasPrefix(err.Error(), "itty: encoding JSON response: ") {
			t.Errorf("%s: encodeJSON error = %v (%T), want %v (%T)", name, err, inner, wantErr, wantErr)
		}
		if buf.String() != "keep" {
			t.Errorf("%s: failed encodeJSON changed the buffer to %q", name, buf.String())
		}
	case buf.String() != "keep"+string(wantOut):
		t.Errorf("%s: encodeJSON output differs: %s", name, firstDiff(bytes.TrimPrefix(buf.Bytes(), []byte("keep")), wantOut))
	}
}

// firstDiff describes where got first differs from want, with a little
// context, so that long outputs stay readable.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(i-20, 0)
	return fmt.Sprintf("at byte %d (of %d, want %d):\n got ...%q\nwant ...%q",
		i, len(got), len(want), got[from:min(i+40, len(got))], want[from:min(i+40, len(want))])
}

type (
	jsSmall struct {
		ID      int    `json:"id"`
		Title   string `json:"title"`
		Count   int    `json:"count"`
		Verbose bool   `json:"verbose"`
	}
	jsKinds struct {
		B   bool
		I   int
		I8  int8
		I16 int16
		I32 int32
		I64 int64
		U   uint
		U8  uint8
		U16 uint16
		U32 uint32
		U64 uint64
		UP  uintptr
		F32 float32
		F64 float64
		S   string
	}
	jsTags struct {
		Renamed    string   `json:"renamed"`
		Skipped    string   `json:"-"`
		Dash       string   `json:"-,"`
		NoName     string   `json:",omitempty"`
		Invalid    string   `json:"a\"b"`
		Backslash  string   `json:"a\\b"`
		Punct      string   `json:"a<b>&c !#$%()*+-./:;=?@[]^_{|}~"`
		Unicode    string   `json:"名前"`
		Other      string   `xml:"other"`
		Chan       chan int `json:"-"`
		unexported int
		fn         func()
		_          int
	}
	jsOmitEmpty struct {
		B  bool           `json:"b,omitempty"`
		I  int            `json:"i,omitempty"`
		U8 uint8          `json:"u8,omitempty"`
		F  float64        `json:"f,omitempty"`
		F4 float32        `json:"f4,omitempty"`
		S  string         `json:"s,omitempty"`
		P  *int           `json:"p,omitempty"`
		Sl []int          `json:"sl,omitempty"`
		M  map[string]int `json:"m,omitempty"`
		A0 [0]int         `json:"a0,omitempty"`
		A1 [1]int         `json:"a1,omitempty"`
		St struct{}       `json:"st,omitempty"`
		X  any            `json:"x,omitempty"`
		E  error          `json:"e,omitempty"`
	}
	jsOmitZero struct {
		B  bool           `json:"b,omitzero"`
		I  int16          `json:"i,omitzero"`
		F  float64        `json:"f,omitzero"`
		S  string         `json:"s,omitzero"`
		P  *int           `json:"p,omitzero"`
		Sl []int          `json:"sl,omitzero"`
		M  map[string]int `json:"m,omitzero"`
		A  [2]float64     `json:"a,omitzero"`
		St jsSmall        `json:"st,omitzero"`
		H  jsHidden       `json:"h,omitzero"`
		X  any            `json:"x,omitzero"`
		E  error          `json:"e,omitzero"`
	}
	jsBoth struct {
		Sl []int   `json:"sl,omitempty,omitzero"`
		St jsSmall `json:"st,omitzero,omitempty"`
	}
	jsHidden struct {
		Shown  int
		hidden int
	}
	jsNode struct {
		V    int
		Next *jsNode            `json:",omitempty"`
		Kids []jsNode           `json:",omitempty"`
		M    map[string]*jsNode `json:",omitempty"`
	}
	jsContainers struct {
		Nil      []int
		Empty    []int
		Bytes    []byte
		NilBytes []byte
		Named    []jsByte
		Arr      [3]int8
		ByteArr  [2]byte
		Strs     []string
		PP       **int
		M        map[string][]float64
		NilMap   map[string]int
		NamedMap map[jsStr]jsStr
		Any      any
		Anys     []any
		Stringer interface{ String() string }
		Zero     struct{}
		Empties  []struct{}
	}
	jsByte   uint8
	jsStr    string
	jsPtrs   struct{ P *jsSmall }
	jsCycle  struct{ Next *jsCycle }
	jsNamedS string
)

// String makes jsNamedS a fmt.Stringer, which encoding/json ignores.
func (s jsNamedS) String() string { return "stringer:" + string(s) }

// Types that make encoding/json behave specially, and must fall back.
type (
	jsMarshaler    struct{ X int }
	jsPtrMarshaler struct{ X int }
	jsText         int
	jsPtrText      string
	jsZeroer       struct{ N int }
	jsEmbedded     struct {
		jsSmall
		Extra int
	}
	jsEmbeddedPtr struct{ *jsSmall }
	jsEmbeddedInt struct {
		jsByte
		X int
	}
	jsQuoted struct {
		N int `json:"n,string"`
	}
	jsDup struct {
		A int `json:"X"`
		X int
	}
	jsZeroField struct {
		Z jsZeroer `json:"z,omitzero"`
	}
	jsChanField struct{ C chan int }
	jsFuncField struct {
		F func() `json:"f,omitempty"`
	}
	jsDeepMarsh struct{ L []map[string]*jsMarshaler }
	jsComplex   struct{ C complex128 }
	jsNumber    struct{ N json.Number }
)

// MarshalJSON gives jsMarshaler its own encoding.
func (jsMarshaler) MarshalJSON() ([]byte, error) { return []byte(` {"custom" : "<&>"} `), nil }

// MarshalJSON gives *jsPtrMarshaler its own encoding, used by
// encoding/json only for addressable values.
func (*jsPtrMarshaler) MarshalJSON() ([]byte, error) { return []byte(`"ptr"`), nil }

// MarshalText gives jsText a text encoding.
func (t jsText) MarshalText() ([]byte, error) {
	return []byte("text<" + string(rune('a'+t)) + ">"), nil
}

// MarshalText gives *jsPtrText a text encoding.
func (t *jsPtrText) MarshalText() ([]byte, error) { return []byte("ptr:" + string(*t)), nil }

// IsZero makes jsZeroer zero when N is 7, unlike reflect.Value.IsZero.
func (z jsZeroer) IsZero() bool { return z.N == 7 }

// jsonStrings need every kind of escaping.
var jsonStrings = []string{
	"", "plain", `quote " and back \ slash`, "\x00\x01\x07\x1f\x7f", "\b\f\n\r\t\v",
	"<script>alert('&amp;')</script>", "line\u2028sep\u2029par", "bad\xffutf8\xc3", "\xed\xa0\x80 surrogate",
	"\xf4\x90\x80\x80 too big", "trunc\xe2\x82", "emoji 😀👍🏽🇳🇱", "\ufffd literal", "é ü 日本", "/ slash",
	strings.Repeat("long<>&\u2028", 200),
}

// jsonFloats cover encoding/json's 'f'/'e' cutoffs and exponent clean-up.
var jsonFloats = []float64{
	0, math.Copysign(0, -1), 1, -1, 0.1, -0.5, 1.5, 100, 1e6, 123456789, 12345.678, 2.5e-5,
	1e20, 1e21, 999999999999999999999, 1.0000000000000001e21, 1e22, -1e21, 1e100, 1e-6, 9.99999e-7,
	1e-7, -1e-7, 1.5e-9, 1e-10, 1e-100, 1e-300, math.MaxFloat64, math.SmallestNonzeroFloat64,
	math.MaxFloat32, math.SmallestNonzeroFloat32, 1 << 53, 1<<53 + 2, 0.000001, 0.0000011,
}

// jsonFloat32s add float32 precision and its own cutoffs.
var jsonFloat32s = []float32{
	0, float32(math.Copysign(0, -1)), 0.1, 1.1, 3.4e38, -3.4e38, 16777216, 16777217, 1e-7, 1e-6, 9.9999e-7,
	1e21, 9.99999e20, 1e20, 1e-45, 1.17549435e-38, 123456.7, 0.3,
}

// TestJSONEncoderMatchesEncodingJSON compares every supported kind, tag
// option, float and string edge case and fallback type with encoding/json.
func TestJSONEncoderMatchesEncodingJSON(t *testing.T) {
	one, two := 1, 2
	pone := &one
	zero := 0
	small := jsSmall{ID: 7, Title: "T<1>", Count: -3, Verbose: true}
	tree := &jsNode{V: 1, Kids: []jsNode{{V: 2}, {V: 3, Next: &jsNode{V: 4}}},
		M: map[string]*jsNode{"z": {V: 5}, "a": nil, "m": {V: 6}}}

	tests := []struct {
		name string
		v    any
		path jsonPath
	}{
		{"nil", nil, compiled},
		{"bool", true, compiled},
		{"int", -42, compiled},
		{"uint8", uint8(255), compiled},
		{"int64 min", int64(math.MinInt64), compiled},
		{"uint64 max", uint64(math.MaxUint64), compiled},
		{"string", "a<b>", compiled},
		{"named string", jsStr("named"), compiled},
		{"kinds zero", jsKinds{}, compiled},
		{"kinds", &jsKinds{B: true, I: math.MinInt, I8: -128, I16: math.MaxInt16, I32: math.MinInt32,
			I64: math.MaxInt64, U: math.MaxUint, U8: 200, U16: math.MaxUint16, U32: math.MaxUint32,
			U64: math.MaxUint64, UP: 12345, F32: 1.25, F64: -2.5e-8, S: "s"}, compiled},
		{"small", small, compiled},
		{"small ptr", &small, compiled},
		{"tags", jsTags{Renamed: "r", Skipped: "x", Dash: "d", NoName: "n", Invalid: "i", Backslash: "b",
			Punct: "p", Unicode: "u", Other: "o", unexported: 1, Chan: make(chan int)}, compiled},
		{"omitempty zero", jsOmitEmpty{}, compiled},
		{"omitempty set", jsOmitEmpty{B: true, I: 1, U8: 1, F: 0.5, F4: 0.25, S: "s", P: &zero, Sl: []int{0},
			M: map[string]int{"": 0}, A1: [1]int{0}, X: 0, E: stderrors.New("e")}, compiled},
		{"omitempty empty", jsOmitEmpty{F: math.Copysign(0, -1), Sl: []int{}, M: map[string]int{}, X: nil}, compiled},
		{"omitzero zero", jsOmitZero{A: [2]float64{math.Copysign(0, -1), 0}}, compiled},
		{"omitzero empty not zero", jsOmitZero{Sl: []int{}, M: map[string]int{}, X: 0, F: math.Copysign(0, -1)}, compiled},
		{"omitzero set", jsOmitZero{B: true, I: -1, S: "s", P: &zero, A: [2]float64{0, 1}, St: jsSmall{Verbose: true},
			H: jsHidden{hidden: 1}}, compiled},
		{"omitzero and omitempty", []jsBoth{{}, {Sl: []int{}}, {Sl: []int{1}, St: jsSmall{ID: 1}}}, compiled},
		{"tree", tree, compiled},
		{"containers zero", jsContainers{}, compiled},
		{"containers", &jsContainers{Empty: []int{}, Bytes: []byte("hello, world\xff"), NilBytes: nil,
			Named: []jsByte{1, 2, 250}, Arr: [3]int8{-1, 0, 1}, ByteArr: [2]byte{1, 2}, Strs: jsonStrings,
			PP: &pone, M: map[string][]float64{"b": {1.5, 1e21}, "a": nil, "c": {}},
			NamedMap: map[jsStr]jsStr{"y": "1", "x": "2"}, Any: map[string]any{"k": []any{1, "2"}},
			Anys:     []any{nil, 1, "s", 2.5, float32(0.1), true, []int(nil), map[string]any{}, &small, small, &one},
			Stringer: jsNamedS("s"), Empties: make([]struct{}, 3)}, compiled},
		{"nil slice", []int(nil), compiled},
		{"empty slice", []string{}, compiled},
		{"nil map", map[string]int(nil), compiled},
		{"nil pointer", (*jsSmall)(nil), compiled},
		{"nil byte slice", []byte(nil), compiled},
		{"bytes", []byte{0, 1, 2, 0xfe, 0xff}, compiled},
		{"byte array", [4]byte{1, 2, 3, 4}, compiled},
		{"empty array", [0]func(){}, fallback},
		{"ptr ptr", &pone, compiled},
		{"map sorted", map[string]int{"b": 1, "a": 2, "": 3, "é": 4, "A": 5, "<": 6, "aa": 7, "a\xff": 8}, compiled},
		{"map of maps", map[string]map[string]jsSmall{"x": {"2": small, "1": {}}, "nil": nil}, compiled},
		{"map any", map[string]any{"n": nil, "f": 1.5, "s": []any{map[string]any{"deep": true}}}, compiled},
		{"pointer-shaped in any", []any{jsPtrs{&small}, jsPtrs{}, [1]*int{&two}, [1]*int{}}, compiled},
		{"pointer-shaped top", jsPtrs{&small}, compiled},
		{"map in struct in any", []any{struct{ M map[string]int }{map[string]int{"a": 1}}}, compiled},
		{"non-empty interface", []interface{ String() string }{jsNamedS("x"), nil}, compiled},
		{"error interface", []error{stderrors.New("x"), nil}, compiled},
		{"anonymous struct", struct {
			A int `json:"a"`
			B []struct{ C string }
		}{1, []struct{ C string }{{"c"}}}, compiled},

		// Fall back for the whole top-level type.
		{"marshaler", jsMarshaler{1}, fallback},
		{"marshaler ptr", &jsMarshaler{1}, fallback},
		{"ptr marshaler value", jsPtrMarshaler{1}, fallback},
		{"ptr marshaler in struct", struct{ M jsPtrMarshaler }{}, fallback},
		{"ptr marshaler in struct ptr", &struct{ M jsPtrMarshaler }{}, fallback},
		{"text marshaler", []jsText{1, 2}, fallback},
		{"ptr text marshaler", map[string]jsPtrText{"a": "x"}, fallback},
		{"text marshaler key", map[jsText]int{3: 1}, fallback},
		{"int keys", map[int]string{2: "b", 1: "a"}, fallback},
		{"embedded", jsEmbedded{jsSmall: small, Extra: 1}, fallback},
		{"embedded ptr", jsEmbeddedPtr{&small}, fallback},
		{"embedded nil ptr", jsEmbeddedPtr{}, fallback},
		{"embedded unexported int", jsEmbeddedInt{1, 2}, fallback},
		{"string option", jsQuoted{5}, fallback},
		{"duplicate names", jsDup{1, 2}, fallback},
		{"omitzero IsZero", []jsZeroField{{jsZeroer{7}}, {jsZeroer{0}}}, fallback},
		{"func omitted", jsFuncField{}, fallback},
		{"deep marshaler", jsDeepMarsh{L: []map[string]*jsMarshaler{{"a": {1}, "b": nil}}}, fallback},
		{"json.Number", jsNumber{"12.5e3"}, fallback},
		{"raw message", json.RawMessage(` [1, 2] `), fallback},

		// Errors, reported by encoding/json.
		{"chan", make(chan int), fallback},
		{"func", func() {}, fallback},
		{"complex", jsComplex{1 + 2i}, fallback},
		{"chan field", jsChanField{}, fallback},
		{"func in map", map[string]any{"f": func() {}}, gaveUp},
		{"NaN", math.NaN(), gaveUp},
		{"Inf", float32(math.Inf(-1)), gaveUp},
		{"NaN field", jsKinds{F64: math.NaN()}, gaveUp},
		{"Inf in map", map[string]float64{"a": 1, "b": math.Inf(1)}, gaveUp},
		{"NaN not empty", jsOmitEmpty{F: math.NaN()}, gaveUp},
		{"bad number in any", []any{json.Number("x")}, gaveUp},
		{"marshaler in any", map[string]any{"m": jsMarshaler{}, "p": &jsPtrMarshaler{}, "v": jsPtrMarshaler{}}, compiled},
		{"text in any", []any{jsText(2), jsPtrText("x"), json.Number("1e3")}, compiled},
	}
	for _, tt := range tests {
		checkJSON(t, tt.name, tt.v, tt.path)
	}
	for _, s := range jsonStrings {
		checkJSON(t, "string "+s, s, compiled)
		checkJSON(t, "key "+s, map[string]string{s: s, "k": s}, compiled)
		checkJSON(t, "bytes "+s, []byte(s), compiled)
	}
	for _, f := range jsonFloats {
		checkJSON(t, "float64", f, compiled)
		path := compiled
		if math.IsInf(float64(float32(f)), 0) {
			path = gaveUp // too large for a float32: an error
		}
		checkJSON(t, "float64 field", jsKinds{F64: f, F32: float32(f)}, path)
		checkJSON(t, "float32", float32(f), path)
	}
	for _, f := range jsonFloat32s {
		checkJSON(t, "float32", []float32{f, -f}, compiled)
	}
}

// TestJSONEncoderCyclesAndDepth checks that cycles and deep values reach
// encoding/json, which reports or encodes them.
func TestJSONEncoderCyclesAndDepth(t *testing.T) {
	c := &jsCycle{}
	c.Next = c
	checkJSON(t, "pointer cycle", c, gaveUp)
	m := map[string]any{}
	m["self"] = m
	checkJSON(t, "map cycle", m, gaveUp)
	s := []any{nil}
	s[0] = s
	checkJSON(t, "slice cycle", s, gaveUp)

	deep := &jsNode{}
	for i := 0; i < maxJSONDepth+10; i++ {
		deep = &jsNode{V: i, Next: deep}
	}
	checkJSON(t, "deep pointers", deep, gaveUp)
	var nested any = 1
	for i := 0; i < maxJSONDepth/3; i++ {
		nested = []any{nested}
	}
	checkJSON(t, "nested under the limit", nested, compiled)
}

// TestJSONEncoderConcurrent builds and uses one new plan from several
// goroutines at once (run it with -race).
func TestJSONEncoderConcurrent(t *testing.T) {
	type fresh struct {
		A map[string][]int `json:"a"`
		B *fresh           `json:"b,omitempty"`
	}
	v := &fresh{A: map[string][]int{"x": {1}, "y": nil}, B: &fresh{}}
	want, _ := stdJSON(v)
	done := make(chan []byte)
	for i := 0; i < 8; i++ {
		go func() {
			var buf bytes.Buffer
			for j := 0; j < 50; j++ {
				buf.Reset()
				if err := (&Response{value: v}).encodeJSON(&buf); err != nil {
					t.Error(err)
				}
			}
			done <- buf.Bytes()
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; !bytes.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// fuzzInner and fuzzShape are the struct shapes FuzzJSONEncoder fills.
type (
	fuzzInner struct {
		S string  `json:"s,omitempty"`
		F float32 `json:"f"`
		P *int64  `json:"p,omitzero"`
		B []byte  `json:"b,omitempty"`
	}
	fuzzShape struct {
		S      string `json:"s"`
		I      int64  `json:"i,omitempty"`
		U      uint64
		I8     int8
		U16    uint16  `json:"u16,omitzero"`
		F      float64 `json:"f,omitzero"`
		F32    float32
		B      bool       `json:"b"`
		Raw    []byte     `json:"raw"`
		Inner  fuzzInner  `json:"inner"`
		PInner *fuzzInner `json:"pinner,omitempty"`
		List   []string
		Arr    [2]float64
		M      map[string]any `json:"m"`
		Any    any
	}
)

// fuzzValues builds values of compiled types from fuzz input.
func fuzzValues(s string, i int64, u uint64, f float64, f32 float32, flag bool, raw []byte) []any {
	keys := strings.SplitN(s, ",", 16)
	m := make(map[string]any)
	var list []any
	for k, key := range keys {
		var v any
		switch k % 8 {
		case 0:
			v = i + int64(k)
		case 1:
			v = u
		case 2:
			v = f
		case 3:
			v = f32
		case 4:
			v = key
		case 5:
			v = string(raw)
		case 6:
			v = flag
		default:
			v = []any{key, math.Float64frombits(u + uint64(k)), map[string]any{key: raw}}
		}
		m[key] = v
		list = append(list, v)
	}
	inner := fuzzInner{S: string(raw), F: f32, B: raw}
	if flag {
		inner.P = &i
	}
	shape := &fuzzShape{S: s, I: i, U: u, I8: int8(i), U16: uint16(u), F: f, F32: f32, B: flag, Raw: raw,
		Inner: inner, List: keys, Arr: [2]float64{f, float64(f32)}, M: m, Any: list}
	if !flag {
		shape.PInner = &inner
	}
	return []any{
		shape, *shape, m, list, s, string(raw), raw, f, f32, i, u, keys,
		math.Float64frombits(u), math.Float32frombits(uint32(u)), []float32{f32, float32(f)},
		map[string]float32{s: f32, string(raw): float32(f)},
	}
}

// FuzzJSONEncoder compares values built from arbitrary strings, integers
// and floats with encoding/json.
func FuzzJSONEncoder(f *testing.F) {
	f.Add("hello", int64(1), uint64(2), 3.5, float32(0.25), true, []byte("raw"))
	f.Add("a,b,c,d,e,f,g,h,i", int64(-1), uint64(math.MaxUint64), 1e21, float32(1e-7), false, []byte("\xff\x00<>&"))
	f.Add("<script>\u2028,\xed\xa0\x80", int64(math.MinInt64), uint64(0x7ff8000000000001), math.Copysign(0, -1),
		float32(3.4e38), true, []byte("\u2029\"\\\t"))
	f.Add("", int64(0), uint64(0x3eb0c6f7a0b5ed8d), 1e-7, float32(16777217), false, []byte(nil))
	f.Fuzz(func(t *testing.T, s string, i int64, u uint64, fl float64, f32 float32, flag bool, raw []byte) {
		for n, v := range fuzzValues(s, i, u, fl, f32, flag, raw) {
			path := compiled
			if _, err := stdJSON(v); err != nil {
				path = gaveUp // NaN or ±Inf; every type here compiles
			}
			checkJSON(t, "value "+strconv.Itoa(n), v, path)
		}
	})
}
