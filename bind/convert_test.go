package bind_test

// Tests of text conversion edge cases that the per-source tests do not
// cover.

import (
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/ittygo/itty/bind"
)

// TestFloatTextIsDecimal is the regression test for floats taking Go's
// literal syntax: "1_000.5" bound as 1000.5 and "0x1p4" as 16, while the
// integer fields refuse "1_000" and "0x10". A float from text is decimal,
// with an optional sign, fraction and exponent.
func TestFloatTextIsDecimal(t *testing.T) {
	type P struct {
		F float64 `query:"f"`
		G float32 `query:"g"`
	}
	plan := mustPlan[P](t)
	for _, c := range []struct{ query, want string }{
		{"f=1_000.5", "query.f=must be a number|1_000.5"},
		{"f=1_0", "query.f=must be a number|1_0"},
		{"f=0x10", "query.f=must be a number|0x10"},
		{"f=0X1P4", "query.f=must be a number|0X1P4"},
		{"f=0x1p-2", "query.f=must be a number|0x1p-2"},
		{"g=0x1.8p1", "query.g=must be a number|0x1.8p1"},
	} {
		got := mustFieldErrors(t, plan, httptest.NewRequest("GET", "/?"+c.query, nil))
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("?%s: %q, want %q", c.query, got, c.want)
		}
	}
	for query, want := range map[string]float64{"f=1000.5": 1000.5, "f=-1.5e3": -1500, "f=%2B2": 2, "f=1E2": 100, "f=.5": 0.5, "f=5.": 5} {
		var got P
		if err := plan.Bind(httptest.NewRequest("GET", "/?"+query, nil), nil, &got); err != nil || got.F != want {
			t.Errorf("?%s: %v, %v; want %v", query, got.F, err, want)
		}
	}
}

// TestNestedFormFloatsAreDecimal is the regression test for floats inside
// nested form fields, which the form decoder parsed itself: "NaN", "Inf",
// "1_000" and "0x10" were bound, while flat fields refuse them.
func TestNestedFormFloatsAreDecimal(t *testing.T) {
	type line struct {
		Price float64 `form:"price"`
		Rate  float32 `form:"rate"`
	}
	type P struct {
		Lines []line             `form:"lines"`
		Bykey map[string]float64 `form:"byKey"`
	}
	plan := mustPlan[P](t)
	_, err := bindWith(t, plan, postForm("lines[0].price=NaN&lines[1].price=1_000&lines[2].rate=0x10&lines[3].price=1e400&byKey[a]=Inf&lines[4].price=2.5"), bind.Limits{})
	want := []string{
		"form.byKey[a]=must be a finite number that fits in 64 bits|Inf",
		"form.lines[0].price=must be a finite number that fits in 64 bits|NaN",
		"form.lines[1].price=must be a number|1_000",
		"form.lines[2].rate=must be a number|0x10",
		"form.lines[3].price=must be a finite number that fits in 64 bits|1e400",
	}
	if got := problems(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("nested floats:\n got  %q\n want %q", got, want)
	}
	got, err := bindWith(t, plan, postForm("lines[0].price=2.5&lines[0].rate=-1e3&byKey[x]=0.25"), bind.Limits{})
	if err != nil || len(got.Lines) != 1 || got.Lines[0].Price != 2.5 || got.Lines[0].Rate != -1000 || got.Bykey["x"] != 0.25 {
		t.Errorf("valid nested floats: %+v, %v", got, err)
	}
}

// TestBoolTakesCheckboxValues: besides strconv.ParseBool's forms, a bool
// takes "on", what an HTML checkbox with no value attribute sends, and
// "off".
func TestBoolTakesCheckboxValues(t *testing.T) {
	type item struct {
		Done bool `form:"done"`
	}
	type P struct {
		Q     bool   `query:"q"`
		F     bool   `form:"f"`
		Off   bool   `form:"off" default:"true"`
		Items []item `form:"items"`
	}
	plan := mustPlan[P](t)
	got, err := bindWith(t, plan, newBodyRequest("POST", "/?q=on", "application/x-www-form-urlencoded", "f=on&off=off&items[0].done=on"), bind.Limits{})
	if err != nil || !got.Q || !got.F || got.Off || len(got.Items) != 1 || !got.Items[0].Done {
		t.Errorf("got %+v, %v", got, err)
	}
	_, err = bindWith(t, plan, newBodyRequest("POST", "/?q=On", "application/x-www-form-urlencoded", "f=checked"), bind.Limits{})
	wantProblems(t, err, "query.q=must be true or false|On", "form.f=must be true or false|checked")
}
