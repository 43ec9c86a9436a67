package bench

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"

	"github.com/ittygo/itty/benchmarks/internal/routelist"
	"github.com/ittygo/itty/benchmarks/internal/routes"
)

// ID names a scenario.
type ID string

// The scenarios, in report order.
const (
	Static         ID = "Static"         // GET /user/repos among the GitHub API routes
	Param1         ID = "Param1"         // /user/:name as /user/gordon
	Param5         ID = "Param5"         // /:a/:b/:c/:d/:e as /test/test/test/test/test
	Param20        ID = "Param20"        // /:a/.../:t as /a/b/.../t
	GitHubAll      ID = "GitHubAll"      // every GitHub API route once per op
	ParseAll       ID = "ParseAll"       // every Parse API route once per op
	GPlusAll       ID = "GPlusAll"       // every Google+ API route once per op
	NotFound       ID = "NotFound"       // a path no GitHub API route matches
	Typed          ID = "Typed"          // POST /items/<int:id>?verbose=true, JSON in and out
	TypedValidated ID = "TypedValidated" // the same with validation rules on the body
	Form           ID = "Form"           // a urlencoded form post
	Multipart      ID = "Multipart"      // a multipart upload of 64 KiB
)

// Case is one request and what every framework must answer to it.
type Case struct {
	Method string
	Target string
	Header http.Header
	Body   []byte
	Want   Expect
}

// Expect is a checked reply.
type Expect struct {
	// Status is the status wanted. When AnyOf is set, any of those
	// statuses is accepted instead (frameworks disagree on how to refuse
	// invalid input: 400 or 422).
	Status int
	AnyOf  []int
	// Params are the path parameter values the handler must have read, in
	// order; nil for handlers that read none.
	Params []string
	// JSON, when set, is the reply object wanted, decoded with
	// encoding/json (numbers are float64). The Content-Type must be JSON.
	JSON map[string]any
	// Empty requires an empty body.
	Empty bool
}

// Scenario is one benchmark: one op serves every case once.
type Scenario struct {
	ID    ID
	Doc   string
	Cases []Case
	// Rejects are served by the correctness test only: invalid input the
	// app must refuse.
	Rejects []Case
}

// ItemReply is the reply of the typed endpoint, in every framework.
type ItemReply struct {
	ID      int    `json:"id"`
	Title   string `json:"title"`
	Count   int    `json:"count"`
	Verbose bool   `json:"verbose"`
}

// FormReply is the reply of the form post.
type FormReply struct {
	Name  string `json:"name"`
	Email string `json:"email"`
	Age   int    `json:"age"`
}

// UploadReply is the reply of the upload: the form field and what the
// handler read of the file.
type UploadReply struct {
	Name     string `json:"name"`
	Filename string `json:"filename"`
	Size     int64  `json:"size"`
}

// UploadSize is the size of the uploaded file.
const UploadSize = 64 << 10

var (
	jsonHeader = http.Header{"Content-Type": {"application/json"}}
	formHeader = http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
)

// routeCases builds one request per route, each filled with
// routelist.Value, answered 204 with the values read.
func routeCases(rts []routelist.Route) []Case {
	cs := make([]Case, len(rts))
	for i, rt := range rts {
		target, vals := rt.Target()
		cs[i] = Case{Method: rt.Method, Target: target, Want: Expect{Status: http.StatusNoContent, Params: vals, Empty: true}}
	}
	return cs
}

func noContent(method, target string, params ...string) Case {
	if params == nil {
		params = []string{}
	}
	return Case{Method: method, Target: target, Want: Expect{Status: http.StatusNoContent, Params: params, Empty: true}}
}

// letters returns the first n lower-case letters as one-letter strings.
func letters(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = string(rune('a' + i))
	}
	return out
}

func itemWant() map[string]any {
	return map[string]any{"id": 42.0, "title": "x", "count": 3.0, "verbose": true}
}

func itemCase(body string) Case {
	return Case{Method: http.MethodPost, Target: "/items/42?verbose=true", Header: jsonHeader, Body: []byte(body)}
}

var refused = []int{http.StatusBadRequest, http.StatusUnprocessableEntity}

// uploadBody builds the multipart body of the upload scenario.
func uploadBody() ([]byte, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	if err := mw.SetBoundary("itty-bench-boundary-7MA4YWxkTrZu0gW"); err != nil {
		panic(err)
	}
	if err := mw.WriteField("name", "gordon"); err != nil {
		panic(err)
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="file"; filename="data.bin"`)
	h.Set("Content-Type", "application/octet-stream")
	fw, err := mw.CreatePart(h)
	if err != nil {
		panic(err)
	}
	data := make([]byte, UploadSize)
	for i := range data {
		data[i] = byte(i*31 + i>>8)
	}
	if _, err := fw.Write(data); err != nil {
		panic(err)
	}
	if err := mw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes(), mw.FormDataContentType()
}

// Scenarios returns every scenario, in report order.
func Scenarios() []*Scenario {
	twenty := letters(20)
	upload, uploadType := uploadBody()
	typedOK := itemCase(`{"title":"x","count":3}`)
	typedOK.Want = Expect{Status: http.StatusOK, JSON: itemWant()}
	badID := itemCase(`{"title":"x","count":3}`)
	badID.Target = "/items/abc?verbose=true"
	badID.Want = Expect{AnyOf: []int{http.StatusBadRequest, http.StatusNotFound, http.StatusUnprocessableEntity}}
	badJSON := itemCase(`{"title":"x","count":`)
	badJSON.Want = Expect{AnyOf: refused}
	emptyTitle := itemCase(`{"title":"","count":3}`)
	emptyTitle.Want = Expect{AnyOf: refused}
	negCount := itemCase(`{"title":"x","count":-1}`)
	negCount.Want = Expect{AnyOf: refused}
	badAge := Case{Method: http.MethodPost, Target: "/form", Header: formHeader, Body: []byte("name=gordon&email=gordon%40example.com&age=old")}
	badAge.Want = Expect{AnyOf: refused}

	return []*Scenario{
		{ID: Static, Doc: "GET /user/repos, a static route among the 203 GitHub API routes",
			Cases: []Case{noContent(http.MethodGet, "/user/repos")}},
		{ID: Param1, Doc: "One route /user/:name, requested as /user/gordon",
			Cases: []Case{noContent(http.MethodGet, "/user/gordon", "gordon")}},
		{ID: Param5, Doc: "One route /:a/:b/:c/:d/:e, requested as /test/test/test/test/test",
			Cases: []Case{noContent(http.MethodGet, "/test/test/test/test/test", "test", "test", "test", "test", "test")}},
		{ID: Param20, Doc: "One route /:a/:b/.../:t, requested as /a/b/.../t",
			Cases: []Case{noContent(http.MethodGet, "/"+strings.Join(twenty, "/"), twenty...)}},
		{ID: GitHubAll, Doc: fmt.Sprintf("Every GitHub API route once (%d requests per op)", len(routes.GitHub)),
			Cases: routeCases(routes.GitHub)},
		{ID: ParseAll, Doc: fmt.Sprintf("Every Parse API route once (%d requests per op)", len(routes.Parse)),
			Cases: routeCases(routes.Parse)},
		{ID: GPlusAll, Doc: fmt.Sprintf("Every Google+ API route once (%d requests per op)", len(routes.GPlus)),
			Cases: routeCases(routes.GPlus)},
		{ID: NotFound, Doc: "GET /repos/ittygo/itty/nothing-here on the GitHub API app: 404",
			Cases: []Case{{Method: http.MethodGet, Target: "/repos/ittygo/itty/nothing-here", Want: Expect{Status: http.StatusNotFound}}}},
		{ID: Typed, Doc: `POST /items/42?verbose=true {"title":"x","count":3}: path, query and JSON body decoded, JSON reply`,
			Cases:   []Case{typedOK},
			Rejects: []Case{badID, badJSON}},
		{ID: TypedValidated, Doc: "The typed endpoint with rules on the body: title minLength 1, count minimum 0",
			Cases:   []Case{typedOK},
			Rejects: []Case{emptyTitle, negCount, badJSON}},
		{ID: Form, Doc: "POST /form, urlencoded name, email and age (int), JSON reply",
			Cases: []Case{{Method: http.MethodPost, Target: "/form", Header: formHeader,
				Body: []byte("name=gordon&email=gordon%40example.com&age=42"),
				Want: Expect{Status: http.StatusOK, JSON: map[string]any{"name": "gordon", "email": "gordon@example.com", "age": 42.0}}}},
			Rejects: []Case{badAge}},
		{ID: Multipart, Doc: "POST /upload, multipart/form-data with a name field and a 64 KiB file, JSON reply",
			Cases: []Case{{Method: http.MethodPost, Target: "/upload", Header: http.Header{"Content-Type": {uploadType}},
				Body: upload,
				Want: Expect{Status: http.StatusOK, JSON: map[string]any{"name": "gordon", "filename": "data.bin", "size": float64(UploadSize)}}}}},
	}
}

// ScenarioByID returns the scenario with the given ID, or nil.
func ScenarioByID(id ID) *Scenario {
	for _, sc := range Scenarios() {
		if sc.ID == id {
			return sc
		}
	}
	return nil
}
