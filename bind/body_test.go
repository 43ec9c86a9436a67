package bind_test

// Tests of body reading: media types, limits, read errors, empty and raw
// bodies, Form and JSON on a RequestBody; shared helpers and benchmarks.

import (
	"bytes"
	stderrors "errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/params"
)

// newBodyRequest builds a request with a body and, unless ctype is "",
// a Content-Type.
func newBodyRequest(method, target, ctype, body string) *http.Request {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	return r
}

// bindWith binds r into a fresh P through a RequestBody with limits l and
// releases the body.
func bindWith[P any](t testing.TB, plan *bind.Plan[P], r *http.Request, l bind.Limits, pathValues ...string) (P, error) {
	t.Helper()
	var p P
	b := bind.NewRequestBody(r, l)
	defer b.Release()
	err := plan.BindBody(r, pathValues, b, &p)
	return p, err
}

// statusOf returns the status of an *errors.Error, 0 for nil and -1 for
// any other error.
func statusOf(err error) int {
	if err == nil {
		return 0
	}
	var e *errors.Error
	if stderrors.As(err, &e) {
		return e.Status
	}
	return -1
}

// problems lists the field errors of a 422 as "location=message|value".
func problems(t testing.TB, err error) []string {
	t.Helper()
	var e *errors.Error
	if !stderrors.As(err, &e) || e.Status != http.StatusUnprocessableEntity {
		t.Fatalf("err = %v, want a 422 *errors.Error", err)
	}
	out := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		out[i] = f.Location() + "=" + f.Message + "|" + f.Value
	}
	return out
}

// wantProblems checks the 422 entries of err exactly, in order.
func wantProblems(t testing.TB, err error, want ...string) {
	t.Helper()
	got := problems(t, err)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got  %q\n want %q", got, want)
	}
}

// multipartBody builds a multipart/form-data body from text fields
// (name, value pairs) and files (name, filename, content triples).
func multipartBody(t testing.TB, fields []string, files []string) (string, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for i := 0; i+1 < len(fields); i += 2 {
		if err := w.WriteField(fields[i], fields[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i+2 < len(files); i += 3 {
		fw, err := w.CreateFormFile(files[i], files[i+1])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(fw, files[i+2])
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String(), w.Boundary()
}

// mixedP takes JSON members and form fields: the content type decides.
type mixedP struct {
	Title string `json:"title"`
	Name  string `form:"name"`
}

func TestMediaTypes(t *testing.T) {
	plan := mustPlan[mixedP](t)
	mpBody, boundary := multipartBody(t, []string{"name", "mp"}, nil)
	cases := []struct {
		ctype, body string
		want        mixedP
	}{
		{"application/json", `{"title":"j"}`, mixedP{Title: "j"}},
		{"application/json; charset=utf-8", `{"title":"j"}`, mixedP{Title: "j"}},
		{"application/json;charset=UTF-8", `{"title":"j"}`, mixedP{Title: "j"}},
		{"Application/JSON", `{"title":"j"}`, mixedP{Title: "j"}},
		{"application/vnd.api+json", `{"title":"j"}`, mixedP{Title: "j"}},
		{"application/merge-patch+json; charset=utf-8", `{"title":"j"}`, mixedP{Title: "j"}},
		{"application/x-www-form-urlencoded", "name=f", mixedP{Name: "f"}},
		{"application/x-www-form-urlencoded; charset=utf-8", "name=f", mixedP{Name: "f"}},
		{"application/x-www-form-urlencoded;charset=ISO-8859-1", "name=f", mixedP{Name: "f"}},
		{"multipart/form-data; boundary=" + boundary, mpBody, mixedP{Name: "mp"}},
		{`multipart/form-data; boundary="` + boundary + `"`, mpBody, mixedP{Name: "mp"}},
		{"multipart/form-data; charset=utf-8; boundary=" + boundary, mpBody, mixedP{Name: "mp"}},
	}
	for _, c := range cases {
		got, err := bindWith(t, plan, newBodyRequest("POST", "/", c.ctype, c.body), bind.Limits{})
		if err != nil || got != c.want {
			t.Errorf("%s: got %+v, %v; want %+v", c.ctype, got, err, c.want)
		}
	}
}

func TestUnsupportedMediaType(t *testing.T) {
	type jsonOnly struct {
		Title string `json:"title"`
	}
	type formOnly struct {
		Name string `form:"name"`
	}
	cases := []struct {
		name       string
		bind       func(r *http.Request) error
		ctype      string
		wantStatus int
		wantDetail string
	}{
		{"text to json", bindFunc[jsonOnly](t), "text/plain", 415, `a body of type "text/plain" is not accepted here; send application/json`},
		{"no type to json", bindFunc[jsonOnly](t), "", 415, "a body without a Content-Type is not accepted here; send application/json"},
		{"malformed type", bindFunc[jsonOnly](t), "application/", 415, `a body of type "application/" is not accepted here; send application/json`},
		{"form to json", bindFunc[jsonOnly](t), "application/x-www-form-urlencoded", 415, `a body of type "application/x-www-form-urlencoded" is not accepted here; send application/json`},
		{"json to form", bindFunc[formOnly](t), "application/json", 415, `a body of type "application/json" is not accepted here; send application/x-www-form-urlencoded or multipart/form-data`},
		{"xml to mixed", bindFunc[mixedP](t), "application/xml; charset=utf-8", 415, `a body of type "application/xml" is not accepted here; send application/json or application/x-www-form-urlencoded or multipart/form-data`},
	}
	for _, c := range cases {
		err := c.bind(newBodyRequest("POST", "/", c.ctype, "x=1"))
		var e *errors.Error
		if !stderrors.As(err, &e) || e.Status != c.wantStatus || e.Detail != c.wantDetail {
			t.Errorf("%s: err = %#v, want %d %q", c.name, err, c.wantStatus, c.wantDetail)
		}
	}
}

// bindFunc returns a function binding a request into P with default limits.
func bindFunc[P any](t *testing.T) func(r *http.Request) error {
	plan := mustPlan[P](t)
	return func(r *http.Request) error {
		_, err := bindWith(t, plan, r, bind.Limits{})
		return err
	}
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestFormBodiesOnlyForPostPutPatch(t *testing.T) {
	plan := mustPlan[struct {
		Name string `form:"name" default:"none"`
	}](t)
	for _, m := range []string{"POST", "PUT", "PATCH", "GET", "HEAD", "DELETE", "OPTIONS"} {
		cr := &countingReader{r: strings.NewReader("name=x")}
		r := httptest.NewRequest(m, "/", cr)
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		got, err := bindWith(t, plan, r, bind.Limits{})
		reads := m == "POST" || m == "PUT" || m == "PATCH"
		want := "none"
		if reads {
			want = "x"
		}
		if err != nil || got.Name != want || (cr.n > 0) != reads {
			t.Errorf("%s: got %q, %v, %d bytes read", m, got.Name, err, cr.n)
		}
	}
}

func TestBodyTooLarge(t *testing.T) {
	type P struct {
		Title string `json:"title"`
		Raw   string `form:"raw"`
	}
	plan := mustPlan[P](t)
	big := `{"title":"` + strings.Repeat("a", 2000) + `"}`
	mpBody, boundary := multipartBody(t, []string{"raw", strings.Repeat("b", 3000)}, nil)
	cases := []struct {
		name   string
		r      func() *http.Request
		limits bind.Limits
		want   int
		detail string
	}{
		{"declared length", func() *http.Request { return newBodyRequest("POST", "/", "application/json", big) }, bind.Limits{MaxBytes: 1000}, 413, "the request body is larger than the limit of 1000 bytes"},
		{"chunked", func() *http.Request {
			r := newBodyRequest("POST", "/", "application/json", big)
			r.ContentLength = -1
			return r
		}, bind.Limits{MaxBytes: 1000}, 413, "the request body is larger than the limit of 1000 bytes"},
		{"exactly at the limit", func() *http.Request { return newBodyRequest("POST", "/", "application/json", big) }, bind.Limits{MaxBytes: int64(len(big))}, 0, ""},
		{"urlencoded", func() *http.Request {
			return newBodyRequest("POST", "/", "application/x-www-form-urlencoded", "raw="+strings.Repeat("c", 100))
		}, bind.Limits{MaxBytes: 50}, 413, "the request body is larger than the limit of 50 bytes"},
		{"multipart declared", func() *http.Request {
			return newBodyRequest("POST", "/", "multipart/form-data; boundary="+boundary, mpBody)
		}, bind.Limits{MaxMultipartBytes: 1000}, 413, "the request body is larger than the limit of 1000 bytes"},
		{"multipart chunked", func() *http.Request {
			r := newBodyRequest("POST", "/", "multipart/form-data; boundary="+boundary, mpBody)
			r.ContentLength = -1
			return r
		}, bind.Limits{MaxMultipartBytes: 1000}, 413, "the request body is larger than the limit of 1000 bytes"},
		{"multipart under its own limit", func() *http.Request {
			return newBodyRequest("POST", "/", "multipart/form-data; boundary="+boundary, mpBody)
		}, bind.Limits{MaxBytes: 10}, 0, ""},
		{"default json limit", func() *http.Request {
			r := newBodyRequest("POST", "/", "application/json", `{"title":"`+strings.Repeat("a", bind.DefaultMaxBytes)+`"}`)
			r.ContentLength = -1
			return r
		}, bind.Limits{}, 413, "the request body is larger than the limit of 1048576 bytes"},
	}
	for _, c := range cases {
		_, err := bindWith(t, plan, c.r(), c.limits)
		var e *errors.Error
		if statusOf(err) != c.want || c.want != 0 && (!stderrors.As(err, &e) || e.Detail != c.detail) {
			t.Errorf("%s: err = %v, want %d %q", c.name, err, c.want, c.detail)
		}
	}
}

// failingReader returns some bytes, then err.
type failingReader struct {
	data string
	err  error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.data != "" {
		n := copy(p, f.data)
		f.data = f.data[n:]
		return n, nil
	}
	return 0, f.err
}

func TestBodyReadErrors(t *testing.T) {
	cause := stderrors.New("connection reset by peer")
	for _, ctype := range []string{"application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz"} {
		r := httptest.NewRequest("POST", "/", &failingReader{data: `{"title":`, err: cause})
		r.Header.Set("Content-Type", ctype)
		r.ContentLength = -1
		_, err := bindWith(t, mustPlan[mixedP](t), r, bind.Limits{})
		var e *errors.Error
		if !stderrors.As(err, &e) || e.Status != 400 || !stderrors.Is(err, cause) {
			t.Errorf("%s: err = %v, want a 400 caused by the read error", ctype, err)
		}
	}
	// A limit set by middleware with http.MaxBytesReader is a 413 too.
	r := newBodyRequest("POST", "/", "application/json", `{"title":"abcdef"}`)
	r.Body = http.MaxBytesReader(httptest.NewRecorder(), r.Body, 5)
	r.ContentLength = -1
	if _, err := bindWith(t, mustPlan[mixedP](t), r, bind.Limits{}); statusOf(err) != 413 {
		t.Errorf("MaxBytesReader: err = %v, want 413", err)
	}
}

// TestBodyDeadlineIs408 checks that a body whose connection read deadline
// passed (a slow client) is answered 408, for every body media type, and
// through Request.JSON and Form too.
func TestBodyDeadlineIs408(t *testing.T) {
	timeout := &net.OpError{Op: "read", Net: "tcp", Err: os.ErrDeadlineExceeded}
	for _, ctype := range []string{"application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz"} {
		r := httptest.NewRequest("POST", "/", &failingReader{data: `{"title":`, err: timeout})
		r.Header.Set("Content-Type", ctype)
		r.ContentLength = -1
		_, err := bindWith(t, mustPlan[mixedP](t), r, bind.Limits{})
		var e *errors.Error
		if !stderrors.As(err, &e) || e.Status != 408 || e.Detail != "the request body did not arrive in time" {
			t.Errorf("%s: err = %v, want 408", ctype, err)
		}
	}
	r := httptest.NewRequest("POST", "/", &failingReader{data: `{"a":`, err: timeout})
	r.Header.Set("Content-Type", "application/json")
	b := bind.NewRequestBody(r, bind.Limits{})
	defer b.Release()
	if err := b.JSON(new(map[string]any)); statusOf(err) != 408 {
		t.Errorf("RequestBody.JSON: err = %v, want 408", err)
	}
}

func TestEmptyBodies(t *testing.T) {
	type P struct {
		Title string `json:"title" default:"untitled"`
		Count int    `json:"count"`
		Name  string `form:"name" default:"anon"`
	}
	plan := mustPlan[P](t)
	want := P{Title: "untitled", Name: "anon"}
	for _, r := range []*http.Request{
		httptest.NewRequest("POST", "/", nil),
		newBodyRequest("POST", "/", "application/json", ""),
		newBodyRequest("POST", "/", "application/json", " \n\t"),
		newBodyRequest("POST", "/", "application/json", "null"),
		newBodyRequest("POST", "/", "text/plain", ""),
		newBodyRequest("POST", "/", "application/x-www-form-urlencoded", ""),
	} {
		got, err := bindWith(t, plan, r, bind.Limits{})
		if err != nil || got != want {
			t.Errorf("%s %q: got %+v, %v", r.Header.Get("Content-Type"), r.ContentLength, got, err)
		}
	}
}

func TestRawBodyFields(t *testing.T) {
	type bytesP struct {
		ID   int    `path:"id"`
		Data []byte `body:""`
	}
	type textP struct {
		Text string `body:"" maxLength:"6"`
		Name string `form:"name"`
	}
	bp := mustPlan[bytesP](t, bind.PathParam{Name: "id", Kind: params.Int})
	for _, ctype := range []string{"", "application/octet-stream", "image/png", "application/json", "text/plain; charset=utf-8", "x/"} {
		r := newBodyRequest("PUT", "/", ctype, "\x00\x01{")
		got, err := bindWith(t, bp, r, bind.Limits{}, "7")
		if err != nil || got.ID != 7 || string(got.Data) != "\x00\x01{" {
			t.Errorf("%q: got %+v, %v", ctype, got, err)
		}
	}
	// A string body field and a form field both see a form body.
	tp := mustPlan[textP](t)
	got, err := bindWith(t, tp, newBodyRequest("POST", "/", "application/x-www-form-urlencoded", "name=a"), bind.Limits{})
	if err != nil || got.Text != "name=a" || got.Name != "a" {
		t.Errorf("text and form: got %+v, %v", got, err)
	}
	_, err = bindWith(t, tp, newBodyRequest("POST", "/", "text/plain", "too long"), bind.Limits{})
	wantProblems(t, err, "body=must be at most 6 characters long|too long")
	// The bound bytes are a copy: they survive the body's buffer.
	r := newBodyRequest("POST", "/", "application/octet-stream", "keep")
	b := bind.NewRequestBody(r, bind.Limits{})
	var p bytesP
	if err := bp.BindBody(r, []string{"1"}, b, &p); err != nil {
		t.Fatal(err)
	}
	raw, _ := b.Bytes()
	copy(raw, "XXXX")
	b.Release()
	if string(p.Data) != "keep" {
		t.Errorf("the body field aliases the pooled buffer: %q", p.Data)
	}
}

func TestRequestBodyForm(t *testing.T) {
	mp, boundary := multipartBody(t, []string{"b", "2", "a", "1", "b", "3"}, []string{"f", "f.txt", "data"})
	cases := []struct {
		method, ctype, body string
		want                string
	}{
		{"POST", "application/x-www-form-urlencoded", "q=go+lang&tag=a&tag=b&empty=&bare&%41=%ZZ", "q=go+lang&tag=a&tag=b&empty=&bare=&A=%25ZZ"},
		{"PUT", "application/x-www-form-urlencoded; charset=utf-8", "z=1&a=2", "z=1&a=2"},
		{"PATCH", "multipart/form-data; boundary=" + boundary, mp, "a=1&b=2&b=3"},
		{"POST", "application/json", `{"a":1}`, ""},
		{"GET", "application/x-www-form-urlencoded", "a=1", ""},
		{"DELETE", "application/x-www-form-urlencoded", "a=1", ""},
	}
	for _, c := range cases {
		b := bind.NewRequestBody(newBodyRequest(c.method, "/?query=no", c.ctype, c.body), bind.Limits{})
		q, err := b.Form()
		if err != nil || q.Encode() != c.want {
			t.Errorf("%s %s: Form() = %q, %v; want %q", c.method, c.ctype, q.Encode(), err, c.want)
		}
		if q2, _ := b.Form(); q2 != q {
			t.Errorf("%s %s: Form() parsed twice", c.method, c.ctype)
		}
		b.Release()
	}
	// Form shares the body with binding: it is read once.
	cr := &countingReader{r: strings.NewReader("name=x&other=y")}
	r := httptest.NewRequest("POST", "/", cr)
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	b := bind.NewRequestBody(r, bind.Limits{})
	defer b.Release()
	var p struct {
		Name string `form:"name"`
	}
	plan := mustPlan[struct {
		Name string `form:"name"`
	}](t)
	if err := plan.BindBody(r, nil, b, &p); err != nil || p.Name != "x" {
		t.Fatalf("bind: %+v %v", p, err)
	}
	q, err := b.Form()
	if err != nil || q.Get("other", "") != "y" || cr.n != len("name=x&other=y") {
		t.Errorf("Form after binding: %q %v, %d bytes read", q.Encode(), err, cr.n)
	}
	// Errors of the body are the Form's.
	big := bind.NewRequestBody(newBodyRequest("POST", "/", "application/x-www-form-urlencoded", "a="+strings.Repeat("x", 100)), bind.Limits{MaxBytes: 10})
	defer big.Release()
	if _, err := big.Form(); statusOf(err) != 413 {
		t.Errorf("Form over the limit: %v", err)
	}
}

func TestRequestBodyJSON(t *testing.T) {
	type item struct {
		Title string `json:"title"`
	}
	cases := []struct {
		ctype, body string
		limits      bind.Limits
		status      int
		errText     string
	}{
		{"application/json", `{"title":"x"}`, bind.Limits{}, 0, ""},
		{"application/ld+json", `{"title":"x","extra":1}`, bind.Limits{}, 0, ""},
		{"text/plain", `{}`, bind.Limits{}, 415, `itty: 415 unsupported media type: request body is "text/plain", not JSON`},
		{"application/json", ``, bind.Limits{}, 400, "itty: 400 bad request: request has no body"},
		{"application/json", `{"title":`, bind.Limits{}, 400, "itty: 400 bad request: invalid JSON body: unexpected EOF: unexpected EOF"},
		{"application/json", `{"title":"x"} 1`, bind.Limits{}, 400, "itty: 400 bad request: invalid JSON body: data after the JSON value"},
		{"application/json", `{"title":"x","extra":1}`, bind.Limits{StrictJSON: true}, 400, `itty: 400 bad request: invalid JSON body: unknown field "extra": json: unknown field "extra"`},
		{"application/json", `{"title":"xxxxxxxxxx"}`, bind.Limits{MaxBytes: 10}, 413, "itty: 413 request entity too large: the request body is larger than the limit of 10 bytes"},
	}
	for _, c := range cases {
		b := bind.NewRequestBody(newBodyRequest("POST", "/", c.ctype, c.body), c.limits)
		var v item
		err := b.JSON(&v)
		b.Release()
		if statusOf(err) != c.status || c.status != 0 && err.Error() != c.errText || c.status == 0 && v.Title != "x" {
			t.Errorf("%s %s: err = %v (%+v), want %d %q", c.ctype, c.body, err, v, c.status, c.errText)
		}
	}
}

func TestLimitsDefaults(t *testing.T) {
	l := bind.DefaultLimits()
	if l.MaxBytes != 1<<20 || l.MaxMultipartBytes != 32<<20 || l.MaxMultipartMemory != 8<<20 || l.StrictJSON {
		t.Errorf("DefaultLimits() = %+v", l)
	}
}

func TestPlanReadsBody(t *testing.T) {
	if mustPlan[struct {
		Q int `query:"q"`
	}](t).ReadsBody() {
		t.Error("a query-only plan reads the body")
	}
	for i, reads := range []bool{
		mustPlan[struct {
			A string `form:"a"`
		}](t).ReadsBody(),
		mustPlan[struct {
			A string `json:"a"`
		}](t).ReadsBody(),
		mustPlan[struct {
			A []byte `body:""`
		}](t).ReadsBody(),
	} {
		if !reads {
			t.Errorf("plan %d does not read the body", i)
		}
	}
}

// Benchmarks bind the same small body into P with and without rules.

type benchForm struct {
	ID    int      `path:"id"`
	Title string   `form:"title"`
	Count int      `form:"count"`
	Tags  []string `form:"tag"`
}

type benchFormRules struct {
	ID    int      `path:"id" minimum:"1"`
	Title string   `form:"title" required:"true" minLength:"1" maxLength:"100"`
	Count int      `form:"count" minimum:"0" maximum:"1000"`
	Tags  []string `form:"tag" maxItems:"10" enum:"a,b,c"`
}

type benchJSON struct {
	ID    int    `path:"id"`
	Flag  bool   `query:"flag"`
	Title string `json:"title"`
	Count int    `json:"count"`
}

type benchJSONRules struct {
	ID    int    `path:"id" minimum:"1"`
	Flag  bool   `query:"flag"`
	Title string `json:"title" required:"true" minLength:"1" maxLength:"100"`
	Count int    `json:"count" minimum:"0" maximum:"1000"`
}

// benchBind binds body into P b.N times through a reused request.
func benchBind[P any](b *testing.B, target, ctype, body string) {
	plan := mustPlan[P](b, bind.PathParam{Name: "id", Kind: params.Int})
	r := httptest.NewRequest("POST", target, nil)
	r.Header.Set("Content-Type", ctype)
	sr := strings.NewReader(body)
	rc := io.NopCloser(sr)
	vals := []string{"1"}
	p := new(P)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		sr.Reset(body)
		r.Body, r.ContentLength = rc, int64(len(body))
		rb := bind.NewRequestBody(r, bind.Limits{})
		*p = *new(P)
		if err := plan.BindBody(r, vals, rb, p); err != nil {
			b.Fatal(err)
		}
		rb.Release()
	}
}

func BenchmarkBindURLEncoded(b *testing.B) {
	const body = "title=hello+world&count=3&tag=a&tag=b"
	b.Run("plain", func(b *testing.B) { benchBind[benchForm](b, "/x/1", "application/x-www-form-urlencoded", body) })
	b.Run("rules", func(b *testing.B) { benchBind[benchFormRules](b, "/x/1", "application/x-www-form-urlencoded", body) })
}

func BenchmarkBindMultipart(b *testing.B) {
	body, boundary := multipartBody(b, []string{"title", "hello world", "count", "3", "tag", "a", "tag", "b"}, nil)
	ctype := "multipart/form-data; boundary=" + boundary
	b.Run("plain", func(b *testing.B) { benchBind[benchForm](b, "/x/1", ctype, body) })
	b.Run("rules", func(b *testing.B) { benchBind[benchFormRules](b, "/x/1", ctype, body) })
}

func BenchmarkBindJSON(b *testing.B) {
	const body = `{"title":"x","count":3}`
	b.Run("plain", func(b *testing.B) { benchBind[benchJSON](b, "/x/1?flag=true", "application/json", body) })
	b.Run("rules", func(b *testing.B) { benchBind[benchJSONRules](b, "/x/1?flag=true", "application/json", body) })
}

func ExampleRequestBody_Form() {
	r := httptest.NewRequest("POST", "/", strings.NewReader("name=Ann+Lee&tag=a&tag=b"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	body := bind.NewRequestBody(r, bind.DefaultLimits())
	defer body.Release()
	form, err := body.Form()
	fmt.Println(form.Get("name", ""), form.GetList("tag"), err)
	// Output: Ann Lee [a b] <nil>
}
