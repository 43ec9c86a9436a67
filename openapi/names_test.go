package openapi

// Tests of component names: generic arguments spelled out, collisions
// qualified, and views that agree sharing one component.

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

type Cookie struct {
	Flavor string `json:"flavor"`
}

type Box[T any] struct {
	Value T `json:"value"`
}

type Pair[K comparable, V any] struct {
	Key   K `json:"key"`
	Value V `json:"value"`
}

func TestTypeName(t *testing.T) {
	cases := []struct {
		typ  reflect.Type
		want string
	}{
		{reflect.TypeFor[Cookie](), "Cookie"},
		{reflect.TypeFor[Box[Cookie]](), "BoxCookie"},
		{reflect.TypeFor[Box[[]Cookie]](), "BoxCookieList"},
		{reflect.TypeFor[Box[*Cookie]](), "BoxCookie"},
		{reflect.TypeFor[Box[map[string]Cookie]](), "BoxStringCookieMap"},
		{reflect.TypeFor[Box[[3]int]](), "BoxIntArray"},
		{reflect.TypeFor[Box[Box[http.Cookie]]](), "BoxBoxCookie"},
		{reflect.TypeFor[Pair[string, int]](), "PairStringInt"},
		{reflect.TypeFor[Pair[string, map[int][]Cookie]](), "PairStringIntCookieListMap"},
		{reflect.TypeFor[Box[any]](), "BoxAny"},
		{reflect.TypeFor[Box[struct{ A int }]](), "BoxStruct"},
	}
	for _, c := range cases {
		if got := TypeName(c.typ); got != c.want {
			t.Errorf("TypeName(%s) = %q, want %q", c.typ, got, c.want)
		}
	}
}

func ExampleTypeName() {
	fmt.Println(TypeName(reflect.TypeFor[Box[[]Cookie]]()))
	fmt.Println(TypeName(reflect.TypeFor[Pair[string, int]]()))
	// Output:
	// BoxCookieList
	// PairStringInt
}

type holder struct {
	Mine   Cookie      `json:"mine"`
	Theirs http.Cookie `json:"theirs"`
	Boxed  Box[Cookie] `json:"boxed"`
}

func TestComponentsQualifyCollisionsAndShareEqualViews(t *testing.T) {
	s := newSchemas()
	for _, k := range []viewKind{viewResponse, viewRequest} {
		if _, err := s.views[k].reflect(reflect.TypeFor[holder]()); err != nil {
			t.Fatal(err)
		}
	}
	defs, names, err := s.components(map[string]bool{"Problem": true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for n := range defs {
		got = append(got, n)
	}
	want := []string{"BoxCookie", "BoxCookieInput", "Holder", "HolderInput", "HttpCookie", "HttpCookieInput", "OpenapiCookie", "OpenapiCookieInput"}
	if fmt.Sprint(sorted(got)) != fmt.Sprint(want) {
		t.Errorf("names = %q, want %q", sorted(got), want)
	}
	if len(names) != 8 {
		t.Errorf("%d placeholders named, want 8: %v", len(names), names)
	}
	if ref := mustJSON(t, defs["HolderInput"]); !strings.Contains(ref, `"#/components/schemas/OpenapiCookieInput"`) || strings.Contains(ref, `schemas/x`) {
		t.Errorf("HolderInput refers to %s", ref)
	}
}

type both struct {
	A int `json:"a" form:"a" required:"true"`
}

type outer struct {
	B both `json:"b" form:"b" required:"true"`
	N *int `json:"n" form:"n"`
}

func TestComponentsShareViewsThatAgree(t *testing.T) {
	s := newSchemas()
	for _, k := range []viewKind{viewResponse, viewRequest, viewForm} {
		if _, err := s.views[k].reflect(reflect.TypeFor[outer]()); err != nil {
			t.Fatal(err)
		}
	}
	defs, names, err := s.components(nil)
	if err != nil {
		t.Fatal(err)
	}
	// both looks the same in every view; outer's n is nullable in the
	// response and request views (differently required), and a plain
	// integer in forms.
	if got := fmt.Sprint(sorted(keys(defs))); got != "[Both Outer OuterForm OuterInput]" {
		t.Errorf("components = %s", got)
	}
	for _, k := range []string{"x1v0", "x1v1", "x1v3"} {
		if names[k] != "Both" {
			t.Errorf("%s is named %q, want Both", k, names[k])
		}
	}
	want := `{"properties":{"b":{"$ref":"#/components/schemas/Both"},"n":{"type":"integer"}},"required":["b"],"type":"object"}`
	if got := mustJSON(t, defs["OuterForm"]); got != want {
		t.Errorf("OuterForm = %s, want %s", got, want)
	}
}

func TestUnique(t *testing.T) {
	taken := map[string]bool{"A": true, "A2": true}
	if got := unique("A", taken); got != "A3" || !taken["A3"] {
		t.Errorf("unique = %q", got)
	}
	if got := unique("B", taken); got != "B" {
		t.Errorf("unique = %q", got)
	}
}

func sorted(list []string) []string {
	out := append([]string(nil), list...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
