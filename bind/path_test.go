package bind_test

import (
	"net/http/httptest"
	"testing"

	"github.com/google/uuid"
	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/params"
)

func TestPathMatchersFollowFieldTypes(t *testing.T) {
	type P struct {
		A int8      `path:"a"`
		B uint16    `path:"b"`
		C float32   `path:"c"`
		D uuid.UUID `path:"d"`
		E string    `path:"e"`
		F string    `path:"f"`
		G string    `path:"g"`
		H string    `path:"h"`
	}
	plan := mustPlan[P](t,
		bind.PathParam{Name: "a", Kind: params.Int}, bind.PathParam{Name: "b", Kind: params.Int},
		bind.PathParam{Name: "c", Kind: params.Float}, bind.PathParam{Name: "d", Kind: params.UUID},
		bind.PathParam{Name: "e", Kind: params.Slug}, bind.PathParam{Name: "f", Kind: params.Str},
		bind.PathParam{Name: "g", Kind: params.Path}, bind.PathParam{Name: "h", Kind: params.UUID},
	)
	_ = plan
	// h is a uuid kind bound to a string field: also allowed.
	ms := plan.Matchers()
	cases := []struct {
		i    int
		seg  string
		want bool
	}{
		{0, "127", true}, {0, "128", false}, {0, "-1", false},
		{1, "65535", true}, {1, "65536", false},
		{2, "3.5", true}, {2, "1e3", false}, {2, "99999999999999999999999999999999999999999", false},
		{3, "123e4567-e89b-12d3-a456-426614174000", true}, {3, "123e4567e89b12d3a456426614174000", false},
		{4, "a-b", true}, {4, "A-b", false},
		{5, "anything at all", true}, {5, "a/b", false}, {5, "", false},
		{6, "a/b", true}, {6, "", false},
	}
	for _, c := range cases {
		if got := ms[c.i].Match(c.seg); got != c.want {
			t.Errorf("matcher %d (%s) on %q = %v, want %v", c.i, ms[c.i].Key, c.seg, got, c.want)
		}
	}
	if ms[0].Key == ms[1].Key {
		t.Errorf("int8 and uint16 share the key %q", ms[0].Key)
	}
	var p P
	vals := []string{"-0", "65535", "3.5", "123E4567-E89B-12D3-A456-426614174000", "a-b", "x y", "a/b", "123e4567-e89b-12d3-a456-426614174000"}
	vals[0] = "12"
	if err := plan.Bind(httptest.NewRequest("GET", "/", nil), vals, &p); err != nil {
		t.Fatal(err)
	}
	if p.A != 12 || p.B != 65535 || p.C != 3.5 || p.D.String() != "123e4567-e89b-12d3-a456-426614174000" || p.E != "a-b" || p.F != "x y" || p.G != "a/b" || p.H != vals[7] {
		t.Errorf("bound %+v", p)
	}
	back, err := plan.PathValues(&p)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"12", "65535", "3.5", "123e4567-e89b-12d3-a456-426614174000", "a-b", "x y", "a/b", vals[7]}
	for i := range want {
		if back[i] != want[i] {
			t.Errorf("PathValues[%d] = %q, want %q", i, back[i], want[i])
		}
	}
}

func TestPathPlanErrors(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"bool for int", compileErr[struct {
			A bool `path:"a"`
		}](bind.PathParam{Name: "a", Kind: params.Int}), `itty: field A (path:"a"): an <int:…> segment needs an integer field, not bool`},
		{"int for slug", compileErr[struct {
			A int `path:"a"`
		}](bind.PathParam{Name: "a", Kind: params.Slug}), `itty: field A (path:"a"): a <slug:…> segment needs a string field, not int`},
		{"missing field", compileErr[struct{}](bind.PathParam{Name: "a", Kind: params.Str}), `itty: path parameter <str:a> has no field tagged path:"a"`},
		{"twice", compileErr[struct {
			A string `path:"a"`
			B string `path:"a"`
		}](bind.PathParam{Name: "a", Kind: params.Str}), `itty: field B (path:"a"): path "a" is already bound to field A`},
	}
	for _, c := range cases {
		if c.err == nil || c.err.Error() != c.want {
			t.Errorf("%s: %v\nwant %s", c.name, c.err, c.want)
		}
	}
}

func compileErr[P any](path ...bind.PathParam) error {
	_, err := bind.Compile[P](path)
	return err
}

// checkPathStrings binds vals with BindPathStrings into a P that holds
// sentinel values and, when it applies, compares the result with
// BindBody's for the same values.
func checkPathStrings[P any](t *testing.T, sentinel P, wantOK bool, ps []bind.PathParam, vals ...string) P {
	t.Helper()
	plan := mustPlan[P](t, ps...)
	if only := plan.PathStringsOnly(); only != wantOK {
		t.Fatalf("PathStringsOnly = %v, want %v", only, wantOK)
	}
	got := sentinel
	if ok := plan.BindPathStrings(vals, &got); ok != wantOK {
		t.Fatalf("BindPathStrings = %v, want %v", ok, wantOK)
	}
	if !wantOK {
		return got
	}
	var want P
	if err := plan.BindBody(httptest.NewRequest("GET", "/", nil), vals, nil, &want); err != nil {
		t.Fatalf("BindBody: %v", err)
	}
	if any(got) != any(want) {
		t.Errorf("BindPathStrings bound %+v, BindBody %+v", got, want)
	}
	return got
}

func TestBindPathStrings(t *testing.T) {
	str := func(name string) bind.PathParam { return bind.PathParam{Name: name, Kind: params.Str} }
	type Name string
	type Inner struct {
		Repo string `path:"repo"`
	}

	t.Run("fields in another order than the pattern", func(t *testing.T) {
		type P struct {
			Repo  string `path:"repo"`
			Owner string `path:"owner"`
		}
		got := checkPathStrings(t, P{"x", "x"}, true, []bind.PathParam{str("owner"), str("repo")}, "ittygo", "itty")
		if got != (P{Repo: "itty", Owner: "ittygo"}) {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("no fields", func(t *testing.T) {
		checkPathStrings(t, struct{}{}, true, nil)
	})
	t.Run("named string, slug and path kinds, embedded struct", func(t *testing.T) {
		type P struct {
			Inner
			Owner Name   `path:"owner"`
			Slug  string `path:"s"`
			Rest  string `path:"rest"`
		}
		ps := []bind.PathParam{str("owner"), str("repo"), {Name: "s", Kind: params.Slug}, {Name: "rest", Kind: params.Path}}
		got := checkPathStrings(t, P{}, true, ps, "ittygo", "itty", "a-b", "x/y")
		if got != (P{Inner{"itty"}, "ittygo", "a-b", "x/y"}) {
			t.Errorf("got %+v", got)
		}
	})
	// Any field that needs a conversion, or a source other than the path,
	// leaves the binding to BindBody and dst as it was.
	t.Run("int path field", func(t *testing.T) {
		type P struct {
			Name string `path:"name"`
			ID   int    `path:"id"`
		}
		got := checkPathStrings(t, P{"keep", 7}, false, []bind.PathParam{str("name"), {Name: "id", Kind: params.Int}}, "a", "3")
		if got != (P{"keep", 7}) {
			t.Errorf("dst changed to %+v", got)
		}
	})
	t.Run("uuid into a string", func(t *testing.T) {
		type P struct {
			ID string `path:"id"`
		}
		checkPathStrings(t, P{"keep"}, true, []bind.PathParam{{Name: "id", Kind: params.UUID}}, "0b3f1c2e-8a55-4f4e-9d7a-2a7c1d3e4f5a")
	})
	t.Run("query field", func(t *testing.T) {
		type P struct {
			Name string `path:"name"`
			Q    string `query:"q"`
		}
		checkPathStrings(t, P{"keep", "keep"}, false, []bind.PathParam{str("name")}, "a")
	})
	t.Run("json field", func(t *testing.T) {
		type P struct {
			Name  string `path:"name"`
			Title string `json:"title"`
		}
		checkPathStrings(t, P{"keep", "keep"}, false, []bind.PathParam{str("name")}, "a")
	})
	t.Run("rule on a path field", func(t *testing.T) {
		type P struct {
			Name string `path:"name" minLength:"3"`
		}
		checkPathStrings(t, P{"keep"}, false, []bind.PathParam{str("name")}, "a")
	})
}
