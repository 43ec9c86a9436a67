package openapi

// Tests of the YAML form: the same values as the JSON, numbers as
// numbers, keys sorted.

import (
	"reflect"
	"testing"

	"gopkg.in/yaml.v2"
)

func TestToYAML(t *testing.T) {
	doc := []byte(`{"z":1,"a":{"big":9223372036854775807,"huge":18446744073709551615,"f":1.5,"s":"1.0","on":"on","n":null,"l":[true,"x"]}}`)
	out, err := toYAML(doc)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := yaml.Unmarshal(out, &back); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	a := back["a"].(map[any]any)
	got := []any{a["big"], a["huge"], a["f"], a["s"], a["on"], a["n"], a["l"], back["z"]}
	wantVals := []any{9223372036854775807, uint64(18446744073709551615), 1.5, "1.0", "on", nil, []any{true, "x"}, 1}
	if !reflect.DeepEqual(got, wantVals) {
		t.Errorf("values read back = %#v, want %#v\n%s", got, wantVals, out)
	}
	if string(out[:3]) != "a:\n" {
		t.Errorf("keys are not sorted:\n%s", out)
	}
	if _, err := toYAML([]byte("{")); err == nil {
		t.Error("broken JSON: no error")
	}
}
