package openapi

// This file turns one route into an OpenAPI operation under its path
// template: the pattern /items/<int:id> becomes /items/{id}, the route's
// metadata gives the operation id, summary, description, tags,
// deprecation and security, and params.go, body.go and responses.go give
// the rest. Two routes that OpenAPI cannot tell apart (the same template
// shape, such as /a/<int:id> and /a/<slug:name> under one method, or one
// shape written with two sets of names) are an error naming both.

import (
	"fmt"
	"strings"

	"github.com/swaggest/openapi-go/openapi31"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/params"
)

// RouteError reports a route that cannot be described.
type RouteError struct {
	Method  string
	Pattern string
	Where   string // file:line of the registration
	Err     error
}

// Error names the route and the problem.
func (e *RouteError) Error() string {
	msg := strings.TrimPrefix(strings.TrimPrefix(e.Err.Error(), "itty: "), "openapi: ")
	return fmt.Sprintf("itty: openapi: route %s %s (%s): %s", e.Method, e.Pattern, e.Where, msg)
}

// Unwrap returns the problem.
func (e *RouteError) Unwrap() error { return e.Err }

// pathTemplate writes a pattern's segments as an OpenAPI path template,
// and its shape, with parameter names left out.
func pathTemplate(segs []params.Segment) (template, shape string) {
	var t, s strings.Builder
	for _, seg := range segs {
		t.WriteByte('/')
		s.WriteByte('/')
		if seg.Kind == params.Literal {
			t.WriteString(seg.Text)
			s.WriteString(seg.Text)
			continue
		}
		t.WriteString("{" + seg.Text + "}")
		s.WriteString("{}")
	}
	return t.String(), s.String()
}

// operation describes rt.
func (g *generator) operation(rt itty.RouteInfo, id string) (*openapi31.Operation, error) {
	op := &openapi31.Operation{}
	op.WithID(id)
	m := rt.Meta
	if m.Summary != "" {
		op.WithSummary(m.Summary)
	}
	if m.Description != "" {
		op.WithDescription(m.Description)
	}
	if len(m.Tags) > 0 {
		op.Tags = append([]string(nil), m.Tags...)
		for _, t := range m.Tags {
			g.usedTags[t] = true
		}
	}
	if m.Deprecated {
		op.WithDeprecated(true)
	}
	ps, err := parameters(rt.Fields)
	if err != nil {
		return nil, err
	}
	op.Parameters = ps
	body, err := g.requestBody(rt)
	if err != nil {
		return nil, err
	}
	if body != nil {
		op.RequestBody = &openapi31.RequestBodyOrReference{RequestBody: body}
	}
	if op.Responses, err = g.responses(rt, body); err != nil {
		return nil, err
	}
	if m.Security != nil {
		for _, req := range m.Security {
			out := map[string][]string{}
			for scheme, scopes := range req {
				if _, ok := g.cfg.schemes[scheme]; !ok {
					return nil, fmt.Errorf("itty: openapi: security scheme %q is not declared (see WithSecurityScheme)", scheme)
				}
				out[scheme] = append([]string{}, scopes...)
			}
			op.Security = append(op.Security, out)
		}
	}
	return op, nil
}

// setOperation puts op under method in item.
func setOperation(item *openapi31.PathItem, method string, op *openapi31.Operation) error {
	switch method {
	case "GET":
		item.Get = op
	case "PUT":
		item.Put = op
	case "POST":
		item.Post = op
	case "DELETE":
		item.Delete = op
	case "OPTIONS":
		item.Options = op
	case "HEAD":
		item.Head = op
	case "PATCH":
		item.Patch = op
	case "TRACE":
		item.Trace = op
	default:
		return fmt.Errorf("itty: openapi: OpenAPI 3.1 has no operations for the method %s (hide the route with itty.Hidden)", method)
	}
	return nil
}

// operationIDs returns the operation id of each route: its own, or
// itty.DefaultOperationID with a number appended when another route has
// it already.
func operationIDs(routes []itty.RouteInfo) ([]string, error) {
	ids := make([]string, len(routes))
	taken := map[string]int{} // id → route index
	for i, rt := range routes {
		if id := rt.Meta.OperationID; id != "" {
			if j, dup := taken[id]; dup {
				return nil, &RouteError{Method: rt.Method, Pattern: rt.Pattern, Where: rt.Where,
					Err: fmt.Errorf("operation id %q is already the id of %s %s (%s)", id, routes[j].Method, routes[j].Pattern, routes[j].Where)}
			}
			taken[id] = i
			ids[i] = id
		}
	}
	names := map[string]bool{}
	for id := range taken {
		names[id] = true
	}
	for i, rt := range routes {
		if ids[i] == "" {
			ids[i] = unique(itty.DefaultOperationID(rt.Method, rt.Pattern), names)
		}
	}
	return ids, nil
}
