// Design: rendering builds the whole body in memory first, so that the
// Content-Length is exact and nothing is written when building fails. The
// JSON document is a struct (stable key order, encoding/json escaping); the
// HTML page is assembled from html.EscapeString'd pieces, which keeps it
// small and free of template parsing. Debug output is added in exactly one
// place per format, guarded by the debug flag, so that the cause and stack
// can never leak into a production response by another path.

package errors

import (
	"encoding/json"
	stderrors "errors"
	"html"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
)

// WriteResponse renders e for the client without debug information; it is
// Render(w, r, false). It lets an *Error be returned wherever an itty
// response is expected.
func (e *Error) WriteResponse(w http.ResponseWriter, r *http.Request) error {
	return e.Render(w, r, false)
}

// Render writes e as the response to r: an RFC 9457 problem+json document
// when PrefersJSON(r), otherwise a small HTML page. A Status outside
// 400–599 is rendered as 500.
//
// Render copies e.Header into the response headers, then sets Content-Type,
// Content-Length, "X-Content-Type-Options: nosniff" and (unless e.Header
// sets one) "Cache-Control: no-store". For HEAD requests no body is written.
// When debug is true the output also holds the Cause and, when the cause
// chain contains a *PanicError, its stack; never enable debug in production.
// Render returns the error from writing the body, if any.
func (e *Error) Render(w http.ResponseWriter, r *http.Request, debug bool) error {
	if e == nil {
		e = Internal(nil)
	}
	status := e.Status
	if status < 400 || status > 599 {
		status = http.StatusInternalServerError
	}
	title := e.Title
	if title == "" || status != e.Status {
		// A replaced status must not keep a title written for another one.
		title = titleFor(status, "")
	}

	asJSON := PrefersJSON(r)
	plain := e.plain(title, status, debug)
	var body []byte
	var clen []string
	if plain {
		pg := plainBody(status, asJSON, func() []byte { return e.render(status, title, asJSON, false) })
		body, clen = pg.body, pg.clen
	} else {
		body = e.render(status, title, asJSON, debug)
		clen = []string{strconv.Itoa(len(body))}
	}
	contentType := htmlType
	if asJSON {
		contentType = problemType
	}

	h := w.Header()
	ownCache := false
	for k, v := range e.Header {
		k = http.CanonicalHeaderKey(k)
		h[k] = append([]string(nil), v...)
		ownCache = ownCache || k == "Cache-Control"
	}
	// The constant values are shared, capped slices: appending to them
	// copies, so no response can change another's.
	h["Content-Type"] = contentType
	h["Content-Length"] = clen
	h["X-Content-Type-Options"] = nosniff
	if !ownCache {
		h["Cache-Control"] = noStore
	}
	w.WriteHeader(status)
	if r != nil && r.Method == http.MethodHead {
		return nil
	}
	_, err := w.Write(body)
	return err
}

var (
	htmlType    = []string{"text/html; charset=utf-8"}[:1:1]
	problemType = []string{"application/problem+json"}[:1:1]
	nosniff     = []string{"nosniff"}[:1:1]
	noStore     = []string{"no-store"}[:1:1]
)

// render builds the body in the chosen format.
func (e *Error) render(status int, title string, asJSON, debug bool) []byte {
	if asJSON {
		return e.renderJSON(status, title, debug)
	}
	return e.renderHTML(status, title, debug)
}

// plain reports whether e's body depends on its status alone, so that a
// body rendered once can be reused (the common 404 and 405 pages).
func (e *Error) plain(title string, status int, debug bool) bool {
	return e.Detail == "" && len(e.Fields) == 0 && e.Type == "" && title == titleFor(status, "") &&
		(!debug || e.Cause == nil)
}

// plainPage is the cached answer of a plain error: its body and its
// Content-Length value, a capped slice like the other shared values.
type plainPage struct {
	body []byte
	clen []string
}

// plainBodies caches the pages of plain errors by status (400–599) and
// format. A page is never modified once stored.
var plainBodies [200][2]atomic.Pointer[plainPage]

// plainBody returns the cached page of a plain error, rendering it once.
func plainBody(status int, asJSON bool, render func() []byte) *plainPage {
	f := 0
	if asJSON {
		f = 1
	}
	slot := &plainBodies[status-400][f]
	if pg := slot.Load(); pg != nil {
		return pg
	}
	b := render()
	pg := &plainPage{body: b, clen: []string{strconv.Itoa(len(b))}[:1:1]}
	slot.Store(pg)
	return pg
}

// problem is the RFC 9457 problem document; field order is output order.
type problem struct {
	Type   string         `json:"type"`
	Title  string         `json:"title"`
	Status int            `json:"status"`
	Detail string         `json:"detail,omitempty"`
	Errors []problemField `json:"errors,omitempty"`
	Debug  *problemDebug  `json:"debug,omitempty"`
}

// problemField is one entry of the "errors" extension member.
type problemField struct {
	Location string `json:"location"`
	Message  string `json:"message"`
	Value    string `json:"value,omitempty"`
}

// problemDebug is the "debug" extension member, present only in debug mode.
type problemDebug struct {
	Cause string `json:"cause"`
	Stack string `json:"stack,omitempty"`
}

// renderJSON returns the problem+json body, ending in a newline.
func (e *Error) renderJSON(status int, title string, debug bool) []byte {
	p := problem{
		Type:   e.Type,
		Title:  title,
		Status: status,
		Detail: e.Detail,
	}
	if p.Type == "" {
		p.Type = "about:blank"
	}
	for i := range e.Fields {
		f := &e.Fields[i]
		p.Errors = append(p.Errors, problemField{Location: f.Location(), Message: f.Message, Value: f.Value})
	}
	if debug && e.Cause != nil {
		p.Debug = &problemDebug{Cause: e.Cause.Error(), Stack: panicStack(e.Cause)}
	}
	b, err := json.Marshal(&p)
	if err != nil {
		// Only strings and ints are marshaled, so this cannot happen; keep
		// a valid document anyway.
		b = []byte(`{"type":"about:blank","title":"Internal Error","status":500}`)
	}
	return append(b, '\n')
}

// renderHTML returns a small self-contained HTML page.
func (e *Error) renderHTML(status int, title string, debug bool) []byte {
	var b strings.Builder
	t := html.EscapeString(title)
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>")
	b.WriteString(strconv.Itoa(status))
	b.WriteByte(' ')
	b.WriteString(t)
	b.WriteString("</title>\n")
	b.WriteString("<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}" +
		"pre{background:#f4f4f4;padding:1rem;overflow:auto}</style>\n")
	b.WriteString("</head>\n<body>\n<h1>")
	b.WriteString(t)
	b.WriteString("</h1>\n")
	if e.Detail != "" {
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(e.Detail))
		b.WriteString("</p>\n")
	}
	if len(e.Fields) > 0 {
		b.WriteString("<ul>\n")
		for i := range e.Fields {
			f := &e.Fields[i]
			b.WriteString("<li>")
			b.WriteString(html.EscapeString(f.Location() + ": " + f.Message))
			if f.Value != "" {
				b.WriteString(" (got \u201c")
				b.WriteString(html.EscapeString(f.Value))
				b.WriteString("\u201d)")
			}
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul>\n")
	}
	if debug && e.Cause != nil {
		b.WriteString("<pre>")
		b.WriteString(html.EscapeString(e.Cause.Error()))
		if stack := panicStack(e.Cause); stack != "" {
			b.WriteString("\n\n")
			b.WriteString(html.EscapeString(stack))
		}
		b.WriteString("</pre>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

// panicStack returns the stack of the first *PanicError in err's chain, or "".
func panicStack(err error) string {
	var p *PanicError
	if stderrors.As(err, &p) && p != nil {
		return string(p.Stack)
	}
	return ""
}
