// Design: plain redirects trust their URL (it must only be free of bytes
// that could split the header block). LocalRedirect is for URLs that come
// from the request ("?next=..."), where an open redirect is the risk: the
// target must be an absolute path on this site. Since browsers, proxies
// and frameworks decode and normalize URLs in different ways (tabs and
// newlines are dropped, "\" means "/", %-escapes may be decoded again),
// the check is applied to the target's path and to every percent-decoded
// form of it, and anything doubtful is refused in favour of the fallback.
// Only the path can be read as a host, so the query and fragment need
// only be free of raw control bytes and hold well-formed escapes: a
// "?q=a%20b" or a path "/100%25" is an ordinary on-site target.

package respond

import (
	"net/http"
	"net/url"
	"strings"
	"unicode"
)

// Redirect returns a 302 Found redirect to url. A url containing CR, LF or
// NUL is refused (see Err). url is used as given; for a URL taken from the
// request use LocalRedirect.
func Redirect(url string) *Response { return redirect(http.StatusFound, url) }

// PermanentRedirect returns a 301 Moved Permanently redirect to url, with
// the same checks as Redirect.
func PermanentRedirect(url string) *Response { return redirect(http.StatusMovedPermanently, url) }

// SeeOther returns a 303 See Other redirect to url, with the same checks as
// Redirect. It is the usual answer to a successful form POST.
func SeeOther(url string) *Response { return redirect(http.StatusSeeOther, url) }

// redirect returns a redirect response with an empty body.
func redirect(status int, url string) *Response {
	r := newResponse(status, bodyNone)
	r.clen = contentLength(0)
	if hasCtl(url) {
		r.fail(&HeaderError{Name: "Location", Reason: reasonCtl})
		return r
	}
	r.headerMap()["Location"] = []string{url}
	return r
}

// LocalRedirect returns a 303 See Other redirect to target if
// IsLocalRedirect(target), otherwise to fallback if that is local, and
// otherwise to "/". Use it for redirect targets taken from the request,
// such as a "next" query parameter, to avoid open redirects.
func LocalRedirect(target, fallback string) *Response {
	switch {
	case IsLocalRedirect(target):
		return SeeOther(target)
	case IsLocalRedirect(fallback):
		return SeeOther(fallback)
	}
	return SeeOther("/")
}

// maxDecodeRounds bounds how often IsLocalRedirect percent-decodes the
// path of a target; a path that still decodes further after that is
// refused.
const maxDecodeRounds = 4

// IsLocalRedirect reports whether target is a safe on-site redirect
// target: an absolute path such as "/a/b?x=1#f" or "/search?q=a%20b".
//
// The whole target must hold no "\", whitespace or control character, its
// %-escapes must be well formed, and it must parse with net/url without a
// scheme, host or user information. Its path (the part before any "?" or
// "#"), and each form obtained by percent-decoding the path again until it
// no longer changes (at most a few rounds; a "%" that starts no valid
// escape stays as it is), must start with exactly one "/" that is not
// followed by "/" or "\", and hold no "\", whitespace or control
// character. A path that still decodes further after the last round is
// refused. The query and fragment may hold any well-formed escapes: no
// client reads them as a host.
func IsLocalRedirect(target string) bool {
	path, rest := target, ""
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		path, rest = target[:i], target[i:]
	}
	if !isLocalPath(path) || !cleanText(rest) || !wellEscaped(rest) {
		return false
	}
	if u, err := url.Parse(target); err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return false
	}
	for round := 0; ; round++ {
		d := lenientUnescape(path)
		if d == path {
			return true
		}
		if round == maxDecodeRounds || !isLocalPath(d) {
			return false
		}
		path = d
	}
}

// isLocalPath applies the IsLocalRedirect rules to one form of a path.
func isLocalPath(s string) bool {
	if len(s) == 0 || s[0] != '/' {
		return false
	}
	if len(s) > 1 && (s[1] == '/' || s[1] == '\\') {
		return false
	}
	return cleanText(s)
}

// cleanText reports whether s holds no "\", whitespace or control
// character.
func cleanText(s string) bool {
	for _, c := range s {
		if c == '\\' || unicode.IsSpace(c) || unicode.IsControl(c) {
			return false
		}
	}
	return true
}

// wellEscaped reports whether every "%" in s starts a %XX escape.
func wellEscaped(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && !isEscapeAt(s, i) {
			return false
		}
	}
	return true
}

// lenientUnescape decodes the valid %XX escapes of s and keeps every other
// byte, a "%" that starts no escape included.
func lenientUnescape(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && isEscapeAt(s, i) {
			b.WriteByte(unhexByte(s[i+1])<<4 | unhexByte(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// isEscapeAt reports whether s[i:] starts with "%" and two hex digits.
func isEscapeAt(s string, i int) bool {
	return i+2 < len(s) && s[i] == '%' && unhexByte(s[i+1]) < 16 && unhexByte(s[i+2]) < 16
}

// unhexByte returns the value of the hex digit c, or 16 when c is none.
func unhexByte(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10
	}
	return 16
}
