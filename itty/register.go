package itty

// This file registers typed handlers. Register parses the pattern, compiles
// P's binding plan against it and inserts the route; the method helpers
// (Get, Post, ...) panic with the resulting error value, so a mistake stops
// the program at start-up, while Register returns it for tests and tools.

import (
	"fmt"
	"net/http"
	"reflect"
	"runtime"
	"strings"
	"unsafe"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/params"
)

// Router is where routes are registered: an *App or a *Group.
type Router interface {
	group() *Group
}

// Group is a set of routes under a path prefix that share middleware.
type Group struct {
	app    *App
	prefix string
	mw     []Middleware
	err    error // a prefix that does not start with "/", reported by Register
}

func (a *App) group() *Group   { return &a.root }
func (g *Group) group() *Group { return g }

// Group returns a nested group: its prefix follows g's, and its middleware
// runs inside g's. A prefix other than "" must start with "/"; Register
// refuses the routes of a group whose prefix does not.
func (g *Group) Group(prefix string, mw ...Middleware) *Group {
	err := g.err
	if err == nil && prefix != "" && prefix[0] != '/' {
		err = &params.PatternError{Pattern: prefix, Reason: `a group prefix must start with "/"`}
	}
	return &Group{
		app:    g.app,
		prefix: g.prefix + strings.TrimSuffix(prefix, "/"),
		mw:     append(append([]Middleware(nil), g.mw...), mw...),
		err:    err,
	}
}

// HandlerFunc is the type of a typed handler.
type HandlerFunc[P any] func(r *Request, p P) Response

// RouteOption configures one route.
type RouteOption func(*routeConfig)

type routeConfig struct {
	name   string
	limits routeLimits
	meta   RouteMeta // descriptive metadata, in meta.go
}

// Name gives the route a name, listed by App.Routes.
func Name(name string) RouteOption { return func(c *routeConfig) { c.name = name } }

// routeLimits are a route's own body settings; zero fields follow the app.
type routeLimits struct {
	maxBytes, maxMultipart, maxMemory int64
	strict                            int8 // 0: the app's setting, 1: on, -1: off
}

// apply overrides the app's limits l with the route's.
func (rl *routeLimits) apply(l *bind.Limits) {
	if rl.maxBytes > 0 {
		l.MaxBytes = rl.maxBytes
	}
	if rl.maxMultipart > 0 {
		l.MaxMultipartBytes = rl.maxMultipart
	}
	if rl.maxMemory > 0 {
		l.MaxMultipartMemory = rl.maxMemory
	}
	if rl.strict != 0 {
		l.StrictJSON = rl.strict > 0
	}
}

// RouteMaxBodyBytes is MaxBodyBytes for one route: it bounds the JSON,
// urlencoded and raw bodies the route reads (413 above n).
func RouteMaxBodyBytes(n int64) RouteOption {
	return func(c *routeConfig) { c.limits.maxBytes = n }
}

// RouteMaxMultipartBytes is MaxMultipartBytes for one route: it bounds the
// multipart/form-data bodies the route reads (413 above n).
func RouteMaxMultipartBytes(n int64) RouteOption {
	return func(c *routeConfig) { c.limits.maxMultipart = n }
}

// RouteMaxMultipartMemory is MaxMultipartMemory for one route: it bounds
// the file data of a multipart body held in memory before the rest is
// written to temporary files.
func RouteMaxMultipartMemory(n int64) RouteOption {
	return func(c *routeConfig) { c.limits.maxMemory = n }
}

// RouteStrictJSON is StrictJSON for one route, whatever the app's setting:
// with on, JSON object members that no field takes are answered 422.
func RouteStrictJSON(on bool) RouteOption {
	return func(c *routeConfig) {
		c.limits.strict = -1
		if on {
			c.limits.strict = 1
		}
	}
}

// RouteError reports a route that cannot be registered: its method, pattern,
// where it was registered, and why.
type RouteError struct {
	Method  string
	Pattern string
	Where   string // file:line of the registration
	Err     error  // a *params.PatternError, *bind.PlanError, *ConflictError or ErrServed
}

// Error names the route and the reason.
func (e *RouteError) Error() string {
	return fmt.Sprintf("itty: route %s %s (%s): %s", e.Method, e.Pattern, e.Where, strings.TrimPrefix(e.Err.Error(), "itty: "))
}

// Unwrap returns the reason.
func (e *RouteError) Unwrap() error { return e.Err }

// route is one registered route, whatever its P.
type route struct {
	// What serving a matched request reads, first: with the handler's
	// fields before it (see handler), one cache line.
	nparams int
	serve   server // the handler, or the group middleware around it
	pslot   int    // the slot of P in Request.pv; -1 for a stackHandler's route
	body    bool   // P has form, json or body fields

	chain    http.Handler // group middleware around the handler, or nil
	method   string
	pattern  string
	where    string
	name     string
	pat      *params.Pattern
	names    []string // path parameter names, in order
	matchers []bind.Matcher
	limits   routeLimits // body settings of RouteOptions
	doc      routeDoc    // what RouteInfo reports, in routes.go
}

// Route is a registered route with parameter struct P. It builds typed URLs
// and binds requests exactly as the app does.
type Route[P any] struct {
	app  *App
	rt   *route
	plan *bind.Plan[P]
	tree *node // a tree holding only this route, for Bind
}

// Method returns the route's method.
func (r *Route[P]) Method() string { return r.rt.method }

// Pattern returns the route's full pattern, group prefix included.
func (r *Route[P]) Pattern() string { return r.rt.pattern }

// Plan returns the route's compiled binding plan.
func (r *Route[P]) Plan() *bind.Plan[P] { return r.plan }

// Register registers fn for method and pattern on rt and returns the route,
// or an error (a *RouteError) saying why it cannot be registered. It is the
// non-panicking form of Get, Post and the other method helpers.
func Register[P any](rt Router, method, pattern string, fn func(*Request, P) Response, opts ...RouteOption) (*Route[P], error) {
	where := caller()
	g := rt.group()
	full := g.prefix + pattern
	fail := func(err error) (*Route[P], error) {
		return nil, &RouteError{Method: method, Pattern: full, Where: where, Err: err}
	}
	if !validMethod(method) {
		return fail(fmt.Errorf("itty: %q is not a valid method token", method))
	}
	if fn == nil {
		return fail(fmt.Errorf("itty: the handler is nil"))
	}
	if g.err != nil {
		return fail(g.err)
	}
	if g.prefix != "" && pattern != "" && pattern[0] != '/' {
		// Parse would see the prefix's slash: "/api" + "items".
		return fail(&params.PatternError{Pattern: pattern, Reason: `pattern must start with "/"`})
	}
	pat, err := params.Parse(full)
	if err != nil {
		return fail(err)
	}
	ps := pat.Params()
	pathParams := make([]bind.PathParam, len(ps))
	names := make([]string, len(ps))
	for i, s := range ps {
		pathParams[i] = bind.PathParam{Name: s.Text, Kind: s.Kind}
		names[i] = s.Text
	}
	plan, err := compilePlan[P](g.app, pathParams)
	if err != nil {
		return fail(err)
	}
	var cfg routeConfig
	for _, o := range opts {
		o(&cfg)
	}
	if err := checkMeta(&cfg.meta); err != nil {
		return fail(err)
	}
	h := &handler[P]{fn: fn, plan: plan, app: g.app}
	// A P of string path fields only is bound on the stack and needs no
	// slot among the pooled requests' P values.
	var srv server = h
	pslot := -1
	if plan.PathStringsOnly() {
		srv = (*stackHandler[P])(h)
	} else {
		pslot = g.app.pslotFor(reflect.TypeFor[P]())
	}
	r := &h.rt
	*r = route{
		method: method, pattern: pat.String(), where: where, name: cfg.name,
		pat: pat, names: names, matchers: plan.Matchers(), nparams: len(ps),
		serve: srv, pslot: pslot, body: plan.ReadsBody(),
		limits: cfg.limits,
	}
	r.doc = newRouteDoc(plan, cfg.meta)
	if len(g.mw) > 0 {
		var inner http.Handler = http.HandlerFunc(func(w http.ResponseWriter, hr *http.Request) {
			req := fromContext(hr)
			req.enter()
			defer req.leave()
			req.Request = hr
			srv.serve(w, req)
		})
		for i := len(g.mw) - 1; i >= 0; i-- {
			inner = g.mw[i](inner)
		}
		r.chain = inner
		r.serve = chainServer{r}
	}
	if err := g.app.add(r); err != nil {
		return fail(err)
	}
	tree := &node{}
	tree.insert(pat.Segments, r.matchers, r)
	return &Route[P]{app: g.app, rt: r, plan: plan, tree: tree}, nil
}

func must[P any](r *Route[P], err error) *Route[P] {
	if err != nil {
		panic(err)
	}
	return r
}

// Get registers fn for GET requests (and HEAD) matching pattern. It panics
// with a *RouteError if the route cannot be registered; see Register.
func Get[P any](rt Router, pattern string, fn func(*Request, P) Response, opts ...RouteOption) *Route[P] {
	return must(Register(rt, http.MethodGet, pattern, fn, opts...))
}

// Post registers fn for POST requests matching pattern. It panics with a
// *RouteError if the route cannot be registered.
func Post[P any](rt Router, pattern string, fn func(*Request, P) Response, opts ...RouteOption) *Route[P] {
	return must(Register(rt, http.MethodPost, pattern, fn, opts...))
}

// Put registers fn for PUT requests matching pattern. It panics with a
// *RouteError if the route cannot be registered.
func Put[P any](rt Router, pattern string, fn func(*Request, P) Response, opts ...RouteOption) *Route[P] {
	return must(Register(rt, http.MethodPut, pattern, fn, opts...))
}

// Patch registers fn for PATCH requests matching pattern. It panics with a
// *RouteError if the route cannot be registered.
func Patch[P any](rt Router, pattern string, fn func(*Request, P) Response, opts ...RouteOption) *Route[P] {
	return must(Register(rt, http.MethodPatch, pattern, fn, opts...))
}

// Delete registers fn for DELETE requests matching pattern. It panics with a
// *RouteError if the route cannot be registered.
func Delete[P any](rt Router, pattern string, fn func(*Request, P) Response, opts ...RouteOption) *Route[P] {
	return must(Register(rt, http.MethodDelete, pattern, fn, opts...))
}

// Head registers fn for HEAD requests matching pattern, taking them over
// from the GET route. It panics with a *RouteError if the route cannot be
// registered.
func Head[P any](rt Router, pattern string, fn func(*Request, P) Response, opts ...RouteOption) *Route[P] {
	return must(Register(rt, http.MethodHead, pattern, fn, opts...))
}

// Options registers fn for OPTIONS requests matching pattern, replacing the
// automatic Allow answer. It panics with a *RouteError if the route cannot
// be registered.
func Options[P any](rt Router, pattern string, fn func(*Request, P) Response, opts ...RouteOption) *Route[P] {
	return must(Register(rt, http.MethodOptions, pattern, fn, opts...))
}

// Handle registers fn for requests with the given method (any method token,
// such as "PROPFIND") matching pattern. It panics with a *RouteError if the
// route cannot be registered.
func Handle[P any](rt Router, method, pattern string, fn func(*Request, P) Response, opts ...RouteOption) *Route[P] {
	return must(Register(rt, method, pattern, fn, opts...))
}

// handler serves one typed route: bind P, call fn, write the response.
//
// A handler holds its route, so that what serving reads — fn, plan and the
// route's first fields — shares the object's first cache line. The padding
// makes the object 448 bytes, an allocation size class whose objects start
// on 64-byte boundaries (TestHandlerLayout keeps it so).
type handler[P any] struct {
	fn   func(*Request, P) Response
	plan *bind.Plan[P]
	rt   route
	app  *App
	_    [32]byte
}

// stackHandler is the handler of a route whose P has only string path
// fields (bind.Plan.PathStringsOnly): it binds P on its stack, by plain
// stores, instead of in the pooled request's P. Register chooses it once.
type stackHandler[P any] handler[P]

// server serves a matched request; *handler[P] and *stackHandler[P] are
// the implementations outside tests.
type server interface {
	serve(w http.ResponseWriter, req *Request)
}

func (h *handler[P]) serve(w http.ResponseWriter, req *Request) {
	var zero P
	var p *P
	if i := h.rt.pslot; i < len(req.pv) {
		// A pooled request keeps a P of each type once it has used one.
		if req.pv[i] == nil {
			req.pv[i] = unsafe.Pointer(new(P))
		}
		p = (*P)(req.pv[i])
	} else {
		p = new(P)
	}
	*p = zero
	if err := h.plan.BindBody(req.Request, req.params, req.bodyFor(h.rt.body), p); err != nil {
		h.app.writeErr(w, req, err)
		return
	}
	resp := h.fn(req, *p)
	*p = zero
	if resp == nil {
		w.WriteHeader(http.StatusNoContent) // write's first case, without the call
		return
	}
	h.app.write(w, req, resp)
}

func (h *stackHandler[P]) serve(w http.ResponseWriter, req *Request) {
	var p P
	h.plan.BindPathStrings(req.params, &p)
	// What follows is handler.serve's ending, spelled out: a call to share
	// it is not inlined into generic code.
	resp := h.fn(req, p)
	if resp == nil {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	h.app.write(w, req, resp)
}

// planKey identifies a binding plan: the parameter type and the pattern's
// parameters, in order, with their kinds.
type planKey struct {
	t      reflect.Type
	params string
}

// compilePlan returns P's binding plan for the path parameters ps, compiled
// once per app: routes with the same P and the same parameters share it,
// so that serving many routes keeps fewer plans in the cache.
func compilePlan[P any](a *App, ps []bind.PathParam) (*bind.Plan[P], error) {
	var sig strings.Builder
	for _, p := range ps {
		sig.WriteString(p.Name)
		sig.WriteByte(':')
		sig.WriteString(p.Kind.String())
		sig.WriteByte('/')
	}
	key := planKey{reflect.TypeFor[P](), sig.String()}
	a.mu.Lock()
	cached, ok := a.plans[key]
	a.mu.Unlock()
	if ok {
		return cached.(*bind.Plan[P]), nil
	}
	plan, err := bind.Compile[P](ps)
	if err != nil {
		return nil, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.plans == nil {
		a.plans = map[planKey]any{}
	}
	a.plans[key] = plan
	return plan, nil
}

// caller returns file:line of the first caller outside this package.
func caller() string {
	for skip := 2; skip < 10; skip++ {
		pc, file, line, ok := runtime.Caller(skip)
		if !ok {
			break
		}
		fn := runtime.FuncForPC(pc)
		if fn != nil && strings.HasPrefix(fn.Name(), "github.com/ittygo/itty/itty.") {
			continue
		}
		if i := strings.LastIndexByte(file, '/'); i >= 0 {
			if j := strings.LastIndexByte(file[:i], '/'); j >= 0 {
				file = file[j+1:]
			}
		}
		return fmt.Sprintf("%s:%d", file, line)
	}
	return "unknown"
}

// validMethod reports whether m is an HTTP token.
func validMethod(m string) bool {
	if m == "" {
		return false
	}
	for i := 0; i < len(m); i++ {
		c := m[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("()<>@,;:\\\"/[]?={}", c) >= 0 {
			return false
		}
	}
	return true
}
