// Design: a Response is a status, a header map, a body and the first build
// error. Bodies come in three kinds: in-memory bytes (Content-Length known
// and cached as a ready header value, so writing allocates nothing), a
// value encoded as JSON at write time into a pooled buffer, and a stream
// copied with io.Copy. All checks that could fail happen before the first
// header is written, so a failed WriteResponse leaves w untouched.
//
// Most responses carry one header, the Content-Type their constructor
// chose, so that value is kept aside (a shared slice for the common types)
// and the map is made only when another header is set: the common JSON
// reply then allocates the Response and nothing else for its headers, its
// Content-Length value included (small lengths share cached values).

package respond

import (
	"bytes"
	"encoding/json"
	stderrors "errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
)

// bodyKind says how a Response produces its body.
type bodyKind uint8

const (
	bodyNone   bodyKind = iota // no body at all (redirects, 204)
	bodyBytes                  // in-memory bytes
	bodyJSON                   // a value encoded as JSON at write time (jsonenc.go)
	bodyStream                 // an io.Reader copied at write time
)

// Response is an HTTP response under construction. Create one with a
// constructor such as Text, JSON or Redirect, adjust it with the With...
// methods, and return it from a handler; it implements WriteResponse.
// The zero value is not useful.
type Response struct {
	status int
	header http.Header // nil until a header other than ctype is set
	ctype  []string    // the Content-Type value while header is nil
	kind   bodyKind
	body   []byte    // bodyBytes
	clen   []string  // bodyBytes, bodyNone: the Content-Length header value
	value  any       // bodyJSON
	stream io.Reader // bodyStream
	err    error     // the first refused header, cookie or status
}

// errStreamBody is returned by Body for a streamed response.
var errStreamBody = stderrors.New("itty: a streamed response body cannot be read before it is written")

// newResponse returns a Response with the given status and no headers.
func newResponse(status int, kind bodyKind) *Response {
	return &Response{status: status, kind: kind}
}

// headerMap returns r's header map, making it (with the Content-Type kept
// aside moved into it) on first use.
func (r *Response) headerMap() http.Header {
	if r.header == nil {
		r.header = make(http.Header, 2)
		if r.ctype != nil {
			r.header["Content-Type"] = r.ctype
			r.ctype = nil
		}
	}
	return r.header
}

// setBytes makes b the in-memory body and caches its Content-Length.
func (r *Response) setBytes(b []byte) {
	r.kind = bodyBytes
	r.body = b
	r.clen = contentLength(len(b))
}

// clenCache holds the Content-Length header values of small bodies, made
// on first use and shared by every response of that length.
var clenCache [1024]atomic.Pointer[[]string]

// contentLength returns a Content-Length header value for n bytes, with
// len == cap so that appending to it copies.
func contentLength(n int) []string {
	if n < 0 || n >= len(clenCache) {
		return []string{strconv.Itoa(n)}
	}
	if v := clenCache[n].Load(); v != nil {
		return *v
	}
	v := []string{strconv.Itoa(n)}
	clenCache[n].Store(&v)
	return v
}

// fail records err unless an earlier error was recorded.
func (r *Response) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// Err returns the first header, cookie or status problem recorded while
// building r, or nil. WriteResponse returns the same error.
func (r *Response) Err() error { return r.err }

// Status returns the status code r will write.
func (r *Response) Status() int { return r.status }

// Header returns a copy of the headers r will write, including
// Content-Type, Location, Set-Cookie and, when it is known in advance,
// Content-Length (for a JSON body the value is encoded to measure it).
// Headers added after a refused one are included even though WriteResponse
// will write nothing.
func (r *Response) Header() http.Header {
	h := r.header.Clone()
	if h == nil {
		h = http.Header{}
	}
	if r.ctype != nil {
		h["Content-Type"] = append([]string(nil), r.ctype...)
	}
	if !bodyAllowed(r.status) {
		return h
	}
	switch r.kind {
	case bodyNone, bodyBytes:
		h["Content-Length"] = append([]string(nil), r.clen...)
	case bodyJSON:
		if b, err := r.Body(); err == nil {
			h.Set("Content-Length", strconv.Itoa(len(b)))
		}
	}
	return h
}

// Body returns a copy of the body r will write: the bytes of an in-memory
// body, or the encoded JSON (with the error if encoding fails). It returns
// nil and no error for a response without a body, and an error for a
// streamed body, which can be read only once.
func (r *Response) Body() ([]byte, error) {
	switch r.kind {
	case bodyBytes:
		return bytes.Clone(r.body), nil
	case bodyJSON:
		buf := getBuffer()
		defer putBuffer(buf)
		if err := r.encodeJSON(buf); err != nil {
			return nil, err
		}
		return bytes.Clone(buf.Bytes()), nil
	case bodyStream:
		return nil, errStreamBody
	}
	return nil, nil
}

// WriteResponse writes r to w. If building r recorded an error, or a JSON
// body cannot be encoded, it returns that error and writes nothing, so the
// caller can still send an error response.
//
// r's headers replace same-named headers already in w.Header(), except
// Set-Cookie, whose values are added to any already present. In-memory and
// JSON bodies are sent with a Content-Length. For HEAD requests, and for
// statuses that forbid a body (1xx, 204, 304), no body is written; a
// streamed body's reader is still closed if it is an io.Closer.
//
// The header value slices are shared with w.Header() rather than copied
// (capped, so appending to them is safe); code that later modifies header
// values in place must not do so on a response that is written again.
func (r *Response) WriteResponse(w http.ResponseWriter, req *http.Request) error {
	if r.err != nil {
		r.closeStream()
		return r.err
	}
	body := r.body
	var clen []string
	sendBody := bodyAllowed(r.status)
	if r.kind == bodyJSON {
		buf := getBuffer()
		defer putBuffer(buf)
		if err := r.encodeJSON(buf); err != nil {
			return err
		}
		body = buf.Bytes()
		clen = contentLength(len(body))
	} else if r.kind != bodyStream {
		clen = r.clen
	}

	h := w.Header()
	if r.ctype != nil {
		h["Content-Type"] = r.ctype[:len(r.ctype):len(r.ctype)]
	}
	for k, v := range r.header {
		v = v[:len(v):len(v)]
		if old := h[k]; k == "Set-Cookie" && len(old) > 0 {
			v = append(old[:len(old):len(old)], v...)
		}
		h[k] = v
	}
	if sendBody && clen != nil {
		h["Content-Length"] = clen
	}
	w.WriteHeader(r.status)

	if !sendBody || (req != nil && req.Method == http.MethodHead) {
		r.closeStream()
		return nil
	}
	switch r.kind {
	case bodyBytes, bodyJSON:
		if len(body) == 0 {
			return nil
		}
		_, err := w.Write(body)
		return err
	case bodyStream:
		return r.copyStream(w)
	}
	return nil
}

// copyStream copies the stream to w and closes it if it is an io.Closer.
func (r *Response) copyStream(w io.Writer) error {
	if r.stream == nil {
		return nil
	}
	_, err := io.Copy(w, r.stream)
	if c, ok := r.stream.(io.Closer); ok {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// closeStream closes an unwritten stream body that is an io.Closer.
func (r *Response) closeStream() {
	if r.kind != bodyStream {
		return
	}
	if c, ok := r.stream.(io.Closer); ok {
		_ = c.Close()
	}
}

// encodeJSON appends r.value to buf as json.NewEncoder(buf).Encode would:
// with the compiled encoder (jsonenc.go) when it can, and otherwise with
// encoding/json itself, which also supplies any error.
func (r *Response) encodeJSON(buf *bytes.Buffer) error {
	if writeJSON(buf, r.value) {
		return nil
	}
	if err := json.NewEncoder(buf).Encode(r.value); err != nil {
		return fmt.Errorf("itty: encoding JSON response: %w", err)
	}
	return nil
}

// bodyAllowed reports whether a response with this status may have a body.
func bodyAllowed(status int) bool {
	return status >= 200 && status != http.StatusNoContent && status != http.StatusNotModified
}

// maxPooledBuffer is the largest buffer capacity returned to bufferPool;
// bigger buffers are left to the garbage collector so that one large
// response does not pin its memory in the pool.
const maxPooledBuffer = 64 << 10

// bufferPool holds *bytes.Buffer values for JSON encoding.
var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// getBuffer returns an empty buffer from bufferPool.
func getBuffer() *bytes.Buffer { return bufferPool.Get().(*bytes.Buffer) }

// putBuffer returns buf to bufferPool unless it has grown too large.
func putBuffer(buf *bytes.Buffer) {
	if buf.Cap() > maxPooledBuffer {
		return
	}
	buf.Reset()
	bufferPool.Put(buf)
}

// WithStatus sets the status code and returns r. A code outside 100–999,
// which net/http would refuse, is recorded as an error and leaves the
// status unchanged.
func (r *Response) WithStatus(code int) *Response {
	if code < 100 || code > 999 {
		r.fail(fmt.Errorf("itty: invalid status code %d", code))
		return r
	}
	r.status = code
	return r
}
