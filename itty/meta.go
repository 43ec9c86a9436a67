package itty

// This file holds what a route says about itself beyond its pattern and its
// parameter struct: the operation metadata that API descriptions need
// (operation id, summary, tags, security, declared responses) and the route
// options that set it. Everything is a plain Go value: itty knows nothing of
// any description format, and a generator such as package openapi (its own
// module) reads the metadata through App.Routes.

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"unicode"
)

// RouteMeta is the descriptive metadata of a route, set by route options
// and listed by App.Routes. It changes nothing about how the route serves.
type RouteMeta struct {
	OperationID string   // unique name of the operation; see DefaultOperationID
	Summary     string   // one line
	Description string   // longer text (CommonMark in OpenAPI)
	Tags        []string // groups the route belongs to
	Deprecated  bool     // the route is kept for old clients
	Hidden      bool     // the route is left out of API descriptions

	// Security lists the alternative requirements of the route: a client
	// must satisfy one of them. Nil means the document's default; an empty
	// non-nil list (NoSecurity) means none.
	Security []SecurityRequirement

	// Responses are the responses declared with Returns and ReturnsContent,
	// and, for the JSON handler forms (GetJSON, ...), the success response
	// first.
	Responses []ResponseSpec

	successStatus int  // set by SuccessStatus
	typed         bool // the route was registered by a JSON handler form
}

// SecurityRequirement names the security schemes a request must satisfy
// together, each with the scopes it needs (nil for schemes without
// scopes).
type SecurityRequirement map[string][]string

// ResponseSpec declares one response of a route.
type ResponseSpec struct {
	Status      int          // the HTTP status
	Type        reflect.Type // the Go type of the body; nil when there is none
	ContentType string       // the body's media type; "" when there is no body
	Description string       // what the response means
}

// OperationID sets the route's operation id, which must be unique in the
// app. The default is DefaultOperationID of the method and pattern.
func OperationID(id string) RouteOption {
	return func(c *routeConfig) { c.meta.OperationID = id }
}

// Summary sets a one-line summary of the route.
func Summary(s string) RouteOption { return func(c *routeConfig) { c.meta.Summary = s } }

// Description sets a longer description of the route.
func Description(s string) RouteOption { return func(c *routeConfig) { c.meta.Description = s } }

// Tags adds the route to the named groups.
func Tags(tags ...string) RouteOption {
	return func(c *routeConfig) { c.meta.Tags = append(c.meta.Tags, tags...) }
}

// Deprecated marks the route as deprecated.
func Deprecated() RouteOption { return func(c *routeConfig) { c.meta.Deprecated = true } }

// Hidden leaves the route out of API descriptions; it still serves.
func Hidden() RouteOption { return func(c *routeConfig) { c.meta.Hidden = true } }

// Security adds an alternative security requirement: the named scheme,
// with the scopes it needs. Give it more than once for alternatives; use
// SecurityAll for schemes that must hold together.
func Security(scheme string, scopes ...string) RouteOption {
	return SecurityAll(SecurityRequirement{scheme: scopes})
}

// SecurityAll adds an alternative security requirement whose schemes must
// all be satisfied together.
func SecurityAll(req SecurityRequirement) RouteOption {
	return func(c *routeConfig) {
		cp := make(SecurityRequirement, len(req))
		for k, v := range req {
			cp[k] = append([]string(nil), v...)
		}
		c.meta.Security = append(c.meta.Security, cp)
	}
}

// NoSecurity declares that the route needs no security, whatever the
// document's default.
func NoSecurity() RouteOption {
	return func(c *routeConfig) { c.meta.Security = []SecurityRequirement{} }
}

// Returns declares a response of the route: its status, a sample of its
// body (only the type matters: nil for no body, a string for text/plain,
// a []byte for application/octet-stream, an *Error for
// application/problem+json, anything else for application/json) and what
// it means.
func Returns(status int, body any, description string) RouteOption {
	t := reflect.TypeOf(body)
	ct := ""
	switch {
	case t == nil:
	case t.Kind() == reflect.String:
		ct = "text/plain; charset=utf-8"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8:
		ct = "application/octet-stream"
	case t == reflect.TypeFor[*Error]() || t == reflect.TypeFor[Error]():
		ct = "application/problem+json"
	default:
		ct = "application/json"
	}
	return ReturnsContent(status, ct, body, description)
}

// ReturnsContent is Returns with an explicit media type for the body.
func ReturnsContent(status int, contentType string, body any, description string) RouteOption {
	spec := ResponseSpec{Status: status, Type: reflect.TypeOf(body), ContentType: contentType, Description: description}
	if spec.Type == nil {
		spec.ContentType = ""
	}
	return func(c *routeConfig) { c.meta.Responses = append(c.meta.Responses, spec) }
}

// DefaultOperationID derives an operation id from a method and a pattern:
// the method in lower case, then each literal segment in CamelCase and
// each parameter as "By" and its name, as in "getItemsById" for
// GET /items/<int:id>. The root path gives "getRoot".
func DefaultOperationID(method, pattern string) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(method))
	n := b.Len()
	for _, seg := range strings.Split(strings.Trim(pattern, "/"), "/") {
		if strings.HasPrefix(seg, "<") && strings.HasSuffix(seg, ">") {
			_, name, _ := strings.Cut(seg[1:len(seg)-1], ":")
			b.WriteString("By")
			writeCamel(&b, name)
			continue
		}
		writeCamel(&b, seg)
	}
	if b.Len() == n {
		b.WriteString("Root")
	}
	return b.String()
}

// writeCamel writes the letters and digits of s, each run starting with an
// upper-case letter.
func writeCamel(b *strings.Builder, s string) {
	up := true
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
}

// checkMeta reports metadata that cannot describe a route.
func checkMeta(m *RouteMeta) error {
	if m.successStatus != 0 {
		if !m.typed {
			return fmt.Errorf("itty: SuccessStatus applies to the JSON handler forms (GetJSON, PostJSON, ...), not to plain handlers")
		}
		if m.successStatus < 200 || m.successStatus > 299 {
			return fmt.Errorf("itty: success status %d is not a 2xx status", m.successStatus)
		}
	}
	seen := map[int]bool{}
	for _, r := range m.Responses {
		if r.Status < 100 || r.Status > 599 {
			return fmt.Errorf("itty: response status %d is not an HTTP status", r.Status)
		}
		if r.Type != nil && (r.Status < 200 || r.Status == http.StatusNoContent || r.Status == http.StatusNotModified) {
			return fmt.Errorf("itty: a %d response has no body", r.Status)
		}
		if seen[r.Status] {
			return fmt.Errorf("itty: response %d is declared twice", r.Status)
		}
		seen[r.Status] = true
	}
	for _, req := range m.Security {
		for scheme := range req {
			if scheme == "" {
				return fmt.Errorf("itty: a security requirement names an empty scheme")
			}
		}
	}
	return nil
}

// clone returns a copy of m that shares no slice or map with it.
func (m RouteMeta) clone() RouteMeta {
	m.Tags = append([]string(nil), m.Tags...)
	m.Responses = append([]ResponseSpec(nil), m.Responses...)
	if m.Security != nil {
		sec := make([]SecurityRequirement, len(m.Security))
		for i, req := range m.Security {
			sec[i] = make(SecurityRequirement, len(req))
			for k, v := range req {
				sec[i][k] = append([]string(nil), v...)
			}
		}
		m.Security = sec
	}
	return m
}
