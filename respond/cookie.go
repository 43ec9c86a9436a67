// Design: header and cookie data is validated as it is added, because
// that is where the caller's mistake is (or where untrusted input enters).
// A CR, LF or NUL in a value could split the header block, so it is refused
// outright rather than sanitized; cookies must also pass
// (*http.Cookie).Valid, because net/http's Cookie.String silently drops
// invalid attributes. The first problem is kept as a typed error that
// names the header or cookie and the reason.

package respond

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// HeaderError reports a header that was refused: a name that is not a
// valid HTTP token, or a value containing CR, LF or NUL.
type HeaderError struct {
	Name   string // the header name as given
	Reason string // e.g. "value contains a control character"
}

// Error returns a message such as
// `itty: header "X-Note": value contains a control character`.
func (e *HeaderError) Error() string {
	return "itty: header " + strconv.Quote(e.Name) + ": " + e.Reason
}

// CookieError reports a cookie that was refused: its name, value, path or
// domain contains CR, LF or NUL, or (*http.Cookie).Valid failed.
type CookieError struct {
	Name   string // the cookie name as given
	Reason string // e.g. "path contains a control character"
	Err    error  // the error from (*http.Cookie).Valid, if that was the reason
}

// Error returns a message such as
// `itty: cookie "sid": path contains a control character`.
func (e *CookieError) Error() string {
	return "itty: cookie " + strconv.Quote(e.Name) + ": " + e.Reason
}

// Unwrap returns Err.
func (e *CookieError) Unwrap() error { return e.Err }

// Reasons used in HeaderError and CookieError.
const (
	reasonBadName = "name is not a valid header token"
	reasonCtl     = "value contains a control character"
)

// WithHeader sets the header name to value, replacing earlier values, and
// returns r. An invalid name or value is refused (see Err).
func (r *Response) WithHeader(name, value string) *Response {
	if r.checkHeader(name, value) {
		r.headerMap()[http.CanonicalHeaderKey(name)] = []string{value}
	}
	return r
}

// AddHeader adds value to the header name, keeping earlier values, and
// returns r. An invalid name or value is refused (see Err).
func (r *Response) AddHeader(name, value string) *Response {
	if r.checkHeader(name, value) {
		k := http.CanonicalHeaderKey(name)
		h := r.headerMap()
		h[k] = append(h[k][:len(h[k]):len(h[k])], value)
	}
	return r
}

// WithContentType sets the Content-Type header and returns r. A value
// containing CR, LF or NUL is refused (see Err).
func (r *Response) WithContentType(ct string) *Response {
	return r.WithHeader("Content-Type", ct)
}

// checkHeader records a HeaderError and reports false when name or value
// is invalid.
func (r *Response) checkHeader(name, value string) bool {
	switch {
	case !validHeaderName(name):
		r.fail(&HeaderError{Name: name, Reason: reasonBadName})
		return false
	case hasCtl(value):
		r.fail(&HeaderError{Name: name, Reason: reasonCtl})
		return false
	}
	return true
}

// WithCookie adds a Set-Cookie header for c and returns r. c is copied;
// an empty Path becomes "/". Each cookie gets its own Set-Cookie field,
// formatted by (*http.Cookie).String. A cookie whose name, value, path or
// domain contains CR, LF or NUL, or for which (*http.Cookie).Valid fails,
// is refused (see Err).
func (r *Response) WithCookie(c *http.Cookie) *Response {
	if c == nil {
		r.fail(&CookieError{Reason: "cookie is nil"})
		return r
	}
	cc := *c
	if cc.Path == "" {
		cc.Path = "/"
	}
	for _, f := range [...]struct{ what, s string }{
		{"name", cc.Name}, {"value", cc.Value}, {"path", cc.Path}, {"domain", cc.Domain},
	} {
		if hasCtl(f.s) {
			r.fail(&CookieError{Name: cc.Name, Reason: f.what + " contains a control character"})
			return r
		}
	}
	if err := cc.Valid(); err != nil {
		r.fail(&CookieError{Name: cc.Name, Reason: "not a valid cookie: " + err.Error(), Err: err})
		return r
	}
	h := r.headerMap()
	h["Set-Cookie"] = append(h["Set-Cookie"], cc.String())
	return r
}

// DeleteCookie adds a Set-Cookie header that makes the browser delete the
// cookie name set with Path "/" and no Domain, and returns r.
func (r *Response) DeleteCookie(name string) *Response {
	return r.DeleteCookieAt(name, "/", "")
}

// DeleteCookieAt adds a Set-Cookie header that makes the browser delete
// the cookie name set with the given path ("" means "/") and domain ("" for
// a host-only cookie), and returns r. A cookie is deleted only when name,
// path and domain match the ones it was set with. The header has an empty
// value, Max-Age=0 and an Expires date in the past.
func (r *Response) DeleteCookieAt(name, path, domain string) *Response {
	return r.WithCookie(&http.Cookie{
		Name:    name,
		Path:    path,
		Domain:  domain,
		MaxAge:  -1, // written as Max-Age=0
		Expires: time.Unix(0, 0).UTC(),
	})
}

// validHeaderName reports whether name is a non-empty RFC 9110 token.
func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		if !isTokenByte(name[i]) {
			return false
		}
	}
	return true
}

// isTokenByte reports whether c is an RFC 9110 tchar.
func isTokenByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

// hasCtl reports whether s contains CR, LF or NUL, the bytes that could end
// or corrupt a header line.
func hasCtl(s string) bool {
	return strings.ContainsAny(s, "\r\n\x00")
}
