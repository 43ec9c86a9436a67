// Design: this file only documents the package. The error model is a single
// concrete type, *Error, that is both a Go error (for logging and wrapping)
// and a response (it renders itself as problem+json or a small HTML page).
// Client-facing text (Title, Detail, Fields) is kept apart from the Cause,
// which is never shown unless debug rendering is requested.

// Package errors is itty's HTTP error model.
//
// An *Error carries an HTTP status, client-facing text and an optional cause:
//
//	return nil, errors.NotFound()
//	return nil, errors.BadRequest("the body is not valid JSON", err)
//	return nil, errors.Unprocessable(errors.FieldError{
//		Source: "query", Name: "page", Message: "must be an integer", Value: "abc",
//	})
//
// Rendering negotiates the representation with the request's Accept header:
// clients that prefer JSON (see PrefersJSON) receive an RFC 9457
// "application/problem+json" document, all others a small self-contained
// HTML page. The Cause, and a panic's stack trace, appear in the output only
// when rendering with debug set to true.
//
// The package deliberately exports no Is, As, New or Unwrap functions; use
// the standard library's errors package for those, importing one of the two
// under another name where both are needed.
package errors
