package bind

// Tests of the JSON lexer against encoding/json, and on broken input.

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestUnquoteMatchesEncodingJSON(t *testing.T) {
	for _, lit := range []string{
		`""`, `"plain"`, `"a\"b\\c\/d\b\f\n\r\t"`, `"\u00e9\u20AC\u0000"`, `"\ud83d\ude00"`, `"\ud800"`, `"\ud800x"`,
		`"\udc00\ud800"`, `"\ud800\u0041"`, `"\ud83d\ud83d\ude00"`, `"\ud800\\n"`, "\"\xff\xfe\"", "\"caf\xc3\xa9\"",
		"\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xe2\x82\"", `"\u12"` + `34"`,
	} {
		if !json.Valid([]byte(lit)) {
			continue
		}
		var want string
		if err := json.Unmarshal([]byte(lit), &want); err != nil {
			t.Fatalf("%s: %v", lit, err)
		}
		st := &decodeState{data: []byte(lit)}
		raw, esc := st.scanString()
		if got := unquote(raw, esc); got != want || st.pos != len(lit) {
			t.Errorf("%s: unquote = %q (pos %d), want %q", lit, got, st.pos, want)
		}
	}
}

func TestSkipStopsAfterTheValue(t *testing.T) {
	for _, v := range []string{
		`1`, `-1.5e+3`, `true`, `false`, `null`, `""`, `"a\"]}"`, `{}`, `[]`,
		`{"a":[1,{"b":"}"}],"c":null}`, `[[],[[]],{"x":[{}]}]`, `{ "a" : [ 1 , 2 ] }`,
	} {
		st := &decodeState{data: []byte(v + `,"next"`)}
		st.skip()
		if st.pos != len(v) {
			t.Errorf("%s: skip stopped at %d, want %d", v, st.pos, len(v))
		}
	}
}

// TestLexerOnBrokenInput feeds the lexer what json.Valid would refuse: it
// must stop, in bounds, without panicking.
func TestLexerOnBrokenInput(t *testing.T) {
	for _, v := range []string{``, `"`, `"\`, `{`, `[`, `{"a"`, `{"a":`, `}`, `]`, `,`, `:`, `[1,`, `{"a":1,`, `"\u12`, `tru`, `-`} {
		st := &decodeState{data: []byte(v)}
		st.skip()
		st2 := &decodeState{data: []byte(v)}
		if strings.HasPrefix(v, `"`) {
			raw, esc := st2.scanString()
			_ = unquote(raw, esc)
		} else {
			st2.scanAtom()
		}
		if st.pos > len(v) || st2.pos > len(v) {
			t.Errorf("%q: read past the end (%d, %d)", v, st.pos, st2.pos)
		}
		o := &jsonObject{}
		present, failed := newSeenSet(0), newSeenSet(0)
		st3 := &decodeState{data: []byte(v)}
		if len(v) > 0 && v[0] == '{' {
			o.decodeMembers(st3, nil, &present, &failed)
		}
	}
}
