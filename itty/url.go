package itty

// This file runs routes backwards and forwards outside the app: URL builds a
// route's URL from a P value (so links cannot go stale when a route changes),
// and Bind matches and binds a request exactly as serving would (so tests can
// check binding without a server).

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/params"
)

// URL returns the path and query that bind back to p: path segments from
// p's path fields (escaped), then its query fields as the query string. A
// value that would not match the route's own pattern is an error, as is one
// that a client would not send back as it is: a dot segment, or a leading
// "/" in the <path:…> value of the pattern "/<path:…>" ("//host/…" names a
// host).
func (r *Route[P]) URL(p P) (string, error) {
	vals, err := r.plan.PathValues(&p)
	if err != nil {
		return "", fmt.Errorf("itty: url for %s %s: %w", r.rt.method, r.rt.pattern, unprefix(err))
	}
	for i, s := range r.rt.pat.Params() {
		if v := vals[i]; v == "." || v == ".." || (s.Kind == params.Path && hasDotSegment(v)) {
			return "", fmt.Errorf("itty: url for %s %s: path parameter %q: %q holds a dot segment, which clients remove from URLs", r.rt.method, r.rt.pattern, s.Text, v)
		} else if s.Kind == params.Path && r.rt.pat.Segments[0].Kind == params.Path && v[0] == '/' {
			// "/<path:…>" with "/evil.com": "//evil.com" names a host.
			return "", fmt.Errorf("itty: url for %s %s: path parameter %q: %q would start the URL with \"//\", which clients read as a host", r.rt.method, r.rt.pattern, s.Text, v)
		}
	}
	var b strings.Builder
	pi := 0
	for _, s := range r.rt.pat.Segments {
		b.WriteByte('/')
		switch s.Kind {
		case params.Literal:
			b.WriteString(escapeSegment(s.Text))
		case params.Path:
			b.WriteString(escapePath(vals[pi]))
			pi++
		default:
			b.WriteString(escapeSegment(vals[pi]))
			pi++
		}
	}
	q, err := r.plan.Query(&p)
	if err != nil {
		return "", fmt.Errorf("itty: url for %s %s: %w", r.rt.method, r.rt.pattern, unprefix(err))
	}
	if q.Len() > 0 {
		b.WriteByte('?')
		b.WriteString(q.Encode())
	}
	return b.String(), nil
}

// MustURL is URL for values known to fit; it panics on error.
func (r *Route[P]) MustURL(p P) string {
	u, err := r.URL(p)
	if err != nil {
		panic(err)
	}
	return u
}

// Bind matches req against this route alone and binds P from it exactly as
// the app would, with the app's and the route's body limits. A path that
// does not match is a 404 *errors.Error. Uploaded files larger than the
// multipart memory limit are removed from disk when Bind returns; smaller
// ones stay readable through their *multipart.FileHeader.
func (r *Route[P]) Bind(req *http.Request) (P, error) {
	var p P
	path, raw := req.URL.Path, false
	if req.URL.RawPath != "" {
		path, raw = req.URL.EscapedPath(), true
	}
	vals := make([]string, r.rt.nparams)
	if path == "" || path[0] != '/' || r.tree.match(path[1:], raw, vals, 0) == nil {
		return p, errors.NotFound()
	}
	var body *bind.RequestBody
	if r.plan.ReadsBody() {
		l := r.app.cfg.body
		r.rt.limits.apply(&l)
		body = bind.NewRequestBody(req, l)
		defer body.Release()
	}
	err := r.plan.BindBody(req, vals, body, &p)
	return p, err
}

type unprefixed struct{ error }

func (u unprefixed) Error() string { return strings.TrimPrefix(u.error.Error(), "itty: ") }
func (u unprefixed) Unwrap() error { return u.error }

func unprefix(err error) error { return unprefixed{err} }

// hasDotSegment reports whether a slash-separated path has a "." or ".."
// segment.
func hasDotSegment(p string) bool {
	for _, s := range strings.Split(p, "/") {
		if s == "." || s == ".." {
			return true
		}
	}
	return false
}

// escapeSegment escapes one path segment, "/" included.
func escapeSegment(s string) string { return url.PathEscape(s) }

// escapePath escapes a path, keeping its slashes.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// joinMethods formats an Allow header value.
func joinMethods(ms []string) string { return strings.Join(ms, ", ") }
