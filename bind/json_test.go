package bind_test

// Tests of JSON binding: members, types, exact error locations, syntax
// errors, strict mode, body fields, no mass assignment, and FuzzJSONBinding.

import (
	"encoding/json"
	stderrors "errors"
	"net/http"
	"net/netip"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/params"
)

// postJSON builds a JSON POST.
func postJSON(target, body string) *http.Request {
	return newBodyRequest("POST", target, "application/json", body)
}

type jsonP struct {
	ID     int               `path:"id"`
	Offset int               `path:"offset"`
	Page   int               `query:"page"`
	Title  string            `json:"title"`
	Count  int               `json:"count,omitempty"`
	Price  float32           `json:"price"`
	OK     *bool             `json:"ok"`
	Tags   []string          `json:"tags"`
	Item   item              `json:"item"`
	Items  []*item           `json:"items"`
	Meta   map[string]any    `json:"meta"`
	When   time.Time         `json:"when"`
	UID    uuid.UUID         `json:"uid"`
	Raw    json.RawMessage   `json:"raw"`
	Num    json.Number       `json:"num"`
	Str    int               `json:"str,string"`
	Arr    [2]int            `json:"arr"`
	ByID   map[int]string    `json:"by_id"`
	Any    any               `json:"any"`
	Bytes  []byte            `json:"bytes"`
	Secret string            // untagged: never bound
	Skip   string            `json:"-"`
	Nested map[string][]item `json:"nested"`
}

var jsonPath = []bind.PathParam{{Name: "id", Kind: params.Int}, {Name: "offset", Kind: params.Int}}

func TestJSONMembers(t *testing.T) {
	plan := mustPlan[jsonP](t, jsonPath...)
	body := `{
		"title": "t", "count": 3, "price": 1.5, "ok": false, "tags": ["a", "", "c"],
		"item": {"name": "ab", "count": 2, "tags": []},
		"items": [{"name": "cd"}, null],
		"meta": {"k": [1, "x", null, true]},
		"when": "2026-01-02T03:04:05+01:00",
		"uid": "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
		"raw": {"any": ["thing"]}, "num": 12.50, "str": "42", "arr": [1, 2, 3],
		"by_id": {"7": "seven"}, "any": {"a": 1}, "bytes": "aGk=",
		"unknown": {"deep": [1, {"x": "y"}]},
		"nested": {"k": [{"name": "zz"}]}
	}`
	got, err := bindWith(t, plan, postJSON("/x/1/2?page=3", body), bind.Limits{}, "1", "2")
	if err != nil {
		t.Fatal(err)
	}
	f := false
	want := jsonP{
		ID: 1, Offset: 2, Page: 3, Title: "t", Count: 3, Price: 1.5, OK: &f, Tags: []string{"a", "", "c"},
		Item:  item{Name: "ab", Count: 2, Tags: []string{}},
		Items: []*item{{Name: "cd"}, nil},
		Meta:  map[string]any{"k": []any{1.0, "x", nil, true}},
		When:  time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("", 3600)),
		UID:   uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
		Raw:   json.RawMessage(`{"any": ["thing"]}`), Num: "12.50", Str: 42, Arr: [2]int{1, 2},
		ByID: map[int]string{7: "seven"}, Any: map[string]any{"a": 1.0}, Bytes: []byte("hi"),
		Nested: map[string][]item{"k": {{Name: "zz"}}},
	}
	if !got.When.Equal(want.When) {
		t.Errorf("When = %v", got.When)
	}
	got.When = want.When
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestJSONNoMassAssignment(t *testing.T) {
	plan := mustPlan[jsonP](t, jsonPath...)
	body := `{"offset": 99, "id": 5, "ID": 6, "page": 3, "Page": 4, "Secret": "x", "secret": "y", "Skip": "z", "-": "w",
		"Title": "wrong case", "item": {"name": "ab", "Note": "x", "note": "y"}}`
	got, err := bindWith(t, plan, postJSON("/x/1/2", body), bind.Limits{}, "1", "2")
	if err != nil {
		t.Fatal(err)
	}
	want := jsonP{ID: 1, Offset: 2, Item: item{Name: "ab"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestJSONTypeErrors(t *testing.T) {
	plan := mustPlan[jsonP](t, jsonPath...)
	cases := []struct {
		body string
		want []string
	}{
		{`{"title": 5}`, []string{"body.title=must be a string|5"}},
		{`{"count": "3"}`, []string{`body.count=must be an integer|"3"`}},
		{`{"count": 1.5}`, []string{"body.count=must be an integer|1.5"}},
		{`{"count": 99999999999999999999}`, []string{"body.count=must be an integer from -9223372036854775808 to 9223372036854775807|99999999999999999999"}},
		{`{"price": 1e39}`, []string{"body.price=must be a finite number that fits in 32 bits|1e39"}},
		{`{"ok": "yes"}`, []string{`body.ok=must be true or false|"yes"`}},
		{`{"tags": "a"}`, []string{`body.tags=must be an array|"a"`}},
		{`{"tags": [1, "b", null, {}]}`, []string{"body.tags[0]=must be a string|1", "body.tags[3]=must be a string|{}"}},
		{`{"item": []}`, []string{"body.item=must be an object|[]"}},
		{`{"items": [{"count": "x"}, {"name": 1}]}`, []string{`body.items[0].count=must be an integer|"x"`, "body.items[1].name=must be a string|1"}},
		{`{"when": "yesterday"}`, []string{"body.when=must be an RFC 3339 date-time|yesterday"}},
		{`{"when": 1}`, []string{"body.when=must be a string|1"}},
		{`{"uid": "nope"}`, []string{"body.uid=invalid value: invalid UUID length: 4|nope"}},
		{`{"str": 3}`, []string{"body.str=must be a string|3"}},
		{`{"str": "x"}`, []string{"body.str=must be an integer|x"}},
		{`{"arr": {}}`, []string{"body.arr=must be an array|{}"}},
		{`{"arr": [1, "x"]}`, []string{`body.arr[1]=must be an integer|"x"`}},
		{`{"by_id": {"x": "a", "8": 8}}`, []string{"body.by_id[x]=has an invalid key: must be an integer|x", "body.by_id[8]=must be a string|8"}},
		{`{"meta": 1}`, []string{"body.meta=must be an object|1"}},
		{`{"bytes": "!!"}`, []string{`body.bytes=must be a base64 string|"!!"`}},
		{`{"num": true}`, []string{"body.num=must be a number|true"}},
		{`{"nested": {"k": [{"count": -1}]}}`, []string{"body.nested[k][0].count=must be at least 1|-1"}},
		{`{"title": 1, "count": "x", "ok": 0}`, []string{"body.title=must be a string|1", `body.count=must be an integer|"x"`, "body.ok=must be true or false|0"}},
		{`[1]`, []string{"body=must be a JSON object|[1]"}},
		{`"text"`, []string{`body=must be a JSON object|"text"`}},
	}
	for _, c := range cases {
		_, err := bindWith(t, plan, postJSON("/x/1/2", c.body), bind.Limits{}, "1", "2")
		if got := problems(t, err); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got  %q\n want %q", c.body, got, c.want)
		}
	}
}

func TestJSONSyntaxErrors(t *testing.T) {
	plan := mustPlan[jsonP](t, jsonPath...)
	cases := []struct{ body, detail string }{
		{`{"title":}`, "the JSON body is malformed at offset 10: invalid character '}' looking for beginning of value"},
		{`{"title":"x"}}`, "the JSON body has data after its value"},
		{`{"title":"x"} {"title":"y"}`, "the JSON body has data after its value"},
		{`{"title":"a` + "\x01" + `"}`, "the JSON body is malformed at offset 12: invalid character '\\x01' in string literal"},
		{`{"title":"x"`, "the JSON body is malformed: unexpected EOF"},
		{`tru`, "the JSON body is malformed: unexpected EOF"},
		{`{"a":` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `}`, "the JSON body is malformed at offset 10005: invalid character '[' exceeded max depth"},
	}
	for _, c := range cases {
		_, err := bindWith(t, plan, postJSON("/x/1/2", c.body), bind.Limits{}, "1", "2")
		var e *errors.Error
		if !stderrors.As(err, &e) || e.Status != 400 || e.Detail != c.detail {
			t.Errorf("%.40s: err = %v, want 400 %q", c.body, err, c.detail)
		}
	}
}

func TestJSONNullsAndDuplicates(t *testing.T) {
	type P struct {
		Title string   `json:"title" default:"none"`
		Tags  []string `json:"tags"`
		N     *int     `json:"n" required:"true"`
	}
	plan := mustPlan[P](t)
	got, err := bindWith(t, plan, postJSON("/", `{"title": null, "tags": ["a"], "tags": null, "n": 1, "n": null}`), bind.Limits{})
	wantProblems(t, err, "body.n=is required|")
	if got.Title != "none" || got.Tags != nil {
		t.Errorf("null members: %+v", got)
	}
	got, err = bindWith(t, plan, postJSON("/", `{"title": "a", "title": "b", "n": 2}`), bind.Limits{})
	if err != nil || got.Title != "b" || *got.N != 2 {
		t.Errorf("duplicates: %+v %v", got, err)
	}
	type A struct {
		A [3]int `json:"a"`
	}
	for body, want := range map[string][3]int{
		`{"a": [1, 2, 3], "a": [4]}`: {4, 0, 0},
		`{"a": [1, 2], "a": []}`:     {},
		`{"a": [1, 2, 3, 4]}`:        {1, 2, 3},
	} {
		got, err := bindWith(t, mustPlan[A](t), postJSON("/", body), bind.Limits{})
		if err != nil || got.A != want {
			t.Errorf("%s: %v %v, want %v", body, got.A, err, want)
		}
	}
}

func TestJSONStrings(t *testing.T) {
	type P struct {
		S string `json:"s"`
	}
	plan := mustPlan[P](t)
	for _, lit := range []string{
		`"plain"`, `""`, `"a\"b\\c\/d\b\f\n\r\t"`, `"\u00e9\u20AC"`, `"\ud83d\ude00"`, `"\ud800x"`, `"\udc00"`,
		`"\ud800\u0041"`, `"\ud83d\ud83d\ude00"`, "\"\xff\xfe raw\"", "\"caf\xc3\xa9\"", "\"\xed\xa0\x80\"",
	} {
		var want string
		if err := json.Unmarshal([]byte(lit), &want); err != nil {
			t.Fatalf("%s: %v", lit, err)
		}
		got, err := bindWith(t, plan, postJSON("/", `{"s":`+lit+`}`), bind.Limits{})
		if err != nil || got.S != want {
			t.Errorf("%s: got %q, %v; want %q (as encoding/json)", lit, got.S, err, want)
		}
	}
	// Escaped member names match their decoded text, exactly.
	got, err := bindWith(t, plan, postJSON("/", `{"\u0073": "escaped", "S": "wrong case"}`), bind.Limits{})
	if err != nil || got.S != "escaped" {
		t.Errorf("escaped key: %+v %v", got, err)
	}
}

func TestJSONStrict(t *testing.T) {
	plan := mustPlan[jsonP](t, jsonPath...)
	body := `{"title": "x", "extra": 1, "item": {"name": "ab", "bogus": [2]}, "items": [{"x\u0041": 1}], "meta": {"free": 1}}`
	_, err := bindWith(t, plan, postJSON("/x/1/2", body), bind.Limits{StrictJSON: true}, "1", "2")
	wantProblems(t, err, "body.extra=is not a known member|", "body.item.bogus=is not a known member|", "body.items[0].xA=is not a known member|")
	if _, err := bindWith(t, plan, postJSON("/x/1/2", body), bind.Limits{}, "1", "2"); err != nil {
		t.Errorf("not strict: %v", err)
	}
}

type bodyItem struct {
	Name  string `json:"name" minLength:"2"`
	Count int    `json:"count" required:"true"`
	Admin bool   // untagged: a body cannot set it
}

func TestJSONBodyField(t *testing.T) {
	type structP struct {
		ID   int      `path:"id"`
		Body bodyItem `body:""`
	}
	sp := mustPlan[structP](t, bind.PathParam{Name: "id", Kind: params.Int})
	got, err := bindWith(t, sp, postJSON("/", `{"name": "ab", "count": 2, "Admin": true, "id": 9}`), bind.Limits{}, "1")
	if err != nil || got != (structP{ID: 1, Body: bodyItem{Name: "ab", Count: 2}}) {
		t.Errorf("struct body: %+v %v", got, err)
	}
	_, err = bindWith(t, sp, postJSON("/", `{"name": "a"}`), bind.Limits{}, "1")
	wantProblems(t, err, "body.name=must be at least 2 characters long|a", "body.count=is required|")

	type sliceP struct {
		Body []bodyItem `body:"" minItems:"1"`
	}
	lp := mustPlan[sliceP](t)
	_, err = bindWith(t, lp, postJSON("/", `[{"name": "ab", "count": 1}, {"name": "b", "count": 1}]`), bind.Limits{})
	wantProblems(t, err, "body.[1].name=must be at least 2 characters long|b")
	_, err = bindWith(t, lp, postJSON("/", `[]`), bind.Limits{})
	wantProblems(t, err, "body=must have at least 1 item|")

	type mapP struct {
		Body map[string]int `body:""`
	}
	gm, err := bindWith(t, mustPlan[mapP](t), postJSON("/", `{"a": 1, "b": 2}`), bind.Limits{})
	if err != nil || !reflect.DeepEqual(gm.Body, map[string]int{"a": 1, "b": 2}) {
		t.Errorf("map body: %+v %v", gm, err)
	}

	type ptrP struct {
		Body *bodyItem `body:"" required:"true"`
	}
	pp := mustPlan[ptrP](t)
	for _, body := range []string{"", "null"} {
		_, err = bindWith(t, pp, postJSON("/", body), bind.Limits{})
		wantProblems(t, err, "body=is required|")
	}
	_, err = bindWith(t, pp, newBodyRequest("POST", "/", "text/plain", "{}"), bind.Limits{})
	if statusOf(err) != 415 {
		t.Errorf("text body for a decoded body field: %v", err)
	}

	type anyP struct {
		Body any `body:""`
	}
	ga, err := bindWith(t, mustPlan[anyP](t), postJSON("/", `[1, {"a": null}]`), bind.Limits{})
	if err != nil || !reflect.DeepEqual(ga.Body, []any{1.0, map[string]any{"a": nil}}) {
		t.Errorf("any body: %+v %v", ga, err)
	}
}

func TestJSONRegistrationErrors(t *testing.T) {
	type recursive struct {
		Kids []recursive `json:"kids"`
		Name string      `json:"name" minLength:"1"`
	}
	if _, err := bind.Compile[struct {
		R recursive `json:"r"`
	}](nil); err != nil {
		t.Errorf("a recursive type: %v", err)
	}
	type embedded struct {
		*bodyItem
	}
	cases := []struct {
		err  error
		want string
	}{
		{compileErr[struct {
			B bodyItem `body:""`
			T string   `json:"t"`
		}](), `itty: field T (json:"t"): json fields cannot be combined with a body field that decodes JSON: declare the members in the body's type`},
		{compileErr[struct {
			T string   `json:"t"`
			B bodyItem `body:""`
		}](), `itty: field B (body:""): a body field that decodes JSON cannot be combined with json fields: declare the members in the body's type`},
		{compileErr[struct {
			C chan int `json:"c"`
		}](), `itty: field C (json:"c"): JSON cannot be decoded into chan int`},
		{compileErr[struct {
			E error `json:"e"`
		}](), `itty: field E (json:"e"): JSON cannot be decoded into the interface type error`},
		{compileErr[struct {
			S string `json:"s,string"`
		}](), `itty: field S (json:"s"): the ,string option applies to numbers and booleans, not to string`},
		{compileErr[struct {
			M map[[2]int]string `json:"m"`
		}](), `itty: field M (json:"m"): JSON objects cannot be decoded into maps with [2]int keys`},
		{compileErr[struct {
			B struct {
				A string `json:",omitempty"`
				B string `json:"A"`
			} `body:""`
		}](), `itty: field B (body:""): in type struct { A string "json:\",omitempty\""; B string "json:\"A\"" }: field B: member "A" is already bound`},
		{compileErr[struct {
			B embedded `body:""`
		}](), `itty: field B (body:""): in type bind_test.embedded: embedded pointer bodyItem: embed the struct itself or give it a json tag`},
		{compileErr[struct {
			B struct {
				N int `minimum:"1"`
			} `body:""`
		}](), `itty: field B (body:""): in type struct { N int "minimum:\"1\"" }: field N has validation rules but no json tag, so it is never decoded`},
		{compileErr[struct {
			B struct {
				N int `json:"n" default:"x"`
			} `body:""`
		}](), `itty: field B (body:""): in type struct { N int "json:\"n\" default:\"x\"" }: field N: default "x" does not convert: must be an integer`},
		{compileErr[struct {
			B struct {
				N int `json:"n" default:"1" required:"true"`
			} `body:""`
		}](), `itty: field B (body:""): in type struct { N int "json:\"n\" default:\"1\" required:\"true\"" }: field N: a required field cannot have a default`},
		{compileErr[struct {
			B []byte `body:"" default:"x"`
		}](), `itty: field B (body:""): a body field cannot have a default`},
		{compileErr[struct {
			I item `json:"i" default:"x"`
		}](), `itty: field I (json:"i"): a default needs a field that binds from text: type bind_test.item cannot be bound from text (use a string, bool, number, time.Time or an encoding.TextUnmarshaler)`},
	}
	for _, c := range cases {
		if got := errText(c.err); got != c.want {
			t.Errorf("\n got  %s\n want %s", got, c.want)
		}
	}
}

// fuzzJSONP has a member of most kinds the decoder handles.
type fuzzJSONP struct {
	ID    int               `path:"id"`
	Title string            `json:"title" maxLength:"10"`
	N     int8              `json:"n" minimum:"0"`
	U     uint16            `json:"u"`
	F     float32           `json:"f"`
	B     *bool             `json:"b"`
	S     []string          `json:"s" uniqueItems:"true"`
	Items []item            `json:"items"`
	M     map[int]*item     `json:"m"`
	Any   any               `json:"any"`
	Raw   json.RawMessage   `json:"raw"`
	T     time.Time         `json:"t"`
	Arr   [3]float64        `json:"arr"`
	Str   uint              `json:"str,string"`
	Deep  map[string][]item `json:"deep"`
}

func FuzzJSONBinding(f *testing.F) {
	for _, seed := range []string{
		`{"title":"x","n":3,"u":7,"f":1.5,"b":true,"s":["a","b"],"items":[{"name":"ab","count":2}]}`,
		`{"m":{"1":{"name":"x"},"x":null},"any":[1,{"a":null}],"raw":{"k":[1]},"t":"2026-01-02T03:04:05Z"}`,
		`{"arr":[1,2,3,4],"str":"12","deep":{"k":[{"tags":["\u00e9\ud800"]}]}}`,
		`{"title":1,"n":-1,"u":-1,"f":1e99,"b":"x","s":"y","items":{}}`,
		`[1,2]`, `null`, `"s"`, `{"title":}`, `{} {}`, `{"a":[[[[[]]]]]}`,
	} {
		f.Add(seed, false)
	}
	plan := mustPlan[fuzzJSONP](f, bind.PathParam{Name: "id", Kind: params.Int})
	f.Fuzz(func(t *testing.T, body string, strict bool) {
		_, err := bindWith(t, plan, postJSON("/x/1", body), bind.Limits{StrictJSON: strict}, "1")
		if s := statusOf(err); s != 0 && (s < 400 || s > 499) {
			t.Fatalf("%q: err = %v", body, err)
		}
		if statusOf(err) == 0 && !json.Valid([]byte(body)) && strings.TrimSpace(body) != "" {
			t.Fatalf("%q: invalid JSON accepted", body)
		}
	})
}

func TestJSONStringOption(t *testing.T) {
	type P struct {
		I int8    `json:"i,string"`
		U uint    `json:"u,string"`
		F float64 `json:"f,string"`
		B bool    `json:"b,string"`
	}
	plan := mustPlan[P](t)
	got, err := bindWith(t, plan, postJSON("/", `{"i":"-12","u":"7","f":"1.5e3","b":"false"}`), bind.Limits{})
	if err != nil || got != (P{I: -12, U: 7, F: 1500, B: false}) {
		t.Errorf("got %+v, %v", got, err)
	}
	// The string holds what encoding/json writes there: a JSON number, or
	// true or false; not whatever the field's text decoder would take.
	_, err = bindWith(t, plan, postJSON("/", `{"i":"+1","u":" 7","f":"NaN","b":"1"}`), bind.Limits{})
	wantProblems(t, err, `body.i=must be an integer|+1`, `body.u=must be a non-negative integer| 7`,
		`body.f=must be a number|NaN`, `body.b=must be true or false|1`)
	_, err = bindWith(t, plan, postJSON("/", `{"i":"300","f":"-Inf","b":"on"}`), bind.Limits{})
	wantProblems(t, err, `body.i=must be an integer from -128 to 127|300`, `body.f=must be a number|-Inf`,
		`body.b=must be true or false|on`)
}

func TestJSONLongKeysAreClipped(t *testing.T) {
	type P struct {
		M map[string][]int `json:"m"`
	}
	key := strings.Repeat("k", 100000)
	_, err := bindWith(t, mustPlan[P](t), postJSON("/", `{"m":{"`+key+`":["a","b"]}}`), bind.Limits{})
	prefix := "body.m[" + strings.Repeat("k", 64) + "…]"
	wantProblems(t, err, prefix+`[0]=must be an integer|"a"`, prefix+`[1]=must be an integer|"b"`)
}

// diffP has a member of every kind the decoder takes apart itself, and no
// rules, so that encoding/json is a full specification of the result.
type diffP struct {
	S     string             `json:"s"`
	I8    int8               `json:"i8"`
	I     int                `json:"i"`
	U8    uint8              `json:"u8"`
	U     uint64             `json:"u"`
	F32   float32            `json:"f32"`
	F     float64            `json:"f"`
	B     bool               `json:"b"`
	PB    *bool              `json:"pb"`
	PP    **int16            `json:"pp"`
	SS    []string           `json:"ss"`
	SP    []*uint32          `json:"sp"`
	A     [2]int             `json:"a"`
	M     map[string]int     `json:"m"`
	MK    map[int8]string    `json:"mk"`
	MU    map[uint16]bool    `json:"mu"`
	MT    map[netip.Addr]int `json:"mt"`
	N     diffInner          `json:"n"`
	PN    *diffInner         `json:"pn"`
	NS    []diffInner        `json:"ns"`
	Any   any                `json:"any"`
	Bytes []byte             `json:"bytes"`
	Num   json.Number        `json:"num"`
	Raw   json.RawMessage    `json:"raw"`
	T     time.Time          `json:"t"`
	Addr  netip.Addr         `json:"addr"`
	Str   int32              `json:"str,string"`
	BStr  bool               `json:"bstr,string"`
	diffEmbedded
}

type diffInner struct {
	Name  string     `json:"name"`
	Tags  []string   `json:"tags"`
	Inner *diffInner `json:"inner"`
}

type diffEmbedded struct {
	E float64 `json:"e"`
}

// diffNames are the member names of diffP and the structs inside it.
var diffNames = []string{"s", "i8", "i", "u8", "u", "f32", "f", "b", "pb", "pp", "ss", "sp", "a", "m", "mk", "mu", "mt",
	"n", "pn", "ns", "any", "bytes", "num", "raw", "t", "addr", "str", "bstr", "e", "name", "tags", "inner"}

// comparable reports whether encoding/json's result is itty's
// specification for a valid body: no object repeats a key (encoding/json
// decodes a repeated member into what the first one left), no key matches
// a member only when case is ignored (encoding/json's matching ignores
// case, itty's does not), and every ,string member holds a JSON number or
// boolean (encoding/json takes "null" for null, and after a leading digit
// or minus sign whatever strconv does: "01", "-Inf", "0x1p3"; itty refuses
// them).
func comparable(body string) bool {
	type frame struct {
		obj, key bool
		seen     map[string]bool
	}
	var stack []frame
	var member string
	dec := json.NewDecoder(strings.NewReader(body))
	for {
		tok, err := dec.Token()
		if err != nil {
			return true
		}
		if s, ok := tok.(string); ok && (member == "str" || member == "bstr") &&
			s != "true" && s != "false" && !(s != "" && strings.IndexByte("-0123456789", s[0]) >= 0 && json.Valid([]byte(s))) {
			return false
		}
		member = ""
		if n := len(stack); n > 0 && stack[n-1].obj && stack[n-1].key {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:n-1]
				if n > 1 && stack[n-2].obj {
					stack[n-2].key = true
				}
				continue
			}
			key := tok.(string)
			if stack[n-1].seen[key] {
				return false
			}
			stack[n-1].seen[key] = true
			member = key
			for _, name := range diffNames {
				if key != name && strings.EqualFold(key, name) {
					return false
				}
			}
			stack[n-1].key = false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{obj: true, key: true, seen: map[string]bool{}})
			continue
		case json.Delim('['):
			stack = append(stack, frame{})
			continue
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		if n := len(stack); n > 0 && stack[n-1].obj {
			stack[n-1].key = true
		}
	}
}

// FuzzJSONMatchesEncodingJSON checks the compiled decoder against
// encoding/json: a body encoding/json decodes without error binds to the
// same value, and one it refuses is refused, with 400 for bad syntax and a
// 4xx otherwise.
func FuzzJSONMatchesEncodingJSON(f *testing.F) {
	for _, seed := range []string{
		`{"s":"a\u00e9\ud83d\ude00\ud800x","i8":-128,"i":-0,"u8":255,"u":18446744073709551615,"f32":3.4e38,"f":-1.5e-300}`,
		`{"b":true,"pb":false,"pp":7,"ss":["a",null,""],"sp":[1,null],"a":[1],"m":{"x":1,"":2},"mk":{"-1":"a"},"mu":{"7":true}}`,
		`{"mt":{"::1":1},"n":{"name":"x","tags":[],"inner":{"inner":null}},"pn":{},"ns":[{},{"name":"y"}]}`,
		`{"any":{"a":[1,"2",null,true]},"bytes":"aGk=","num":12.5e3,"raw":[ 1 , {"k":null} ],"t":"2026-01-02T03:04:05.5+01:00"}`,
		`{"addr":"10.0.0.1","str":"-12","bstr":"true","e":0.1,"unknown":{"s":1}}`,
		`{"i8":128}`, `{"u8":-1}`, `{"i":1.0}`, `{"i":1e2}`, `{"f32":1e39}`, `{"a":[1,2,3]}`, `{"a":[]}`, `{"str":12}`,
		`{"str":"null"}`, `{"bstr":"1","str":"-0"}`, `{"str":"1.0"}`, `{"mk":{"x":"a"}}`, `{"bytes":"!"}`, `{"t":"yesterday"}`, `{"pp":null,"pb":null,"pn":null}`,
		`{"s":"\ud800\udc00\udc00"}`, `{"S":"x"}`, `{"s":1,"i":"x","n":[],"ns":{}}`, `[]`, `null`, `1`, `{`, `{"s":"x"} x`,
	} {
		f.Add(seed)
	}
	plan := mustPlan[diffP](f)
	f.Fuzz(func(t *testing.T, body string) {
		if strings.TrimSpace(body) == "" || json.Valid([]byte(body)) && !comparable(body) {
			return
		}
		var want diffP
		stdErr := json.Unmarshal([]byte(body), &want)
		got, err := bindWith(t, plan, postJSON("/", body), bind.Limits{})
		var syntax *json.SyntaxError
		switch {
		case stdErr == nil && err != nil:
			t.Fatalf("%s: encoding/json decodes it, bind says %v", body, err)
		case stdErr == nil && !reflect.DeepEqual(got, want):
			t.Fatalf("%s:\nbind          %+v\nencoding/json %+v", body, got, want)
		case stderrors.As(stdErr, &syntax) && statusOf(err) != http.StatusBadRequest:
			t.Fatalf("%s: encoding/json says %v, bind %v (want 400)", body, stdErr, err)
		case stdErr != nil && (statusOf(err) < 400 || statusOf(err) > 499):
			t.Fatalf("%s: encoding/json says %v, bind %v (want a 4xx)", body, stdErr, err)
		}
	})
}
