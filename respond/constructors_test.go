// Design: one table row per constructor, checking the status, the exact
// headers and the exact body it produces; streams get their own tests for
// copying and closing.

package respond

import (
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

func TestConstructors(t *testing.T) {
	tests := []struct {
		name   string
		resp   *Response
		status int
		header http.Header
		body   string
	}{
		{"Text", Text("héllo"), 200,
			http.Header{"Content-Type": {"text/plain; charset=utf-8"}, "Content-Length": {"6"}}, "héllo"},
		{"HTML", HTML("<h1>Hi</h1>"), 200,
			http.Header{"Content-Type": {"text/html; charset=utf-8"}, "Content-Length": {"11"}}, "<h1>Hi</h1>"},
		{"JSON", JSON(map[string]any{"b": []int{1}, "a": nil}), 200,
			http.Header{"Content-Type": {"application/json"}, "Content-Length": {"19"}}, `{"a":null,"b":[1]}` + "\n"},
		{"JSON nil", JSON(nil), 200,
			http.Header{"Content-Type": {"application/json"}, "Content-Length": {"5"}}, "null\n"},
		{"Bytes", Bytes("image/png", []byte{0x89, 'P', 'N', 'G'}), 200,
			http.Header{"Content-Type": {"image/png"}, "Content-Length": {"4"}}, "\x89PNG"},
		{"Bytes default type", Bytes("", []byte("raw")), 200,
			http.Header{"Content-Type": {"application/octet-stream"}, "Content-Length": {"3"}}, "raw"},
		{"Bytes nil", Bytes("text/plain", nil), 200,
			http.Header{"Content-Type": {"text/plain"}, "Content-Length": {"0"}}, ""},
		{"Stream", Stream("text/csv", strings.NewReader("a,b\n1,2\n")), 200,
			http.Header{"Content-Type": {"text/csv"}}, "a,b\n1,2\n"},
		{"Stream nil reader", Stream("text/csv", nil), 200,
			http.Header{"Content-Type": {"text/csv"}}, ""},
		{"Redirect", Redirect("https://example.com/a?b=c"), 302,
			http.Header{"Location": {"https://example.com/a?b=c"}, "Content-Length": {"0"}}, ""},
		{"PermanentRedirect", PermanentRedirect("/new"), 301,
			http.Header{"Location": {"/new"}, "Content-Length": {"0"}}, ""},
		{"SeeOther", SeeOther("/done"), 303,
			http.Header{"Location": {"/done"}, "Content-Length": {"0"}}, ""},
		{"NoContent", NoContent(), 204, http.Header{}, ""},
		{"WithContentType", Text("{}").WithContentType("application/vnd.x+json"), 200,
			http.Header{"Content-Type": {"application/vnd.x+json"}, "Content-Length": {"2"}}, "{}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.resp.Err(); err != nil {
				t.Fatalf("Err() = %v", err)
			}
			if tt.resp.Status() != tt.status {
				t.Errorf("Status() = %d, want %d", tt.resp.Status(), tt.status)
			}
			w := write(t, tt.resp, "GET")
			if w.Code != tt.status {
				t.Errorf("written status = %d, want %d", w.Code, tt.status)
			}
			if !reflect.DeepEqual(w.Header(), tt.header) {
				t.Errorf("header = %v, want %v", w.Header(), tt.header)
			}
			if w.Body.String() != tt.body {
				t.Errorf("body = %q, want %q", w.Body, tt.body)
			}
		})
	}
}

func TestStreamCloses(t *testing.T) {
	tests := []struct {
		name   string
		resp   func(*closer) *Response
		method string
		body   string
	}{
		{"GET", func(c *closer) *Response { return Stream("text/plain", c) }, "GET", "data"},
		{"HEAD", func(c *closer) *Response { return Stream("text/plain", c) }, "HEAD", ""},
		{"204", func(c *closer) *Response { return Stream("text/plain", c).WithStatus(204) }, "GET", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &closer{Reader: strings.NewReader("data")}
			w := httptest.NewRecorder()
			if err := tt.resp(c).WriteResponse(w, httptest.NewRequest(tt.method, "/", nil)); err != nil {
				t.Fatal(err)
			}
			if w.Body.String() != tt.body {
				t.Errorf("body = %q, want %q", w.Body, tt.body)
			}
			if !c.closed {
				t.Errorf("reader not closed")
			}
			if cl := w.Header().Get("Content-Length"); cl != "" {
				t.Errorf("Content-Length = %q, want none for a stream", cl)
			}
		})
	}
}
