package openapi

// This file describes the responses of a route: the ones it declares (the
// success body of a JSON handler form, and Returns options), and the errors
// itty itself answers where they can occur: 400, 413 and 415 when P reads
// a body, 422 when a value converts, a rule applies or P validates itself,
// 404 when a typed path segment may not fit, and 500 always. Errors are
// shared components/responses, rendered as RFC 9457 problem+json for JSON
// clients and as an HTML page for others. 405 (a method the path has no
// route for) cannot be the answer of a documented operation; it is
// described once, as components/responses/MethodNotAllowed.

import (
	"mime"
	"net/http"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/swaggest/jsonschema-go"
	"github.com/swaggest/openapi-go/openapi31"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/params"
)

// The names of the shared error responses, and of the problem schema.
const (
	problemSchema        = "Problem"
	respBadRequest       = "BadRequest"
	respNotFound         = "NotFound"
	respMethodNotAllowed = "MethodNotAllowed"
	respTooLarge         = "ContentTooLarge"
	respUnsupported      = "UnsupportedMediaType"
	respUnprocessable    = "UnprocessableContent"
	respInternal         = "InternalError"
)

// errorResponses are the shared error responses: status and description.
var errorResponses = map[string]struct {
	status int
	text   string
}{
	respBadRequest:       {400, "The request body cannot be read, or is not well-formed (malformed JSON, a broken multipart body)."},
	respNotFound:         {404, "No route matches: a path segment does not fit its kind or its field's range."},
	respMethodNotAllowed: {405, "The path has no route for the method; the Allow header lists the methods it has."},
	respTooLarge:         {413, "The request body is larger than the route's limit."},
	respUnsupported:      {415, "The request body's media type is not one the route reads."},
	respUnprocessable:    {422, "Values do not convert or break a rule; the errors member lists each one with its location, such as query.page or body.items[0].name."},
	respInternal:         {500, "The handler failed or panicked. The cause is logged, never shown."},
}

// responses describes the responses of rt; body is its request body (nil
// when P reads none).
func (g *generator) responses(rt itty.RouteInfo, body *openapi31.RequestBody) (*openapi31.Responses, error) {
	res := &openapi31.Responses{MapOfResponseOrReferenceValues: map[string]openapi31.ResponseOrReference{}}
	declared := map[int]bool{}
	for _, spec := range rt.Meta.Responses {
		r, err := g.declared(spec)
		if err != nil {
			return nil, err
		}
		declared[spec.Status] = true
		res.MapOfResponseOrReferenceValues[strconv.Itoa(spec.Status)] = openapi31.ResponseOrReference{Response: r}
	}
	if len(rt.Meta.Responses) == 0 {
		res.Default = &openapi31.ResponseOrReference{Response: &openapi31.Response{
			Description: "The handler's response, which the route does not declare (see itty.Returns and the JSON handler forms).",
		}}
	}
	structured, raw := bodyKinds(rt)
	var shared []string
	if body != nil {
		shared = append(shared, respBadRequest, respTooLarge)
		if structured && !raw {
			shared = append(shared, respUnsupported) // a raw field takes any media type
		}
	}
	if typedSegments(rt.Segments) {
		shared = append(shared, respNotFound)
	}
	if can422(rt, body != nil && structured) {
		shared = append(shared, respUnprocessable)
	}
	shared = append(shared, respInternal)
	for _, name := range shared {
		status := errorResponses[name].status
		if declared[status] {
			// The route answers this status itself too: say both.
			key := strconv.Itoa(status)
			r := res.MapOfResponseOrReferenceValues[key].Response
			r.Description += " Also: " + errorResponses[name].text
			continue
		}
		g.usedResponses[name] = true
		res.MapOfResponseOrReferenceValues[strconv.Itoa(status)] = openapi31.ResponseOrReference{
			Reference: &openapi31.Reference{Ref: "#/components/responses/" + name},
		}
	}
	return res, nil
}

// declared describes a response a route declares.
func (g *generator) declared(spec itty.ResponseSpec) (*openapi31.Response, error) {
	text := spec.Description
	if text == "" {
		text = http.StatusText(spec.Status)
	}
	r := &openapi31.Response{Description: text}
	if spec.Type == nil {
		return r, nil
	}
	mt, _, err := mime.ParseMediaType(spec.ContentType)
	if err != nil {
		mt = spec.ContentType
	}
	var s *jsonschema.Schema
	switch {
	case mt == "application/problem+json":

		r.Content = problemContent()
		return r, nil
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		sch, err := g.schemas.views[viewResponse].reflect(spec.Type)
		if err != nil {
			return nil, err
		}
		s = &sch
	case strings.HasPrefix(mt, "text/") && spec.Type.Kind() == reflect.String:
		s = (&jsonschema.Schema{}).WithType(jsonschema.String.Type())
	default:
		s = (&jsonschema.Schema{}).WithType(jsonschema.String.Type()).WithFormat("binary").WithContentMediaType(mt)
	}
	m, err := toJSONValue(s)
	if err != nil {
		return nil, err
	}
	r.Content = map[string]openapi31.MediaType{spec.ContentType: {Schema: m.(map[string]any)}}
	return r, nil
}

// typedSegments reports whether a pattern has segments that can fail to
// match: every kind but str and path.
func typedSegments(segs []params.Segment) bool {
	for _, s := range segs {
		switch s.Kind {
		case params.Int, params.Float, params.UUID, params.Slug:
			return true
		}
	}
	return false
}

// bodyKinds reports whether P reads a structured body (json, body and,
// when the method's forms are read, form fields) and whether it takes the
// raw body.
func bodyKinds(rt itty.RouteInfo) (structured, raw bool) {
	readsForm := rt.Method == http.MethodPost || rt.Method == http.MethodPut || rt.Method == http.MethodPatch
	for _, f := range rt.Fields {
		switch f.Source {
		case bind.JSON:
			structured = true
		case bind.Form:
			structured = structured || readsForm
		case bind.Body:
			if k := f.Type.Kind(); k == reflect.String || k == reflect.Slice && f.Type.Elem().Kind() == reflect.Uint8 {
				raw = true
			} else {
				structured = true
			}
		}
	}
	return structured, raw
}

// can422 reports whether binding P can answer 422: a value converts from
// text, a rule applies, a structured body is read or P validates itself.
func can422(rt itty.RouteInfo, structured bool) bool {
	if structured || rt.Params != nil && reflect.PointerTo(rt.Params).Implements(validatorType) {
		return true
	}
	for _, f := range rt.Fields {
		if f.Rules != nil {
			return true
		}
		switch f.Source {
		case bind.Query, bind.Header, bind.Cookie:
			if !isPlainString(f.Type) {
				return true
			}
		}
	}
	return false
}

// problemContent is the content of an error response.
func problemContent() map[string]openapi31.MediaType {
	return map[string]openapi31.MediaType{
		"application/problem+json": {Schema: map[string]any{"$ref": refPrefix + problemSchema}},
		"text/html":                {Schema: map[string]any{"type": "string", "description": "A small HTML page, for clients that prefer HTML."}},
	}
}

// sharedResponses returns the shared error responses in use.
func (g *generator) sharedResponses() map[string]openapi31.ResponseOrReference {
	names := make([]string, 0, len(g.usedResponses))
	for n := range g.usedResponses {
		names = append(names, n)
	}
	sort.Strings(names)
	out := map[string]openapi31.ResponseOrReference{}
	for _, n := range names {
		r := &openapi31.Response{Description: errorResponses[n].text, Content: problemContent()}
		if n == respMethodNotAllowed {
			r.Headers = map[string]openapi31.HeaderOrReference{
				"Allow": {Header: &openapi31.Header{
					Description: ptr("The methods the path has routes for."),
					Schema:      map[string]any{"type": "string"},
				}},
			}
		}
		out[n] = openapi31.ResponseOrReference{Response: r}
	}
	return out
}

// problemDefinition is the schema of an RFC 9457 problem document as
// package errors renders it.
func problemDefinition() map[string]any {
	str := func(desc string) map[string]any { return map[string]any{"type": "string", "description": desc} }
	return map[string]any{
		"type":        "object",
		"description": "An RFC 9457 problem document.",
		"required":    []any{"type", "title", "status"},
		"properties": map[string]any{
			"type":   str("A URI reference naming the kind of problem; about:blank when it is only its status."),
			"title":  str("The status's title, or a title of the problem type."),
			"status": map[string]any{"type": "integer", "minimum": 400, "maximum": 599, "description": "The HTTP status."},
			"detail": str("What went wrong in this request."),
			"errors": map[string]any{
				"type":        "array",
				"description": "The values that did not convert or broke a rule (422).",
				"items": map[string]any{
					"type":     "object",
					"required": []any{"location", "message"},
					"properties": map[string]any{
						"location": str("Where the value is: its source and name, as in query.page or body.items[0].name."),
						"message":  str("What is wrong with it."),
						"value":    str("The value as received, shortened when long."),
					},
				},
			},
		},
	}
}

func ptr[T any](v T) *T { return &v }
