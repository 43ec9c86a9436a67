package itty_test

// Tests of request bodies through an App: typed JSON and form handlers,
// 400/413/415/422 answers for JSON and HTML clients, app and route options,
// Request.Form and Request.JSON sharing the body, and upload cleanup (also
// after a panic).

import (
	"bytes"
	"encoding/json"
	stderrors "errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// bodyServe serves one request with a body and the given header pairs.
func bodyServe(t *testing.T, h http.Handler, method, target, ctype, body string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// problemDoc is the problem+json document of an error response.
type problemDoc struct {
	Type, Title, Detail string
	Status              int
	Errors              []struct{ Location, Message, Value string }
}

func decodeProblem(t *testing.T, w *httptest.ResponseRecorder) problemDoc {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type = %q, want application/problem+json; body:\n%s", ct, w.Body.String())
	}
	var p problemDoc
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatalf("problem+json: %v\n%s", err, w.Body.String())
	}
	return p
}

type createItem struct {
	ID     int    `path:"id"`
	Offset int    `path:"offset"`
	Draft  bool   `query:"draft"`
	Title  string `json:"title" required:"true" maxLength:"10"`
	Count  int    `json:"count" minimum:"1" default:"1"`
	Owner  string // untagged: never bound
}

func itemApp(t *testing.T, opts ...itty.Option) *itty.App {
	t.Helper()
	logger, _ := newLogger()
	a := itty.New(append([]itty.Option{itty.Logger(logger)}, opts...)...)
	itty.Post(a, "/lists/<int:id>/items/<int:offset>", func(r *itty.Request, p createItem) itty.Response {
		return respond.JSON(p)
	})
	itty.Put(a, "/small/<int:id>/<int:offset>", func(r *itty.Request, p createItem) itty.Response {
		return respond.JSON(p)
	}, itty.RouteMaxBodyBytes(24), itty.RouteStrictJSON(false))
	return a
}

func TestTypedJSONPost(t *testing.T) {
	a := itemApp(t)
	w := bodyServe(t, a, "POST", "/lists/7/items/2?draft=true", "application/json; charset=utf-8",
		`{"title":"x","offset":99,"id":5,"Owner":"mallory","owner":"mallory"}`)
	if w.Code != 200 {
		t.Fatalf("%d %s", w.Code, w.Body.String())
	}
	var got createItem
	json.Unmarshal(w.Body.Bytes(), &got)
	if got != (createItem{ID: 7, Offset: 2, Draft: true, Title: "x", Count: 1}) {
		t.Errorf("bound %+v", got)
	}
}

func TestBodyErrorsThroughApp(t *testing.T) {
	a := itemApp(t, itty.MaxBodyBytes(64), itty.StrictJSON(true))
	cases := []struct {
		name, method, target, ctype, body string
		status                            int
		detail                            string
		errors                            []string
	}{
		{"syntax", "POST", "/lists/1/items/2", "application/json", `{"title":`, 400, "the JSON body is malformed: unexpected EOF", nil},
		{"trailing data", "POST", "/lists/1/items/2", "application/json", `{"title":"x"} []`, 400, "the JSON body has data after its value", nil},
		{"app limit", "POST", "/lists/1/items/2", "application/json", `{"title":"` + strings.Repeat("a", 100) + `"}`, 413, "the request body is larger than the limit of 64 bytes", nil},
		{"route limit", "PUT", "/small/1/2", "application/json", `{"title":"abcdefghij12345"}`, 413, "the request body is larger than the limit of 24 bytes", nil},
		{"media type", "POST", "/lists/1/items/2", "text/plain", `title=x`, 415, `a body of type "text/plain" is not accepted here; send application/json`, nil},
		{"values", "POST", "/lists/1/items/2", "application/json", `{"title":"far too long","count":0}`, 422, "the request has invalid values", []string{
			"body.title: must be at most 10 characters long (far too long)", "body.count: must be at least 1 (0)"}},
		{"strict app", "POST", "/lists/1/items/2", "application/json", `{"title":"x","extra":1}`, 422, "the request has invalid values", []string{"body.extra: is not a known member ()"}},
		{"strict off for the route", "PUT", "/small/1/2", "application/json", `{"title":"x","e":1}`, 200, "", nil},
	}
	for _, c := range cases {
		w := bodyServe(t, a, c.method, c.target, c.ctype, c.body, "Accept", "application/json")
		if w.Code != c.status {
			t.Errorf("%s: status %d, want %d: %s", c.name, w.Code, c.status, w.Body.String())
			continue
		}
		if c.status == 200 {
			continue
		}
		p := decodeProblem(t, w)
		var got []string
		for _, e := range p.Errors {
			got = append(got, e.Location+": "+e.Message+" ("+e.Value+")")
		}
		if p.Status != c.status || p.Detail != c.detail || fmt.Sprint(got) != fmt.Sprint(c.errors) {
			t.Errorf("%s: %+v\nwant detail %q errors %q", c.name, p, c.detail, c.errors)
		}
	}
}

func TestBodyErrorsForHTMLClients(t *testing.T) {
	a := itemApp(t)
	w := bodyServe(t, a, "POST", "/lists/1/items/2", "application/json", `{"title":"<script>x</script>","count":0}`, "Accept", "text/html")
	body := w.Body.String()
	if w.Code != 422 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("%d %s", w.Code, w.Header().Get("Content-Type"))
	}
	for _, want := range []string{
		"<li>body.title: must be at most 10 characters long (got \u201c&lt;script&gt;x&lt;/script&gt;\u201d)</li>",
		"<li>body.count: must be at least 1 (got \u201c0\u201d)</li>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("HTML page lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "<script>") {
		t.Error("the page echoes unescaped input")
	}
}

func TestStrictJSONRouteOption(t *testing.T) {
	type P struct {
		A int `json:"a"`
	}
	logger, _ := newLogger()
	a := itty.New(itty.Logger(logger))
	h := func(r *itty.Request, p P) itty.Response { return respond.Text(fmt.Sprint(p.A)) }
	itty.Post(a, "/lax", h)
	itty.Post(a, "/strict", h, itty.RouteStrictJSON(true))
	if w := bodyServe(t, a, "POST", "/lax", "application/json", `{"a":1,"b":2}`); w.Code != 200 || w.Body.String() != "1" {
		t.Errorf("lax: %d %s", w.Code, w.Body.String())
	}
	if w := bodyServe(t, a, "POST", "/strict", "application/json", `{"a":1,"b":2}`); w.Code != 422 || !strings.Contains(w.Body.String(), "body.b: is not a known member") {
		t.Errorf("strict: %d %s", w.Code, w.Body.String())
	}
}

func TestRequestFormAndJSONShareTheBody(t *testing.T) {
	logger, _ := newLogger()
	a := itty.New(itty.Logger(logger), itty.MaxBodyBytes(32))
	itty.Post(a, "/form", func(r *itty.Request, p struct {
		Name string `form:"name"`
	}) itty.Response {
		f, err := r.Form()
		if err != nil {
			return err.(*itty.Error)
		}
		return respond.Text(p.Name + "|" + f.Get("name", "") + "|" + f.Get("other", "") + "|" + r.Query().Get("q", ""))
	})
	itty.Post(a, "/json", func(r *itty.Request, p struct {
		Title string `json:"title"`
	}) itty.Response {
		var all map[string]any
		if err := r.JSON(&all); err != nil {
			return err.(*itty.Error)
		}
		return respond.Text(p.Title + "|" + fmt.Sprint(all["extra"]))
	})
	itty.Post(a, "/raw", func(r *itty.Request, p struct{}) itty.Response {
		var v any
		err := r.JSON(&v)
		return respond.Text(fmt.Sprint(err))
	})
	itty.Get(a, "/get", func(r *itty.Request, p struct{}) itty.Response {
		f, err := r.Form()
		return respond.Text(fmt.Sprint(f.Len(), err))
	})
	cases := []struct{ method, target, ctype, body, want string }{
		{"POST", "/form?q=query", "application/x-www-form-urlencoded", "name=ann&other=x", "ann|ann|x|query"},
		{"POST", "/json", "application/json", `{"title":"t","extra":2}`, "t|2"},
		{"POST", "/raw", "application/json", `{"a":"` + strings.Repeat("x", 40) + `"}`, "itty: 413 request entity too large: the request body is larger than the limit of 32 bytes"},
		{"POST", "/raw", "text/plain", `{}`, `itty: 415 unsupported media type: request body is "text/plain", not JSON`},
		{"GET", "/get", "application/x-www-form-urlencoded", "a=1", "0 <nil>"},
	}
	for _, c := range cases {
		w := bodyServe(t, a, c.method, c.target, c.ctype, c.body)
		if w.Body.String() != c.want {
			t.Errorf("%s %s: %d %q, want %q", c.method, c.target, w.Code, w.Body.String(), c.want)
		}
	}
}

func TestBodyBindingInGroups(t *testing.T) {
	logger, _ := newLogger()
	a := itty.New(itty.Logger(logger))
	mw := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-Group", "yes")
			next.ServeHTTP(w, r)
		})
	}
	a.Use(mw)
	g := a.Group("/api", mw)
	itty.Post(g, "/echo", func(r *itty.Request, p struct {
		Msg string `json:"msg"`
	}) itty.Response {
		return respond.Text(p.Msg)
	})
	if w := bodyServe(t, a, "POST", "/api/echo", "application/json", `{"msg":"hi"}`); w.Code != 200 || w.Body.String() != "hi" {
		t.Errorf("%d %q", w.Code, w.Body.String())
	}
}

func TestRuleRegistrationErrorsStopRegistration(t *testing.T) {
	_, err := itty.Register(itty.New(), "POST", "/x", func(r *itty.Request, p struct {
		N int `json:"n" minimum:"5" maximum:"1"`
	}) itty.Response {
		return nil
	})
	var re *itty.RouteError
	var pe *bind.PlanError
	if !stderrors.As(err, &re) || !stderrors.As(err, &pe) || pe.Field != "N" || pe.Reason != "minimum 5 is above maximum 1" {
		t.Errorf("err = %v", err)
	}
}

// uploadRequest builds a multipart POST with a title and a file of size n.
func uploadRequest(t *testing.T, target string, n int) *http.Request {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("title", "report")
	fw, _ := mw.CreateFormFile("doc", "doc.bin")
	fw.Write(bytes.Repeat([]byte("x"), n))
	mw.Close()
	r := httptest.NewRequest("POST", target, &buf)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	return r
}

// dirEntries lists the names in dir.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names
}

type uploadParams struct {
	Title string                `form:"title"`
	Doc   *multipart.FileHeader `form:"doc" required:"true"`
}

// abortingResponse starts writing, then panics.
type abortingResponse struct{}

func (abortingResponse) WriteResponse(w http.ResponseWriter, r *http.Request) error {
	w.WriteHeader(200)
	io.WriteString(w, "partial")
	panic("broken mid-response")
}

func TestUploadTempFilesRemoved(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	logger, _ := newLogger()
	a := itty.New(itty.Logger(logger), itty.MaxMultipartMemory(1024))
	var during []string
	check := func(r *itty.Request, p uploadParams) {
		during = dirEntries(t, dir)
		f, err := p.Doc.Open()
		if err != nil {
			t.Errorf("open upload: %v", err)
			return
		}
		n, _ := io.Copy(io.Discard, f)
		f.Close()
		if n != 4096 {
			t.Errorf("upload has %d bytes", n)
		}
	}
	itty.Post(a, "/ok", func(r *itty.Request, p uploadParams) itty.Response {
		check(r, p)
		return respond.Text(p.Title)
	})
	itty.Post(a, "/panic", func(r *itty.Request, p uploadParams) itty.Response {
		check(r, p)
		panic("handler failed after the upload")
	})
	itty.Post(a, "/abort", func(r *itty.Request, p uploadParams) itty.Response {
		check(r, p)
		return abortingResponse{}
	})
	itty.Post(a, "/memory", func(r *itty.Request, p uploadParams) itty.Response {
		check(r, p)
		return respond.Text("in memory")
	}, itty.RouteMaxMultipartMemory(1<<20))
	itty.Post(a, "/limited", func(r *itty.Request, p uploadParams) itty.Response {
		return respond.Text("unreachable")
	}, itty.RouteMaxMultipartBytes(1000))

	for _, c := range []struct {
		target   string
		status   int
		onDisk   bool
		aborts   bool
		finished string
	}{
		{"/ok", 200, true, false, "report"},
		{"/panic", 500, true, false, ""},
		{"/abort", 200, true, true, ""},
		{"/memory", 200, false, false, "in memory"},
	} {
		during = nil
		w := httptest.NewRecorder()
		func() {
			defer func() {
				if v := recover(); (v == http.ErrAbortHandler) != c.aborts {
					t.Errorf("%s: recovered %v", c.target, v)
				}
			}()
			a.ServeHTTP(w, uploadRequest(t, c.target, 4096))
		}()
		if w.Code != c.status || c.finished != "" && w.Body.String() != c.finished {
			t.Errorf("%s: %d %q", c.target, w.Code, w.Body.String())
		}
		if (len(during) > 0) != c.onDisk {
			t.Errorf("%s: temporary files while serving: %v", c.target, during)
		}
		if left := dirEntries(t, dir); len(left) != 0 {
			t.Errorf("%s: temporary files left after the request: %v", c.target, left)
		}
	}
	w := httptest.NewRecorder()
	a.ServeHTTP(w, uploadRequest(t, "/limited", 4096))
	if w.Code != 413 {
		t.Errorf("/limited: %d %s", w.Code, w.Body.String())
	}
}

func TestAppMultipartLimit(t *testing.T) {
	logger, _ := newLogger()
	a := itty.New(itty.Logger(logger), itty.MaxMultipartBytes(2000))
	itty.Post(a, "/up", func(r *itty.Request, p uploadParams) itty.Response { return respond.Text("ok") })
	for n, want := range map[int]int{100: 200, 5000: 413} {
		w := httptest.NewRecorder()
		a.ServeHTTP(w, uploadRequest(t, "/up", n))
		if w.Code != want {
			t.Errorf("%d-byte upload: %d, want %d", n, w.Code, want)
		}
	}
}
