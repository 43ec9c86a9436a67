package bind_test

import (
	stderrors "errors"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/errors"
)

// mustPlan compiles the plan of P for a pattern with no path parameters.
func mustPlan[P any](t testing.TB, path ...bind.PathParam) *bind.Plan[P] {
	t.Helper()
	p, err := bind.Compile[P](path)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	return p
}

// errOrEmpty is err's text, or "" for a nil error.
func errOrEmpty(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// mustFieldErrors binds target and returns the 422's field errors as
// "location=message" strings.
func mustFieldErrors[P any](t *testing.T, plan *bind.Plan[P], r *http.Request) []string {
	t.Helper()
	var dst P
	err := plan.Bind(r, nil, &dst)
	var e *errors.Error
	if !stderrors.As(err, &e) || e.Status != 422 {
		t.Fatalf("Bind(%s) = %v, want a 422 *errors.Error", r.URL, err)
	}
	var out []string
	for _, f := range e.Fields {
		out = append(out, f.Location()+"="+f.Message+"|"+f.Value)
	}
	return out
}

type scalars struct {
	S   string    `query:"s"`
	B   bool      `query:"b"`
	I   int       `query:"i"`
	I8  int8      `query:"i8"`
	I16 int16     `query:"i16"`
	I32 int32     `query:"i32"`
	I64 int64     `query:"i64"`
	U   uint      `query:"u"`
	U8  uint8     `query:"u8"`
	U16 uint16    `query:"u16"`
	U32 uint32    `query:"u32"`
	U64 uint64    `query:"u64"`
	F32 float32   `query:"f32"`
	F64 float64   `query:"f64"`
	T   time.Time `query:"t"`
	IP  net.IP    `query:"ip"`
}

func TestQueryScalars(t *testing.T) {
	plan := mustPlan[scalars](t)
	r := httptest.NewRequest("GET", "/?s=a+b%21&b=true&i=-5&i8=-128&i16=32767&i32=-2147483648&i64=9223372036854775807"+
		"&u=7&u8=255&u16=65535&u32=4294967295&u64=18446744073709551615&f32=1.5&f64=-2.5e10&t=2026-11-22T10:30:00Z&ip=192.0.2.1", nil)
	var got scalars
	if err := plan.Bind(r, nil, &got); err != nil {
		t.Fatal(err)
	}
	want := scalars{S: "a b!", B: true, I: -5, I8: -128, I16: 32767, I32: -2147483648, I64: 9223372036854775807,
		U: 7, U8: 255, U16: 65535, U32: 4294967295, U64: 18446744073709551615, F32: 1.5, F64: -2.5e10,
		T: time.Date(2026, 11, 22, 10, 30, 0, 0, time.UTC), IP: net.ParseIP("192.0.2.1")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestQueryConversionErrors(t *testing.T) {
	plan := mustPlan[scalars](t)
	cases := []struct {
		query string
		want  string
	}{
		{"b=maybe", "query.b=must be true or false|maybe"},
		{"b=yes", "query.b=must be true or false|yes"},
		{"b=ON", "query.b=must be true or false|ON"},
		{"i=abc", "query.i=must be an integer|abc"},
		{"i=0x10", "query.i=must be an integer|0x10"},
		{"i=1_000", "query.i=must be an integer|1_000"},
		{"i=1.5", "query.i=must be an integer|1.5"},
		{"i8=128", "query.i8=must be an integer from -128 to 127|128"},
		{"i8=-129", "query.i8=must be an integer from -128 to 127|-129"},
		{"i16=32768", "query.i16=must be an integer from -32768 to 32767|32768"},
		{"i32=2147483648", "query.i32=must be an integer from -2147483648 to 2147483647|2147483648"},
		{"i64=9223372036854775808", "query.i64=must be an integer from -9223372036854775808 to 9223372036854775807|9223372036854775808"},
		{"u8=256", "query.u8=must be an integer from 0 to 255|256"},
		{"u8=-1", "query.u8=must be a non-negative integer|-1"},
		{"u16=65536", "query.u16=must be an integer from 0 to 65535|65536"},
		{"u32=4294967296", "query.u32=must be an integer from 0 to 4294967295|4294967296"},
		{"u64=18446744073709551616", "query.u64=must be an integer from 0 to 18446744073709551615|18446744073709551616"},
		{"f64=abc", "query.f64=must be a number|abc"},
		{"f64=NaN", "query.f64=must be a finite number that fits in 64 bits|NaN"},
		{"f64=Inf", "query.f64=must be a finite number that fits in 64 bits|Inf"},
		{"f64=-Infinity", "query.f64=must be a finite number that fits in 64 bits|-Infinity"},
		{"f64=1e400", "query.f64=must be a finite number that fits in 64 bits|1e400"},
		{"f32=1e39", "query.f32=must be a finite number that fits in 32 bits|1e39"},
		{"t=yesterday", "query.t=must be an RFC 3339 date-time|yesterday"},
		{"t=2026-11-22", "query.t=must be an RFC 3339 date-time|2026-11-22"},
		{"ip=999.1.1.1", "query.ip=invalid value: invalid IP address: 999.1.1.1|999.1.1.1"},
	}
	for _, c := range cases {
		got := mustFieldErrors(t, plan, httptest.NewRequest("GET", "/?"+c.query, nil))
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("?%s: %q, want %q", c.query, got, c.want)
		}
	}
	// Every failure is reported, in field order.
	got := mustFieldErrors(t, plan, httptest.NewRequest("GET", "/?u8=300&b=x&i=y", nil))
	if want := []string{"query.b=must be true or false|x", "query.i=must be an integer|y", "query.u8=must be an integer from 0 to 255|300"}; !reflect.DeepEqual(sorted(got), want) || len(got) != 3 {
		t.Errorf("several errors: %q", got)
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

type optional struct {
	Page    int        `query:"page" default:"1"`
	Size    *int       `query:"size"`
	When    *time.Time `query:"when"`
	Tags    []string   `query:"tag"`
	IDs     []int64    `query:"id"`
	Name    string     `query:"name" default:"anon"`
	Verbose bool       `query:"verbose"`
}

func TestQueryPointersSlicesDefaults(t *testing.T) {
	plan := mustPlan[optional](t)
	bindQ := func(q string) optional {
		t.Helper()
		var o optional
		if err := plan.Bind(httptest.NewRequest("GET", "/?"+q, nil), nil, &o); err != nil {
			t.Fatalf("?%s: %v", q, err)
		}
		return o
	}
	o := bindQ("")
	if o.Page != 1 || o.Size != nil || o.When != nil || o.Tags != nil || o.IDs != nil || o.Name != "anon" || o.Verbose {
		t.Errorf("absent: %+v", o)
	}
	o = bindQ("page=3&size=10&tag=a&tag=&tag=c&id=1&id=2&name=&verbose=1")
	if o.Page != 3 || o.Size == nil || *o.Size != 10 || !reflect.DeepEqual(o.Tags, []string{"a", "", "c"}) ||
		!reflect.DeepEqual(o.IDs, []int64{1, 2}) || o.Name != "" || !o.Verbose {
		t.Errorf("present: %+v", o)
	}
	// A blank value of a non-string type is no value: defaults apply.
	o = bindQ("page=&size=&verbose=&id=&id=4")
	if o.Page != 1 || o.Size != nil || o.Verbose || !reflect.DeepEqual(o.IDs, []int64{4}) {
		t.Errorf("blank: %+v", o)
	}
	// The first of duplicate scalar keys wins.
	o = bindQ("page=5&page=6")
	if o.Page != 5 {
		t.Errorf("duplicates: page = %d, want the first (5)", o.Page)
	}
	// Keys are decoded before matching; unknown keys are ignored.
	o = bindQ("%70age=9&unknown=1&&&=x")
	if o.Page != 9 {
		t.Errorf("encoded key: page = %d", o.Page)
	}
	got := mustFieldErrors(t, plan, httptest.NewRequest("GET", "/?id=1&id=x&size=big", nil))
	if want := []string{"query.id=must be an integer|1,x", "query.size=must be an integer|big"}; !reflect.DeepEqual(sorted(got), want) {
		t.Errorf("slice/pointer errors: %q", got)
	}
}

type fromHeaders struct {
	Token   string   `header:"x-token"`
	Count   int      `header:"X-Count"`
	Accepts []string `header:"Accept"`
	Session string   `cookie:"session"`
	Theme   string   `cookie:"theme" default:"light"`
	Visits  int      `cookie:"visits"`
	Untaged string
}

func TestHeadersAndCookies(t *testing.T) {
	plan := mustPlan[fromHeaders](t)
	r := httptest.NewRequest("GET", "/?Untaged=x", nil)
	r.Header.Set("X-Token", "abc")
	r.Header.Set("X-Count", "3")
	r.Header.Add("Accept", "text/html")
	r.Header.Add("Accept", "application/json")
	r.Header.Add("Cookie", `session="s1"; other=o`)
	r.Header.Add("Cookie", "visits=4; session=s2")
	var got fromHeaders
	if err := plan.Bind(r, nil, &got); err != nil {
		t.Fatal(err)
	}
	want := fromHeaders{Token: "abc", Count: 3, Accepts: []string{"text/html", "application/json"}, Session: "s1", Theme: "light", Visits: 4}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	r = httptest.NewRequest("GET", "/", nil)
	r.Header.Set("X-Count", "many")
	r.Header.Set("Cookie", "visits=lots")
	errs := mustFieldErrors(t, plan, r)
	if want := []string{"cookie.visits=must be an integer|lots", "header.X-Count=must be an integer|many"}; !reflect.DeepEqual(sorted(errs), want) {
		t.Errorf("errors %q", errs)
	}
}

func TestValueIsClipped(t *testing.T) {
	plan := mustPlan[scalars](t)
	got := mustFieldErrors(t, plan, httptest.NewRequest("GET", "/?i="+strings.Repeat("x", 5000), nil))
	if len(got) != 1 || len(got[0]) > 400 {
		t.Errorf("reported value not clipped: %d bytes", len(got[0]))
	}
}

func TestEmbeddedStructsAndFields(t *testing.T) {
	type Paging struct {
		Page int `query:"page" default:"1"`
		Size int `query:"size" default:"20"`
	}
	type P struct {
		Paging
		Q string `query:"q"`
	}
	plan := mustPlan[P](t)
	var p P
	if err := plan.Bind(httptest.NewRequest("GET", "/?q=x&size=5", nil), nil, &p); err != nil {
		t.Fatal(err)
	}
	if p.Page != 1 || p.Size != 5 || p.Q != "x" {
		t.Errorf("%+v", p)
	}
	var names []string
	for _, f := range plan.Fields() {
		names = append(names, f.Source.String()+"."+f.Name+"="+f.GoName)
	}
	if want := "query.page=Paging.Page query.size=Paging.Size query.q=Q"; strings.Join(names, " ") != want {
		t.Errorf("Fields() = %q", names)
	}
}

func TestBindAllocations(t *testing.T) {
	type P struct {
		Page    int    `query:"page" default:"1"`
		Verbose bool   `query:"verbose"`
		Q       string `query:"q"`
		Token   string `header:"X-Token"`
		Session string `cookie:"session"`
	}
	plan := mustPlan[P](t)
	r := httptest.NewRequest("GET", "/?page=2&verbose=true&q=x", nil)
	r.Header.Set("X-Token", "t")
	r.Header.Set("Cookie", "a=b; session=s")
	var p P
	if n := testing.AllocsPerRun(100, func() {
		if err := plan.Bind(r, nil, &p); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("Bind allocates %v times, want 0", n)
	}
}
