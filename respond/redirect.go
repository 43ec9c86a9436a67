// Design: plain redirects trust their URL (it must only be free of bytes
// that could split the header block). LocalRedirect is for URLs that come
// from the request ("?next=..."), where an open redirect is the risk: the
// target must be an absolute path on this site. Since browsers, proxies
// and frameworks decode and normalize URLs in different ways (tabs and
// newlines are dropped, "\" means "/", %-escapes may be decoded again),
// the check is applied to the target and to every percent-decoded form of
// it, and anything doubtful is refused in favour of the fallback.

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
	r.clen = []string{"0"}
	if hasCtl(url) {
		r.fail(&HeaderError{Name: "Location", Reason: reasonCtl})
		return r
	}
	r.header["Location"] = []string{url}
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

// maxDecodeRounds bounds how often IsLocalRedirect percent-decodes a
// target; a target that still holds escapes after that is refused.
const maxDecodeRounds = 4

// IsLocalRedirect reports whether target is a safe on-site redirect
// target: an absolute path such as "/a/b?x=1#f".
//
// The target, and each form obtained by percent-decoding it again until it
// no longer changes (at most a few rounds), must start with exactly one
// "/" that is not followed by "/" or "\", contain no "\" and no control or
// whitespace characters, and parse with net/url without a scheme, host or
// user information. Targets with malformed escapes, or that are still
// encoded after the last round, are refused.
func IsLocalRedirect(target string) bool {
	s := target
	for round := 0; ; round++ {
		if !isLocalForm(s) {
			return false
		}
		if !strings.Contains(s, "%") {
			return true
		}
		if round == maxDecodeRounds {
			return false
		}
		d, err := url.PathUnescape(s)
		if err != nil {
			return false
		}
		s = d
	}
}

// isLocalForm applies the IsLocalRedirect rules to one form of a target.
func isLocalForm(s string) bool {
	if len(s) == 0 || s[0] != '/' {
		return false
	}
	if len(s) > 1 && (s[1] == '/' || s[1] == '\\') {
		return false
	}
	for _, c := range s {
		if c == '\\' || unicode.IsSpace(c) || unicode.IsControl(c) {
			return false
		}
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "" && u.Host == "" && u.User == nil && u.Opaque == ""
}
