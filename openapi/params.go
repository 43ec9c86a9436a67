package openapi

// This file describes the path, query, header and cookie fields of P as
// OpenAPI parameters, with the syntax the binder accepts: a path segment's
// kind and its field's range (a value outside it matches no route), query
// slices as repeated keys (style form, explode), header and cookie slices
// as repeated headers and cookies, blank values of non-string fields as
// absent, defaults, and the field's rules.

import (
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/swaggest/jsonschema-go"
	"github.com/swaggest/openapi-go/openapi31"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/params"
)

// Patterns of the textual path segment kinds, exactly as their matchers
// accept them (params.IsSlug, params.ParseUUID, params.IsStr).
const (
	SlugPattern = `^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$`
	UUIDPattern = `^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`
	StrPattern  = `^[^/]+$`
)

// parameters describes the path, query, header and cookie fields of a
// route, in field order.
func parameters(fields []bind.Field) ([]openapi31.ParameterOrReference, error) {
	var out []openapi31.ParameterOrReference
	for _, f := range fields {
		var in openapi31.ParameterIn
		switch f.Source {
		case bind.Path:
			in = openapi31.ParameterInPath
		case bind.Query:
			in = openapi31.ParameterInQuery
		case bind.Header:
			in = openapi31.ParameterInHeader
		case bind.Cookie:
			in = openapi31.ParameterInCookie
		default:
			continue
		}
		p, err := parameter(f, in)
		if err != nil {
			return nil, err
		}
		out = append(out, openapi31.ParameterOrReference{Parameter: p})
	}
	return out, nil
}

// parameter describes one field.
func parameter(f bind.Field, in openapi31.ParameterIn) (*openapi31.Parameter, error) {
	var s *jsonschema.Schema
	var notes []string
	if f.Source == bind.Path {
		s = segmentSchema(f.Segment, f.Type)
		if f.Segment == params.Path.String() {
			notes = append(notes, "The rest of the path: it may hold '/'.")
		}
	} else {
		s = valueSchema(f.Type)
	}
	if err := applyRules(s, f.Rules, f.Type); err != nil {
		return nil, fieldError(f, err)
	}
	keepUintMinimum(s, f.Type)
	if f.HasDefault {
		v, err := tagValue(f.Default, f.Type, false)
		if err != nil {
			return nil, fieldError(f, err)
		}
		s.WithDefault(v)
	}
	p := &openapi31.Parameter{Name: f.Name, In: in}
	required := f.Source == bind.Path || (f.Rules != nil && f.Rules.Required)
	if required {
		p.WithRequired(true)
	}
	if f.Source != bind.Path {
		if isList(deref(f.Type)) {
			switch f.Source {
			case bind.Query:
				p.WithStyle(openapi31.ParameterStyleForm).WithExplode(true)
				notes = append(notes, "Repeat the key for more values: a comma does not separate them.")
			case bind.Header:
				notes = append(notes, "Repeat the header for more values: a comma does not separate them.")
			case bind.Cookie:
				notes = append(notes, "Repeat the cookie for more values.")
			}
		}
		if !isPlainString(f.Type) {
			notes = append(notes, "An empty value counts as absent.")
		}
	}
	if ex, ok := f.Tag.Lookup("example"); ok {
		v, err := tagValue(ex, f.Type, true)
		if err != nil {
			return nil, fieldError(f, err)
		}
		p.WithExample(v)
	}
	text := tagText(f.Tag)
	for _, n := range notes {
		if text != "" {
			text += " "
		}
		text += n
	}
	if text != "" {
		p.WithDescription(text)
	}
	m, err := toJSONValue(s)
	if err != nil {
		return nil, fieldError(f, err)
	}
	p.Schema = m.(map[string]any)
	return p, nil
}

// tagText is the text of a field's doc or description tag.
func tagText(tag reflect.StructTag) string {
	if d, ok := tag.Lookup("doc"); ok {
		return d
	}
	return tag.Get("description")
}

// segmentSchema describes a typed path segment bound to a field of type t.
func segmentSchema(kind string, t reflect.Type) *jsonschema.Schema {
	s := &jsonschema.Schema{}
	switch kind {
	case params.Int.String():
		s.WithType(jsonschema.Integer.Type())
		setNumber(s, "minimum", &bind.Number{Text: "0"})
		setNumber(s, "maximum", &bind.Number{Text: strconv.FormatUint(maxUint(t), 10)})
	case params.Float.String():
		s.WithType(jsonschema.Number.Type())
		setNumber(s, "minimum", &bind.Number{Text: "0"})
		max := math.MaxFloat64
		if t.Bits() == 32 {
			max = math.MaxFloat32
			s.WithFormat("float")
		} else {
			s.WithFormat("double")
		}
		setNumber(s, "maximum", &bind.Number{Text: strconv.FormatFloat(max, 'g', -1, 64), Value: max})
	case params.UUID.String():
		s.WithType(jsonschema.String.Type()).WithFormat("uuid").WithPattern(UUIDPattern)
	case params.Slug.String():
		s.WithType(jsonschema.String.Type()).WithPattern(SlugPattern)
	case params.Str.String():
		s.WithType(jsonschema.String.Type()).WithPattern(StrPattern)
		s.MinLength = 1
	default: // path
		s.WithType(jsonschema.String.Type())
		s.MinLength = 1
	}
	return s
}

// maxUint is the largest value of the integer type t.
func maxUint(t reflect.Type) uint64 {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return uint64(1)<<(t.Bits()-1) - 1
	}
	return math.MaxUint64 >> (64 - t.Bits())
}

// valueSchema describes a field filled from text values: a scalar, a
// pointer to one (nil when absent) or a slice of them.
func valueSchema(t reflect.Type) *jsonschema.Schema {
	t = deref(t)
	s := &jsonschema.Schema{}
	if isList(t) {
		s.WithType(jsonschema.Array.Type())
		s.WithItems(*(&jsonschema.Items{}).WithSchemaOrBool(valueSchema(t.Elem()).ToSchemaOrBool()))
		return s
	}
	switch {
	case t == timeType:
		return s.WithType(jsonschema.String.Type()).WithFormat("date-time")
	case t == uuidType:
		return s.WithType(jsonschema.String.Type()).WithFormat("uuid")
	case reflect.PointerTo(t).Implements(textUnmarshalerType):
		return s.WithType(jsonschema.String.Type())
	}
	switch t.Kind() {
	case reflect.Bool:
		s.WithType(jsonschema.Boolean.Type())
	case reflect.Int, reflect.Int64:
		s.WithType(jsonschema.Integer.Type()).WithFormat("int64")
	case reflect.Int32:
		s.WithType(jsonschema.Integer.Type()).WithFormat("int32")
	case reflect.Int8, reflect.Int16:
		s.WithType(jsonschema.Integer.Type())
		lo := -(int64(1) << (t.Bits() - 1))
		setNumber(s, "minimum", &bind.Number{Text: strconv.FormatInt(lo, 10)})
		setNumber(s, "maximum", &bind.Number{Text: strconv.FormatUint(maxUint(t), 10)})
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		s.WithType(jsonschema.Integer.Type())
		setNumber(s, "minimum", &bind.Number{Text: "0"})
		setNumber(s, "maximum", &bind.Number{Text: strconv.FormatUint(maxUint(t), 10)})
	case reflect.Float32:
		s.WithType(jsonschema.Number.Type()).WithFormat("float")
	case reflect.Float64:
		s.WithType(jsonschema.Number.Type()).WithFormat("double")
	default:
		s.WithType(jsonschema.String.Type())
	}
	return s
}

// isPlainString reports whether a blank value of a field of type t is a
// value (plain strings) rather than an absence, as bind decides.
func isPlainString(t reflect.Type) bool {
	t = deref(t)
	if t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t.Kind() == reflect.String && !reflect.PointerTo(t).Implements(textUnmarshalerType)
}

func deref(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Pointer {
		return t.Elem()
	}
	return t
}

// fieldError names the field a problem was found in.
func fieldError(f bind.Field, err error) error {
	return &FieldError{Field: f.GoName, Source: f.Source.String(), Name: f.Name, Err: err}
}

// FieldError reports a field of a parameter struct that cannot be
// described.
type FieldError struct {
	Field  string // the Go field name
	Source string // where it is bound from ("query")
	Name   string // its name there
	Err    error
}

// Error names the field and the problem.
func (e *FieldError) Error() string {
	return "itty: openapi: field " + e.Field + " (" + e.Source + " " + strconv.Quote(e.Name) + "): " + strings.TrimPrefix(e.Err.Error(), "itty: ")
}

// Unwrap returns the problem.
func (e *FieldError) Unwrap() error { return e.Err }
