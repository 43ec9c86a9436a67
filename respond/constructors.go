// Design: one constructor per common response shape, each returning a
// fully usable *Response with status and Content-Type set. In-memory bodies
// are converted once, at construction, so writing them costs no copying;
// JSON is encoded at write time so that the value can be built cheaply and
// errors surface where the caller can still answer with a 500.

package respond

import (
	"io"
	"net/http"
)

// Text returns a 200 response with s as a "text/plain; charset=utf-8" body.
func Text(s string) *Response {
	r := newResponse(http.StatusOK, bodyBytes)
	r.ctype = ctypeText
	r.setBytes([]byte(s))
	return r
}

// HTML returns a 200 response with s as a "text/html; charset=utf-8" body.
// s is sent as is; escaping it is the caller's job.
func HTML(s string) *Response {
	r := newResponse(http.StatusOK, bodyBytes)
	r.ctype = ctypeHTML
	r.setBytes([]byte(s))
	return r
}

// JSON returns a 200 "application/json" response whose body is v encoded
// when the response is written, byte for byte as encoding/json's Encoder
// encodes it (HTML-escaped, with its trailing newline); common types use a
// faster compiled encoder. An encoding error, the one encoding/json
// reports, is returned by WriteResponse (and Body) before anything is
// written.
func JSON(v any) *Response {
	r := newResponse(http.StatusOK, bodyJSON)
	r.ctype = ctypeJSON
	r.value = v
	return r
}

// Bytes returns a 200 response with body b and the given Content-Type
// ("application/octet-stream" when contentType is ""). b is not copied and
// must not be modified afterwards.
func Bytes(contentType string, b []byte) *Response {
	r := newResponse(http.StatusOK, bodyBytes)
	r.setContentType(contentType)
	r.setBytes(b)
	return r
}

// Stream returns a 200 response whose body is copied from rd with io.Copy
// when the response is written, without a Content-Length (unless one is
// set with WithHeader, which is then the caller's promise). If rd is an
// io.Closer it is closed after copying (or when the body is not sent).
// The Content-Type defaults to "application/octet-stream" when contentType
// is "". A Stream response can be written only once.
func Stream(contentType string, rd io.Reader) *Response {
	r := newResponse(http.StatusOK, bodyStream)
	r.setContentType(contentType)
	r.stream = rd
	return r
}

// NoContent returns a 204 No Content response.
func NoContent() *Response {
	return newResponse(http.StatusNoContent, bodyNone)
}

// The Content-Type values the constructors set, shared by every response
// (WriteResponse hands them out with len == cap, so appending copies).
var (
	ctypeText   = []string{"text/plain; charset=utf-8"}
	ctypeHTML   = []string{"text/html; charset=utf-8"}
	ctypeJSON   = []string{"application/json"}
	ctypeBinary = []string{"application/octet-stream"}
)

// setContentType sets Content-Type, defaulting to application/octet-stream.
func (r *Response) setContentType(ct string) {
	if ct == "" {
		r.ctype = ctypeBinary
		return
	}
	r.WithContentType(ct)
}
