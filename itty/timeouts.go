package itty

// This file bounds how long a request body may take to arrive.
//
// The server's header timeout (ReadHeaderTimeout) ends once the headers are
// in; a client could then send its body one byte a minute and hold a
// connection and a handler for ever. So when a request has a body,
// ServeHTTP sets a read deadline on its connection through
// http.ResponseController, whatever server runs the app. A body that has
// not arrived by then fails to read with os.ErrDeadlineExceeded, which the
// body reader (package bind) answers 408 Request Timeout, and net/http
// closes the connection after the answer.
//
// net/http lifts the deadline itself once the body has been read to its
// end, when it starts reading the connection in the background to notice a
// client that goes away; so a handler that runs long after reading its body
// keeps its context. The next request on a keep-alive connection gets the
// server's own deadlines again. Writers that take no deadline
// (httptest.ResponseRecorder, most wrappers) leave the request as it is.

import (
	"net/http"
	"time"
)

// defaultBodyTimeout is the default of BodyTimeout.
const defaultBodyTimeout = 60 * time.Second

// BodyTimeout bounds how long the app waits for a request body, counted
// from the moment the app starts serving the request (default 60s; d <= 0
// turns the bound off). A body that has not fully arrived by then is
// answered 408 Request Timeout when it is read, and its connection is
// closed. The bound holds under any server, not only Run's, as long as the
// connection's http.ResponseWriter supports read deadlines (net/http's
// does, for HTTP/1 and HTTP/2).
func BodyTimeout(d time.Duration) Option { return func(c *config) { c.bodyTimeout = d } }

// startBodyDeadline sets the read deadline for r's body, if r has one and
// the app bounds bodies.
func (a *App) startBodyDeadline(w http.ResponseWriter, r *http.Request) {
	d := a.cfg.bodyTimeout
	if d <= 0 || r.ContentLength == 0 || r.Body == nil || r.Body == http.NoBody {
		return
	}
	// Find the deadline the way http.ResponseController does, but without
	// building an error for writers that have none: nothing to bound there.
	for {
		switch v := w.(type) {
		case interface{ SetReadDeadline(time.Time) error }:
			_ = v.SetReadDeadline(time.Now().Add(d))
			return
		case interface{ Unwrap() http.ResponseWriter }:
			w = v.Unwrap()
		default:
			return
		}
	}
}
