package openapi

// This file describes the request body of a route from P's form, json and
// body fields, as the binder reads it: json fields as the members of one
// JSON object, a body field as the whole decoded body, a []byte or string
// body field as the raw body of any media type, and form fields as
// urlencoded and multipart forms (files as binary parts) on POST, PUT and
// PATCH only, the methods whose form bodies the binder reads. An empty or
// null JSON body leaves every field absent, so the body is required only
// when a field is.

import (
	"mime/multipart"
	"net/http"
	"reflect"
	"strings"

	"github.com/swaggest/jsonschema-go"
	"github.com/swaggest/openapi-go/openapi31"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/itty"
)

var fileHeaderType = reflect.TypeFor[*multipart.FileHeader]()

// requestBody describes the body of rt, or returns nil when P reads none.
func (g *generator) requestBody(rt itty.RouteInfo) (*openapi31.RequestBody, error) {
	var jsonFields, formFields []bind.Field
	var decoded, raw *bind.Field
	for i := range rt.Fields {
		f := &rt.Fields[i]
		switch f.Source {
		case bind.JSON:
			jsonFields = append(jsonFields, *f)
		case bind.Form:
			formFields = append(formFields, *f)
		case bind.Body:
			if k := f.Type.Kind(); k == reflect.String || k == reflect.Slice && f.Type.Elem().Kind() == reflect.Uint8 {
				raw = f
			} else {
				decoded = f
			}
		}
	}
	readsForm := len(formFields) > 0 && (rt.Method == http.MethodPost || rt.Method == http.MethodPut || rt.Method == http.MethodPatch)
	if len(jsonFields) == 0 && decoded == nil && raw == nil && !readsForm {
		return nil, nil
	}
	kind := viewRequest
	if rt.Limits.StrictJSON {
		kind = viewStrict
	}
	content := map[string]openapi31.MediaType{}
	required := false
	switch {
	case len(jsonFields) > 0:
		s, req, err := g.object(g.schemas.views[kind], jsonFields)
		if err != nil {
			return nil, err
		}
		if !req {
			setNullType(s, true)
		}
		if kind == viewStrict {
			s.AdditionalProperties = (&jsonschema.SchemaOrBool{}).WithTypeBoolean(false)
		}
		if err := addContent(content, "application/json", s); err != nil {
			return nil, err
		}
		required = req
	case decoded != nil:
		v := g.schemas.views[kind]
		s, err := v.reflect(decoded.Type)
		if err != nil {
			return nil, fieldError(*decoded, err)
		}
		req := decoded.Rules != nil && decoded.Rules.Required
		var parent jsonschema.Schema
		if err := v.decorate(&s, &parent, member{typ: decoded.Type, tag: decoded.Tag, rules: decoded.Rules, required: req}); err != nil {
			return nil, fieldError(*decoded, err)
		}
		if err := addContent(content, "application/json", &s); err != nil {
			return nil, err
		}
		required = req
	}
	if raw != nil {
		s := (&jsonschema.Schema{}).WithType(jsonschema.String.Type())
		if raw.Type.Kind() != reflect.String {
			s.WithFormat("binary").WithContentMediaType("application/octet-stream")
		}
		if d := tagText(raw.Tag); d != "" {
			s.WithDescription(d)
		}
		if err := addContent(content, "*/*", s); err != nil {
			return nil, err
		}
		required = required || raw.Rules != nil && raw.Rules.Required
	}
	if readsForm {
		s, req, files, err := g.form(formFields)
		if err != nil {
			return nil, err
		}
		if !files {
			if err := addContent(content, "application/x-www-form-urlencoded", s); err != nil {
				return nil, err
			}
		}
		if err := addContent(content, "multipart/form-data", s); err != nil {
			return nil, err
		}
		required = required || req
	}
	rb := &openapi31.RequestBody{Content: content}
	if required {
		rb.WithRequired(true)
	}
	return rb, nil
}

// object describes P's json fields as one JSON object in view v, and
// reports whether a member is required.
func (g *generator) object(v *view, fields []bind.Field) (*jsonschema.Schema, bool, error) {
	obj := (&jsonschema.Schema{}).WithType(jsonschema.Object.Type())
	obj.Properties = map[string]jsonschema.SchemaOrBool{}
	for _, f := range fields {
		s, err := v.reflect(f.Type)
		if err != nil {
			return nil, false, fieldError(f, err)
		}
		req := f.Rules != nil && f.Rules.Required
		if err := v.decorate(&s, obj, member{name: f.Name, typ: f.Type, tag: f.Tag, rules: f.Rules, required: req}); err != nil {
			return nil, false, fieldError(f, err)
		}
		if d := tagText(f.Tag); d != "" && s.Description == nil {
			s.WithDescription(d)
		}
		obj.Properties[f.Name] = s.ToSchemaOrBool()
	}
	return obj, len(obj.Required) > 0, nil
}

// form describes P's form fields as the properties of a form, and reports
// whether one is required and whether the form carries files.
func (g *generator) form(fields []bind.Field) (*jsonschema.Schema, bool, bool, error) {
	obj := (&jsonschema.Schema{}).WithType(jsonschema.Object.Type())
	obj.Properties = map[string]jsonschema.SchemaOrBool{}
	files := false
	fv := g.schemas.views[viewForm]
	for _, f := range fields {
		var s *jsonschema.Schema
		req := f.Rules != nil && f.Rules.Required
		switch {
		case f.Type == fileHeaderType || f.Type.Kind() == reflect.Slice && f.Type.Elem() == fileHeaderType:
			files = true
			s = fileSchema()
			if f.Type.Kind() == reflect.Slice {
				s = (&jsonschema.Schema{}).WithType(jsonschema.Array.Type()).
					WithItems(*(&jsonschema.Items{}).WithSchemaOrBool(fileSchema().ToSchemaOrBool()))
			}
			if err := applyRules(s, f.Rules, f.Type); err != nil {
				return nil, false, false, fieldError(f, err)
			}
		case textBound(f.Type):
			s = valueSchema(f.Type)
			if err := applyRules(s, f.Rules, f.Type); err != nil {
				return nil, false, false, fieldError(f, err)
			}
			keepUintMinimum(s, f.Type)
			if f.HasDefault {
				val, err := tagValue(f.Default, f.Type, false)
				if err != nil {
					return nil, false, false, fieldError(f, err)
				}
				s.WithDefault(val)
			}
			if ex, ok := f.Tag.Lookup("example"); ok {
				val, err := tagValue(ex, f.Type, true)
				if err != nil {
					return nil, false, false, fieldError(f, err)
				}
				s.Examples = []any{val}
			}
			if !isPlainString(f.Type) {
				s.WithDescription(joinText(tagText(f.Tag), "An empty value counts as absent."))
			}
		default: // nested keys
			r, err := fv.reflect(f.Type)
			if err != nil {
				return nil, false, false, fieldError(f, err)
			}
			s = &r
			var scratch jsonschema.Schema
			if err := fv.decorate(s, &scratch, member{name: f.Name, typ: f.Type, tag: f.Tag, rules: f.Rules, required: req}); err != nil {
				return nil, false, false, fieldError(f, err)
			}
			s.WithDescription(joinText(tagText(f.Tag), "Sent as nested keys, such as "+nestedKey(f.Name, f.Type)+"."))
		}
		if s.Description == nil {
			if d := tagText(f.Tag); d != "" {
				s.WithDescription(d)
			}
		}
		if req {
			obj.Required = append(obj.Required, f.Name)
		}
		obj.Properties[f.Name] = s.ToSchemaOrBool()
	}
	return obj, len(obj.Required) > 0, files, nil
}

// nestedKey returns an example of the form keys that fill a nested field
// named name of type t: name.field for a struct, name[0].field for a slice
// of structs, name[key] for a map.
func nestedKey(name string, t reflect.Type) string {
	t = deref(t)
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return nestedKey(name+"[0]", t.Elem())
	case reflect.Map:
		return nestedKey(name+"[key]", t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if n, _, _ := strings.Cut(t.Field(i).Tag.Get("form"), ","); n != "" && n != "-" && t.Field(i).IsExported() {
				return name + "." + n
			}
		}
	}
	return name
}

// fileSchema is the schema of an uploaded file.
func fileSchema() *jsonschema.Schema {
	return (&jsonschema.Schema{}).WithType(jsonschema.String.Type()).WithFormat("binary").
		WithContentMediaType("application/octet-stream")
}

// textBound reports whether a field of type t is filled from text values
// (a scalar, a pointer to one or a slice of them) rather than from nested
// form keys.
func textBound(t reflect.Type) bool {
	t = deref(t)
	if isList(t) {
		t = t.Elem()
	}
	if t == timeType || reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return true
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

func joinText(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// addContent adds a media type with schema s.
func addContent(content map[string]openapi31.MediaType, mediaType string, s *jsonschema.Schema) error {
	m, err := toJSONValue(s)
	if err != nil {
		return err
	}
	content[mediaType] = openapi31.MediaType{Schema: m.(map[string]any)}
	return nil
}
