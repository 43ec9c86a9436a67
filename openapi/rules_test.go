package openapi

// Tests of rules as keywords: placement, exact numbers, typed enums, and
// the values of default and example tags.

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/swaggest/jsonschema-go"

	"github.com/ittygo/itty/bind"
)

func TestApplyRules(t *testing.T) {
	type fields struct {
		Big   int64     `minimum:"-9223372036854775808" maximum:"9223372036854775807"`
		Plus  float64   `minimum:"+1.5" exclusiveMaximum:"007" multipleOf:"0.5"`
		Enum  uint8     `enum:"1, 2,3"`
		List  []int     `minItems:"1" maxItems:"3" uniqueItems:"true" minimum:"0" enum:"0,1"`
		Text  *string   `minLength:"2" maxLength:"4" pattern:"^a" format:"email"`
		Items []string  `minItems:"2"`
		When  time.Time `format:"date-time"`
		Low   uint      `minimum:"-3"`
	}
	want := map[string]string{
		"Big":   `{"maximum":9223372036854775807,"minimum":-9223372036854775808,"type":"integer"}`,
		"Plus":  `{"exclusiveMaximum":7,"minimum":1.5,"multipleOf":0.5,"type":"number"}`,
		"Enum":  `{"enum":[1,2,3],"minimum":0,"type":"integer"}`,
		"List":  `{"items":{"enum":[0,1],"minimum":0,"type":"integer"},"maxItems":3,"minItems":1,"type":"array","uniqueItems":true}`,
		"Text":  `{"format":"email","maxLength":4,"minLength":2,"pattern":"^a","type":"string"}`,
		"Items": `{"items":{"type":"string"},"minItems":2,"type":"array"}`,
		"When":  `{"format":"date-time","type":"string"}`,
		"Low":   `{"minimum":0,"type":"integer"}`,
	}
	typ := reflect.TypeFor[fields]()
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		r, err := bind.CompileRules(f.Tag, f.Type)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		s := bare(f.Type)
		if err := applyRules(s, r, f.Type); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		keepUintMinimum(s, f.Type)
		if got := mustJSON(t, s); got != want[f.Name] {
			t.Errorf("%s: %s, want %s", f.Name, got, want[f.Name])
		}
	}
	if err := applyRules(&jsonschema.Schema{}, &bind.Rules{MinLength: new(int)}, reflect.TypeFor[[]string]()); err == nil {
		t.Error("element rules without an items schema: no error")
	}
}

// bare is the type-only schema of t, as the library gives it.
func bare(t reflect.Type) *jsonschema.Schema {
	t = deref(t)
	s := &jsonschema.Schema{}
	switch {
	case t == timeType:
		s.WithType(jsonschema.String.Type()).WithFormat("date-time")
	case t.Kind() == reflect.Slice:
		s.WithType(jsonschema.Array.Type()).WithItems(*(&jsonschema.Items{}).WithSchemaOrBool(bare(t.Elem()).ToSchemaOrBool()))
	case t.Kind() == reflect.String:
		s.WithType(jsonschema.String.Type())
	case t.Kind() == reflect.Float64:
		s.WithType(jsonschema.Number.Type())
	case t.Kind() == reflect.Uint8 || t.Kind() == reflect.Uint:
		s.WithType(jsonschema.Integer.Type()).WithMinimum(0)
	default:
		s.WithType(jsonschema.Integer.Type())
	}
	return s
}

func TestTagValue(t *testing.T) {
	cases := []struct {
		text  string
		typ   reflect.Type
		loose bool
		want  string // JSON, or "error"
	}{
		{"12", reflect.TypeFor[int8](), false, `12`},
		{"300", reflect.TypeFor[int8](), false, "error"},
		{"18446744073709551615", reflect.TypeFor[uint64](), false, `18446744073709551615`},
		{"1.25", reflect.TypeFor[float32](), false, `1.25`},
		{"NaN", reflect.TypeFor[float64](), false, "error"},
		{"true", reflect.TypeFor[*bool](), false, `true`},
		{"x", reflect.TypeFor[bool](), false, "error"},
		{"a", reflect.TypeFor[[]string](), false, `["a"]`},
		{"4", reflect.TypeFor[[]int](), false, `[4]`},
		{"2025-01-02T03:04:05Z", reflect.TypeFor[time.Time](), false, `"2025-01-02T03:04:05Z"`},
		{"yesterday", reflect.TypeFor[time.Time](), false, "error"},
		{`{"a":1}`, reflect.TypeFor[struct{ A int }](), true, `{"a":1}`},
		{"free text", reflect.TypeFor[struct{ A int }](), true, `"free text"`},
		{`["x","y"]`, reflect.TypeFor[[]string](), true, `["[\"x\",\"y\"]"]`},
		{`[{"a":1}]`, reflect.TypeFor[[]struct{ A int }](), true, `[{"a":1}]`},
		{`[1,2]`, reflect.TypeFor[[]int](), true, "error"},
		{"x", reflect.TypeFor[int](), true, "error"},
		{`{"A":["b"]}`, reflect.TypeFor[http.Header](), true, `{"A":["b"]}`},
		{"x", reflect.TypeFor[http.Header](), false, "error"},
	}
	for _, c := range cases {
		v, err := tagValue(c.text, c.typ, c.loose)
		got := "error"
		if err == nil {
			b, _ := json.Marshal(v)
			got = string(b)
		}
		if got != c.want {
			t.Errorf("tagValue(%q, %s, %v) = %s (%v), want %s", c.text, c.typ, c.loose, got, err, c.want)
		}
	}
}

func TestNumberText(t *testing.T) {
	cases := []struct {
		text  string
		value float64
		want  json.Number
	}{
		{"1", 1, "1"}, {"-0.5", -0.5, "-0.5"}, {"1e3", 1000, "1e3"}, {"+1", 1, "1"}, {"007", 7, "7"}, {"0x10", 16, "16"},
	}
	for _, c := range cases {
		if got := numberText(c.text, c.value); got != c.want {
			t.Errorf("numberText(%q) = %s, want %s", c.text, got, c.want)
		}
	}
}
