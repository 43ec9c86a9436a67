package openapi

// Tests of parameters: segment schemas accept exactly what the matchers
// accept, values and their notes follow the binder.

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/params"
)

func TestSegmentPatternsMatchTheMatchers(t *testing.T) {
	slugRe, uuidRe, strRe := regexp.MustCompile(SlugPattern), regexp.MustCompile(UUIDPattern), regexp.MustCompile(StrPattern)
	inputs := []string{
		"", "a", "a1", "hello-world", "hello_world", "a--b", "a__b", "-a", "a-", "_a", "a_", "Hello", "a b", "é",
		"123", "a/b", "%2F", "550e8400-e29b-41d4-a716-446655440000", "550E8400-E29B-41D4-A716-446655440000",
		"550e8400e29b41d4a716446655440000", "550e8400-e29b-41d4-a716-44665544000g", "{550e8400-e29b-41d4-a716-446655440000}",
	}
	for _, s := range inputs {
		_, isUUID := params.ParseUUID(s)
		if got := slugRe.MatchString(s); got != params.IsSlug(s) {
			t.Errorf("slug %q: pattern %v, matcher %v", s, got, params.IsSlug(s))
		}
		if got := uuidRe.MatchString(s); got != isUUID {
			t.Errorf("uuid %q: pattern %v, matcher %v", s, got, isUUID)
		}
		if got := strRe.MatchString(s); got != params.IsStr(s) {
			t.Errorf("str %q: pattern %v, matcher %v", s, got, params.IsStr(s))
		}
	}
}

func TestSegmentSchema(t *testing.T) {
	cases := []struct {
		kind string
		typ  reflect.Type
		want string
	}{
		{"int", reflect.TypeFor[int](), `{"maximum":9223372036854775807,"minimum":0,"type":"integer"}`},
		{"int", reflect.TypeFor[int8](), `{"maximum":127,"minimum":0,"type":"integer"}`},
		{"int", reflect.TypeFor[uint64](), `{"maximum":18446744073709551615,"minimum":0,"type":"integer"}`},
		{"float", reflect.TypeFor[float32](), `{"format":"float","maximum":3.4028234663852886e+38,"minimum":0,"type":"number"}`},
		{"float", reflect.TypeFor[float64](), `{"format":"double","maximum":1.7976931348623157e+308,"minimum":0,"type":"number"}`},
		{"uuid", reflect.TypeFor[uuid.UUID](), `{"format":"uuid","pattern":"` + strings.ReplaceAll(UUIDPattern, `\`, `\\`) + `","type":"string"}`},
		{"slug", reflect.TypeFor[string](), `{"pattern":"^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$","type":"string"}`},
		{"str", reflect.TypeFor[string](), `{"minLength":1,"pattern":"^[^/]+$","type":"string"}`},
		{"path", reflect.TypeFor[string](), `{"minLength":1,"type":"string"}`},
	}
	for _, c := range cases {
		if got := mustJSON(t, segmentSchema(c.kind, c.typ)); got != c.want {
			t.Errorf("%s %s: %s, want %s", c.kind, c.typ, got, c.want)
		}
	}
}

type textID string

func (t *textID) UnmarshalText(b []byte) error { *t = textID(b); return nil }

func TestValueSchema(t *testing.T) {
	cases := []struct {
		typ  reflect.Type
		want string
	}{
		{reflect.TypeFor[string](), `{"type":"string"}`},
		{reflect.TypeFor[*bool](), `{"type":"boolean"}`},
		{reflect.TypeFor[int](), `{"format":"int64","type":"integer"}`},
		{reflect.TypeFor[int32](), `{"format":"int32","type":"integer"}`},
		{reflect.TypeFor[int16](), `{"maximum":32767,"minimum":-32768,"type":"integer"}`},
		{reflect.TypeFor[uint8](), `{"maximum":255,"minimum":0,"type":"integer"}`},
		{reflect.TypeFor[float32](), `{"format":"float","type":"number"}`},
		{reflect.TypeFor[time.Time](), `{"format":"date-time","type":"string"}`},
		{reflect.TypeFor[uuid.UUID](), `{"format":"uuid","type":"string"}`},
		{reflect.TypeFor[textID](), `{"type":"string"}`},
		{reflect.TypeFor[[]int64](), `{"items":{"format":"int64","type":"integer"},"type":"array"}`},
	}
	for _, c := range cases {
		if got := mustJSON(t, valueSchema(c.typ)); got != c.want {
			t.Errorf("%s: %s, want %s", c.typ, got, c.want)
		}
	}
}

func TestParameters(t *testing.T) {
	type P struct {
		ID    int8     `path:"id" doc:"The id."`
		Rest  string   `path:"rest"`
		Page  int      `query:"page" default:"2" minimum:"1" example:"3"`
		Name  string   `query:"name" required:"true"`
		IDs   []int    `query:"ids" description:"Some ids."`
		Trace []string `header:"X-Trace"`
		Sess  *int     `cookie:"s"`
		Pref  []string `cookie:"pref"`
		Body  string   `json:"body"`
	}
	plan, err := bind.Compile[P]([]bind.PathParam{{Name: "id", Kind: params.Int}, {Name: "rest", Kind: params.Path}})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := parameters(plan.Fields())
	if err != nil {
		t.Fatal(err)
	}
	want := `[` +
		`{"description":"The id.","in":"path","name":"id","required":true,"schema":{"maximum":127,"minimum":0,"type":"integer"}},` +
		`{"description":"The rest of the path: it may hold '/'.","in":"path","name":"rest","required":true,"schema":{"minLength":1,"type":"string"}},` +
		`{"description":"An empty value counts as absent.","example":3,"in":"query","name":"page","schema":{"default":2,"format":"int64","minimum":1,"type":"integer"}},` +
		`{"in":"query","name":"name","required":true,"schema":{"type":"string"}},` +
		`{"description":"Some ids. Repeat the key for more values: a comma does not separate them. An empty value counts as absent.","explode":true,"in":"query","name":"ids","schema":{"items":{"format":"int64","type":"integer"},"type":"array"},"style":"form"},` +
		`{"description":"Repeat the header for more values: a comma does not separate them.","in":"header","name":"X-Trace","schema":{"items":{"type":"string"},"type":"array"}},` +
		`{"description":"An empty value counts as absent.","in":"cookie","name":"s","schema":{"format":"int64","type":"integer"}},` +
		`{"description":"Repeat the cookie for more values.","in":"cookie","name":"pref","schema":{"items":{"type":"string"},"type":"array"}}]`
	if got := mustJSON(t, ps); got != want {
		t.Errorf("parameters:\n got %s\nwant %s", got, want)
	}
}

func TestParameterErrors(t *testing.T) {
	type P struct {
		When time.Time `query:"when" example:"yesterday"`
	}
	plan, err := bind.Compile[P](nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = parameters(plan.Fields())
	var fe *FieldError
	if err == nil || err.Error() != `itty: openapi: field When (query "when"): not an RFC 3339 date-time` {
		t.Errorf("error %v", err)
	} else if !asFieldError(err, &fe) || fe.Field != "When" {
		t.Errorf("%T is not a *FieldError for When", err)
	}
}

func asFieldError(err error, fe **FieldError) bool {
	e, ok := err.(*FieldError)
	*fe = e
	return ok
}
