package hostile_test

// Typed parameters: every integer bit size at and past its bounds, signs,
// hexadecimal and underscores, NaN, infinities and overflowing exponents
// for floats, bad booleans, times and text types. In the query a value
// that does not convert is a 422 naming the field and saying what it must
// be; in the path a segment that does not fit its field does not match,
// so the answer is 404 and the handler never sees a made-up zero.

import (
	"fmt"
	"strings"
	"testing"
)

// paramCase is one query string and its outcome: "200 " followed by a
// substring of the JSON echo of the bound struct, or "422 " followed by
// every field error as "location: message".
type paramCase struct {
	query, want string
}

var queryParamCases = []paramCase{
	// int8 .. int64 and int at and past their bounds.
	{"i8=127", `200 "I8":127`},
	{"i8=-128", `200 "I8":-128`},
	{"i8=128", "422 query.i8: must be an integer from -128 to 127"},
	{"i8=-129", "422 query.i8: must be an integer from -128 to 127"},
	{"i16=32767", `200 "I16":32767`},
	{"i16=32768", "422 query.i16: must be an integer from -32768 to 32767"},
	{"i32=-2147483648", `200 "I32":-2147483648`},
	{"i32=2147483648", "422 query.i32: must be an integer from -2147483648 to 2147483647"},
	{"i64=9223372036854775807", `200 "I64":9223372036854775807`},
	{"i64=9223372036854775808", "422 query.i64: must be an integer from -9223372036854775808 to 9223372036854775807"},
	{"i64=-9223372036854775809", "422 query.i64: must be an integer from -9223372036854775808 to 9223372036854775807"},
	{"i=99999999999999999999999999999999", "422 query.i: must be an integer from -9223372036854775808 to 9223372036854775807"},
	{"u8=255", `200 "U8":255`},
	{"u8=256", "422 query.u8: must be an integer from 0 to 255"},
	{"u16=65536", "422 query.u16: must be an integer from 0 to 65535"},
	{"u32=4294967296", "422 query.u32: must be an integer from 0 to 4294967295"},
	{"u64=18446744073709551615", `200 "U64":18446744073709551615`},
	{"u64=18446744073709551616", "422 query.u64: must be an integer from 0 to 18446744073709551615"},
	{"u=-1", "422 query.u: must be a non-negative integer"},
	{"u8=-0", "422 query.u8: must be a non-negative integer"},

	// Signs, spaces, hexadecimal, underscores and other digits.
	{"i8=%2B5", `200 "I8":5`}, // "+5": strconv's sign
	{"i8=-0", `200 "I8":0`},
	{"i8=007", `200 "I8":7`},
	{"i8=+5", "422 query.i8: must be an integer"}, // "+" is a space in a query
	{"i8=%205", "422 query.i8: must be an integer"},
	{"i8=5%20", "422 query.i8: must be an integer"},
	{"i8=0x10", "422 query.i8: must be an integer"},
	{"i8=0b1", "422 query.i8: must be an integer"},
	{"i8=1_0", "422 query.i8: must be an integer"},
	{"i8=1e2", "422 query.i8: must be an integer"},
	{"i8=1.0", "422 query.i8: must be an integer"},
	{"i8=%D9%A3", "422 query.i8: must be an integer"},                // an Arabic-Indic digit
	{"u8=%EF%BC%91", "422 query.u8: must be a non-negative integer"}, // a full-width digit
	{"i8=", `200 "I8":0`},                                            // blank is absent

	// Floats.
	{"f64=1.5", `200 "F64":1.5`},
	{"f64=-2.5e3", `200 "F64":-2500`},
	{"f64=NaN", "422 query.f64: must be a finite number that fits in 64 bits"},
	{"f64=nan", "422 query.f64: must be a finite number that fits in 64 bits"},
	{"f64=Inf", "422 query.f64: must be a finite number that fits in 64 bits"},
	{"f64=-Infinity", "422 query.f64: must be a finite number that fits in 64 bits"},
	{"f64=1e400", "422 query.f64: must be a finite number that fits in 64 bits"},
	{"f64=-1e400", "422 query.f64: must be a finite number that fits in 64 bits"},
	{"f32=3.5e38", "422 query.f32: must be a finite number that fits in 32 bits"},
	{"f32=3.4e38", `200 "F32":3.4e+38`},
	{"f64=1e-400", `200 "F64":0`}, // underflow rounds to zero
	{"f64=1_000.5", "422 query.f64: must be a number"},
	{"f64=0x10", "422 query.f64: must be a number"},
	{"f64=0x1p4", "422 query.f64: must be a number"},
	{"f64=1,5", "422 query.f64: must be a number"},
	{"f64=.", "422 query.f64: must be a number"},
	{"f64=1e", "422 query.f64: must be a number"},
	{"f64=" + strings.Repeat("9", 400), "422 query.f64: must be a finite number that fits in 64 bits"},

	// Booleans, times, text types, pointers, slices.
	{"b=true", `200 "B":true`},
	{"b=1", `200 "B":true`},
	{"b=F", `200 "B":false`},
	{"b=yes", "422 query.b: must be true or false"},
	{"b=on", `200 "B":true`}, // an HTML checkbox with no value attribute
	{"b=off", `200 "B":false`},
	{"b=ON", "422 query.b: must be true or false"},
	{"b=tru", "422 query.b: must be true or false"},
	{"t=2024-02-29T12:00:00Z", `200 "T":"2024-02-29T12:00:00Z"`},
	{"t=2023-02-29T12:00:00Z", "422 query.t: must be an RFC 3339 date-time"},
	{"t=2024-01-01", "422 query.t: must be an RFC 3339 date-time"},
	{"t=yesterday", "422 query.t: must be an RFC 3339 date-time"},
	{"t=2024-01-01T25:00:00Z", "422 query.t: must be an RFC 3339 date-time"},
	{"l=high", `200 "L":2`},
	{"l=medium", `422 query.l: invalid value: unknown level "medium"`},
	{"p=5", `200 "P":5`},
	{"p=x", "422 query.p: must be an integer"},
	{"tag=a&tag=b&tag=", `200 "Tags":["a","b",""]`},

	// Several bad fields are all reported, in the order of the query.
	{"u8=256&i8=x&b=maybe", "422 query.u8: must be an integer from 0 to 255; query.i8: must be an integer; query.b: must be true or false"},
}

func TestQueryParameters(t *testing.T) {
	f := newFixture(t)
	for _, c := range queryParamCases {
		w := mustServe(t, f.app, "GET", "/q?"+c.query, nil, "Accept", "application/json")
		got := outcome(t, w)
		status, want, _ := strings.Cut(c.want, " ")
		if !strings.HasPrefix(got, status+" ") || (status == "200" && !strings.Contains(got, want)) || (status != "200" && got != c.want) {
			t.Errorf("?%s = %.200q, want %q", c.query, got, c.want)
		}
	}
	checkClean(t, f)
}

// TestErrorValuesAreEchoedSafely checks that the value a 422 echoes back is
// escaped in both formats.
func TestErrorValuesAreEchoedSafely(t *testing.T) {
	f := newFixture(t)
	w := mustServe(t, f.app, "GET", "/q?i8=%3Cscript%3Ealert(1)%3C%2Fscript%3E", nil, "Accept", "text/html")
	if w.Code != 422 || strings.Contains(w.Body.String(), "<script>") || !strings.Contains(w.Body.String(), "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("HTML 422: %d %s", w.Code, w.Body.String())
	}
	w = mustServe(t, f.app, "GET", "/q?i8=%3Cscript%3E", nil, "Accept", "application/json")
	if p := mustProblem(t, w); w.Code != 422 || strings.Contains(w.Body.String(), "<script>") || len(p.Errors) != 1 || p.Errors[0].Value != "<script>" {
		t.Errorf("JSON 422: %d %s", w.Code, w.Body.String())
	}
	checkClean(t, f)
}

var pathParamCases = []struct{ target, want string }{
	{"/i8/127", "200 i8 127"},
	{"/i8/128", "404"},
	{"/i8/-1", "404"},
	{"/i8/+1", "404"},
	{"/i8/%2B1", "404"},
	{"/i8/0x1", "404"},
	{"/i8/1_0", "404"},
	{"/i8/007", "200 i8 7"},
	{"/i8/%31", "200 i8 1"},
	{"/u8/255", "200 u8 255"},
	{"/u8/256", "404"},
	{"/u8/" + strings.Repeat("0", 1000) + "1", "200 u8 1"},
	{"/items/9223372036854775807", "200 item 9223372036854775807"},
	{"/items/9223372036854775808", "404"},
	{"/items/" + strings.Repeat("9", 1000), "404"},
	{"/f32/1.5", "200 f32 1.5"},
	{"/f32/NaN", "404"},
	{"/f32/Inf", "404"},
	{"/f32/1e3", "404"},
	{"/f32/.5", "404"},
	{"/f32/5.", "404"},
	{"/f32/-1.5", "404"},
	{"/f32/" + strings.Repeat("9", 40), "404"},
	{"/f32/0." + strings.Repeat("0", 500) + "1", "200 f32 0"},
	{"/id/00000000-0000-0000-0000-00000000000g", "404"},
	{"/id/000000000000000000000000000000000000", "404"},
}

func TestPathParameters(t *testing.T) {
	f := newFixture(t)
	for _, c := range pathParamCases {
		w := mustServe(t, f.app, "GET", c.target, nil)
		got := fmt.Sprint(w.Code)
		if w.Code == 200 {
			got += " " + w.Body.String()
		}
		if got != c.want {
			t.Errorf("GET %.60s = %q, want %q", c.target, got, c.want)
		}
	}
	checkClean(t, f)
}
