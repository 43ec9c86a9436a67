package openapi

// Tests of the views: what a type looks like to encoding/json and to the
// binder, member by member.

import (
	"encoding/json"
	"net"
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/swaggest/jsonschema-go"
)

// mustJSON renders v as compact JSON with sorted keys.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	tv, err := toJSONValue(v)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(tv)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type viewed struct {
	Name    string            `json:"name" required:"true" minLength:"1" doc:"The name."`
	Count   int               `json:"count" default:"3" example:"5" maximum:"9"`
	Ptr     *int              `json:"ptr"`
	Opt     string            `json:"opt,omitempty" enum:"a,b"`
	Tags    []string          `json:"tags" pattern:"^[a-z]+$"`
	When    time.Time         `json:"when"`
	IP      net.IP            `json:"ip"`
	Raw     json.RawMessage   `json:"raw"`
	Bytes   []byte            `json:"bytes"`
	Quoted  int               `json:"quoted,string"`
	Map     map[string]uint16 `json:"map"`
	Const   string            `json:"const" const:"x"`
	Untaged string
}

func TestViews(t *testing.T) {
	want := map[viewKind]string{
		viewResponse: `{"properties":{"Untaged":{"type":"string"},"bytes":{"contentEncoding":"base64","type":["string","null"]},"const":{"const":"x","type":"string"},"count":{"examples":[5],"maximum":9,"type":"integer"},"ip":{"type":"string"},"map":{"additionalProperties":{"minimum":0,"type":"integer"},"type":["object","null"]},"name":{"description":"The name.","minLength":1,"type":"string"},"opt":{"enum":["a","b"],"type":"string"},"ptr":{"type":["null","integer"]},"quoted":{"description":"A number or boolean written as a JSON string.","type":"string"},"raw":{"description":"Any JSON value, written by the type's own MarshalJSON."},"tags":{"items":{"pattern":"^[a-z]+$","type":"string"},"type":["array","null"]},"when":{"format":"date-time","type":"string"}},"required":["name","count","ptr","tags","when","ip","raw","bytes","quoted","map","const","Untaged"],"type":"object"}`,
		viewRequest:  `{"properties":{"bytes":{"contentEncoding":"base64","type":["string","null"]},"const":{"type":["string","null"]},"count":{"default":3,"examples":[5],"maximum":9,"type":["integer","null"]},"ip":{"type":["string","null"]},"map":{"additionalProperties":{"minimum":0,"type":"integer"},"type":["object","null"]},"name":{"description":"The name.","minLength":1,"type":"string"},"opt":{"enum":["a","b",null],"type":["string","null"]},"ptr":{"type":["integer","null"]},"quoted":{"description":"A number or boolean written as a JSON string.","type":["string","null"]},"raw":{"description":"Any JSON value, read by the type's own UnmarshalJSON."},"tags":{"items":{"pattern":"^[a-z]+$","type":"string"},"type":["array","null"]},"when":{"format":"date-time","type":["string","null"]}},"required":["name"],"type":"object"}`,
	}
	for k, w := range want {
		s := newSchemas()
		v := s.views[k]
		ref, err := v.reflect(reflect.TypeFor[viewed]())
		if err != nil {
			t.Fatal(err)
		}
		if got := mustJSON(t, ref); got != `{"$ref":"#/components/schemas/x0v`+string(rune('0'+k))+`"}` {
			t.Errorf("view %d: reference %s", k, got)
		}
		def := v.defs[placeholder(0, k)]
		if got := mustJSON(t, def); got != w {
			t.Errorf("view %d:\n got %s\nwant %s", k, got, w)
		}
	}
}

type strictChild struct {
	A int `json:"a"`
}

type strictParent struct {
	Child strictChild `json:"child" required:"true"`
}

func TestStrictViewRefusesUnknownMembers(t *testing.T) {
	s := newSchemas()
	if _, err := s.views[viewStrict].reflect(reflect.TypeFor[strictParent]()); err != nil {
		t.Fatal(err)
	}
	got := mustJSON(t, s.views[viewStrict].defs)
	want := `{"x0v2":{"additionalProperties":false,"properties":{"child":{"$ref":"#/components/schemas/x1v2"}},"required":["child"],"type":"object"},"x1v2":{"additionalProperties":false,"properties":{"a":{"type":["integer","null"]}},"type":"object"}}`
	if got != want {
		t.Errorf("strict view:\n got %s\nwant %s", got, want)
	}
}

func TestReflectReportsBadRules(t *testing.T) {
	type bad struct {
		N string `json:"n" minimum:"1"`
	}
	_, err := newSchemas().views[viewRequest].reflect(reflect.TypeFor[bad]())
	if err == nil || err.Error() != "itty: openapi: type openapi.bad: field N: minimum applies to numbers, not to string" {
		t.Errorf("error %v", err)
	}
}

func TestNullability(t *testing.T) {
	ref := func() *jsonschema.Schema {
		s := (&jsonschema.Schema{}).WithRef("#/components/schemas/A").WithDescription("d")
		return s
	}
	cases := []struct {
		name string
		s    *jsonschema.Schema
		null bool
		want string
	}{
		{"add to a type", (&jsonschema.Schema{}).WithType(jsonschema.String.Type()), true, `{"type":["string","null"]}`},
		{"add to an enum", (&jsonschema.Schema{Enum: []any{"a"}}).WithType(jsonschema.String.Type()), true, `{"enum":["a",null],"type":["string","null"]}`},
		{"add to a reference", ref(), true, `{"anyOf":[{"$ref":"#/components/schemas/A"},{"type":"null"}],"description":"d"}`},
		{"add to any", &jsonschema.Schema{}, true, `{}`},
		{"remove from a type", (&jsonschema.Schema{Enum: []any{"a", nil}}).WithType(jsonschema.Type{SliceOfSimpleTypeValues: []jsonschema.SimpleType{jsonschema.Null, jsonschema.Integer}}), false, `{"enum":["a"],"type":"integer"}`},
		{"remove an envelope", &jsonschema.Schema{Description: ptr("d"), AnyOf: []jsonschema.SchemaOrBool{jsonschema.Null.ToSchemaOrBool(), ref().ToSchemaOrBool()}}, false, `{"$ref":"#/components/schemas/A","description":"d"}`},
	}
	for _, c := range cases {
		if c.null {
			addNull(c.s)
		} else {
			removeNull(c.s)
		}
		if got := mustJSON(t, c.s); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

func TestTagKeys(t *testing.T) {
	tag := reflect.StructTag(`json:"a,omitempty" format:"x" doc:"say \"hi\"" minimum:"1"`)
	if got := tagKeys(tag); !reflect.DeepEqual(got, []string{"json", "format", "doc", "minimum"}) {
		t.Errorf("tagKeys = %q", got)
	}
	if got := withoutKey(tag, "format"); got != `json:"a,omitempty" doc:"say \"hi\"" minimum:"1"` {
		t.Errorf("withoutKey = %s", got)
	}
	if got := tagKeys(`json:"unterminated`); !reflect.DeepEqual(got, []string{"json"}) {
		t.Errorf("tagKeys of a broken tag = %q", got)
	}
	for _, c := range []struct {
		tag, opt string
		want     bool
	}{{"a,omitempty", "omitempty", true}, {"a,string", "omitempty", false}, {",omitempty,string", "string", true}, {"omitempty", "omitempty", false}} {
		if got := hasJSONOption(c.tag, c.opt); got != c.want {
			t.Errorf("hasJSONOption(%q, %q) = %v", c.tag, c.opt, got)
		}
	}
}

type nilBytes struct {
	Bytes    []byte `json:"bytes"`
	Omitted  []byte `json:"omitted,omitempty"`
	Zero     []byte `json:"zero,omitzero"`
	Ptr      *[]byte
	IP       net.IP          `json:"ip"`
	Raw      json.RawMessage `json:"raw"`
	Elements [][]byte        `json:"elements,omitempty"`
}

func TestResponseViewNilBytes(t *testing.T) {
	// encoding/json writes a nil []byte as null unless it omits it.
	s := newSchemas()
	if _, err := s.views[viewResponse].reflect(reflect.TypeFor[nilBytes]()); err != nil {
		t.Fatal(err)
	}
	got := mustJSON(t, s.views[viewResponse].defs[placeholder(0, viewResponse)])
	want := `{"properties":{"Ptr":{"contentEncoding":"base64","type":["string","null"]},"bytes":{"contentEncoding":"base64","type":["string","null"]},"elements":{"items":{"contentEncoding":"base64","type":"string"},"type":"array"},"ip":{"type":"string"},"omitted":{"contentEncoding":"base64","type":"string"},"raw":{"description":"Any JSON value, written by the type's own MarshalJSON."},"zero":{"contentEncoding":"base64","type":"string"}},"required":["bytes","Ptr","ip","raw"],"type":"object"}`
	if got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

type numbers struct {
	N   json.Number   `json:"n"`
	P   *json.Number  `json:"p"`
	All []json.Number `json:"all,omitempty"`
}

func TestJSONNumber(t *testing.T) {
	// encoding/json writes a json.Number as a number, and reads a number or
	// a string holding one.
	want := map[viewKind]string{
		viewResponse: `{"properties":{"all":{"items":{"type":"number"},"type":"array"},"n":{"type":"number"},"p":{"type":["number","null"]}},"required":["n","p"],"type":"object"}`,
		viewRequest:  `{"properties":{"all":{"items":{"$ref":"#/components/schemas/x1v1"},"type":["array","null"]},"n":{"anyOf":[{"$ref":"#/components/schemas/x1v1"},{"type":"null"}]},"p":{"anyOf":[{"$ref":"#/components/schemas/x1v1"},{"type":"null"}]}},"type":"object"}`,
	}
	for k, w := range want {
		s := newSchemas()
		if _, err := s.views[k].reflect(reflect.TypeFor[numbers]()); err != nil {
			t.Fatal(err)
		}
		if got := mustJSON(t, s.views[k].defs[placeholder(0, k)]); got != w {
			t.Errorf("view %d:\n got %s\nwant %s", k, got, w)
		}
		if k == viewRequest {
			got := mustJSON(t, s.views[k].defs[placeholder(1, k)])
			if w := `{"pattern":"^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$","type":["number","string"]}`; got != w {
				t.Errorf("json.Number in requests:\n got %s\nwant %s", got, w)
			}
		}
	}
	re := regexp.MustCompile(numberPattern)
	for _, n := range []string{"0", "-1", "1.5", "1e3", "-0.25E-7"} {
		if !re.MatchString(n) {
			t.Errorf("pattern refuses %q", n)
		}
	}
	for _, n := range []string{"", "01", "+1", ".5", "1.", "1e", "0x10", "NaN"} {
		if re.MatchString(n) {
			t.Errorf("pattern accepts %q", n)
		}
	}
}

type promoted struct {
	A int    `json:"a"`
	B string `json:"b,omitempty"`
}

type embedsNilable struct {
	*promoted
	Own   int `json:"own"`
	Inner struct {
		*promoted
	} `json:"inner"`
}

func TestResponseViewEmbeddedPointer(t *testing.T) {
	// encoding/json writes the members of an embedded pointer only when it
	// is not nil, so they are not required.
	s := newSchemas()
	if _, err := s.views[viewResponse].reflect(reflect.TypeFor[embedsNilable]()); err != nil {
		t.Fatal(err)
	}
	got := mustJSON(t, s.views[viewResponse].defs[placeholder(0, viewResponse)])
	want := `{"properties":{"a":{"type":"integer"},"b":{"type":"string"},"inner":{"properties":{"a":{"type":"integer"},"b":{"type":"string"}},"type":"object"},"own":{"type":"integer"}},"required":["own","inner"],"type":"object"}`
	if got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}
