package bind_test

// Tests of CompileRules: tools read the same Rules a plan compiles.

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/ittygo/itty/bind"
)

func TestCompileRules(t *testing.T) {
	type item struct {
		Count int      `json:"count" minimum:"1" enum:"1,2,3"`
		Tags  []string `json:"tags" minItems:"1" maxLength:"8"`
		Name  string   `json:"name"`
		Bad   string   `json:"bad" minimum:"1"`
	}
	typ := reflect.TypeFor[item]()
	field := func(name string) reflect.StructField {
		t.Helper()
		f, ok := typ.FieldByName(name)
		if !ok {
			t.Fatalf("no field %s", name)
		}
		return f
	}

	count := field("Count")
	r, err := bind.CompileRules(count.Tag, count.Type)
	if err != nil {
		t.Fatal(err)
	}
	if r.Minimum == nil || r.Minimum.Text != "1" || !reflect.DeepEqual(r.Enum, []any{1, 2, 3}) {
		t.Errorf("Count: minimum %v enum %#v, want 1 and [1 2 3] as ints", r.Minimum, r.Enum)
	}

	tags := field("Tags")
	r, err = bind.CompileRules(tags.Tag, tags.Type)
	if err != nil {
		t.Fatal(err)
	}
	if r.MinItems == nil || *r.MinItems != 1 || r.MaxLength == nil || *r.MaxLength != 8 {
		t.Errorf("Tags: minItems %v maxLength %v, want 1 and 8", r.MinItems, r.MaxLength)
	}

	name := field("Name")
	if r, err := bind.CompileRules(name.Tag, name.Type); r != nil || err != nil {
		t.Errorf("Name: %v, %v; want nil, nil for a field without rules", r, err)
	}

	bad := field("Bad")
	_, err = bind.CompileRules(bad.Tag, bad.Type)
	if err == nil || err.Error() != "minimum applies to numbers, not to string" {
		t.Errorf("Bad: error %v, want %q", err, "minimum applies to numbers, not to string")
	}
}

func ExampleCompileRules() {
	type item struct {
		Size int `json:"size" minimum:"1" enum:"1,2,4"`
	}
	f, _ := reflect.TypeFor[item]().FieldByName("Size")
	r, err := bind.CompileRules(f.Tag, f.Type)
	fmt.Println(r.Minimum, r.Enum, err)
	// Output:
	// 1 [1 2 4] <nil>
}
