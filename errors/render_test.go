// Design: rendering is checked on the exact bytes and headers a client
// receives, through httptest.ResponseRecorder. The leak tests use a real
// recovered panic (with a runtime/debug.Stack trace) because the point is
// that a genuine stack never reaches a client unless debug is on.

package errors

import (
	"encoding/json"
	stderrors "errors"
	"net/http"
	"net/http/httptest"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

// render renders e for a request with the given method and Accept header
// and returns the recorder.
func render(t *testing.T, e *Error, method, accept string, debugMode bool) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, "/x", nil)
	if accept != "" {
		r.Header.Set("Accept", accept)
	}
	w := httptest.NewRecorder()
	if err := e.Render(w, r, debugMode); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return w
}

// recoveredPanic panics with value and returns the recovered *PanicError
// with a real stack trace.
func recoveredPanic(t *testing.T, value any) (pe *PanicError) {
	t.Helper()
	defer func() {
		pe = &PanicError{Value: recover(), Stack: debug.Stack()}
	}()
	panic(value)
}

func TestRenderJSON(t *testing.T) {
	tests := []struct {
		name   string
		err    *Error
		status int
		body   string
	}{
		{"not found", NotFound(), 404,
			`{"type":"about:blank","title":"Not Found","status":404}`},
		{"detail and type", &Error{Status: 409, Detail: "name taken", Type: "https://example.com/probs/taken"}, 409,
			`{"type":"https://example.com/probs/taken","title":"Conflict","status":409,"detail":"name taken"}`},
		{"custom title", &Error{Status: 429, Title: "Slow Down"}, 429,
			`{"type":"about:blank","title":"Slow Down","status":429}`},
		{"internal hides cause", Internal(stderrors.New("secret")), 500,
			`{"type":"about:blank","title":"Internal Error","status":500}`},
		{"unknown status", Status(499, ""), 499,
			`{"type":"about:blank","title":"Error","status":499}`},
		{"status below 400", &Error{Status: 200, Title: "OK?"}, 500,
			`{"type":"about:blank","title":"Internal Error","status":500}`},
		{"status above 599", Status(600, "d"), 500,
			`{"type":"about:blank","title":"Internal Error","status":500,"detail":"d"}`},
		{"fields", Unprocessable(
			FieldError{Source: "query", Name: "page", Message: "must be an integer", Value: "abc"},
			FieldError{Source: "body", Name: "email", Message: "is required", Err: stderrors.New("hidden")},
		), 422,
			`{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"the request has invalid values",` +
				`"errors":[{"location":"query.page","message":"must be an integer","value":"abc"},` +
				`{"location":"body.email","message":"is required"}]}`},
		{"escaped", Status(400, `<script>"&'</script>`), 400,
			`{"type":"about:blank","title":"Bad Request","status":400,"detail":"\u003cscript\u003e\"\u0026'\u003c/script\u003e"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := render(t, tt.err, "GET", "application/json", false)
			if w.Code != tt.status {
				t.Errorf("status = %d, want %d", w.Code, tt.status)
			}
			if got := w.Body.String(); got != tt.body+"\n" {
				t.Errorf("body =\n%s\nwant\n%s", got, tt.body)
			}
			if ct := w.Header().Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("Content-Type = %q", ct)
			}
		})
	}
}

func TestRenderJSONDebug(t *testing.T) {
	pe := recoveredPanic(t, "kaboom")
	w := render(t, Internal(pe), "GET", "application/problem+json", true)
	var doc struct {
		Title string `json:"title"`
		Debug struct {
			Cause string `json:"cause"`
			Stack string `json:"stack"`
		} `json:"debug"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatalf("body is not JSON: %v\n%s", err, w.Body)
	}
	if doc.Title != "Internal Error" {
		t.Errorf("title = %q", doc.Title)
	}
	if doc.Debug.Cause != "itty: panic: kaboom" {
		t.Errorf("debug.cause = %q, want %q", doc.Debug.Cause, "itty: panic: kaboom")
	}
	if doc.Debug.Stack != string(pe.Stack) {
		t.Errorf("debug.stack = %q, want the panic's stack", doc.Debug.Stack)
	}

	// A plain cause has no stack member; no cause has no debug member.
	w = render(t, BadRequest("bad", stderrors.New("parse: eof")), "GET", "application/json", true)
	want := `{"type":"about:blank","title":"Bad Request","status":400,"detail":"bad","debug":{"cause":"parse: eof"}}` + "\n"
	if got := w.Body.String(); got != want {
		t.Errorf("body = %s, want %s", got, want)
	}
	w = render(t, NotFound(), "GET", "application/json", true)
	want = `{"type":"about:blank","title":"Not Found","status":404}` + "\n"
	if got := w.Body.String(); got != want {
		t.Errorf("body = %s, want %s", got, want)
	}
}

func TestRenderHTMLPage(t *testing.T) {
	w := render(t, NotFound(), "GET", "", false)
	want := `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>404 Not Found</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}pre{background:#f4f4f4;padding:1rem;overflow:auto}</style>
</head>
<body>
<h1>Not Found</h1>
</body>
</html>
`
	if got := w.Body.String(); got != want {
		t.Errorf("page =\n%s\nwant\n%s", got, want)
	}
	if w.Code != 404 {
		t.Errorf("status = %d", w.Code)
	}
}

func TestRenderHTML(t *testing.T) {
	tests := []struct {
		name    string
		err     *Error
		debug   bool
		has     []string
		hasNot  []string
		wantLen bool
	}{
		{"detail", Status(409, "the name is taken"), false,
			[]string{"<title>409 Conflict</title>", "<h1>Conflict</h1>", "<p>the name is taken</p>"},
			[]string{"<ul>", "<pre>"}, true},
		{"internal", Internal(stderrors.New("db down")), false,
			[]string{"<title>500 Internal Error</title>", "<h1>Internal Error</h1>"},
			[]string{"db down", "<p>", "<pre>"}, true},
		{"fields", Unprocessable(
			FieldError{Source: "query", Name: "page", Message: "must be an integer", Value: "abc"},
			FieldError{Source: "body", Name: "email", Message: "is required"},
		), false,
			[]string{"<p>the request has invalid values</p>",
				"<ul>\n<li>query.page: must be an integer (got \u201cabc\u201d)</li>\n<li>body.email: is required</li>\n</ul>"},
			nil, true},
		{"escaping", &Error{Status: 400, Title: "<b>T</b>", Detail: `<script>alert("x")</script>`,
			Fields: []FieldError{{Source: "q", Name: "<n>", Message: "m&m", Value: `"><img>`}}}, false,
			[]string{"<title>400 &lt;b&gt;T&lt;/b&gt;</title>", "<h1>&lt;b&gt;T&lt;/b&gt;</h1>",
				"<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</p>",
				"<li>q.&lt;n&gt;: m&amp;m (got \u201c&#34;&gt;&lt;img&gt;\u201d)</li>"},
			[]string{"<script>", "<img>", "<b>"}, true},
		{"debug cause", Internal(stderrors.New("db <down>")), true,
			[]string{"<pre>db &lt;down&gt;</pre>"}, nil, true},
		{"unknown status", Status(452, ""), false,
			[]string{"<title>452 Error</title>", "<h1>Error</h1>"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := render(t, tt.err, "GET", "text/html", tt.debug)
			body := w.Body.String()
			if !strings.HasPrefix(body, "<!DOCTYPE html>\n") {
				t.Errorf("page does not start with a doctype:\n%s", body)
			}
			for _, s := range tt.has {
				if !strings.Contains(body, s) {
					t.Errorf("page lacks %q:\n%s", s, body)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(body, s) {
					t.Errorf("page contains %q:\n%s", s, body)
				}
			}
			if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
		})
	}
}

func TestRenderHeaders(t *testing.T) {
	tests := []struct {
		name   string
		err    *Error
		accept string
		want   map[string]string
	}{
		{"html", NotFound(), "", map[string]string{
			"Content-Type": "text/html; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}},
		{"json", NotFound(), "application/json", map[string]string{
			"Content-Type": "application/problem+json", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}},
		{"allow", MethodNotAllowed("GET", "HEAD", "POST"), "", map[string]string{"Allow": "GET, HEAD, POST"}},
		{"extra headers, canonicalized", &Error{Status: 503, Header: http.Header{"retry-after": {"120"}}}, "",
			map[string]string{"Retry-After": "120", "Cache-Control": "no-store"}},
		{"own cache-control", &Error{Status: 503, Header: http.Header{"Cache-Control": {"max-age=5"}}}, "",
			map[string]string{"Cache-Control": "max-age=5"}},
		{"cannot override framing", &Error{Status: 400, Header: http.Header{
			"Content-Type": {"text/plain"}, "Content-Length": {"1"}, "X-Content-Type-Options": {"off"}}}, "",
			map[string]string{"Content-Type": "text/html; charset=utf-8", "X-Content-Type-Options": "nosniff"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := render(t, tt.err, "GET", tt.accept, false)
			for k, v := range tt.want {
				if got := w.Header().Values(k); len(got) != 1 || got[0] != v {
					t.Errorf("header %s = %q, want [%q]", k, got, v)
				}
			}
			if got, want := w.Header().Get("Content-Length"), strconv.Itoa(w.Body.Len()); got != want {
				t.Errorf("Content-Length = %s, body is %s bytes", got, want)
			}
		})
	}
}

func TestRenderHead(t *testing.T) {
	for _, accept := range []string{"", "application/json"} {
		get := render(t, MethodNotAllowed("GET"), "GET", accept, false)
		head := render(t, MethodNotAllowed("GET"), "HEAD", accept, false)
		if head.Code != 405 {
			t.Errorf("HEAD status = %d, want 405", head.Code)
		}
		if head.Body.Len() != 0 {
			t.Errorf("HEAD body = %q, want empty", head.Body)
		}
		if got, want := head.Header().Get("Content-Length"), get.Header().Get("Content-Length"); got != want || got == "0" {
			t.Errorf("HEAD Content-Length = %q, want %q (the GET length)", got, want)
		}
	}
}

// failWriter is a ResponseWriter whose Write always fails.
type failWriter struct{ h http.Header }

var errWrite = stderrors.New("connection reset")

func (f *failWriter) Header() http.Header       { return f.h }
func (f *failWriter) WriteHeader(int)           {}
func (f *failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestRenderWriteError(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	if err := NotFound().Render(&failWriter{h: http.Header{}}, r, false); !stderrors.Is(err, errWrite) {
		t.Errorf("Render error = %v, want %v", err, errWrite)
	}
	r = httptest.NewRequest("HEAD", "/", nil)
	if err := NotFound().Render(&failWriter{h: http.Header{}}, r, false); err != nil {
		t.Errorf("HEAD Render error = %v, want nil (no body is written)", err)
	}
}

func TestWriteResponseIsNotDebug(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	w := httptest.NewRecorder()
	e := Internal(stderrors.New("secret cause"))
	if err := e.WriteResponse(w, r); err != nil {
		t.Fatal(err)
	}
	if want := render(t, e, "GET", "", false).Body.String(); w.Body.String() != want {
		t.Errorf("WriteResponse differs from Render(false)")
	}
	if strings.Contains(w.Body.String(), "secret cause") {
		t.Errorf("WriteResponse leaked the cause")
	}
}

func TestRenderNil(t *testing.T) {
	w := render(t, nil, "GET", "application/json", false)
	want := `{"type":"about:blank","title":"Internal Error","status":500}` + "\n"
	if w.Code != 500 || w.Body.String() != want {
		t.Errorf("nil *Error rendered %d %s", w.Code, w.Body)
	}
}

// TestNoLeakWithoutDebug renders a real panic in every format and checks
// that the cause and stack appear only in debug mode.
func TestNoLeakWithoutDebug(t *testing.T) {
	pe := recoveredPanic(t, "secret-panic-value")
	if !strings.Contains(string(pe.Stack), "goroutine") || !strings.Contains(string(pe.Stack), ".go:") {
		t.Fatalf("test stack does not look real:\n%s", pe.Stack)
	}
	errs := map[string]*Error{
		"internal":      Internal(pe),
		"wrapped":       Internal(stderrors.Join(stderrors.New("handler"), pe)),
		"bad request":   BadRequest("bad input", pe),
		"unprocessable": {Status: 422, Cause: pe, Fields: []FieldError{{Source: "q", Name: "a", Message: "m", Err: pe}}},
		"wrong status":  {Status: 302, Cause: pe},
	}
	leaks := []string{"secret-panic-value", "goroutine", ".go:"}
	for name, e := range errs {
		for _, accept := range []string{"", "text/html", "application/json", "application/problem+json"} {
			w := render(t, e, "GET", accept, false)
			for _, s := range leaks {
				if strings.Contains(w.Body.String(), s) {
					t.Errorf("%s, Accept %q: output contains %q without debug:\n%s", name, accept, s, w.Body)
				}
			}
			w = render(t, e, "GET", accept, true)
			for _, s := range leaks {
				if !strings.Contains(w.Body.String(), s) {
					t.Errorf("%s, Accept %q: debug output lacks %q", name, accept, s)
				}
			}
		}
	}
}

func TestPlainBodiesAreCachedOnlyWhenPlain(t *testing.T) {
	r := httptest.NewRequest("GET", "/x", nil)
	first := httptest.NewRecorder()
	_ = NotFound().Render(first, r, false)
	second := httptest.NewRecorder()
	_ = NotFound().Render(second, r, false)
	if first.Body.String() != second.Body.String() || !strings.Contains(first.Body.String(), "Not Found") {
		t.Fatalf("cached 404 differs:\n%s\n%s", first.Body.String(), second.Body.String())
	}
	detailed := httptest.NewRecorder()
	_ = Status(404, "no such page").Render(detailed, r, false)
	if !strings.Contains(detailed.Body.String(), "no such page") {
		t.Errorf("a detailed 404 used the plain body: %s", detailed.Body.String())
	}
	titled := httptest.NewRecorder()
	_ = (&Error{Status: 404, Title: "Gone Fishing"}).Render(titled, r, false)
	if !strings.Contains(titled.Body.String(), "Gone Fishing") {
		t.Errorf("a custom title used the plain body: %s", titled.Body.String())
	}
	// Debug output of a plain error with a cause is never cached.
	dbg := httptest.NewRecorder()
	_ = (&Error{Status: 404, Cause: stderrors.New("why-not")}).Render(dbg, r, true)
	if !strings.Contains(dbg.Body.String(), "why-not") {
		t.Errorf("debug 404 lacks its cause: %s", dbg.Body.String())
	}
	again := httptest.NewRecorder()
	_ = NotFound().Render(again, r, false)
	if strings.Contains(again.Body.String(), "why-not") {
		t.Errorf("a debug body leaked into the plain cache")
	}
}

// headerWriter is a reusable ResponseWriter for allocation tests.
type headerWriter struct{ h http.Header }

func (w *headerWriter) Header() http.Header         { return w.h }
func (w *headerWriter) WriteHeader(int)             {}
func (w *headerWriter) Write(p []byte) (int, error) { return len(p), nil }

func TestPlainRenderAllocations(t *testing.T) {
	w := &headerWriter{h: http.Header{}}
	r := httptest.NewRequest("GET", "/x", nil)
	e := NotFound()
	_ = e.Render(w, r, false)
	if n := testing.AllocsPerRun(100, func() { _ = e.Render(w, r, false) }); n > 2 {
		t.Errorf("rendering a plain 404 allocates %v times, want at most 2 (the Content-Length value)", n)
	}
}
