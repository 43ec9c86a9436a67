package hostile_test

// JSON bodies: 10 000-deep nesting, duplicate and case-variant keys,
// trailing values, wrong types, empty and null bodies, huge numbers,
// invalid UTF-8, byte-order marks, and bodies over the limit. Syntax
// faults are 400, values that do not fit are 422 at their exact location,
// and a body over the limit is 413 before it is parsed.

import (
	"strings"
	"testing"
)

const jsonType = "application/json"

var jsonCases = []struct {
	name, target, ctype, body, want string
}{
	{"a valid body", "/json", jsonType, `{"name":"a","count":3,"tags":["x"],"big":1.5,"inner":{"flag":true}}`, `200 name="a" count=3 tags=1 big=1.5 flag=true`},
	{"10 000-deep arrays", "/json", jsonType, `{"name":"a","tags":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}`,
		"400 the JSON body is malformed at offset 10019: invalid character '[' exceeded max depth"},
	{"10 000-deep objects are valid JSON", "/json", jsonType, strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000), "422 body.name: is required"},
	{"10 001-deep objects", "/json", jsonType, strings.Repeat(`{"a":`, 10001) + "1" + strings.Repeat("}", 10001),
		"400 the JSON body is malformed at offset 50001: invalid character '{' exceeded max depth"},
	{"duplicate keys: the last wins", "/json", jsonType, `{"name":"first","name":"second"}`, `200 name="second" count=0 tags=0 big=0 flag=false`},
	{"case-variant keys do not match", "/json", jsonType, `{"NAME":"x","Name":"y"}`, "422 body.name: is required"},
	{"case-variant and exact keys", "/json", jsonType, `{"NAME":"x","name":"y"}`, `200 name="y" count=0 tags=0 big=0 flag=false`},
	{"unknown members with StrictJSON", "/json/strict", jsonType, `{"name":"a","NAME":"b","x":1}`, "422 body.NAME: is not a known member; body.x: is not a known member"},
	{"a trailing value", "/json", jsonType, `{"name":"a"} {"name":"b"}`, "400 the JSON body has data after its value"},
	{"trailing garbage", "/json", jsonType, `{"name":"a"}x`, "400 the JSON body has data after its value"},
	{"trailing whitespace is fine", "/json", jsonType, "{\"name\":\"a\"}\r\n\t ", `200 name="a" count=0 tags=0 big=0 flag=false`},
	{"wrong types everywhere", "/json", jsonType, `{"name":1,"count":"3","tags":"a","inner":[]}`,
		"422 body.name: must be a string; body.count: must be an integer; body.tags: must be an array; body.inner: must be an object"},
	{"an array body", "/json", jsonType, `[]`, "422 body: must be an object"},
	{"a string body", "/json", jsonType, `"x"`, "422 body: must be an object"},
	{"an empty body", "/json", jsonType, "", "422 body: is required"},
	{"a null body", "/json", jsonType, "null", "422 body: is required"},
	{"whitespace only is no body", "/json", jsonType, "   ", "422 body: is required"},
	{"truncated", "/json", jsonType, `{"name":"a`, "400 the JSON body is malformed: unexpected EOF"},
	{"a byte-order mark", "/json", jsonType, "\xef\xbb\xbf{\"name\":\"a\"}", "400 the JSON body is malformed at offset 1: invalid character 'ï' looking for beginning of value"},
	{"invalid UTF-8 becomes U+FFFD", "/json", jsonType, "{\"name\":\"a\xffb\"}", "200 name=\"a\ufffdb\" count=0 tags=0 big=0 flag=false"},
	{"a control byte in a string", "/json", jsonType, "{\"name\":\"a\x01\"}", "400 the JSON body is malformed at offset 11: invalid character '\\x01' in string literal"},
	{"int8 overflow", "/json", jsonType, `{"name":"a","count":128}`, "422 body.count: must be an integer from -128 to 127"},
	{"an integer with 30 digits", "/json", jsonType, `{"name":"a","count":999999999999999999999999999999}`, "422 body.count: must be an integer from -128 to 127"},
	{"a fraction for an integer", "/json", jsonType, `{"name":"a","count":1.5}`, "422 body.count: must be an integer"},
	{"an exponent for an integer", "/json", jsonType, `{"name":"a","count":1e400}`, "422 body.count: must be an integer"},
	{"negative zero", "/json", jsonType, `{"name":"a","count":-0}`, `200 name="a" count=0 tags=0 big=0 flag=false`},
	{"a float over float64", "/json", jsonType, `{"name":"a","big":1e400}`, "422 body.big: must be a finite number that fits in 64 bits"},
	{"a float with 400 digits", "/json", jsonType, `{"name":"a","big":` + strings.Repeat("9", 400) + `}`, "422 body.big: must be a finite number that fits in 64 bits"},
	{"a tiny float rounds to zero", "/json", jsonType, `{"name":"a","big":1e-400}`, `200 name="a" count=0 tags=0 big=0 flag=false`},
	{"NaN is not JSON", "/json", jsonType, `{"name":"a","big":NaN}`, "400 the JSON body is malformed at offset 19: invalid character 'N' looking for beginning of value"},
	{"a rule: maxLength", "/json", jsonType, `{"name":"` + strings.Repeat("n", 21) + `"}`, "422 body.name: must be at most 20 characters long"},
	{"a rule: maxItems", "/json", jsonType, `{"name":"a","tags":["1","2","3","4","5","6"]}`, "422 body.tags: must have at most 5 items"},
	{"a body over the 256 KiB limit", "/json", jsonType, `{"name":"` + strings.Repeat("n", 300<<10) + `"}`, "413 the request body is larger than the limit of 262144 bytes"},
	{"a +json media type", "/json", "application/merge-patch+json", `{"name":"a"}`, `200 name="a" count=0 tags=0 big=0 flag=false`},
	{"a charset parameter is ignored", "/json", "application/json; charset=utf-16", `{"name":"a"}`, `200 name="a" count=0 tags=0 big=0 flag=false`},
	{"no Content-Type", "/json", "", `{"name":"a"}`, "415 a body without a Content-Type is not accepted here; send application/json"},
	{"text/plain", "/json", "text/plain", `{"name":"a"}`, `415 a body of type "text/plain" is not accepted here; send application/json`},
}

func TestJSONBodies(t *testing.T) {
	f := newFixture(t)
	for _, c := range jsonCases {
		hdr := []string{"Accept", "application/json"}
		if c.ctype != "" {
			hdr = append(hdr, "Content-Type", c.ctype)
		}
		w := mustServe(t, f.app, "POST", c.target, strings.NewReader(c.body), hdr...)
		if got := outcome(t, w); got != c.want {
			t.Errorf("%s: %.300q, want %q", c.name, got, c.want)
		}
	}
	checkClean(t, f)
}

// TestJSONMemoryIsBounded checks that a deeply nested body is refused
// without allocating in proportion to its depth times anything.
func TestJSONMemoryIsBounded(t *testing.T) {
	f := newFixture(t)
	mustServe(t, f.app, "GET", "/", nil) // freeze the app first
	deep := `{"name":"a","tags":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`
	var code int
	n := allocated(func() {
		code = mustServe(t, f.app, "POST", "/json", strings.NewReader(deep), "Content-Type", jsonType).Code
	})
	if code != 400 || n > 4<<20 {
		t.Errorf("100 000-deep body: status %d, %d bytes allocated", code, n)
	}
	checkClean(t, f)
}
