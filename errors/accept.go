// Design: content negotiation is reduced to one question, "does this client
// prefer JSON over HTML?". The Accept parser is a small allocation-free
// scanner that is deliberately lenient: malformed ranges or q-values are
// skipped rather than reported, and quoted parameter values may contain the
// separators. HTML is the default, so browsers (which send text/html and
// */*) get a page while API clients that ask for JSON get problem+json.

package errors

import (
	"net/http"
	"strconv"
	"strings"
)

// PrefersJSON reports whether the request's Accept header prefers a JSON
// representation over HTML.
//
// The JSON quality is the highest q-value among the ranges that explicitly
// name application/json, application/problem+json or any application/*+json
// type; wildcards never count for JSON. The HTML quality is the q-value of
// the most specific range matching text/html (text/html, else text/*, else
// */*), taking the highest q when that range is repeated. A missing q means
// 1; ranges with a malformed q-value are ignored. JSON is preferred only
// when its quality is strictly greater than HTML's, so a request without an
// Accept header, or with "*/*", is answered with HTML.
func PrefersJSON(r *http.Request) bool {
	if r == nil {
		return false
	}
	jsonQ, htmlQ := 0.0, 0.0
	htmlSpec := 0 // 0: no match yet, 1: */*, 2: text/*, 3: text/html
	for _, v := range r.Header.Values("Accept") {
		for v != "" {
			var rng string
			rng, v = cut(v, ',')
			typ, sub, q, ok := parseRange(rng)
			if !ok {
				continue
			}
			if isJSONType(typ, sub) {
				jsonQ = max(jsonQ, q)
				continue
			}
			spec := htmlSpecificity(typ, sub)
			switch {
			case spec == 0:
			case spec > htmlSpec:
				htmlSpec, htmlQ = spec, q
			case spec == htmlSpec:
				htmlQ = max(htmlQ, q)
			}
		}
	}
	return jsonQ > htmlQ
}

// isJSONType reports whether typ/sub names a JSON media type explicitly.
func isJSONType(typ, sub string) bool {
	if !strings.EqualFold(typ, "application") {
		return false
	}
	if strings.EqualFold(sub, "json") {
		return true
	}
	const suffix = "+json"
	return len(sub) > len(suffix) && strings.EqualFold(sub[len(sub)-len(suffix):], suffix)
}

// htmlSpecificity reports how specifically typ/sub matches text/html:
// 3 for text/html, 2 for text/*, 1 for */* and 0 for no match.
func htmlSpecificity(typ, sub string) int {
	switch {
	case typ == "*" && sub == "*":
		return 1
	case !strings.EqualFold(typ, "text"):
		return 0
	case sub == "*":
		return 2
	case strings.EqualFold(sub, "html"):
		return 3
	}
	return 0
}

// parseRange parses one media range such as `text/html;level=1;q=0.5`. It
// returns ok == false when the range has no type/subtype or a malformed q.
func parseRange(rng string) (typ, sub string, q float64, ok bool) {
	mt, params := cut(rng, ';')
	typ, sub, found := strings.Cut(strings.TrimSpace(mt), "/")
	typ, sub = strings.TrimSpace(typ), strings.TrimSpace(sub)
	if !found || typ == "" || sub == "" {
		return "", "", 0, false
	}
	q = 1
	for params != "" {
		var p string
		p, params = cut(params, ';')
		name, val, _ := strings.Cut(p, "=")
		if !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil || !(f >= 0 && f <= 1) { // also rejects NaN
			return "", "", 0, false
		}
		q = f
		// Parameters after q are accept-extensions; they do not matter here.
		break
	}
	return typ, sub, q, true
}

// cut splits s at the first sep that is not inside a quoted string. A
// backslash inside quotes escapes the next byte; an unterminated quote runs
// to the end of s.
func cut(s string, sep byte) (before, after string) {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quoted && c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case !quoted && c == sep:
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}
