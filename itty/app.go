package itty

// This file defines App: the registry of routes and middleware, and the
// http.Handler that serves them. Registration happens before serving; the
// first request freezes the app (middleware chain built, request pool sized)
// and any later registration is refused.

import (
	stderrors "errors"
	"net/http"
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/params"
)

// Version is the version of itty.
const Version = "0.1.0"

// Response is what a handler returns: a value that writes itself to the
// client. *respond.Response and *errors.Error are Responses; a custom type
// needs only this one method. If WriteResponse fails before writing anything,
// the app answers with its 500 page and logs the error. A nil Response
// answers 204 No Content.
type Response interface {
	WriteResponse(w http.ResponseWriter, r *http.Request) error
}

// Error is the HTTP error model of package errors: a handler may return one
// as its Response.
type Error = errors.Error

// Middleware wraps an http.Handler, as in net/http.
type Middleware = func(http.Handler) http.Handler

// ErrServed is returned (or panicked) when a route or middleware is added
// after the app has started serving.
var ErrServed = stderrors.New("itty: the app has already served a request; register routes and middleware before serving")

// App is an itty application. It implements http.Handler, so it runs under
// any Go server; Run starts a development server. Create one with New.
type App struct {
	cfg    config
	mu     sync.Mutex // guards registration
	served atomic.Bool
	once   sync.Once

	router router
	routes []*route
	mw     []Middleware
	chain  http.Handler         // app middleware around dispatch; nil when there is none
	pool   sync.Pool            // *Request
	pslots map[reflect.Type]int // the slot of each parameter type P in Request.pv
	plans  map[planKey]any      // *bind.Plan[P] by P and path parameters, shared by routes
	root   Group
}

// New returns an App configured by opts.
func New(opts ...Option) *App {
	a := &App{cfg: defaultConfig()}
	for _, o := range opts {
		o(&a.cfg)
	}
	a.root = Group{app: a}
	return a
}

// Use adds app-wide middleware. It runs for every request, 404 and 405
// answers included, in the order given: the first is the outermost.
// Middleware may run the next handler on another goroutine and return
// before it ends, as http.TimeoutHandler does: that handler keeps its
// *Request, values and body until it returns.
func (a *App) Use(mw ...Middleware) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.served.Load() {
		panic(ErrServed)
	}
	a.mw = append(a.mw, mw...)
}

// Group returns a group of routes under prefix whose handlers are wrapped in
// mw (the first is the outermost), inside the app's middleware. As with
// Use, mw may run the handler on another goroutine. A prefix other than ""
// must start with "/", as must the patterns registered on the group.
func (a *App) Group(prefix string, mw ...Middleware) *Group {
	return a.root.Group(prefix, mw...)
}

// Debug reports whether debug mode is on.
func (a *App) Debug() bool { return a.cfg.debug }

// RouteInfo describes a registered route.
type RouteInfo struct {
	Method  string
	Pattern string
	Where   string // file:line of the registration

	// What tools that describe the app need (routes.go): all copies.
	Name     string           // the route's Name, or ""
	Segments []params.Segment // the pattern's segments, as params.Parse gives them
	Params   reflect.Type     // the parameter struct P
	Fields   []bind.Field     // P's bound fields as compiled, in declaration order
	Limits   bind.Limits      // the body limits in force (defaults filled in)
	Meta     RouteMeta        // the metadata of the route's options
}

// Routes lists the registered routes in registration order.
func (a *App) Routes() []RouteInfo {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make([]RouteInfo, len(a.routes))
	for i, rt := range a.routes {
		out[i] = rt.info(&a.cfg)
	}
	return out
}

// add registers rt, refusing it once the app has served.
func (a *App) add(rt *route) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.served.Load() {
		return ErrServed
	}
	if err := a.router.add(rt); err != nil {
		return err
	}
	a.routes = append(a.routes, rt)
	return nil
}

// pslotFor returns the slot of the parameter type t in every pooled
// request's storage for P values, assigning the next one on first use:
// routes with the same P share a slot. A slot assigned after the app froze
// is beyond the pooled requests' storage, and handlers then allocate their
// P (such a route is refused anyway).
func (a *App) pslotFor(t reflect.Type) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	if i, ok := a.pslots[t]; ok {
		return i
	}
	if a.pslots == nil {
		a.pslots = map[reflect.Type]int{}
	}
	i := len(a.pslots)
	a.pslots[t] = i
	return i
}

// freeze ends registration: it builds the middleware chain and sizes the
// request pool for the route with the most parameters and the number of
// parameter types.
func (a *App) freeze() {
	a.mountStaticOnFreeze()
	a.mu.Lock()
	defer a.mu.Unlock()
	a.served.Store(true)
	if len(a.mw) > 0 {
		var h http.Handler = http.HandlerFunc(a.dispatchFromContext)
		for i := len(a.mw) - 1; i >= 0; i-- {
			h = a.mw[i](h)
		}
		a.chain = h
	}
	n, np := a.router.maxParams, len(a.pslots)
	a.pool.New = func() any { return &Request{app: a, vals: make([]string, n), pv: make([]unsafe.Pointer, np)} }
}

// ServeHTTP serves one request: app middleware, routing, binding, the
// handler and its response. A panic anywhere in it answers the 500 page, or
// aborts the connection when the response had already started.
//
// Every request is served with one *Request from the app's pool: its path
// values are matched into it, and it keeps a P of each parameter type for
// the handlers, so a request allocates nothing of its own. (A P whose only
// fields are string path fields is bound on the handler's stack instead.)
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.once.Do(a.freeze)
	if r.ContentLength != 0 && a.cfg.bodyTimeout > 0 {
		a.startBodyDeadline(w, r)
	}
	req := a.pool.Get().(*Request)
	req.start(w, r)
	// The deferred call only recovers; a request that panicked is not
	// returned to the pool, so the common path ends it inline.
	defer func() {
		if v := recover(); v != nil {
			a.panicked(req, v)
		}
	}()
	switch path := r.URL.Path; {
	case a.chain != nil:
		req.behind.via = true
		a.chain.ServeHTTP(&req.tw, withRequest(r, req))
	case r.URL.RawPath == "" && path != "" && path[0] == '/':
		// dispatch for the common case, an unescaped path, without a call.
		if rt := a.router.lookup(r.Method, path[1:], false, req.vals); rt != nil {
			req.route, req.params = rt, req.vals[:rt.nparams]
			rt.serve.serve(&req.tw, req)
		} else {
			a.noRoute(&req.tw, req, path, false)
		}
	default:
		a.dispatch(&req.tw, req, r)
	}
	if req.behind.via && !req.detach() {
		// A handler behind the middleware may still run, or start: req
		// is its own now, never the pool's.
		if a.cfg.debug {
			a.logServed(r, req.tw.status, "")
		}
		return
	}
	if a.cfg.debug {
		a.logRequest(req)
	}
	req.end()
	a.pool.Put(req)
}

// panicked answers the panic v of ServeHTTP's request req.
func (a *App) panicked(req *Request, v any) {
	req.releaseBody()
	if a.cfg.debug {
		defer a.logRequest(req)
	}
	a.recovered(req, v)
}

// dispatchFromContext is the innermost handler of the app middleware chain.
func (a *App) dispatchFromContext(w http.ResponseWriter, r *http.Request) {
	req := fromContext(r)
	req.enter()
	defer req.leave()
	req.Request = r // as the middleware passed it on
	a.dispatch(w, req, r)
}

// requestPath returns the path to match: the escaped path, with raw set,
// when decoding would change it; ok is false for targets that are not
// absolute paths ("*").
func requestPath(r *http.Request) (path string, raw, ok bool) {
	path = r.URL.Path
	if r.URL.RawPath != "" {
		path, raw = r.URL.EscapedPath(), true
	}
	return path, raw, path != "" && path[0] == '/'
}

// dispatch routes r and serves it.
func (a *App) dispatch(w http.ResponseWriter, req *Request, r *http.Request) {
	path, raw, ok := requestPath(r)
	if !ok {
		if path == "*" && r.Method == http.MethodOptions {
			w.Header().Set("Allow", joinMethods(a.router.methods()))
			w.WriteHeader(http.StatusNoContent)
			return
		}
		a.renderError(w, req, errors.NotFound())
		return
	}
	rt := a.router.lookup(r.Method, path[1:], raw, req.vals)
	if rt == nil {
		a.noRoute(w, req, path, raw)
		return
	}
	req.route = rt
	req.params = req.vals[:rt.nparams]
	rt.serve.serve(w, req)
}

// chainServer serves a route through its group middleware, which see the
// path values through r.PathValue; the innermost handler serves the route.
type chainServer struct{ rt *route }

func (c chainServer) serve(w http.ResponseWriter, req *Request) {
	if !req.behind.via {
		// Only ServeHTTP's goroutine gets here with via unset: behind app
		// middleware it is already set, and this read races with nothing.
		req.behind.via = true
	}
	rt := c.rt
	r := req.Request
	for i, name := range rt.names {
		r.SetPathValue(name, req.params[i])
	}
	rt.chain.ServeHTTP(w, withRequest(r, req))
}

// noRoute answers a request no route of its method matches: OPTIONS and 405
// when another method matches, a trailing-slash redirect when enabled and
// the other form matches, 404 otherwise.
func (a *App) noRoute(w http.ResponseWriter, req *Request, path string, raw bool) {
	r := req.Request
	if allow := a.router.allowed(path[1:], raw, req.vals); allow != nil {
		if r.Method == http.MethodOptions {
			w.Header().Set("Allow", joinMethods(allow))
			w.WriteHeader(http.StatusNoContent)
			return
		}
		a.renderError(w, req, errors.MethodNotAllowed(allow...))
		return
	}
	if a.cfg.redirectSlash {
		if target, ok := a.slashTarget(r, path, raw, req.vals); ok {
			code := http.StatusPermanentRedirect
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				code = http.StatusMovedPermanently
			}
			w.Header().Set("Location", target)
			w.WriteHeader(code)
			return
		}
	}
	a.renderError(w, req, errors.NotFound())
}

// slashTarget returns the request's URL with its trailing slash toggled, if
// that form has a route for the method and is a safe on-site target.
func (a *App) slashTarget(r *http.Request, path string, raw bool, vals []string) (string, bool) {
	other := path + "/"
	if len(path) > 1 && path[len(path)-1] == '/' {
		other = path[:len(path)-1]
	}
	if len(other) > 1 && (other[1] == '/' || other[1] == '\\') {
		return "", false
	}
	if a.router.lookup(r.Method, other[1:], raw, vals) == nil {
		return "", false
	}
	target := other
	if !raw {
		target = escapePath(other)
	}
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	return target, true
}
