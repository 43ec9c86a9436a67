package bind_test

// Tests of form binding: query-string semantics for flat fields, nested and
// indexed keys through go-playground/form, key checks, and FuzzFormBinding.

import (
	stderrors "errors"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/errors"
)

// postForm builds a urlencoded POST.
func postForm(body string) *http.Request {
	return newBodyRequest("POST", "/", "application/x-www-form-urlencoded", body)
}

type flatForm struct {
	S     string    `form:"s"`
	Tags  []string  `form:"tag"`
	Ns    []int     `form:"n"`
	I     int       `form:"i" default:"9"`
	P     *int      `form:"p"`
	B     bool      `form:"b"`
	T     time.Time `form:"t"`
	Blank string    `form:"blank"`
}

func TestFormQueryDictSemantics(t *testing.T) {
	plan := mustPlan[flatForm](t)
	three := 3
	cases := []struct {
		body string
		want flatForm
	}{
		{"s=a+b%21&tag=x&tag=&tag=y&n=1&n=2&i=5&p=3&b=true&t=2026-01-02T03:04:05Z&blank=",
			flatForm{S: "a b!", Tags: []string{"x", "", "y"}, Ns: []int{1, 2}, I: 5, P: &three, B: true, T: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}},
		{"s=first&s=second&i=1&i=2", flatForm{S: "first", I: 1}},       // the first value wins
		{"i=&p=&b=&n=&t=", flatForm{I: 9}},                             // blank non-strings are absent
		{"&&s&&tag", flatForm{Tags: []string{""}, I: 9}},               // bare keys are blank values
		{"%73=%ZZ&unknown=1&s=ignored", flatForm{S: "%ZZ", I: 9}},      // lenient escapes
		{"s=a;b&tag=c", flatForm{S: "a;b", Tags: []string{"c"}, I: 9}}, // ';' is not a separator
		{"s=%E2%82%AC+%2B", flatForm{S: "€ +", I: 9}},                  // escapes and '+'
		{"", flatForm{I: 9}},
	}
	for _, c := range cases {
		got, err := bindWith(t, plan, postForm(c.body), bind.Limits{})
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q:\n got  %+v, %v\n want %+v", c.body, got, err, c.want)
		}
	}
}

func TestFormConversionErrors(t *testing.T) {
	plan := mustPlan[flatForm](t)
	_, err := bindWith(t, plan, postForm("i=x&n=1&n=two&p=1.5&b=maybe&t=yesterday"), bind.Limits{})
	wantProblems(t, err,
		"form.i=must be an integer|x",
		"form.p=must be an integer|1.5",
		"form.b=must be true or false|maybe",
		"form.t=must be an RFC 3339 date-time|yesterday",
		"form.n=must be an integer|1,two",
	)
}

type item struct {
	Name  string   `form:"name" json:"name" minLength:"2"`
	Count int      `form:"count" json:"count" minimum:"1"`
	Tags  []string `form:"tags" json:"tags"`
	Note  string   // untagged: never set
}

type address struct {
	City string `form:"city" json:"city" required:"true"`
	Zip  string `form:"zip" json:"zip" pattern:"^[0-9]{5}$"`
}

type nestedFormP struct {
	Title string               `form:"title"`
	Items []item               `form:"items"`
	Addr  address              `form:"addr"`
	Ptr   *address             `form:"ptr"`
	M     map[string]int       `form:"m"`
	IDs   map[int]string       `form:"ids"`
	Deep  map[string][]item    `form:"deep"`
	When  map[string]time.Time `form:"when"`
}

func TestNestedForm(t *testing.T) {
	plan := mustPlan[nestedFormP](t)
	body := url.Values{
		"title":             {"t"},
		"items[0].name":     {"ab"},
		"items[0].count":    {"2"},
		"items[0].tags":     {"x", "y"},
		"items[0].Note":     {"never"},
		"items[2].name":     {"cd"},
		"items[2].count":    {"5"},
		"addr.city":         {"Paris"},
		"addr.zip":          {"75001"},
		"ptr.city":          {"Oslo"},
		"m[a]":              {"1"},
		"m[b c]":            {"2"},
		"ids[7]":            {"seven"},
		"deep[k][0].name":   {"zz"},
		"when[start]":       {"2026-01-02T03:04:05Z"},
		"unrelated[0].name": {"x"},
	}.Encode()
	got, err := bindWith(t, plan, postForm(body), bind.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := nestedFormP{
		Title: "t",
		Items: []item{{Name: "ab", Count: 2, Tags: []string{"x", "y"}}, {}, {Name: "cd", Count: 5}},
		Addr:  address{City: "Paris", Zip: "75001"},
		Ptr:   &address{City: "Oslo"},
		M:     map[string]int{"a": 1, "b c": 2},
		IDs:   map[int]string{7: "seven"},
		Deep:  map[string][]item{"k": {{Name: "zz"}}},
		When:  map[string]time.Time{"start": time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestNestedFormErrors(t *testing.T) {
	plan := mustPlan[nestedFormP](t)
	cases := []struct {
		name, body string
		want       []string
	}{
		{"conversions", "items[0].count=x&m[a]=y&ids[x]=1&when[a]=soon&addr.city=c", []string{
			"form.ids=must be an integer|",
			"form.items[0].count=must be an integer|x",
			"form.m[a]=must be an integer|y",
			"form.when[a]=must be an RFC 3339 date-time|soon",
		}},
		{"rules", "items[0].name=a&items[0].count=0&items[1].name=ok&addr.zip=123&ptr.zip=12345&deep[k][0].name=z", []string{
			"form.items[0].name=must be at least 2 characters long|a",
			"form.items[0].count=must be at least 1|0",
			"form.addr.city=is required|",
			"form.addr.zip=must match the pattern ^[0-9]{5}$|123",
			"form.ptr.city=is required|",
			"form.deep[k][0].name=must be at least 2 characters long|z",
		}},
		{"index limit", "items[1001].name=x&addr.city=c", []string{"form.items[1001].name=has an index above 1000|"}},
		{"huge index", "items[999999999999].name=x&items[99999].name=y&addr.city=c", []string{
			"form.items[999999999999].name=has an index above 1000|",
			"form.items[99999].name=has an index above 1000|",
		}},
	}
	for _, c := range cases {
		_, err := bindWith(t, plan, postForm(c.body), bind.Limits{})
		got := problems(t, err)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got  %q\n want %q", c.name, got, c.want)
		}
	}
}

func TestNestedFormMalformedKeys(t *testing.T) {
	plan := mustPlan[nestedFormP](t)
	cases := []struct {
		key, want string
	}{
		{"items[0.name", "form.items[0.name=is a malformed key: '[' without ']'|"},
		{"items[0]]", "form.items[0]]=is a malformed key: ']' without '['|"},
		{"items[[0]]", "form.items[[0]]=is a malformed key: '[' inside brackets|"},
		{"m[a[b]]", "form.m[a[b]]=is a malformed key: '[' inside brackets|"},
		{"items.x]", "form.items.x]=is a malformed key: ']' without '['|"},
		{"items[", "form.items[=is a malformed key: '[' without ']'|"},
	}
	for _, c := range cases {
		_, err := bindWith(t, plan, postForm(url.Values{c.key: {"v"}, "addr.city": {"c"}}.Encode()), bind.Limits{})
		wantProblems(t, err, c.want)
	}
	// Keys that only look nested are ignored, not decoded.
	got, err := bindWith(t, plan, postForm("items]=1&itemsx[0]=2&addr.city=c"), bind.Limits{})
	if err != nil || got.Items != nil {
		t.Errorf("look-alike keys: %+v %v", got, err)
	}
}

func TestNestedFormSizeLimits(t *testing.T) {
	plan := mustPlan[nestedFormP](t)
	var b strings.Builder
	b.WriteString("addr.city=c")
	for i := 0; i < 2100; i++ {
		b.WriteString("&deep[k" + strings.Repeat("x", i%7) + strconv.Itoa(i) + "][0].name=ab")
	}
	_, err := bindWith(t, plan, postForm(b.String()), bind.Limits{})
	wantProblems(t, err, "form=has too many indexed keys|")

	// 1000 items of 5 fields each stay well inside the limits.
	b.Reset()
	b.WriteString("addr.city=c")
	for i := 0; i < 1000; i++ {
		n := strconv.Itoa(i)
		b.WriteString("&items[" + n + "].name=ab&items[" + n + "].count=1&items[" + n + "].tags=a&items[" + n + "].tags=b")
	}
	got, err := bindWith(t, plan, postForm(b.String()), bind.Limits{MaxBytes: 1 << 22})
	if err != nil || len(got.Items) != 1000 || got.Items[999].Tags[1] != "b" {
		t.Errorf("1000 items: %d items, %v", len(got.Items), err)
	}
}

func TestNestedFormInMultipart(t *testing.T) {
	plan := mustPlan[nestedFormP](t)
	body, boundary := multipartBody(t, []string{"items[0].name", "mp", "addr.city", "Rome", "m[k]", "4"}, nil)
	got, err := bindWith(t, plan, newBodyRequest("POST", "/", "multipart/form-data; boundary="+boundary, body), bind.Limits{})
	if err != nil || len(got.Items) != 1 || got.Items[0].Name != "mp" || got.Addr.City != "Rome" || got.M["k"] != 4 {
		t.Errorf("got %+v, %v", got, err)
	}
}

func TestFormRegistrationErrors(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{compileErr[struct {
			A [3]int `form:"a"`
		}](), `itty: field A (form:"a"): type [3]int cannot be decoded from a form (use a slice instead of an array)`},
		{compileErr[struct {
			A []struct {
				C chan int `form:"c"`
			} `form:"a"`
		}](), `itty: field A (form:"a"): in type struct { C chan int "form:\"c\"" }: field C: type chan int cannot be decoded from a form (use a slice instead of an array)`},
		{compileErr[struct {
			A []struct {
				N int `form:"n" default:"1"`
			} `form:"a"`
		}](), `itty: field A (form:"a"): in type struct { N int "form:\"n\" default:\"1\"" }: field N: defaults are not supported inside nested form fields`},
		{compileErr[struct {
			A []item `form:"a" default:"x"`
		}](), `itty: field A (form:"a"): a nested form field cannot have a default`},
		{compileErr[struct {
			A []item `form:"a.b"`
		}](), `itty: field A (form:"a.b"): a nested form field's name cannot hold '[', ']', '.' or ','`},
		{compileErr[struct {
			A []struct {
				N int `minimum:"1"`
			} `form:"a"`
		}](), `itty: field A (form:"a"): in type struct { N int "minimum:\"1\"" }: field N has validation rules but no form tag, so it is never decoded`},
		{compileErr[struct {
			A int `form:"a" default:"x"`
		}](), `itty: field A (form:"a"): default "x" does not convert: must be an integer`},
		{compileErr[struct {
			A complex64 `form:"a"`
		}](), `itty: field A (form:"a"): type complex64 cannot be bound from text (use a string, bool, number, time.Time or an encoding.TextUnmarshaler)`},
		// Scalars behind pointers and one slice are refused as they are in
		// a query: as nested fields they took only indexed keys, and
		// silently dropped the plain ones a client sends (ids=1&ids=2).
		{compileErr[struct {
			A *[]int `form:"a"`
		}](), `itty: field A (form:"a"): type []int cannot be bound from text (use a string, bool, number, time.Time or an encoding.TextUnmarshaler)`},
		{compileErr[struct {
			A []*int `form:"a"`
		}](), `itty: field A (form:"a"): type *int cannot be bound from text (use a string, bool, number, time.Time or an encoding.TextUnmarshaler)`},
		{compileErr[struct {
			A **time.Time `form:"a"`
		}](), `itty: field A (form:"a"): type *time.Time cannot be bound from text (use a string, bool, number, time.Time or an encoding.TextUnmarshaler)`},
		{compileErr[struct {
			A []byte `form:"a"`
		}](), `itty: field A (form:"a"): type []uint8 cannot be bound from text (use a string, bool, number, time.Time or an encoding.TextUnmarshaler)`},
		{compileErr[struct {
			A []any `form:"a"`
		}](), `itty: field A (form:"a"): type interface {} cannot be bound from text (use a string, bool, number, time.Time or an encoding.TextUnmarshaler)`},
		// A flat field named like a key of a nested one, in either order.
		{compileErr[struct {
			User *address `form:"user"`
			City string   `form:"user.city"`
		}](), `itty: field City (form:"user.city"): form "user.city" is a key of the nested form field "user", which would never see it`},
		{compileErr[struct {
			First string `form:"items[0]"`
			Items []item `form:"items"`
		}](), `itty: field Items (form:"items"): form "items[0]" is a key of the nested form field "items", which would never see it`},
		{compileErr[struct {
			Items  []item `form:"items"`
			ItemsX string `form:"itemsx"`
			Dotted string `form:"a.b"`
		}](), `<nil>`},
		// Nested keys remain for what holds a struct, a map or a slice of
		// slices.
		{compileErr[struct {
			A []*item          `form:"a"`
			B *map[string]int  `form:"b"`
			C [][]int          `form:"c"`
			D []map[string]any `form:"d"`
			E *[]*address      `form:"e"`
		}](), `<nil>`},
	}
	for _, c := range cases {
		if got := errText(c.err); got != c.want {
			t.Errorf("\n got  %s\n want %s", got, c.want)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// fuzzFormP has flat, nested, indexed and mapped form fields.
type fuzzFormP struct {
	S     string            `form:"s" maxLength:"5"`
	N     int               `form:"n" minimum:"0"`
	F     []float64         `form:"f"`
	Items []item            `form:"items" maxItems:"50"`
	Addr  *address          `form:"addr"`
	M     map[string]int    `form:"m"`
	MM    map[int][]string  `form:"mm"`
	Deep  map[string][]item `form:"deep"`
}

func FuzzFormBinding(f *testing.F) {
	for _, seed := range []string{
		"s=abc&n=1&f=1.5&f=x",
		"items[0].name=ab&items[0].count=2&items[3].tags=x",
		"addr.city=Paris&addr.zip=75001",
		"m[a]=1&mm[3]=x&mm[3]=y&deep[k][0].name=zz",
		"items[0.name=1&items]=2&items[[1]]=3&m[a[b]]=4",
		"items[99999999999999999999].name=x&items[1001]=y&items[-1].name=z",
		"%69tems%5B0%5D.name=esc&items[0].count=%ZZ",
		"deep[][0].name=x&mm[x]=1&items[0][1]=2&addr[city]=x",
	} {
		f.Add(seed)
	}
	plan := mustPlan[fuzzFormP](f)
	f.Fuzz(func(t *testing.T, body string) {
		for _, method := range []string{"POST", "GET"} {
			_, err := bindWith(t, plan, newBodyRequest(method, "/", "application/x-www-form-urlencoded", body), bind.Limits{})
			if s := statusOf(err); s != 0 && (s < 400 || s > 499) {
				t.Fatalf("%s %q: err = %v", method, body, err)
			}
			// The key checks keep the decoder from ever panicking.
			var e *errors.Error
			if stderrors.As(err, &e) {
				for _, f := range e.Fields {
					if strings.Contains(f.Message, "could not be decoded") {
						t.Fatalf("%q: the form decoder panicked: %v", body, f.Err)
					}
				}
			}
		}
	})
}

func TestNestedFormLongKeys(t *testing.T) {
	type P struct {
		M map[string]address `form:"m"`
	}
	key := strings.Repeat("k", 100)
	_, err := bindWith(t, mustPlan[P](t), postForm("m["+key+"].zip=1"), bind.Limits{})
	loc := "form.m[" + strings.Repeat("k", 64) + "…]"
	wantProblems(t, err, loc+".city=is required|", loc+".zip=must match the pattern ^[0-9]{5}$|1")
	if _, err := bindWith(t, mustPlan[P](t), postForm("m["+key+"].city=x"), bind.Limits{}); err != nil {
		t.Errorf("a present field behind a long key: %v", err)
	}
}
