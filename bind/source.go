package bind

// This file names the places a field's value can come from and describes the
// bound fields of a compiled plan for tools (OpenAPI, documentation).

import "reflect"

// Source is where a field's value comes from.
type Source uint8

// The sources, in the order struct tags are looked up.
const (
	None   Source = iota // not bound from the request
	Path                 // a typed path segment: path:"name"
	Query                // the query string: query:"name"
	Header               // a request header: header:"X-Name"
	Cookie               // a request cookie: cookie:"name"
	Form                 // a form body field: form:"name"
	JSON                 // a member of a JSON object body: json:"name"
	Body                 // the whole decoded body: body:""
)

// tagSources lists the struct tag key of each source, in lookup order.
var tagSources = [...]struct {
	key string
	src Source
}{
	{"path", Path},
	{"query", Query},
	{"header", Header},
	{"cookie", Cookie},
	{"form", Form},
	{"json", JSON},
	{"body", Body},
}

// String returns the source's name as used in error locations ("query").
// JSON members and whole bodies are both located in "body".
func (s Source) String() string {
	switch s {
	case Path:
		return "path"
	case Query:
		return "query"
	case Header:
		return "header"
	case Cookie:
		return "cookie"
	case Form:
		return "form"
	case JSON, Body:
		return "body"
	}
	return "none"
}

// Field describes one bound field of a parameter struct.
type Field struct {
	Source Source       // where the value comes from
	Name   string       // its name there (canonical form for headers)
	GoName string       // the struct field's name, dotted for embedded structs
	Type   reflect.Type // the field's type
	Tag    reflect.StructTag
	// Default is the default:"…" text, applied when the value is absent;
	// HasDefault tells an empty default from none.
	Default    string
	HasDefault bool
	// Segment is the path segment's kind name ("int") for path fields.
	Segment string
	// Rules are the field's validation rules, nil when it has none.
	Rules  *Rules
	offset uintptr
}
