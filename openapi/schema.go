package openapi

// This file turns Go types into JSON Schemas with
// github.com/swaggest/jsonschema-go, in views. The binder and encoding/json
// see a struct differently: the binder reads only json-tagged fields, lets
// any member but a required one be null (null counts as absent), applies
// defaults and enforces the rules it compiled; encoding/json writes every
// exported field, null for nil pointers, slices and maps, and omits
// omitempty fields. So a type gets one schema per view it is used in —
// responses, JSON request bodies, JSON request bodies of StrictJSON routes
// (unknown members refused) and nested form fields — and names.go keeps one
// component where views agree.
//
// The library walks the types (structs, embedding, slices, maps, pointers,
// well-known types, recursion, and the Exposer and Preparer interfaces by
// which a type describes itself); the hooks here make each property say
// what itty does: validation keywords come from bind.CompileRules, the same
// compiler the binder uses, so an enum of ints is a list of ints and a rule
// on a slice applies to its elements.

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/swaggest/jsonschema-go"

	"github.com/ittygo/itty/bind"
)

// viewKind is a way of looking at a type.
type viewKind int

const (
	viewResponse viewKind = iota // what encoding/json writes
	viewRequest                  // what the JSON binder reads
	viewStrict                   // viewRequest, with unknown members refused
	viewForm                     // nested form fields, read by form tags
	numViews
)

// refPrefix is where component schemas live.
const refPrefix = "#/components/schemas/"

var (
	timeType            = reflect.TypeFor[time.Time]()
	uuidType            = reflect.TypeFor[uuid.UUID]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	textMarshalerType   = reflect.TypeFor[encoding.TextMarshaler]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	jsonMarshalerType   = reflect.TypeFor[json.Marshaler]()
	jsonNumberType      = reflect.TypeFor[json.Number]()
	validatorType       = reflect.TypeFor[bind.Validator]()
)

// schemas reflects the types of one document in every view.
type schemas struct {
	index map[reflect.Type]int // named types met, in the order met
	types []reflect.Type
	views [numViews]*view
}

// view reflects types in one view and collects their definitions.
type view struct {
	kind viewKind
	s    *schemas
	r    jsonschema.Reflector
	defs map[string]jsonschema.Schema // placeholder key → definition
}

func newSchemas() *schemas {
	s := &schemas{index: map[reflect.Type]int{}}
	for k := viewKind(0); k < numViews; k++ {
		v := &view{kind: k, s: s, defs: map[string]jsonschema.Schema{}}
		v.r.DefaultOptions = []func(*jsonschema.ReflectContext){
			jsonschema.InterceptDefName(func(t reflect.Type, _ string) string { return s.key(t, k) }),
			jsonschema.InterceptSchema(v.interceptSchema),
			jsonschema.InterceptProp(v.interceptProp),
		}
		s.views[k] = v
	}
	return s
}

// key returns the placeholder name of t's definition in view k, replaced by
// the component's name once every type is known.
func (s *schemas) key(t reflect.Type, k viewKind) string {
	i, ok := s.index[t]
	if !ok {
		i = len(s.types)
		s.index[t] = i
		s.types = append(s.types, t)
	}
	return fmt.Sprintf("x%dv%d", i, k)
}

// reflect returns the schema of t in the view: a $ref for named
// structured types, whose definitions the view collects.
func (v *view) reflect(t reflect.Type) (jsonschema.Schema, error) {
	opts := []func(*jsonschema.ReflectContext){
		jsonschema.RootRef,
		jsonschema.DefinitionsPrefix(refPrefix),
		jsonschema.CollectDefinitions(func(name string, def jsonschema.Schema) { v.defs[name] = def }),
		func(rc *jsonschema.ReflectContext) {
			rc.SkipNonConstraints = true // defaults and examples are read here, with itty's conversions
			switch v.kind {
			case viewResponse:
				rc.ProcessWithoutTags = true // encoding/json writes untagged exported fields
				rc.EnvelopNullability = true
			case viewForm:
				rc.PropertyNameTag = "form"
			}
		},
	}
	s, err := v.r.Reflect(reflect.New(t).Elem().Interface(), opts...)
	if err != nil {
		return s, fmt.Errorf("itty: openapi: type %s: %w", t, err)
	}
	return s, nil
}

// interceptSchema gives the types the binder or encoding/json treat as
// text, or hand to the type's own JSON methods, the schema of what they
// read or write. Types that describe themselves (jsonschema.Exposer and
// friends) are handled by the library before this runs.
func (v *view) interceptSchema(p jsonschema.InterceptSchemaParams) (bool, error) {
	if !p.Value.IsValid() {
		return false, nil
	}
	t := p.Value.Type()
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if p.Processed {
		if v.kind == viewResponse && t.Kind() == reflect.Struct && embedsPointer(t) {
			p.Schema.Required = alwaysWritten(t, p.Schema.Required)
		}
		if v.kind == viewStrict && t.Kind() == reflect.Struct && p.Schema.HasType(jsonschema.Object) {
			p.Schema.AdditionalProperties = (&jsonschema.SchemaOrBool{}).WithTypeBoolean(false)
		}
		return false, nil
	}
	if t == timeType || t == uuidType {
		return false, nil // the library knows them: date-time and uuid strings
	}
	if t == jsonNumberType && v.kind != viewForm {
		*p.Schema = numberSchema(v.kind)
		return true, nil
	}
	pt := reflect.PointerTo(t)
	switch v.kind {
	case viewResponse:
		if t.Implements(jsonMarshalerType) || pt.Implements(jsonMarshalerType) {
			*p.Schema = anySchema("written by the type's own MarshalJSON")
			return true, nil
		}
		if t.Implements(textMarshalerType) || pt.Implements(textMarshalerType) {
			*p.Schema = *(&jsonschema.Schema{}).WithType(jsonschema.String.Type())
			return true, nil
		}
	case viewRequest, viewStrict:
		if pt.Implements(textUnmarshalerType) {
			*p.Schema = *(&jsonschema.Schema{}).WithType(jsonschema.String.Type())
			return true, nil
		}
		if pt.Implements(jsonUnmarshalerType) {
			*p.Schema = anySchema("read by the type's own UnmarshalJSON")
			return true, nil
		}
	case viewForm:
		if pt.Implements(textUnmarshalerType) {
			*p.Schema = *(&jsonschema.Schema{}).WithType(jsonschema.String.Type())
			return true, nil
		}
	}
	if v.kind != viewForm && t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
		// encoding/json writes and reads bytes as base64 text.
		*p.Schema = *(&jsonschema.Schema{}).WithType(jsonschema.String.Type()).WithContentEncoding("base64")
		return true, nil
	}
	return false, nil
}

// numberPattern is the syntax of a JSON number, which a json.Number read
// from a JSON string must have.
const numberPattern = `^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$`

// numberSchema is the schema of a json.Number: encoding/json writes its
// text as a number, and reads a number or a string holding one.
func numberSchema(k viewKind) jsonschema.Schema {
	var s jsonschema.Schema
	if k == viewResponse {
		s.WithType(jsonschema.Number.Type())
		return s
	}
	s.WithType(jsonschema.Type{SliceOfSimpleTypeValues: []jsonschema.SimpleType{jsonschema.Number, jsonschema.String}})
	return *s.WithPattern(numberPattern)
}

// isBase64 reports whether encoding/json writes a value of type t as
// base64 text: a byte slice without MarshalJSON or MarshalText methods.
func isBase64(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	return t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 &&
		!t.Implements(jsonMarshalerType) && !pt.Implements(jsonMarshalerType) &&
		!t.Implements(textMarshalerType) && !pt.Implements(textMarshalerType)
}

// embedsPointer reports whether struct type t embeds a pointer to a
// struct, directly or through embedded structs.
func embedsPointer(t reflect.Type) bool {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		switch {
		case !sf.Anonymous:
		case sf.Type.Kind() == reflect.Pointer && sf.Type.Elem().Kind() == reflect.Struct:
			return true
		case sf.Type.Kind() == reflect.Struct && embedsPointer(sf.Type):
			return true
		}
	}
	return false
}

// alwaysWritten keeps the names in required that encoding/json writes for
// the zero value of struct type t, in which every embedded pointer is nil:
// the members promoted from an embedded pointer are absent when it is nil.
// If the zero value cannot be encoded, required is returned as it is.
func alwaysWritten(t reflect.Type, required []string) (out []string) {
	defer func() {
		if recover() != nil {
			out = required // a MarshalJSON method refused the zero value
		}
	}()
	var members map[string]json.RawMessage
	b, err := json.Marshal(reflect.Zero(t).Interface())
	if err != nil || json.Unmarshal(b, &members) != nil {
		return required
	}
	for _, name := range required {
		if _, ok := members[name]; ok {
			out = append(out, name)
		}
	}
	return out
}

// anySchema is the schema of any JSON value, with a note.
func anySchema(note string) jsonschema.Schema {
	var s jsonschema.Schema
	s.WithDescription("Any JSON value, " + note + ".")
	return s
}

// interceptProp makes one struct member say what itty does with it.
func (v *view) interceptProp(p jsonschema.InterceptPropParams) error {
	if !p.Processed {
		return nil
	}
	f := p.Field
	tag := f.Tag
	if v.kind == viewResponse {
		tag = withoutKey(tag, "format") // an annotation in responses: passed through
	}
	rules, err := bind.CompileRules(tag, f.Type)
	if err != nil {
		return fmt.Errorf("field %s: %v", f.Name, err)
	}
	m := member{name: p.Name, typ: f.Type, tag: f.Tag, rules: rules}
	switch v.kind {
	case viewResponse:
		m.required = !hasJSONOption(f.Tag.Get("json"), "omitempty") && !hasJSONOption(f.Tag.Get("json"), "omitzero")
	default:
		m.required = rules != nil && rules.Required
	}
	return v.decorate(p.PropertySchema, p.ParentSchema, m)
}

// member is one property of an object schema: a struct member, or a json
// or form field of P.
type member struct {
	name     string
	typ      reflect.Type
	tag      reflect.StructTag
	rules    *bind.Rules
	required bool
}

// tagKeywords are the keywords the library reads from tags of the same
// name; decorate replaces them with what bind compiled.
var tagKeywords = [...]string{
	"multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
	"maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems",
	"enum", "format", "const", "maxProperties", "minProperties",
}

// decorate finishes the schema s of member m of the object parent: the
// validation keywords bind compiled, the text and examples of its tags, its
// default (in requests), whether it is required and whether it may be null.
func (v *view) decorate(s, parent *jsonschema.Schema, m member) error {
	for _, k := range tagKeywords {
		if _, ok := m.tag.Lookup(k); ok && !(k == "format" && v.kind == viewResponse) {
			clearKeyword(s, k)
		}
	}
	if v.kind == viewResponse {
		// Claims about the written values the binder does not check.
		readClaims(s, m.tag)
	}
	if err := applyRules(s, m.rules, m.typ); err != nil {
		return fmt.Errorf("field %s: %v", m.name, err)
	}
	keepUintMinimum(s, m.typ)
	if d, ok := m.tag.Lookup("doc"); ok && s.Description == nil {
		s.WithDescription(d)
	}
	if ex, ok := m.tag.Lookup("example"); ok {
		val, err := tagValue(ex, m.typ, true)
		if err != nil {
			return fmt.Errorf("field %s: example %q: %v", m.name, ex, err)
		}
		s.Examples = []any{val}
	}
	if def, ok := m.tag.Lookup("default"); ok && v.kind != viewResponse {
		val, err := tagValue(def, m.typ, false)
		if err != nil {
			return fmt.Errorf("field %s: default %q: %v", m.name, def, err)
		}
		s.WithDefault(val)
	}
	if opt := m.tag.Get("json"); v.kind != viewForm && hasJSONOption(opt, "string") && isScalarNumberOrBool(m.typ) {
		quoted(s)
	}
	switch v.kind {
	case viewResponse:
		// The library made nil pointers, slices and maps nullable unless
		// omitted when empty; a []byte, described as base64 text above,
		// is written as null when nil too.
		if opt := m.tag.Get("json"); isBase64(m.typ) && !hasJSONOption(opt, "omitempty") && !hasJSONOption(opt, "omitzero") {
			addNull(s)
		}
	case viewRequest, viewStrict:
		if m.required {
			removeNull(s)
		} else {
			addNull(s)
		}
	case viewForm:
		removeNull(s) // a form cannot send null
	}
	parent.Required = removeString(parent.Required, m.name)
	if m.required {
		parent.Required = append(parent.Required, m.name)
	}
	return nil
}

// clearKeyword removes keyword k from s.
func clearKeyword(s *jsonschema.Schema, k string) {
	switch k {
	case "multipleOf":
		s.MultipleOf = nil
	case "maximum":
		s.Maximum = nil
	case "exclusiveMaximum":
		s.ExclusiveMaximum = nil
	case "minimum":
		s.Minimum = nil
	case "exclusiveMinimum":
		s.ExclusiveMinimum = nil
	case "maxLength":
		s.MaxLength = nil
	case "minLength":
		s.MinLength = 0
	case "pattern":
		s.Pattern = nil
	case "maxItems":
		s.MaxItems = nil
	case "minItems":
		s.MinItems = 0
	case "uniqueItems":
		s.UniqueItems = nil
	case "enum":
		s.Enum = nil
		delete(s.ExtraProperties, jsonschema.XEnumNames)
	case "format":
		s.Format = nil
	case "const":
		s.Const = nil
	case "maxProperties":
		s.MaxProperties = nil
	case "minProperties":
		s.MinProperties = 0
	}
	delete(s.ExtraProperties, k)
}

// readClaims keeps, in responses, the keywords of tags the binder does not
// know: they describe the values written.
func readClaims(s *jsonschema.Schema, tag reflect.StructTag) {
	var n int64
	if v, ok := tag.Lookup("maxProperties"); ok {
		if _, err := fmt.Sscan(v, &n); err == nil {
			s.WithMaxProperties(n)
		}
	}
	if v, ok := tag.Lookup("minProperties"); ok {
		if _, err := fmt.Sscan(v, &n); err == nil {
			s.MinProperties = n
		}
	}
	if v, ok := tag.Lookup("const"); ok {
		var c any
		if json.Unmarshal([]byte(v), &c) != nil {
			c = v
		}
		s.WithConst(c)
	}
}

// addNull lets s be null too.
func addNull(s *jsonschema.Schema) {
	switch {
	case s.Ref != nil:
		inner := *s
		outer := jsonschema.Schema{Title: inner.Title, Description: inner.Description, Default: inner.Default, Examples: inner.Examples, Deprecated: inner.Deprecated}
		inner.Title, inner.Description, inner.Default, inner.Examples, inner.Deprecated = nil, nil, nil, nil, nil
		outer.AnyOf = []jsonschema.SchemaOrBool{inner.ToSchemaOrBool(), jsonschema.Null.ToSchemaOrBool()}
		*s = outer
	case len(s.AnyOf) > 0:
		for _, alt := range s.AnyOf {
			if alt.TypeObject != nil && alt.TypeObject.HasType(jsonschema.Null) {
				return
			}
		}
		s.AnyOf = append(s.AnyOf, jsonschema.Null.ToSchemaOrBool())
	case s.Type == nil:
		// Any value, null included.
	default:
		setNullType(s, true)
		if s.Enum != nil && !containsNil(s.Enum) {
			s.Enum = append(s.Enum, nil)
		}
	}
}

// removeNull forbids null in s.
func removeNull(s *jsonschema.Schema) {
	if s.Type != nil && s.HasType(jsonschema.Null) {
		setNullType(s, false)
	}
	if len(s.AnyOf) == 2 {
		for i, alt := range s.AnyOf {
			if alt.TypeObject != nil && alt.TypeObject.Type != nil && alt.TypeObject.HasType(jsonschema.Null) && len(alt.TypeObject.Type.SliceOfSimpleTypeValues) == 0 {
				other := *s.AnyOf[1-i].TypeObject
				outer := *s
				outer.AnyOf = nil
				mergeAnnotations(&other, &outer)
				*s = other
				break
			}
		}
	}
	if s.Enum != nil {
		out := s.Enum[:0:0]
		for _, e := range s.Enum {
			if e != nil {
				out = append(out, e)
			}
		}
		s.Enum = out
	}
}

// mergeAnnotations copies the annotations of from into s where s has none.
func mergeAnnotations(s, from *jsonschema.Schema) {
	if s.Title == nil {
		s.Title = from.Title
	}
	if s.Description == nil {
		s.Description = from.Description
	}
	if s.Default == nil {
		s.Default = from.Default
	}
	if s.Examples == nil {
		s.Examples = from.Examples
	}
	if s.Deprecated == nil {
		s.Deprecated = from.Deprecated
	}
}

// quoted is the schema of a number or boolean written as a JSON string
// (the ",string" option of a json tag).
func quoted(s *jsonschema.Schema) {
	null := s.HasType(jsonschema.Null)
	s.Type = &jsonschema.Type{}
	s.Type.WithSimpleTypes(jsonschema.String)
	setNullType(s, null)
	s.Minimum, s.Maximum, s.ExclusiveMinimum, s.ExclusiveMaximum, s.MultipleOf = nil, nil, nil, nil, nil
	for _, k := range []string{"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"} {
		delete(s.ExtraProperties, k)
	}
	s.Enum = nil
	note := "A number or boolean written as a JSON string."
	if s.Description != nil {
		note = *s.Description + " " + note
	}
	s.WithDescription(note)
}

func containsNil(vals []any) bool {
	for _, v := range vals {
		if v == nil {
			return true
		}
	}
	return false
}

func removeString(list []string, s string) []string {
	out := list[:0:0]
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// hasJSONOption reports whether a json tag holds the option opt.
func hasJSONOption(tag, opt string) bool {
	_, opts, _ := strings.Cut(tag, ",")
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == opt {
			return true
		}
	}
	return false
}

func isScalarNumberOrBool(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// withoutKey returns tag without the key k.
func withoutKey(tag reflect.StructTag, k string) reflect.StructTag {
	if _, ok := tag.Lookup(k); !ok {
		return tag
	}
	var b strings.Builder
	for _, key := range tagKeys(tag) {
		if key == k {
			continue
		}
		v, _ := tag.Lookup(key)
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s:%q", key, v)
	}
	return reflect.StructTag(b.String())
}

// tagKeys lists the keys of a conventional struct tag, in order.
func tagKeys(tag reflect.StructTag) []string {
	var keys []string
	s := string(tag)
	for {
		s = strings.TrimLeft(s, " ")
		i := strings.IndexByte(s, ':')
		if i <= 0 || i+1 >= len(s) || s[i+1] != '"' {
			return keys
		}
		keys = append(keys, s[:i])
		s = s[i+2:]
		end := -1
		for j := 0; j < len(s); j++ {
			if s[j] == '\\' {
				j++
				continue
			}
			if s[j] == '"' {
				end = j
				break
			}
		}
		if end < 0 {
			return keys
		}
		s = s[end+1:]
	}
}

// setNullType adds null to, or removes it from, the types of s, without
// changing a Type value another schema may share.
func setNullType(s *jsonschema.Schema, null bool) {
	if s.Type == nil {
		return
	}
	var types []jsonschema.SimpleType
	if s.Type.SimpleTypes != nil {
		types = []jsonschema.SimpleType{*s.Type.SimpleTypes}
	} else {
		types = append(types, s.Type.SliceOfSimpleTypeValues...)
	}
	out := types[:0:0]
	for _, t := range types {
		if t != jsonschema.Null {
			out = append(out, t)
		}
	}
	if null {
		out = append(out, jsonschema.Null)
	}
	switch len(out) {
	case 0:
		s.Type = nil
	case 1:
		s.Type = &jsonschema.Type{SimpleTypes: &out[0]}
	default:
		s.Type = &jsonschema.Type{SliceOfSimpleTypeValues: out}
	}
}
