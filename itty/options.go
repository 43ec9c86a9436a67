package itty

// This file holds the app's settings and the options that set them. Options
// are given to New, or to Run before the app serves; an app never changes
// its settings while it serves.

import (
	"io"
	"log/slog"
	"net"
	"os"
	"strconv"
	"time"

	"github.com/ittygo/itty/bind"
)

// Option configures an App. Options go to New or to Run.
type Option func(*config)

// ErrorPageFunc renders an error for a client: it replaces the built-in page
// for one status (itty3's error_404 and error_500).
type ErrorPageFunc func(r *Request, e *Error) Response

// config is everything Options can set.
type config struct {
	debug         bool
	logger        *slog.Logger
	redirectSlash bool
	errorPages    map[int]ErrorPageFunc
	static        []*staticMount // StaticDir mounts, registered by mountStatic
	proxies       proxyConfig    // TrustedProxies, in proxy.go

	host            string
	port            int
	listener        net.Listener
	output          io.Writer
	shutdownTimeout time.Duration
	readHeader      time.Duration
	idle            time.Duration
	maxHeaderBytes  int
	bodyTimeout     time.Duration // BodyTimeout, in timeouts.go

	body bind.Limits // request body limits; zero fields mean bind's defaults
}

func defaultConfig() config {
	return config{
		logger:          slog.Default(),
		host:            "127.0.0.1",
		port:            8000,
		output:          os.Stdout,
		shutdownTimeout: 30 * time.Second,
		readHeader:      10 * time.Second,
		idle:            120 * time.Second,
		maxHeaderBytes:  64 << 10,
		bodyTimeout:     defaultBodyTimeout,
	}
}

func (c *config) addr() string {
	return net.JoinHostPort(c.host, strconv.Itoa(c.port))
}

// Debug turns debug mode on or off. In debug mode every request is logged and
// error pages show the cause of a 500 (a panic's message and stack). Keep it
// off in production.
func Debug(on bool) Option { return func(c *config) { c.debug = on } }

// Logger sets the logger for panics, 5xx causes and, in debug mode, requests.
// The default is slog.Default().
func Logger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// RedirectTrailingSlash makes a request that matches no route, but would with
// its trailing slash added or removed, redirect there (301 for GET and HEAD,
// 308 otherwise). Targets that would start with "//" or "/\" are never
// produced: such requests get 404.
func RedirectTrailingSlash(on bool) Option { return func(c *config) { c.redirectSlash = on } }

// ErrorPage replaces the page rendered for status (404, 405, 500, or any
// other). The error's headers (e.Header, such as a 405's Allow) are set on
// the response before the page writes it. If the page panics or fails
// before writing, the built-in page is rendered instead.
func ErrorPage(status int, page ErrorPageFunc) Option {
	return func(c *config) {
		if c.errorPages == nil {
			c.errorPages = map[int]ErrorPageFunc{}
		}
		c.errorPages[status] = page
	}
}

// Host sets the address Run listens on (default "127.0.0.1").
func Host(host string) Option { return func(c *config) { c.host = host } }

// Port sets the port Run listens on (default 8000; 0 picks a free port).
func Port(port int) Option { return func(c *config) { c.port = port } }

// Addr sets host and port from "host:port".
func Addr(hostport string) Option {
	return func(c *config) {
		h, p, err := net.SplitHostPort(hostport)
		if err != nil {
			c.host, c.port = hostport, -1 // reported by Run
			return
		}
		c.host = h
		if c.port, err = strconv.Atoi(p); err != nil {
			c.port = -1
		}
	}
}

// Listener makes Run serve on ln instead of listening itself.
func Listener(ln net.Listener) Option { return func(c *config) { c.listener = ln } }

// Output sets where Run prints its start-up line (default os.Stdout).
func Output(w io.Writer) Option { return func(c *config) { c.output = w } }

// ShutdownTimeout bounds how long Run waits for in-flight requests after
// SIGINT or SIGTERM (default 30s); the connections still open then are
// closed, which cancels the contexts of their requests.
func ShutdownTimeout(d time.Duration) Option { return func(c *config) { c.shutdownTimeout = d } }

// ReadHeaderTimeout bounds how long Run's server waits for request headers
// (default 10s).
func ReadHeaderTimeout(d time.Duration) Option { return func(c *config) { c.readHeader = d } }

// IdleTimeout bounds how long Run's server keeps an idle keep-alive
// connection (default 120s).
func IdleTimeout(d time.Duration) Option { return func(c *config) { c.idle = d } }

// MaxHeaderBytes bounds the size of request headers Run's server reads
// (default 64 KiB).
func MaxHeaderBytes(n int) Option { return func(c *config) { c.maxHeaderBytes = n } }

// MaxBodyBytes bounds the JSON, urlencoded and raw request bodies the app
// reads (default 1 MiB); a larger body is answered 413. n <= 0 restores
// the default. RouteMaxBodyBytes overrides it for one route.
func MaxBodyBytes(n int64) Option { return func(c *config) { c.body.MaxBytes = n } }

// MaxMultipartBytes bounds the multipart/form-data request bodies the app
// reads (default 32 MiB); a larger body is answered 413. n <= 0 restores
// the default. RouteMaxMultipartBytes overrides it for one route.
func MaxMultipartBytes(n int64) Option { return func(c *config) { c.body.MaxMultipartBytes = n } }

// MaxMultipartMemory bounds the file data of a multipart body held in
// memory (default 8 MiB); the rest is written to temporary files, removed
// when the request ends. n <= 0 restores the default.
// RouteMaxMultipartMemory overrides it for one route.
func MaxMultipartMemory(n int64) Option { return func(c *config) { c.body.MaxMultipartMemory = n } }

// StrictJSON makes JSON bodies with object members that no field takes an
// error (422 naming each member) instead of ignoring those members. It
// also applies to Request.JSON, where such a member is a 400 like any JSON
// that does not fit. RouteStrictJSON overrides it for one route.
func StrictJSON(on bool) Option { return func(c *config) { c.body.StrictJSON = on } }
