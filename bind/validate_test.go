package bind_test

// Tests of validation at request time: each rule and its 422 entry, required
// and presence, every source, order, and Validator.

import (
	stderrors "errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/params"
)

// ruleCase binds one request and expects exactly the listed 422 entries
// (none: the request is valid).
type ruleCase struct {
	name string
	err  error
	want []string
}

// run binds r into a fresh P with no path parameters.
func run[P any](t *testing.T, r *http.Request) error {
	t.Helper()
	_, err := bindWith(t, mustPlan[P](t), r, bind.Limits{})
	return err
}

func get(target string) *http.Request { return httptest.NewRequest("GET", target, nil) }

func checkRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		if c.want == nil {
			if c.err != nil {
				t.Errorf("%s: err = %v, want none", c.name, c.err)
			}
			continue
		}
		var e *errors.Error
		if !stderrors.As(c.err, &e) || e.Status != 422 {
			t.Errorf("%s: err = %v, want 422", c.name, c.err)
			continue
		}
		if got := problems(t, c.err); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got  %q\n want %q", c.name, got, c.want)
		}
	}
}

type numbers struct {
	I   int      `query:"i" minimum:"1" maximum:"10"`
	X   int64    `query:"x" exclusiveMinimum:"0" exclusiveMaximum:"9007199254740993"`
	M   int      `query:"m" multipleOf:"3"`
	U   uint     `query:"u" minimum:"-1" maximum:"5"`
	F   float64  `query:"f" minimum:"0.5" exclusiveMaximum:"1.5" multipleOf:"0.1"`
	P   *int     `query:"p" minimum:"0"`
	L   []int    `query:"l" maximum:"2"`
	Big uint64   `query:"big" maximum:"18446744073709551614"`
	F32 float32  `query:"f32" multipleOf:"0.25"`
	PF  *float64 `query:"pf" maximum:"1"`
}

func TestNumericRules(t *testing.T) {
	checkRuleCases(t, []ruleCase{
		{"all valid", run[numbers](t, get("/?i=1&x=9007199254740992&m=-9&u=0&f=0.5&p=0&l=1&l=2&big=18446744073709551614&f32=1.75&pf=1")), nil},
		{"absent values are not checked", run[numbers](t, get("/")), nil},
		{"blank numbers are absent", run[numbers](t, get("/?i=&x=&f=&p=")), nil},
		{"minimum", run[numbers](t, get("/?i=0")), []string{"query.i=must be at least 1|0"}},
		{"maximum", run[numbers](t, get("/?i=11")), []string{"query.i=must be at most 10|11"}},
		{"exclusiveMinimum", run[numbers](t, get("/?x=0")), []string{"query.x=must be greater than 0|0"}},
		{"exclusiveMaximum exactly", run[numbers](t, get("/?x=9007199254740993")), []string{"query.x=must be less than 9007199254740993|9007199254740993"}},
		{"multipleOf", run[numbers](t, get("/?m=4")), []string{"query.m=must be a multiple of 3|4"}},
		{"uint bounds", run[numbers](t, get("/?u=6")), []string{"query.u=must be at most 5|6"}},
		{"float", run[numbers](t, get("/?f=0.45")), []string{"query.f=must be at least 0.5|0.45", "query.f=must be a multiple of 0.1|0.45"}},
		{"float exclusive", run[numbers](t, get("/?f=1.5")), []string{"query.f=must be less than 1.5|1.5"}},
		{"float multipleOf", run[numbers](t, get("/?f=1.05")), []string{"query.f=must be a multiple of 0.1|1.05"}},
		{"pointer", run[numbers](t, get("/?p=-1")), []string{"query.p=must be at least 0|-1"}},
		{"elements", run[numbers](t, get("/?l=1&l=3&l=2&l=4")), []string{"query.l[1]=must be at most 2|3", "query.l[3]=must be at most 2|4"}},
		{"big uint", run[numbers](t, get("/?big=18446744073709551615")), []string{"query.big=must be at most 18446744073709551614|18446744073709551615"}},
		{"float32", run[numbers](t, get("/?f32=0.3")), []string{"query.f32=must be a multiple of 0.25|0.3"}},
		{"pointer float", run[numbers](t, get("/?pf=1.01")), []string{"query.pf=must be at most 1|1.01"}},
		{"conversion failures skip rules", run[numbers](t, get("/?i=x&l=9&l=y")), []string{"query.i=must be an integer|x", "query.l=must be an integer|9,y"}},
	})
}

type texts struct {
	Min  string   `query:"min" minLength:"2"`
	Max  string   `query:"max" maxLength:"3"`
	Pat  string   `query:"pat" pattern:"[0-9]"`
	Enum string   `query:"enum" enum:"red, green,blue"`
	Both string   `query:"both" minLength:"3" pattern:"^[a-z]*$"`
	Tags []string `query:"tag" maxLength:"2" enum:"a,bb,cc"`
	Ptr  *string  `query:"ptr" minLength:"1"`
	Num  int      `query:"num" enum:"1,2,3"`
	Flag bool     `query:"flag" enum:"true"`
	Flt  float64  `query:"flt" enum:"0.5,1.5"`
}

func TestStringRules(t *testing.T) {
	checkRuleCases(t, []ruleCase{
		{"valid", run[texts](t, get("/?min=h%C3%A9&max=%E2%82%AC%E2%82%AC%E2%82%AC&pat=a1&enum=green&both=abc&tag=a&tag=bb&ptr=x&num=2&flag=true&flt=1.5")), nil},
		{"runes not bytes", run[texts](t, get("/?min=%C3%A9")), []string{"query.min=must be at least 2 characters long|é"}},
		{"maxLength", run[texts](t, get("/?max=abcd")), []string{"query.max=must be at most 3 characters long|abcd"}},
		{"blank strings are values", run[texts](t, get("/?min=&ptr=")), []string{"query.min=must be at least 2 characters long|", "query.ptr=must be at least 1 character long|"}},
		{"pattern is unanchored", run[texts](t, get("/?pat=abc")), []string{"query.pat=must match the pattern [0-9]|abc"}},
		{"enum", run[texts](t, get("/?enum=Red")), []string{"query.enum=must be one of: red, green, blue|Red"}},
		{"every failure of a field", run[texts](t, get("/?both=A")), []string{"query.both=must be at least 3 characters long|A", "query.both=must match the pattern ^[a-z]*$|A"}},
		{"elements", run[texts](t, get("/?tag=a&tag=ccc&tag=d")), []string{"query.tag[1]=must be at most 2 characters long|ccc", "query.tag[1]=must be one of: a, bb, cc|ccc", "query.tag[2]=must be one of: a, bb, cc|d"}},
		{"enum int", run[texts](t, get("/?num=4")), []string{"query.num=must be one of: 1, 2, 3|4"}},
		{"enum bool", run[texts](t, get("/?flag=false")), []string{"query.flag=must be one of: true|false"}},
		{"enum float", run[texts](t, get("/?flt=0.25")), []string{"query.flt=must be one of: 0.5, 1.5|0.25"}},
	})
}

func TestItemRules(t *testing.T) {
	type P struct {
		Tags  []string  `query:"tag" minItems:"2" maxItems:"3" uniqueItems:"true"`
		Nums  []int     `json:"nums" uniqueItems:"true"`
		Ptrs  []*int    `json:"ptrs" uniqueItems:"true"`
		Items []address `json:"items" uniqueItems:"true" maxItems:"1"`
		Flts  []float64 `json:"flts" uniqueItems:"true"`
	}
	checkRuleCases(t, []ruleCase{
		{"valid", run[P](t, newBodyRequest("POST", "/?tag=a&tag=b", "application/json", `{"nums":[1,2],"ptrs":[1,null,2],"items":[{"city":"ab"}]}`)), nil},
		{"absent lists are not checked", run[P](t, get("/")), nil},
		{"minItems", run[P](t, get("/?tag=a")), []string{"query.tag=must have at least 2 items|"}},
		{"maxItems", run[P](t, get("/?tag=a&tag=b&tag=c&tag=d")), []string{"query.tag=must have at most 3 items|"}},
		{"uniqueItems", run[P](t, get("/?tag=a&tag=b&tag=a")), []string{"query.tag=must not contain duplicates|a"}},
		{"uniqueItems in JSON", run[P](t, newBodyRequest("POST", "/", "application/json",
			`{"nums":[1,2,1],"ptrs":[3,null,3],"items":[{"city":"ab"},{"city":"ab"}],"flts":[0,-0]}`)), []string{
			"body.nums=must not contain duplicates|1",
			"body.ptrs=must not contain duplicates|3",
			"body.items=must have at most 1 item|",
			"body.items=must not contain duplicates|",
			"body.flts=must not contain duplicates|-0",
		}},
	})
}

func TestRequired(t *testing.T) {
	type P struct {
		Q  int            `query:"q" required:"true"`
		S  string         `query:"s" required:"true"`
		H  string         `header:"X-Token" required:"true"`
		C  int            `cookie:"c" required:"true"`
		F  bool           `form:"f" required:"true"`
		J  int            `json:"j" required:"true"`
		JP *int           `json:"jp" required:"true"`
		JS []string       `json:"js" required:"true"`
		JM map[string]int `json:"jm" required:"true"`
		NR *int           `json:"nr" required:"false"`
	}
	all := []string{"query.q=is required|", "query.s=is required|", "header.X-Token=is required|", "cookie.c=is required|",
		"form.f=is required|", "body.j=is required|", "body.jp=is required|", "body.js=is required|", "body.jm=is required|"}
	withAll := func(target, ctype, body string) *http.Request {
		r := newBodyRequest("POST", target, ctype, body)
		r.Header.Set("X-Token", "t")
		r.Header.Set("Cookie", "c=0")
		return r
	}
	checkRuleCases(t, []ruleCase{
		{"nothing", run[P](t, httptest.NewRequest("POST", "/", nil)), all},
		{"blank non-strings are absent, blank strings present", run[P](t, httptest.NewRequest("POST", "/?q=&s=", nil)), append(all[:1:1], all[2:]...)},
		{"zero values are present", run[P](t, withAll("/?q=0&s=", "application/json", `{"j":0,"jp":0,"js":[],"jm":{}}`)), []string{"form.f=is required|"}},
		{"nulls are absent", run[P](t, withAll("/?q=0&s=", "application/json", `{"j":null,"jp":null,"js":null,"jm":null}`)),
			[]string{"form.f=is required|", "body.j=is required|", "body.jp=is required|", "body.js=is required|", "body.jm=is required|"}},
		{"form", run[P](t, withAll("/?q=1&s=x", "application/x-www-form-urlencoded", "f=false")),
			[]string{"body.j=is required|", "body.jp=is required|", "body.js=is required|", "body.jm=is required|"}},
	})
}

func TestRulesOnEverySource(t *testing.T) {
	type P struct {
		ID  int      `path:"id" minimum:"10"`
		Q   string   `query:"q" maxLength:"1"`
		H   int      `header:"X-Count" maximum:"5"`
		C   string   `cookie:"c" enum:"a,b"`
		F   []string `form:"f" minItems:"2"`
		J   float64  `json:"j" multipleOf:"2"`
		Raw string   `body:"" minLength:"100"`
	}
	plan := mustPlan[P](t, bind.PathParam{Name: "id", Kind: params.Int})
	form := newBodyRequest("POST", "/x/5?q=abc", "application/x-www-form-urlencoded", "f=1")
	form.Header.Set("X-Count", "6")
	form.Header.Set("Cookie", "c=z")
	_, err := bindWith(t, plan, form, bind.Limits{}, "5")
	wantProblems(t, err,
		"path.id=must be at least 10|5",
		"query.q=must be at most 1 character long|abc",
		"header.X-Count=must be at most 5|6",
		"cookie.c=must be one of: a, b|z",
		"form.f=must have at least 2 items|",
		"body=must be at least 100 characters long|f=1",
	)
	_, err = bindWith(t, plan, newBodyRequest("POST", "/x/10", "application/json", `{"j":3}`), bind.Limits{}, "10")
	wantProblems(t, err, "body.j=must be a multiple of 2|3", `body=must be at least 100 characters long|{"j":3}`)
}

// selfChecked validates itself after its rules pass.
type selfChecked struct {
	From int   `query:"from" minimum:"0"`
	To   int   `query:"to"`
	err  error // what Validate returns
}

func (s *selfChecked) Validate() error {
	if s.To < s.From {
		return s.err
	}
	return nil
}

func TestValidateOnP(t *testing.T) {
	plan := mustPlan[selfChecked](t)
	bindErr := func(target string, vErr error) error {
		p := selfChecked{err: vErr}
		b := bind.NewRequestBody(get(target), bind.Limits{})
		defer b.Release()
		return plan.BindBody(get(target), nil, b, &p)
	}
	conflict := errors.Status(409, "taken")
	cases := []ruleCase{
		{"valid", bindErr("/?from=1&to=2", stderrors.New("unused")), nil},
		{"plain error", bindErr("/?from=2&to=1", stderrors.New("to must not be before from")), []string{"=to must not be before from|"}},
		{"field error", bindErr("/?from=2&to=1", &errors.FieldError{Source: "query", Name: "to", Message: "is before from", Value: "1"}), []string{"query.to=is before from|1"}},
		{"joined", bindErr("/?from=2&to=1", stderrors.Join(&errors.FieldError{Source: "query", Name: "to", Message: "a"}, stderrors.New("b"))), []string{"query.to=a|", "=b|"}},
		{"error with fields", bindErr("/?from=2&to=1", errors.Unprocessable(errors.FieldError{Source: "query", Name: "from", Message: "c"})), []string{"query.from=c|"}},
		{"not called when rules fail", bindErr("/?from=-1&to=-5", stderrors.New("unused")), []string{"query.from=must be at least 0|-1"}},
	}
	checkRuleCases(t, cases)
	if err := bindErr("/?from=2&to=1", conflict); err != conflict {
		t.Errorf("an *errors.Error without fields: err = %v, want it returned as it is", err)
	}
}

// checkedItem validates itself; its locations are relative to it.
type checkedItem struct {
	Name string `json:"name" form:"name" minLength:"1"`
	Qty  int    `json:"qty" form:"qty"`
}

func (c checkedItem) Validate() error {
	switch {
	case c.Qty < 0:
		return &errors.FieldError{Name: "qty", Message: "cannot be negative", Value: "neg"}
	case c.Qty > 100:
		return stderrors.New("too many")
	}
	return nil
}

func TestValidateOnBodyStructs(t *testing.T) {
	type jsonItems struct {
		Items []checkedItem `json:"items"`
		One   checkedItem   `json:"one"`
	}
	type bodyItems struct {
		Body []checkedItem `body:""`
	}
	type formItems struct {
		Items []checkedItem `form:"items"`
	}
	checkRuleCases(t, []ruleCase{
		{"json", run[jsonItems](t, postJSON("/", `{"items":[{"name":"a","qty":1},{"name":"b","qty":-1},{"name":"","qty":-1}],"one":{"name":"x","qty":101}}`)),
			[]string{"body.items[1].qty=cannot be negative|neg", "body.items[2].name=must be at least 1 character long|", "body.one=too many|"}},
		{"body", run[bodyItems](t, postJSON("/", `[{"name":"a","qty":101}]`)), []string{"body.[0]=too many|"}},
		{"form", run[formItems](t, postForm("items[0].name=a&items[0].qty=-3&items[1].name=b&items[1].qty=200")),
			[]string{"form.items[0].qty=cannot be negative|neg", "form.items[1]=too many|"}},
	})
}

func TestEveryFailureInDeclarationOrder(t *testing.T) {
	type P struct {
		A int    `query:"a" minimum:"1"`
		B string `json:"b" minLength:"2"`
		C int    `query:"c" maximum:"1"`
		D string `json:"d" required:"true"`
	}
	err := run[P](t, newBodyRequest("POST", "/?c=2&a=0", "application/json", `{"b":"x"}`))
	wantProblems(t, err, "query.a=must be at least 1|0", "body.b=must be at least 2 characters long|x", "query.c=must be at most 1|2", "body.d=is required|")
}
