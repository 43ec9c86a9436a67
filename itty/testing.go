package itty

// This file lets handlers be tested as plain functions: NewRequest builds a
// *Request in one call, and Record writes any Response and returns what a
// client would receive, with no server and no app.

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"

	"github.com/ittygo/itty/errors"
)

// NewRequest returns a Request for method and target (a path with an
// optional query, or an absolute URL) with the given body, for calling a
// handler directly in a test. It panics if target does not parse.
func NewRequest(method, target string, body io.Reader) *Request {
	r, err := http.NewRequestWithContext(context.Background(), method, target, body)
	if err != nil {
		panic("itty: NewRequest: " + err.Error())
	}
	if r.Host == "" {
		r.Host = "example.com"
	}
	r.RequestURI = target
	r.RemoteAddr = "192.0.2.1:1234"
	return &Request{Request: r}
}

// Recorded is what a client received for one response.
type Recorded struct {
	Status int
	Header http.Header
	Body   []byte
}

// Text returns the body as a string.
func (rec *Recorded) Text() string { return string(rec.Body) }

// Cookies parses the response's Set-Cookie headers.
func (rec *Recorded) Cookies() []*http.Cookie {
	return (&http.Response{Header: rec.Header}).Cookies()
}

// Record writes resp for req the way an app would — a nil Response is 204,
// an *errors.Error renders its page, a failing response becomes a 500 — and
// returns what the client received.
func Record(req *Request, resp Response) *Recorded {
	w := &recorder{header: http.Header{}}
	a := req.app
	if a == nil {
		a = New(Logger(discardLogger()))
	}
	req.tw = trackWriter{ResponseWriter: w, head: req.Method == http.MethodHead}
	switch v := resp.(type) {
	case nil:
		req.tw.WriteHeader(http.StatusNoContent)
	case *errors.Error:
		a.renderError(&req.tw, req, v)
	default:
		a.write(&req.tw, req, v)
	}
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return &Recorded{Status: w.status, Header: w.header, Body: w.body.Bytes()}
}

// recorder is a minimal http.ResponseWriter that keeps what it is given.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (w *recorder) Header() http.Header { return w.header }

func (w *recorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

func (w *recorder) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.body.Write(p)
}

// String summarises the recording, for test failure messages.
func (rec *Recorded) String() string {
	var b strings.Builder
	b.WriteString(http.StatusText(rec.Status))
	b.WriteString(": ")
	b.Write(rec.Body)
	return b.String()
}
