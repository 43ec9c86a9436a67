package oatest

// Tests of the checks: a valid document passes, and each kind of fault is
// reported by the validator that should see it.

import (
	"reflect"
	"strings"
	"testing"
)

const minimal = `{
  "openapi": "3.1.0",
  "info": {"title": "T", "version": "1"},
  "paths": {"/a": {"get": {"parameters": [{"name": "n", "in": "query", "schema": {"type": "integer"}}],
    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}}}},
  "components": {"schemas": {"A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/A"}}}}}
}`

func TestValidate(t *testing.T) {
	if got := Validate([]byte(minimal)); len(got) != 0 {
		t.Errorf("a valid document: %q", got)
	}
	cases := []struct {
		name, old, new, want string
	}{
		{"OpenAPI schema", `"description": "ok"`, `"descriptio": "ok"`, "document: Document does not pass validation"},
		{"JSON Schema", `{"type": "integer"}`, `{"type": "int"}`, "schema /paths/~1a/get/parameters/0/schema:"},
		{"JSON", `"paths"`, `paths`, "parse:"},
	}
	for _, c := range cases {
		got := Validate([]byte(strings.Replace(minimal, c.old, c.new, 1)))
		if len(got) == 0 || !strings.HasPrefix(got[0], c.want) {
			t.Errorf("%s: %q, want a problem starting %q", c.name, got, c.want)
		}
	}
}

func TestSchemaPointers(t *testing.T) {
	tree := map[string]any{
		"paths": map[string]any{"/a/{b}": map[string]any{"get": map[string]any{
			"parameters": []any{map[string]any{"schema": map[string]any{}}},
			"responses":  map[string]any{"200": map[string]any{"content": map[string]any{"application/json": map[string]any{"schema": map[string]any{}}}}},
		}}},
		"components": map[string]any{"schemas": map[string]any{"A": map[string]any{"properties": map[string]any{"schema": map[string]any{}}}}},
	}
	want := []string{
		"/components/schemas/A",
		"/paths/~1a~1{b}/get/parameters/0/schema",
		"/paths/~1a~1{b}/get/responses/200/content/application~1json/schema",
	}
	if got := SchemaPointers(tree); !reflect.DeepEqual(got, want) {
		t.Errorf("SchemaPointers = %q, want %q", got, want)
	}
	s, err := Schema([]byte(minimal), "/components/schemas/A")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(map[string]any{"b": map[string]any{}}); err != nil {
		t.Error(err)
	}
	if err := s.Validate(map[string]any{"b": 1}); err == nil {
		t.Error("a number where an object is due: valid")
	}
	if _, err := NewValidator([]byte(minimal)); err != nil {
		t.Error(err)
	}
}
