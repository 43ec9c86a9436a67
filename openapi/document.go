package openapi

// This file builds the whole document: info, servers, security schemes,
// tags, one path item per template with an operation per visible route,
// and the components the operations refer to. The model is
// github.com/swaggest/openapi-go's openapi31; the result is re-encoded
// from plain values so that every object's keys are sorted, which with
// names.go's stable names makes the same app give the same bytes.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/swaggest/openapi-go/openapi31"

	"github.com/ittygo/itty/itty"
)

// Version is the OpenAPI version of the documents.
const Version = "3.1.0"

// Info is the app-level description of an API. Title and Version are
// required.
type Info struct {
	Title          string
	Version        string // the API's version, not OpenAPI's
	Summary        string
	Description    string // CommonMark
	TermsOfService string // a URL
	Contact        *Contact
	License        *License
}

// Contact is the contact information of an API.
type Contact struct {
	Name, URL, Email string
}

// License is the license of an API: its name and an SPDX identifier or a
// URL.
type License struct {
	Name, Identifier, URL string
}

// generator holds the state of one document build.
type generator struct {
	cfg           *config
	schemas       *schemas
	usedTags      map[string]bool
	usedResponses map[string]bool
}

func newGenerator(cfg *config) *generator {
	return &generator{cfg: cfg, schemas: newSchemas(), usedTags: map[string]bool{}, usedResponses: map[string]bool{respMethodNotAllowed: true}}
}

// Document returns the OpenAPI 3.1 document of the routes of app, as
// indented JSON with sorted keys. Hidden routes are left out. The same app
// and arguments give the same bytes. Errors name the route and field that
// cannot be described (a *RouteError).
func Document(app *itty.App, info Info, opts ...Option) ([]byte, error) {
	cfg := newConfig(opts)
	return build(app, info, cfg)
}

func build(app *itty.App, info Info, cfg *config) ([]byte, error) {
	if info.Title == "" || info.Version == "" {
		return nil, fmt.Errorf("itty: openapi: Info needs a Title and a Version")
	}
	g := newGenerator(cfg)
	spec := openapi31.Spec{Openapi: Version, Info: specInfo(info)}
	for _, s := range cfg.servers {
		srv := openapi31.Server{URL: s.url}
		if s.description != "" {
			srv.WithDescription(s.description)
		}
		spec.Servers = append(spec.Servers, srv)
	}
	for _, req := range cfg.security {
		for scheme := range req {
			if _, ok := cfg.schemes[scheme]; !ok {
				return nil, fmt.Errorf("itty: openapi: the default security names the scheme %q, which is not declared (see WithSecurityScheme)", scheme)
			}
		}
		spec.Security = append(spec.Security, req)
	}

	var routes []itty.RouteInfo
	for _, rt := range app.Routes() {
		if !rt.Meta.Hidden {
			routes = append(routes, rt)
		}
	}
	ids, err := operationIDs(routes)
	if err != nil {
		return nil, err
	}
	paths := map[string]openapi31.PathItem{}
	shapes := map[string]string{}  // shape → template
	owners := map[string]int{}     // template + method → route
	var public []map[string]string // operations with no security: path, method
	for i, rt := range routes {
		template, shape := pathTemplate(rt.Segments)
		rerr := func(err error) error {
			return &RouteError{Method: rt.Method, Pattern: rt.Pattern, Where: rt.Where, Err: err}
		}
		if prev, ok := shapes[shape]; ok && prev != template {
			return nil, rerr(fmt.Errorf("its OpenAPI path %s has the shape of %s: use the same parameter names, or hide one route with itty.Hidden", template, prev))
		}
		shapes[shape] = template
		if j, dup := owners[template+" "+rt.Method]; dup {
			o := routes[j]
			return nil, rerr(fmt.Errorf("OpenAPI cannot tell it from %s %s (%s): both are %s %s; hide one with itty.Hidden", o.Method, o.Pattern, o.Where, rt.Method, template))
		}
		owners[template+" "+rt.Method] = i
		op, err := g.operation(rt, ids[i])
		if err != nil {
			return nil, rerr(err)
		}
		item := paths[template]
		if err := setOperation(&item, rt.Method, op); err != nil {
			return nil, rerr(err)
		}
		paths[template] = item
		if rt.Meta.Security != nil && len(rt.Meta.Security) == 0 {
			public = append(public, map[string]string{"path": template, "method": rt.Method})
		}
	}
	spec.Paths = &openapi31.Paths{MapOfPathItemValues: paths}
	spec.Tags = g.tags()

	comp := &openapi31.Components{Responses: g.sharedResponses()}
	if len(cfg.schemes) > 0 {
		comp.SecuritySchemes = map[string]openapi31.SecuritySchemeOrReference{}
		for name, s := range cfg.schemes {
			ss, err := s.model()
			if err != nil {
				return nil, fmt.Errorf("itty: openapi: security scheme %q: %w", name, err)
			}
			comp.SecuritySchemes[name] = openapi31.SecuritySchemeOrReference{SecurityScheme: ss}
		}
	}
	spec.Components = comp

	raw, err := json.Marshal(spec)
	if err != nil {
		return nil, fmt.Errorf("itty: openapi: %w", err)
	}
	doc, err := toJSONValue(json.RawMessage(raw))
	if err != nil {
		return nil, fmt.Errorf("itty: openapi: %w", err)
	}
	tree := doc.(map[string]any)
	reserved := map[string]bool{problemSchema: true}
	defs, names, err := g.schemas.components(reserved)
	if err != nil {
		return nil, err
	}
	defs[problemSchema] = problemDefinition()
	rewriteRefs(tree, names)
	tree["components"].(map[string]any)["schemas"] = defs
	for _, p := range public {
		method := map[string]string{"GET": "get", "PUT": "put", "POST": "post", "DELETE": "delete", "OPTIONS": "options", "HEAD": "head", "PATCH": "patch", "TRACE": "trace"}[p["method"]]
		tree["paths"].(map[string]any)[p["path"]].(map[string]any)[method].(map[string]any)["security"] = []any{}
	}
	return encode(tree)
}

// encode writes v as indented JSON: keys sorted, HTML characters kept as
// they are, a final newline.
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("itty: openapi: %w", err)
	}
	return buf.Bytes(), nil
}

// specInfo converts info to the model.
func specInfo(info Info) openapi31.Info {
	out := openapi31.Info{Title: info.Title, Version: info.Version}
	if info.Summary != "" {
		out.WithSummary(info.Summary)
	}
	if info.Description != "" {
		out.WithDescription(info.Description)
	}
	if info.TermsOfService != "" {
		out.WithTermsOfService(info.TermsOfService)
	}
	if c := info.Contact; c != nil {
		oc := &openapi31.Contact{}
		if c.Name != "" {
			oc.WithName(c.Name)
		}
		if c.URL != "" {
			oc.WithURL(c.URL)
		}
		if c.Email != "" {
			oc.WithEmail(c.Email)
		}
		out.Contact = oc
	}
	if l := info.License; l != nil {
		ol := &openapi31.License{Name: l.Name}
		if l.Identifier != "" {
			ol.WithIdentifier(l.Identifier)
		}
		if l.URL != "" {
			ol.WithURL(l.URL)
		}
		out.License = ol
	}
	return out
}

// tags lists the declared tags in their order, then the other tags the
// operations use, sorted.
func (g *generator) tags() []openapi31.Tag {
	var out []openapi31.Tag
	seen := map[string]bool{}
	for _, t := range g.cfg.tags {
		tag := openapi31.Tag{Name: t.name}
		if t.description != "" {
			tag.WithDescription(t.description)
		}
		out = append(out, tag)
		seen[t.name] = true
	}
	var rest []string
	for t := range g.usedTags {
		if !seen[t] {
			rest = append(rest, t)
		}
	}
	sort.Strings(rest)
	for _, t := range rest {
		out = append(out, openapi31.Tag{Name: t})
	}
	return out
}
