package itty

// This file holds the JSON handler forms: a handler that returns a value
// and an error instead of a Response. The value is written as JSON with the
// route's success status; the error goes through the app's error model. The
// value's type is recorded on the route, so an API description states the
// success body exactly, from the same type the handler returns.

import (
	"net/http"
	"reflect"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/respond"
)

// JSONHandlerFunc is the type of a JSON handler: it returns the success
// body, or an error.
type JSONHandlerFunc[P, R any] func(r *Request, p P) (R, error)

// SuccessStatus sets the status a JSON handler form answers with when its
// handler succeeds (default 200 OK), such as 201 for a route that creates.
// With 204 No Content the value is not written. It must be a 2xx status,
// and applies only to the JSON forms.
func SuccessStatus(code int) RouteOption {
	return func(c *routeConfig) { c.meta.successStatus = code }
}

// RegisterJSON registers a JSON handler for method and pattern on rt. When
// fn returns a nil error, its value is written with encoding/json as an
// application/json body with the success status (see SuccessStatus). When
// it returns an error, the error is answered as any handler error: an
// *Error (found with errors.As) renders as itself; anything else is a 500
// whose cause is logged, never shown. R's type is recorded as the route's
// success response (RouteInfo.Meta.Responses[0]). It returns a *RouteError
// when the route cannot be registered.
func RegisterJSON[P, R any](rt Router, method, pattern string, fn func(*Request, P) (R, error), opts ...RouteOption) (*Route[P], error) {
	var probe routeConfig
	for _, o := range opts {
		o(&probe)
	}
	status := probe.meta.successStatus
	if status == 0 {
		status = http.StatusOK
	}
	spec := ResponseSpec{Status: status, Type: reflect.TypeFor[R](), ContentType: "application/json", Description: http.StatusText(status)}
	if status == http.StatusNoContent {
		spec.Type, spec.ContentType = nil, ""
	}
	mark := func(c *routeConfig) {
		c.meta.typed = true
		c.meta.Responses = append(c.meta.Responses, spec)
	}
	all := append([]RouteOption{mark}, opts...)
	if fn == nil {
		return Register[P](rt, method, pattern, nil, all...)
	}
	h := func(r *Request, p P) Response {
		v, err := fn(r, p)
		if err != nil {
			return errors.From(err)
		}
		if status == http.StatusNoContent {
			return nil
		}
		return respond.JSON(v).WithStatus(status)
	}
	return Register(rt, method, pattern, h, all...)
}

// HandleJSON registers a JSON handler for requests with the given method
// matching pattern; see RegisterJSON. It panics with a *RouteError if the
// route cannot be registered.
func HandleJSON[P, R any](rt Router, method, pattern string, fn func(*Request, P) (R, error), opts ...RouteOption) *Route[P] {
	return must(RegisterJSON(rt, method, pattern, fn, opts...))
}

// GetJSON registers a JSON handler for GET requests (and HEAD) matching
// pattern; see RegisterJSON. It panics with a *RouteError if the route
// cannot be registered.
func GetJSON[P, R any](rt Router, pattern string, fn func(*Request, P) (R, error), opts ...RouteOption) *Route[P] {
	return must(RegisterJSON(rt, http.MethodGet, pattern, fn, opts...))
}

// PostJSON registers a JSON handler for POST requests matching pattern; see
// RegisterJSON. It answers 200 unless SuccessStatus says otherwise (201 for
// a route that creates). It panics with a *RouteError if the route cannot
// be registered.
func PostJSON[P, R any](rt Router, pattern string, fn func(*Request, P) (R, error), opts ...RouteOption) *Route[P] {
	return must(RegisterJSON(rt, http.MethodPost, pattern, fn, opts...))
}

// PutJSON registers a JSON handler for PUT requests matching pattern; see
// RegisterJSON. It panics with a *RouteError if the route cannot be
// registered.
func PutJSON[P, R any](rt Router, pattern string, fn func(*Request, P) (R, error), opts ...RouteOption) *Route[P] {
	return must(RegisterJSON(rt, http.MethodPut, pattern, fn, opts...))
}

// PatchJSON registers a JSON handler for PATCH requests matching pattern;
// see RegisterJSON. It panics with a *RouteError if the route cannot be
// registered.
func PatchJSON[P, R any](rt Router, pattern string, fn func(*Request, P) (R, error), opts ...RouteOption) *Route[P] {
	return must(RegisterJSON(rt, http.MethodPatch, pattern, fn, opts...))
}

// DeleteJSON registers a JSON handler for DELETE requests matching
// pattern; see RegisterJSON. It panics with a *RouteError if the route
// cannot be registered.
func DeleteJSON[P, R any](rt Router, pattern string, fn func(*Request, P) (R, error), opts ...RouteOption) *Route[P] {
	return must(RegisterJSON(rt, http.MethodDelete, pattern, fn, opts...))
}
