// Design: *Error is a plain struct so that handlers can build or adjust one
// with a composite literal; the constructors only fill in the common cases.
// Error() strings are for logs (lowercase, "itty:" prefix, include the
// cause); what clients see is decided in render.go.

package errors

import (
	stderrors "errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Error is an HTTP error: a status with client-facing text, optional
// per-field problems, extra response headers and an internal cause.
//
// An *Error is rendered by Render or WriteResponse. Only Title, Detail,
// Type and Fields are shown to clients; Cause is shown only when rendering
// in debug mode.
type Error struct {
	Status int          // HTTP status; values outside 400–599 render as 500
	Title  string       // client-facing; "" renders the default title for Status
	Detail string       // client-facing explanation, may be ""
	Type   string       // problem type URI; "" renders "about:blank"
	Fields []FieldError // per-field problems (typically with 422)
	Header http.Header  // extra response headers (e.g. Allow), may be nil
	Cause  error        // logged; shown only in debug rendering
}

// Error returns a log line such as "itty: 404 not found: detail: cause".
// The detail and cause parts are present only when they are non-empty.
func (e *Error) Error() string {
	if e == nil {
		return "itty: <nil error>"
	}
	var b strings.Builder
	b.WriteString("itty: ")
	b.WriteString(strconv.Itoa(e.Status))
	b.WriteByte(' ')
	b.WriteString(strings.ToLower(titleFor(e.Status, e.Title)))
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	if e.Cause != nil {
		b.WriteString(": ")
		b.WriteString(e.Cause.Error())
	}
	return b.String()
}

// Unwrap returns the Cause, so that the standard library's errors.Is and
// errors.As see through an *Error.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Cause
}

// titleFor returns title, or the default title for status when title is
// empty: http.StatusText, "Internal Error" for 500 and "Error" for a status
// net/http does not know.
func titleFor(status int, title string) string {
	if title != "" {
		return title
	}
	if status == http.StatusInternalServerError {
		return "Internal Error"
	}
	if t := http.StatusText(status); t != "" {
		return t
	}
	return "Error"
}

// FieldError describes one invalid input value, such as a query parameter
// that is not an integer.
type FieldError struct {
	Source  string // where the value came from: "path", "query", "header", "cookie", "form", "body"
	Name    string // the parameter or field name, e.g. "page"
	Message string // client-facing, e.g. "must be an integer"
	Value   string // the offending input as received; may be ""
	Err     error  // the underlying cause; never shown to clients
}

// Location returns Source and Name joined by a dot, such as "query.page".
// When one of them is empty the other is returned alone.
func (f *FieldError) Location() string {
	switch {
	case f.Source == "":
		return f.Name
	case f.Name == "":
		return f.Source
	}
	return f.Source + "." + f.Name
}

// Error returns a log line such as `itty: query.page: must be an integer (got "abc")`.
// The "(got ...)" part is omitted when Value is empty.
func (f *FieldError) Error() string {
	s := "itty: " + f.Location() + ": " + f.Message
	if f.Value != "" {
		s += " (got " + strconv.Quote(f.Value) + ")"
	}
	return s
}

// Unwrap returns Err.
func (f *FieldError) Unwrap() error { return f.Err }

// PanicError is a recovered panic: the value passed to panic and the stack
// of the panicking goroutine (as from runtime/debug.Stack). It is used as
// the Cause of a 500 error; the stack is shown only in debug rendering.
type PanicError struct {
	Value any
	Stack []byte
}

// Error returns "itty: panic: " followed by the panic value.
func (p *PanicError) Error() string {
	return "itty: panic: " + fmt.Sprint(p.Value)
}

// Status returns an *Error with the given status and detail.
func Status(status int, detail string) *Error {
	return &Error{Status: status, Detail: detail}
}

// NotFound returns a 404 Not Found error.
func NotFound() *Error {
	return &Error{Status: http.StatusNotFound}
}

// MethodNotAllowed returns a 405 Method Not Allowed error whose Allow header
// lists the given methods, joined with ", ". With no methods the Allow
// header is present but empty, which RFC 9110 defines as "no methods".
func MethodNotAllowed(allow ...string) *Error {
	return &Error{
		Status: http.StatusMethodNotAllowed,
		Header: http.Header{"Allow": {strings.Join(allow, ", ")}},
	}
}

// BadRequest returns a 400 Bad Request error with a client-facing detail and
// an internal cause (which may be nil).
func BadRequest(detail string, cause error) *Error {
	return &Error{Status: http.StatusBadRequest, Detail: detail, Cause: cause}
}

// Unprocessable returns a 422 Unprocessable Content error listing the given
// field problems, with the detail "the request has invalid values".
func Unprocessable(fields ...FieldError) *Error {
	return &Error{
		Status: http.StatusUnprocessableEntity,
		Detail: "the request has invalid values",
		Fields: append([]FieldError(nil), fields...),
	}
}

// Internal returns a 500 error caused by cause. Clients see only the
// generic title; the cause is for logs and debug rendering.
func Internal(cause error) *Error {
	return &Error{Status: http.StatusInternalServerError, Cause: cause}
}

// From converts any error to an *Error: nil stays nil, an error whose chain
// holds an *Error (found with the standard library's errors.As) yields that
// *Error, and anything else becomes Internal(err).
func From(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if stderrors.As(err, &e) && e != nil {
		return e
	}
	return Internal(err)
}
