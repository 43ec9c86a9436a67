package openapi

// This file holds the document-level settings and the options that set
// them: servers, security schemes and the default security requirement,
// tag descriptions, and, for Mount, where the document and the docs page
// are served.

import (
	"fmt"
	"strings"

	"github.com/swaggest/openapi-go/openapi31"
)

// Option configures a document, or Mount.
type Option func(*config)

// config is everything Options set.
type config struct {
	servers  []server
	schemes  map[string]SecurityScheme
	security []map[string][]string
	tags     []tag

	specPath string // Mount: the JSON document; the YAML one is beside it
	docsPath string // Mount: the docs page
	yaml     bool
}

type server struct{ url, description string }

type tag struct{ name, description string }

func newConfig(opts []Option) *config {
	c := &config{specPath: "/openapi.json", docsPath: "/docs", yaml: true}
	for _, o := range opts {
		o(c)
	}
	return c
}

// WithServer adds a server the API is served from (a URL, possibly
// relative, such as "/api").
func WithServer(url, description string) Option {
	return func(c *config) { c.servers = append(c.servers, server{url, description}) }
}

// WithTag describes a tag; tags are listed in the order given, then the
// other tags the routes use, sorted.
func WithTag(name, description string) Option {
	return func(c *config) { c.tags = append(c.tags, tag{name, description}) }
}

// SecurityScheme describes a way of authenticating, named in the document
// and required by routes with itty.Security. Type is "http" (with Scheme
// "bearer" or "basic"), "apiKey" (with In and Name), "openIdConnect" (with
// OpenIDConnectURL) or "mutualTLS". Build one with BearerAuth, BasicAuth
// or APIKeyAuth.
type SecurityScheme struct {
	Type             string
	Description      string
	Scheme           string // http: the HTTP authentication scheme
	BearerFormat     string // http bearer: a hint such as "JWT"
	In               string // apiKey: "header", "query" or "cookie"
	Name             string // apiKey: the header, query or cookie name
	OpenIDConnectURL string // openIdConnect: the discovery URL
}

// BearerAuth is an HTTP bearer token scheme; format hints at the token's
// form ("JWT"), or is "".
func BearerAuth(format string) SecurityScheme {
	return SecurityScheme{Type: "http", Scheme: "bearer", BearerFormat: format}
}

// BasicAuth is the HTTP basic authentication scheme.
func BasicAuth() SecurityScheme { return SecurityScheme{Type: "http", Scheme: "basic"} }

// APIKeyAuth is an API key sent in a header, a query parameter or a
// cookie (in) under name.
func APIKeyAuth(in, name string) SecurityScheme {
	return SecurityScheme{Type: "apiKey", In: in, Name: name}
}

// WithSecurityScheme declares a security scheme under name.
func WithSecurityScheme(name string, s SecurityScheme) Option {
	return func(c *config) {
		if c.schemes == nil {
			c.schemes = map[string]SecurityScheme{}
		}
		c.schemes[name] = s
	}
}

// WithSecurity adds an alternative to the default security requirement of
// every operation: the named scheme with the scopes it needs. Routes
// override it with itty.Security and itty.NoSecurity.
func WithSecurity(scheme string, scopes ...string) Option {
	return func(c *config) {
		c.security = append(c.security, map[string][]string{scheme: append([]string{}, scopes...)})
	}
}

// WithSpecPath sets where Mount serves the JSON document (default
// "/openapi.json"); the YAML document is served at the same path with a
// .yaml extension.
func WithSpecPath(path string) Option { return func(c *config) { c.specPath = path } }

// WithDocsPath sets where Mount serves the docs page (default "/docs").
func WithDocsPath(path string) Option { return func(c *config) { c.docsPath = path } }

// WithoutYAML makes Mount serve the JSON document only.
func WithoutYAML() Option { return func(c *config) { c.yaml = false } }

// model converts s to the document model.
func (s SecurityScheme) model() (*openapi31.SecurityScheme, error) {
	out := &openapi31.SecurityScheme{}
	if s.Description != "" {
		out.WithDescription(s.Description)
	}
	switch s.Type {
	case "http":
		switch {
		case s.Scheme == "":
			return nil, fmt.Errorf("an http scheme needs its Scheme (bearer, basic, ...)")
		case strings.EqualFold(s.Scheme, "bearer"):
			b := openapi31.SecuritySchemeHTTPBearer{Scheme: s.Scheme}
			if s.BearerFormat != "" {
				b.WithBearerFormat(s.BearerFormat)
			}
			out.WithHTTPBearer(b)
		default:
			out.WithHTTP(openapi31.SecuritySchemeHTTP{Scheme: s.Scheme})
		}
	case "apiKey":
		in := openapi31.SecuritySchemeAPIKeyIn(s.In)
		switch in {
		case openapi31.SecuritySchemeAPIKeyInHeader, openapi31.SecuritySchemeAPIKeyInQuery, openapi31.SecuritySchemeAPIKeyInCookie:
		default:
			return nil, fmt.Errorf("an apiKey scheme is sent in a header, query or cookie, not %q", s.In)
		}
		if s.Name == "" {
			return nil, fmt.Errorf("an apiKey scheme needs the Name of its %s", s.In)
		}
		out.WithAPIKey(openapi31.SecuritySchemeAPIKey{Name: s.Name, In: in})
	case "openIdConnect":
		if s.OpenIDConnectURL == "" {
			return nil, fmt.Errorf("an openIdConnect scheme needs its OpenIDConnectURL")
		}
		out.WithOidc(openapi31.SecuritySchemeOidc{OpenIDConnectURL: s.OpenIDConnectURL})
	case "mutualTLS":
		out.WithMutualTLS(openapi31.MutualTLS{})
	default:
		return nil, fmt.Errorf("type %q is not one of http, apiKey, openIdConnect, mutualTLS", s.Type)
	}
	return out, nil
}
