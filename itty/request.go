package itty

// This file defines Request, the handler's view of one HTTP request: the
// net/http request itself (embedded), the matched route's path values, and
// itty3's conveniences (Query and Form as QueryDicts, JSON, IsAjax, IsSecure,
// cookies). Requests are pooled by the app: a handler must not keep its
// *Request after it returns (keep r.Request, or copied values, instead).

import (
	"context"
	"io"
	"net/http"
	"sync"
	"unsafe"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/params"
)

// Request is one HTTP request as a handler sees it. Everything net/http
// offers is on the embedded *http.Request.
type Request struct {
	*http.Request

	app    *App
	route  *route
	params []string // values of the route's path parameters, in order
	vals   []string // the pooled buffer params points into
	query  *params.QueryDict
	tw     trackWriter       // the writer that tells whether the response started
	pv     []unsafe.Pointer  // a *P per parameter type of the app (App.pslots), kept while pooled
	body   *bind.RequestBody // the body, once something reads it
	behind behind            // the handlers that run behind middleware
}

// behind tracks the handlers of a request that run behind middleware, which
// may run them on another goroutine and return before they end (as
// http.TimeoutHandler does when it gives up). ServeHTTP returns such a
// request to the pool only when every one that started has ended.
type behind struct {
	mu       sync.Mutex
	running  int32 // started and not yet ended
	started  bool  // one has started
	detached bool  // ServeHTTP has returned without pooling the request
	via      bool  // served through middleware; set before it runs, on ServeHTTP's goroutine
}

// enter records that a handler behind middleware starts serving req.
func (req *Request) enter() {
	b := &req.behind
	b.mu.Lock()
	b.running++
	b.started = true
	b.mu.Unlock()
}

// leave records that a handler behind middleware has ended. The last one
// to end after ServeHTTP has returned releases the body.
func (req *Request) leave() {
	b := &req.behind
	b.mu.Lock()
	b.running--
	last := b.detached && b.running == 0
	b.mu.Unlock()
	if last {
		req.releaseBody()
	}
}

// detach reports whether the handlers behind middleware have all ended, so
// that ServeHTTP may end req and pool it. Otherwise — one still runs, or
// none has started and one may yet start — req is left to them.
func (req *Request) detach() bool {
	b := &req.behind
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.started && b.running == 0 {
		b.started, b.via = false, false
		return true
	}
	b.detached = true
	return false
}

// start prepares a pooled request for r. Its app is set once, when the
// pool makes it.
func (req *Request) start(w http.ResponseWriter, r *http.Request) {
	req.Request = r
	req.tw = trackWriter{ResponseWriter: w, head: r.Method == http.MethodHead}
}

// end clears everything that refers to the finished request.
func (req *Request) end() {
	req.releaseBody()
	// Matching may have written past the route's values. An indexed loop,
	// not clear: for the few values a request holds, a call to the
	// runtime's memclr costs more than the stores.
	vals := req.vals
	for i := 0; i < len(vals); i++ {
		vals[i] = ""
	}
	req.Request, req.route, req.params, req.query = nil, nil, nil, nil
	req.tw = trackWriter{}
}

// PathValue returns the value of the path parameter name, decoded, or "" if
// the route has no such parameter.
func (req *Request) PathValue(name string) string {
	if req.route != nil {
		for i, n := range req.route.names {
			if n == name {
				return req.params[i]
			}
		}
	}
	if req.Request != nil {
		return req.Request.PathValue(name)
	}
	return ""
}

// Pattern returns the pattern of the matched route ("/done/<int:offset>/").
func (req *Request) Pattern() string {
	if req.route == nil {
		return ""
	}
	return req.route.pattern
}

// Query returns the query string as a QueryDict (itty3's request.GET). It is
// parsed leniently on first use: malformed escapes are kept as they are.
func (req *Request) Query() *params.QueryDict {
	if req.query == nil {
		req.query = params.ParseQuery(req.URL.RawQuery)
	}
	return req.query
}

// CookieValue returns the value of the named cookie, or def if the request
// has none.
func (req *Request) CookieValue(name, def string) string {
	c, err := req.Request.Cookie(name)
	if err != nil {
		return def
	}
	return c.Value
}

// IsAjax reports whether the request was sent by a script
// (X-Requested-With: XMLHttpRequest).
func (req *Request) IsAjax() bool {
	return req.Header.Get("X-Requested-With") == "XMLHttpRequest"
}

// IsSecure reports whether the request came over TLS, or, when it came
// through a trusted proxy (see TrustedProxies) that sent X-Forwarded-Proto
// "https" or "http", whether the client used https.
func (req *Request) IsSecure() bool {
	if secure, ok := req.proxySecure(); ok {
		return secure
	}
	return req.TLS != nil
}

// JSON decodes the request's JSON body into v (itty3's request.json()). It
// fails with a clear error — an *Error a handler can return as it is — when
// the content type is not JSON (415), the body is larger than the app's or
// route's limit (413, default 1 MiB), or it is not valid JSON, does not fit
// v or holds more than one value (400). The body is read once and shared
// with binding and Form.
func (req *Request) JSON(v any) error {
	return req.requestBody().JSON(v)
}

// Form returns the fields of the request's form body as a QueryDict
// (itty3's request.POST and request.PUT): the pairs of an
// application/x-www-form-urlencoded body or the text values of a
// multipart/form-data body (keys sorted). It is empty for other content
// types and for methods other than POST, PUT and PATCH. The query string is
// not merged in; see Query. The body is read once and shared with binding
// and JSON; the error is an *Error (413 over the limit, 400 when the body
// cannot be read).
func (req *Request) Form() (*params.QueryDict, error) {
	return req.requestBody().Form()
}

// requestBody returns the request's body, read with the limits of its app
// and route, once.
func (req *Request) requestBody() *bind.RequestBody {
	if req.body == nil {
		var l bind.Limits
		if req.app != nil {
			l = req.app.cfg.body
		}
		if req.route != nil {
			req.route.limits.apply(&l)
		}
		req.body = bind.NewRequestBody(req.Request, l)
	}
	return req.body
}

// bodyFor returns the body for binding when the plan reads one, else nil.
func (req *Request) bodyFor(reads bool) *bind.RequestBody {
	if !reads {
		return nil
	}
	return req.requestBody()
}

// releaseBody removes the body's temporary upload files and returns its
// buffers; it is safe to call more than once.
func (req *Request) releaseBody() {
	if req.body != nil {
		req.body.Release()
		req.body = nil
	}
}

// requestKey carries the *Request through middleware chains.
type requestKey struct{}

func withRequest(r *http.Request, req *Request) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), requestKey{}, req))
}

func fromContext(r *http.Request) *Request {
	return r.Context().Value(requestKey{}).(*Request)
}

// trackWriter remembers whether the response has started, so a failure can
// still be answered with an error page, and discards bodies of HEAD
// requests.
type trackWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
	head   bool
}

func (w *trackWriter) WriteHeader(code int) {
	if !w.wrote && code >= 200 {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *trackWriter) Write(p []byte) (int, error) {
	if !w.wrote {
		w.status, w.wrote = http.StatusOK, true
	}
	if w.head {
		return len(p), nil
	}
	return w.ResponseWriter.Write(p)
}

func (w *trackWriter) WriteString(s string) (int, error) {
	if !w.wrote {
		w.status, w.wrote = http.StatusOK, true
	}
	if w.head {
		return len(s), nil
	}
	return io.WriteString(w.ResponseWriter, s)
}

// Flush sends buffered data to the client, if the underlying writer can.
func (w *trackWriter) Flush() {
	if !w.wrote {
		w.status, w.wrote = http.StatusOK, true
	}
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *trackWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
