// Design: the write path is tested through httptest.ResponseRecorder for
// exact status, headers and body, and through small fake writers for the
// things a recorder hides: allocations, write errors, and the guarantee
// that a refused response writes nothing at all.

package respond

import (
	"bytes"
	"encoding/json"
	stderrors "errors"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// write writes resp for a request with the given method and returns the
// recorder; it fails the test if WriteResponse returns an error.
func write(t *testing.T, resp *Response, method string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	if err := resp.WriteResponse(w, httptest.NewRequest(method, "/", nil)); err != nil {
		t.Fatalf("WriteResponse: %v", err)
	}
	return w
}

// spyWriter is a reusable ResponseWriter that records what is written.
type spyWriter struct {
	h           http.Header
	code        int
	wroteHeader bool
	n           int
	err         error // returned by Write when non-nil
}

func newSpy() *spyWriter { return &spyWriter{h: http.Header{}} }

func (s *spyWriter) Header() http.Header { return s.h }
func (s *spyWriter) WriteHeader(code int) {
	s.code, s.wroteHeader = code, true
}
func (s *spyWriter) Write(p []byte) (int, error) {
	if !s.wroteHeader {
		s.WriteHeader(http.StatusOK)
	}
	if s.err != nil {
		return 0, s.err
	}
	s.n += len(p)
	return len(p), nil
}

func TestWriteResponse(t *testing.T) {
	tests := []struct {
		name   string
		resp   *Response
		method string
		status int
		header http.Header
		body   string
	}{
		{"text", Text("hello"), "GET", 200,
			http.Header{"Content-Type": {"text/plain; charset=utf-8"}, "Content-Length": {"5"}}, "hello"},
		{"text head", Text("hello"), "HEAD", 200,
			http.Header{"Content-Type": {"text/plain; charset=utf-8"}, "Content-Length": {"5"}}, ""},
		{"empty text", Text(""), "GET", 200,
			http.Header{"Content-Type": {"text/plain; charset=utf-8"}, "Content-Length": {"0"}}, ""},
		{"json head", JSON([]int{1, 2}), "HEAD", 200,
			http.Header{"Content-Type": {"application/json"}, "Content-Length": {"6"}}, ""},
		{"status and headers", HTML("<p>x</p>").WithStatus(201).WithHeader("X-A", "1").AddHeader("x-a", "2"), "POST", 201,
			http.Header{"Content-Type": {"text/html; charset=utf-8"}, "Content-Length": {"8"}, "X-A": {"1", "2"}}, "<p>x</p>"},
		{"no content", NoContent(), "DELETE", 204, http.Header{}, ""},
		{"body dropped for 304", Text("x").WithStatus(304), "GET", 304,
			http.Header{"Content-Type": {"text/plain; charset=utf-8"}}, ""},
		{"redirect", Redirect("/login"), "GET", 302,
			http.Header{"Location": {"/login"}, "Content-Length": {"0"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := write(t, tt.resp, tt.method)
			if w.Code != tt.status {
				t.Errorf("status = %d, want %d", w.Code, tt.status)
			}
			if !reflect.DeepEqual(w.Header(), tt.header) {
				t.Errorf("header = %v, want %v", w.Header(), tt.header)
			}
			if got := w.Body.String(); got != tt.body {
				t.Errorf("body = %q, want %q", got, tt.body)
			}
		})
	}
}

func TestWriteResponseMergesHeaders(t *testing.T) {
	w := httptest.NewRecorder()
	w.Header().Set("X-Request-Id", "abc")
	w.Header().Set("Content-Type", "application/xml")
	w.Header().Add("Set-Cookie", "mw=1; Path=/")
	resp := Text("x").WithCookie(&http.Cookie{Name: "a", Value: "1"})
	if err := resp.WriteResponse(w, httptest.NewRequest("GET", "/", nil)); err != nil {
		t.Fatal(err)
	}
	want := http.Header{
		"X-Request-Id":   {"abc"},
		"Content-Type":   {"text/plain; charset=utf-8"},
		"Content-Length": {"1"},
		"Set-Cookie":     {"mw=1; Path=/", "a=1; Path=/"},
	}
	if !reflect.DeepEqual(w.Header(), want) {
		t.Errorf("header = %v, want %v", w.Header(), want)
	}
	// Appending to the written header must not change the response.
	w.Header()["Content-Type"] = append(w.Header()["Content-Type"], "y")
	if got := resp.Header()["Content-Type"]; len(got) != 1 {
		t.Errorf("response header changed through the writer: %q", got)
	}
}

func TestWriteResponseRepeatable(t *testing.T) {
	resp := JSON(map[string]int{"n": 1}).WithHeader("X", "y")
	for i := 0; i < 3; i++ {
		w := write(t, resp, "GET")
		if w.Body.String() != "{\"n\":1}\n" || w.Header().Get("X") != "y" {
			t.Fatalf("write %d: %d %v %q", i, w.Code, w.Header(), w.Body)
		}
	}
}

func TestJSONEncodeErrorWritesNothing(t *testing.T) {
	for _, v := range []any{math.Inf(1), make(chan int), map[string]any{"f": func() {}}} {
		spy := newSpy()
		err := JSON(v).WithHeader("X-Early", "1").WriteResponse(spy, httptest.NewRequest("GET", "/", nil))
		var uerr *json.UnsupportedValueError
		var terr *json.UnsupportedTypeError
		if !stderrors.As(err, &uerr) && !stderrors.As(err, &terr) {
			t.Errorf("JSON(%T): error = %v, want a json.Unsupported*Error", v, err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "itty: ") {
			t.Errorf("error %q lacks the itty: prefix", err)
		}
		if spy.wroteHeader || spy.n != 0 || len(spy.h) != 0 {
			t.Errorf("JSON(%T): wrote something: code=%d n=%d header=%v", v, spy.code, spy.n, spy.h)
		}
		if _, err := JSON(v).Body(); err == nil {
			t.Errorf("JSON(%T).Body() error = nil", v)
		}
	}
}

func TestRefusedWritesNothing(t *testing.T) {
	c := &closer{Reader: strings.NewReader("data")}
	tests := []*Response{
		Text("x").WithHeader("X-Bad", "a\r\nSet-Cookie: evil=1"),
		Stream("text/plain", c).WithHeader("Bad Name", "v"),
		Redirect("/a\nb"),
		Text("x").WithCookie(&http.Cookie{Name: "sid", Value: "1", Path: "/\r\n"}),
		Text("x").WithStatus(42),
	}
	for i, resp := range tests {
		spy := newSpy()
		err := resp.WriteResponse(spy, httptest.NewRequest("GET", "/", nil))
		if err == nil || err != resp.Err() {
			t.Errorf("%d: WriteResponse error = %v, want Err() = %v", i, err, resp.Err())
		}
		if spy.wroteHeader || spy.n != 0 || len(spy.h) != 0 {
			t.Errorf("%d: wrote something: code=%d n=%d header=%v", i, spy.code, spy.n, spy.h)
		}
	}
	if !c.closed {
		t.Errorf("refused Stream did not close its reader")
	}
}

func TestWriteError(t *testing.T) {
	errBroken := stderrors.New("broken pipe")
	for _, resp := range []*Response{Text("x"), JSON(1), Stream("", strings.NewReader("s"))} {
		spy := newSpy()
		spy.err = errBroken
		if err := resp.WriteResponse(spy, httptest.NewRequest("GET", "/", nil)); !stderrors.Is(err, errBroken) {
			t.Errorf("error = %v, want %v", err, errBroken)
		}
	}
}

func TestWithStatus(t *testing.T) {
	tests := []struct {
		code   int
		status int
		err    string
	}{
		{201, 201, ""},
		{100, 100, ""},
		{999, 999, ""},
		{99, 200, "itty: invalid status code 99"},
		{1000, 200, "itty: invalid status code 1000"},
		{-1, 200, "itty: invalid status code -1"},
	}
	for _, tt := range tests {
		r := Text("x").WithStatus(tt.code)
		if r.Status() != tt.status {
			t.Errorf("WithStatus(%d).Status() = %d, want %d", tt.code, r.Status(), tt.status)
		}
		if got := errString(r.Err()); got != tt.err {
			t.Errorf("WithStatus(%d).Err() = %q, want %q", tt.code, got, tt.err)
		}
	}
}

// errString returns err.Error(), or "" for nil.
func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestAccessors(t *testing.T) {
	tests := []struct {
		name   string
		resp   *Response
		header http.Header
		body   string
	}{
		{"text", Text("hi"), http.Header{"Content-Type": {"text/plain; charset=utf-8"}, "Content-Length": {"2"}}, "hi"},
		{"json", JSON(struct {
			A int    `json:"a"`
			B string `json:"b"`
		}{1, "<"}), http.Header{"Content-Type": {"application/json"}, "Content-Length": {"21"}}, `{"a":1,"b":"\u003c"}` + "\n"},
		{"redirect", SeeOther("/x"), http.Header{"Location": {"/x"}, "Content-Length": {"0"}}, ""},
		{"no content", NoContent(), http.Header{}, ""},
		{"stream", Stream("text/csv", strings.NewReader("a,b")), http.Header{"Content-Type": {"text/csv"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if h := tt.resp.Header(); !reflect.DeepEqual(h, tt.header) {
				t.Errorf("Header() = %v, want %v", h, tt.header)
			}
			body, err := tt.resp.Body()
			if tt.name == "stream" {
				if err == nil {
					t.Errorf("Body() of a stream: error = nil")
				}
				return
			}
			if err != nil || string(body) != tt.body {
				t.Errorf("Body() = %q, %v; want %q", body, err, tt.body)
			}
		})
	}
	// Header and Body return copies.
	r := Text("abc")
	r.Header().Set("Content-Type", "x")
	b, _ := r.Body()
	b[0] = 'X'
	if got, _ := r.Body(); string(got) != "abc" || r.Header().Get("Content-Type") != "text/plain; charset=utf-8" {
		t.Errorf("accessors returned shared data")
	}
}

// TestTextWriteAllocs measures the steady-state cost of writing an
// in-memory response to a reused writer.
func TestTextWriteAllocs(t *testing.T) {
	resp := Text("hello, world").WithHeader("X-Frame-Options", "DENY")
	spy := newSpy()
	req := httptest.NewRequest("GET", "/", nil)
	allocs := testing.AllocsPerRun(1000, func() {
		if err := resp.WriteResponse(spy, req); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("Text WriteResponse: %v allocs/op", allocs)
	if allocs > 1 {
		t.Errorf("Text WriteResponse allocates %v times, want at most 1", allocs)
	}
}

// TestJSONWriteAllocs checks that writing a JSON response to a reused
// writer allocates nothing: the Content-Type and Content-Length values are
// shared and the buffer is pooled.
func TestJSONWriteAllocs(t *testing.T) {
	budget := 0.0
	if raceEnabled {
		budget = 2 // the race detector drops pooled buffers at random: a buffer and its bytes may be made again
	}
	resp := JSON(struct {
		ID int `json:"id"`
	}{42})
	spy := newSpy()
	req := httptest.NewRequest("GET", "/", nil)
	allocs := testing.AllocsPerRun(1000, func() {
		if err := resp.WriteResponse(spy, req); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > budget {
		t.Errorf("JSON WriteResponse allocates %v times, want at most %v", allocs, budget)
	}
}

// TestSharedHeaderValues checks that the header values responses share
// (constructor Content-Types, cached Content-Lengths) cannot be changed
// through a response or through the header map it was written to.
func TestSharedHeaderValues(t *testing.T) {
	r := JSON(1).AddHeader("Content-Type", "text/x")
	if got := r.Header()["Content-Type"]; len(got) != 2 || got[0] != "application/json" || got[1] != "text/x" {
		t.Errorf("JSON(1).AddHeader: Content-Type %q", got)
	}
	w := httptest.NewRecorder()
	if err := Text("abc").WriteResponse(w, nil); err != nil {
		t.Fatal(err)
	}
	h := w.Header()
	h["Content-Type"] = append(h["Content-Type"], "x")
	h["Content-Length"] = append(h["Content-Length"], "9")
	w2 := httptest.NewRecorder()
	if err := Text("xyz").WriteResponse(w2, nil); err != nil {
		t.Fatal(err)
	}
	if got := w2.Header(); len(got["Content-Type"]) != 1 || len(got["Content-Length"]) != 1 || got.Get("Content-Length") != "3" {
		t.Errorf("a second response's headers after appending to the first's: %q", got)
	}
	if got := JSON(1).Header()["Content-Type"]; len(got) != 1 || got[0] != "application/json" {
		t.Errorf("JSON Content-Type after AddHeader on another response: %q", got)
	}
}

// TestJSONBufferPool checks that small buffers are reused and large ones
// are not kept.
func TestJSONBufferPool(t *testing.T) {
	big := bytes.NewBuffer(make([]byte, 0, maxPooledBuffer+1))
	putBuffer(big)
	for i := 0; i < 100; i++ {
		if b := getBuffer(); b == big {
			t.Fatal("a buffer larger than 64 KiB was returned to the pool")
		}
	}
	w := write(t, JSON(strings.Repeat("x", 100<<10)), "GET")
	if w.Body.Len() != 100<<10+3 {
		t.Errorf("large JSON body is %d bytes", w.Body.Len())
	}
}

func BenchmarkTextWrite(b *testing.B) {
	resp := Text("hello, world")
	spy := newSpy()
	req := httptest.NewRequest("GET", "/", nil)
	b.ReportAllocs()
	for b.Loop() {
		if err := resp.WriteResponse(spy, req); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSONWrite(b *testing.B) {
	type item struct {
		ID    int      `json:"id"`
		Name  string   `json:"name"`
		Tags  []string `json:"tags"`
		Price float64  `json:"price"`
	}
	resp := JSON([]item{{1, "apple", []string{"fruit", "red"}, 0.5}, {2, "pear", []string{"fruit"}, 0.75}})
	spy := newSpy()
	req := httptest.NewRequest("GET", "/", nil)
	b.ReportAllocs()
	for b.Loop() {
		if err := resp.WriteResponse(spy, req); err != nil {
			b.Fatal(err)
		}
	}
}

// closer is an io.Reader that records whether it was closed.
type closer struct {
	io.Reader
	closed bool
}

func (c *closer) Close() error { c.closed = true; return nil }
