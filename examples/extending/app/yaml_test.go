package app

import (
	"math"
	"net/http/httptest"
	"testing"
)

func TestYAMLEncoding(t *testing.T) {
	var nilMap map[string]int
	var nilPtr *int
	seven := 7
	cases := []struct {
		name  string
		value any
		want  string
	}{
		{"nil", nil, "null\n"},
		{"nil pointer", nilPtr, "null\n"},
		{"pointer", &seven, "7\n"},
		{"plain string", "Hello world", "Hello world\n"},
		{"quoted punctuation", "!", "\"!\"\n"},
		{"quoted keyword", "yes", "\"yes\"\n"},
		{"quoted number-like", "123", "\"123\"\n"},
		{"quoted with colon", "a: b", "\"a: b\"\n"},
		{"quoted newline", "a\nb", "\"a\\nb\"\n"},
		{"quoted trailing space", "a ", "\"a \"\n"},
		{"empty string", "", "\"\"\n"},
		{"unicode", "Zoë", "\"Zoë\"\n"},
		{"bools and numbers", []any{true, -3, uint8(4), 1.5, float32(0.25)}, "- true\n- -3\n- 4\n- 1.5\n- 0.25\n"},
		{"special floats", []float64{math.NaN(), math.Inf(1), math.Inf(-1)}, "- .nan\n- .inf\n- -.inf\n"},
		{"empty collections", map[string]any{"list": []int{}, "map": nilMap}, "list: []\nmap: {}\n"},
		{"nested", map[string]any{
			"b": map[string]any{"x": 1, "y": []string{"p", "q"}},
			"a": []any{map[string]int{"k": 1, "j": 2}, []int{3, 4}},
		}, "a:\n  -\n    j: 2\n    k: 1\n  -\n    - 3\n    - 4\nb:\n  x: 1\n  \"y\":\n    - p\n    - q\n"},
		{"quoted key", map[string]int{"a b:": 1}, "\"a b:\": 1\n"},
	}
	for _, c := range cases {
		w := httptest.NewRecorder()
		if err := (YAML{Value: c.value}).WriteResponse(w, httptest.NewRequest("GET", "/", nil)); err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if w.Body.String() != c.want {
			t.Errorf("%s:\n%q\nwant\n%q", c.name, w.Body.String(), c.want)
		}
	}
}

func TestYAMLRefusesBeforeWriting(t *testing.T) {
	cases := []struct {
		value any
		err   string
	}{
		{struct{ A int }{1}, "extending: yaml: cannot encode a value of type struct { A int }"},
		{map[int]string{1: "a"}, "extending: yaml: map keys must be strings, not int"},
		{[]any{1, make(chan int)}, "extending: yaml: cannot encode a value of type chan int"},
	}
	for _, c := range cases {
		w := httptest.NewRecorder()
		err := (YAML{Value: c.value, Status: 201}).WriteResponse(w, httptest.NewRequest("GET", "/", nil))
		if err == nil || err.Error() != c.err {
			t.Errorf("%T: %v, want %q", c.value, err, c.err)
		}
		if len(w.Header()) != 0 || w.Body.Len() != 0 || w.Code != 200 { // 200 is the recorder's default: nothing written
			t.Errorf("%T: something was written: %d %v %q", c.value, w.Code, w.Header(), w.Body.String())
		}
	}
}

func TestYAMLStatus(t *testing.T) {
	w := httptest.NewRecorder()
	if err := (YAML{Value: "x", Status: 201}).WriteResponse(w, httptest.NewRequest("GET", "/", nil)); err != nil || w.Code != 201 {
		t.Errorf("status: %d, %v", w.Code, err)
	}
}
