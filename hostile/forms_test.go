package hostile_test

// Query strings and urlencoded forms: 10 000 keys and more, huge and
// negative indexes, deep nesting, duplicate scalar keys, the same key in
// the query and the body, malformed escapes and separators. The parsers
// keep to the first value of a scalar, ignore keys no field takes, refuse
// indexes past their bound, and never allocate much more than the input.

import (
	"fmt"
	"strings"
	"testing"
)

const formType = "application/x-www-form-urlencoded"

// repeatPairs returns n pairs "key(i)=value" joined with "&".
func repeatPairs(n int, key func(i int) string, value string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(key(i))
		b.WriteByte('=')
		b.WriteString(value)
	}
	return b.String()
}

func distinct(prefix string) func(int) string {
	return func(i int) string { return fmt.Sprintf("%s%d", prefix, i) }
}

func same(key string) func(int) string { return func(int) string { return key } }

var formCases = []struct {
	name, target, ctype, body, want string
}{
	{"flat fields", "/form", formType, "name=ann&age=30&tag=a&tag=b", `200 name="ann" age=30 tags=2 qname=""`},
	{"duplicate scalar: the first wins", "/form", formType, "name=first&name=second&age=1&age=2", `200 name="first" age=1 tags=0 qname=""`},
	{"the same key in query and body stays apart", "/form?name=q", formType, "name=b", `200 name="b" age=0 tags=0 qname="q"`},
	{"malformed escapes are kept", "/form", formType, "name=%zz%&age=", `200 name="%zz%" age=0 tags=0 qname=""`},
	{"plus is a space", "/form", formType, "name=a+b%2Bc", `200 name="a b+c" age=0 tags=0 qname=""`},
	{"semicolon is an ordinary byte", "/form", formType, "name=a;age=3", `200 name="a;age=3" age=0 tags=0 qname=""`},
	{"empty pairs and keys", "/form", formType, "&&=&=x&&name=a&&&", `200 name="a" age=0 tags=0 qname=""`},
	{"NUL in keys and values", "/form", formType, "%00=1&name=a%00b", `200 name="a\x00b" age=0 tags=0 qname=""`},
	{"a 60 KB key no field takes", "/form", formType, strings.Repeat("k", 60000) + "=1&name=a", `200 name="a" age=0 tags=0 qname=""`},
	{"int8 overflow in a form", "/form", formType, "age=128", "422 form.age: must be an integer from -128 to 127"},
	{"10 000 distinct keys", "/form", formType, repeatPairs(10000, distinct("k"), "1") + "&name=last", `200 name="last" age=0 tags=0 qname=""`},
	{"10 000 values of one slice field", "/form", formType, repeatPairs(10000, same("tag"), "x"), `200 name="" age=0 tags=10000 qname=""`},
	{"10 000 values of one scalar field", "/form", formType, repeatPairs(10000, same("age"), "7"), `200 name="" age=7 tags=0 qname=""`},
	{"a body over the app's 256 KiB limit", "/form", formType, repeatPairs(40000, distinct("k"), "1"), "413 the request body is larger than the limit of 262144 bytes"},
	{"no Content-Type", "/form", "", "name=a", "415 a body without a Content-Type is not accepted here; send application/x-www-form-urlencoded or multipart/form-data"},
	{"text/plain", "/form", "text/plain", "name=a", `415 a body of type "text/plain" is not accepted here; send application/x-www-form-urlencoded or multipart/form-data`},
	{"a bad media parameter is ignored", "/form", "application/x-www-form-urlencoded; ;;", "name=a", `200 name="a" age=0 tags=0 qname=""`},
	{"malformed Content-Type", "/form", "text/", "name=a", `415 a body of type "text/" is not accepted here; send application/x-www-form-urlencoded or multipart/form-data`},

	// Nested keys.
	{"nested items and a map", "/nested", formType, "items[0].name=a&items[1].qty=2&meta[k]=v", "200 items=2 meta=1"},
	{"index at the bound", "/nested", formType, "items[1000].name=a", "200 items=1001 meta=0"},
	{"index past the bound", "/nested", formType, "items[1001].name=a", "422 form.items[1001].name: has an index above 1000"},
	{"huge index", "/nested", formType, "items[99999999999999999999].name=a", "422 form.items[99999999999999999999].name: has an index above 1000"},
	{"negative index", "/nested", formType, "items[-1].name=a", "422 form.items: has an index that is not a number"},
	{"index that is not a number", "/nested", formType, "items[x].name=a", "422 form.items: has an index that is not a number"},
	{"unbalanced brackets", "/nested", formType, "items[0.name=a", "422 form.items[0.name: is a malformed key: '[' without ']'"},
	{"1 000 levels of indexes", "/nested", formType, "items[0]" + strings.Repeat("[0]", 1000) + ".name=a", "200 items=0 meta=0"},
	{"deep map keys", "/nested", formType, "meta" + strings.Repeat("[a]", 1000) + "=x", "200 items=0 meta=0"},
	{"duplicate nested scalar", "/nested", formType, "items[0].name=a&items[0].name=b", "200 items=1 meta=0"},
	{"10 000 map keys", "/nested", formType, repeatPairs(10000, func(i int) string { return fmt.Sprintf("meta[k%d]", i) }, "v"), "200 items=0 meta=10000"},
	{"1 001 items, 10 000 keys", "/nested", formType, repeatPairs(10000, func(i int) string { return fmt.Sprintf("items[%d].name", i%1001) }, "v"), "200 items=1001 meta=0"},
	{"a nested int that is not one", "/nested", formType, "items[0].qty=1e3", "422 form.items[0].qty: must be an integer"},
}

func TestFormsAndQueries(t *testing.T) {
	f := newFixture(t)
	for _, c := range formCases {
		hdr := []string{"Accept", "application/json"}
		if c.ctype != "" {
			hdr = append(hdr, "Content-Type", c.ctype)
		}
		w := mustServe(t, f.app, "POST", c.target, strings.NewReader(c.body), hdr...)
		if got := outcome(t, w); got != c.want {
			t.Errorf("%s: %.200q, want %q", c.name, got, c.want)
		}
	}
	checkClean(t, f)
}

func TestHugeQueries(t *testing.T) {
	f := newFixture(t)
	cases := []struct{ name, query, want string }{
		{"10 000 distinct keys", repeatPairs(10000, distinct("k"), "1") + "&i8=5", `"I8":5`},
		{"10 000 values of one scalar", repeatPairs(10000, same("i8"), "9"), `"I8":9`},
		{"10 000 values of a slice", repeatPairs(10000, same("tag"), "t"), `"Tags":["t","t",`},
		{"10 000 empty keys", strings.Repeat("=&", 10000) + "i8=1", `"I8":1`},
		{"10 000 bad values of one scalar", repeatPairs(10000, same("u"), "x"), "422"},
	}
	for _, c := range cases {
		w := mustServe(t, f.app, "GET", "/q?"+c.query, nil, "Accept", "application/json")
		want := 200
		if c.want == "422" {
			want = 422
		}
		if w.Code != want || (want == 200 && !strings.Contains(w.Body.String(), c.want)) {
			t.Errorf("%s: %d %.200s", c.name, w.Code, w.Body.String())
		}
		if want == 422 {
			// A scalar takes its first value: one error, not 10 000.
			if p := mustProblem(t, w); p.fieldErrors() != "query.u: must be a non-negative integer" {
				t.Errorf("%s: %q", c.name, p.fieldErrors())
			}
		}
	}
	checkClean(t, f)
}

// TestFormMemoryIsBounded serves 10 000-key queries and forms and checks
// what each request allocates against a bound proportional to its input:
// no quadratic growth, no slice sized by a key.
func TestFormMemoryIsBounded(t *testing.T) {
	f := newFixture(t)
	mustServe(t, f.app, "GET", "/", nil) // freeze the app first
	query := repeatPairs(10000, distinct("k"), "1")
	form := repeatPairs(10000, same("tag"), "x")
	nested := repeatPairs(10000, func(i int) string { return fmt.Sprintf("meta[k%d]", i) }, "v")
	huge := "items[999999999].name=a&items[1000].name=b"
	cases := []struct {
		name, method, target, body string
		bound                      uint64
	}{
		{"10 000-key query", "GET", "/q?" + query, "", 2 << 20},
		{"10 000-value form", "POST", "/form", form, 2 << 20},
		{"10 000-key nested form", "POST", "/nested", nested, 16 << 20},
		{"huge index", "POST", "/nested", huge, 1 << 20},
	}
	for _, c := range cases {
		var code int
		n := allocated(func() {
			w := mustServe(t, f.app, c.method, c.target, strings.NewReader(c.body), "Content-Type", formType)
			code = w.Code
		})
		if code >= 500 || n > c.bound {
			t.Errorf("%s: status %d, allocated %d bytes, bound %d", c.name, code, n, c.bound)
		}
		t.Logf("%s: %d bytes of input, %d allocated", c.name, len(c.target)+len(c.body), n)
	}
	checkClean(t, f)
}

// TestFieldErrorsAreCapped sends a form with 1 001 bad values: the 422
// lists 1 000 of them and counts the rest, however many there are.
func TestFieldErrorsAreCapped(t *testing.T) {
	f := newFixture(t)
	body := repeatPairs(1001, func(i int) string { return fmt.Sprintf("items[%d].qty", i) }, "x")
	w := mustServe(t, f.app, "POST", "/nested", strings.NewReader(body), "Content-Type", formType, "Accept", "application/json")
	p := mustProblem(t, w)
	if w.Code != 422 || len(p.Errors) != 1001 || p.Errors[0].Message != "must be an integer" ||
		p.Errors[1000].Message != "1 more problems are not listed" {
		last := ""
		if len(p.Errors) > 0 {
			last = p.Errors[len(p.Errors)-1].Message
		}
		t.Errorf("1 001 bad values: %d, %d errors, last %q", w.Code, len(p.Errors), last)
	}
	checkClean(t, f)
}
