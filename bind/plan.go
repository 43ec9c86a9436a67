package bind

// This file compiles a Plan: it walks P's fields once, reads their tags,
// checks them against the route's path parameters and records, for each
// bound field, its offset and its setter. Everything the field's type decides
// is decided here.

import (
	"fmt"
	"net/http"
	"net/textproto"
	"reflect"
	"strings"
	"unsafe"

	"github.com/ittygo/itty/errors"
)

// PlanError reports a parameter struct that cannot be bound as declared.
type PlanError struct {
	Type   reflect.Type // the parameter struct
	Field  string       // the Go field name ("" when the problem is the struct or a path parameter)
	Tag    string       // the offending tag, as written (`path:"offset"`), if any
	Reason string
}

// Error describes the problem, naming the field and its tag.
func (e *PlanError) Error() string {
	var b strings.Builder
	b.WriteString("itty: ")
	if e.Field != "" {
		fmt.Fprintf(&b, "field %s", e.Field)
		if e.Tag != "" {
			fmt.Fprintf(&b, " (%s)", e.Tag)
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// Plan is the compiled binding plan of the parameter struct P.
type Plan[P any] struct {
	c *compiled
	// strs is c.strOffsets, kept here so that BindPathStrings, inlined
	// into its caller, reads one object less.
	strs []uintptr
}

// compiled is the type-independent body of a Plan.
type compiled struct {
	typ      reflect.Type
	fields   []Field
	path     []pathSlot // indexed by path parameter position
	matchers []Matcher
	query    []valueSlot
	queryIdx map[string]int // built when there are many query fields
	header   []valueSlot
	cookie   []valueSlot
	bodyPlan *bodyPlan  // form, json and body fields; nil when there are none
	extra    *extraPlan // body, rules and Validate; nil when there are none

	// strOffsets, for a plan whose only fields are string path fields, are
	// their offsets by path position: binding is a store per value.
	strOffsets []uintptr
}

type pathSlot struct {
	offset uintptr
	set    func(dst unsafe.Pointer, seg string)
	format func(src unsafe.Pointer) (string, error)
	name   string
	str    bool // the field is a string that takes the segment as is: no call
}

// valueSlot is a field filled from textual values (query, header, cookie).
type valueSlot struct {
	name       string
	source     Source
	offset     uintptr
	bind       valueBinder
	def        string
	hasDef     bool
	blankIsNil bool // a blank value counts as absent (non-string types)
	typ        reflect.Type
}

// Compile compiles the binding plan of P for a route whose pattern has the
// given path parameters, in order.
func Compile[P any](path []PathParam) (*Plan[P], error) {
	c, err := compile(reflect.TypeFor[P](), path)
	if err != nil {
		return nil, err
	}
	return &Plan[P]{c: c, strs: c.strOffsets}, nil
}

// Fields describes the bound fields in declaration order.
func (p *Plan[P]) Fields() []Field { return append([]Field(nil), p.c.fields...) }

// Matchers returns, for each path parameter in order, the matcher that
// decides whether a segment fits both its kind and its field.
func (p *Plan[P]) Matchers() []Matcher { return append([]Matcher(nil), p.c.matchers...) }

// Bind fills dst from r. pathValues are the decoded values of the pattern's
// parameters, in order, as matched by the router. Values that do not convert
// are reported together as one *errors.Error with status 422. A body is read
// with DefaultLimits, and uploaded files are left in r.MultipartForm (see
// BindBody to share a body and own its files).
func (p *Plan[P]) Bind(r *http.Request, pathValues []string, dst *P) error {
	return p.c.bind(r, pathValues, nil, unsafe.Pointer(dst))
}

func compile(t reflect.Type, path []PathParam) (*compiled, error) {
	if t.Kind() != reflect.Struct {
		return nil, &PlanError{Type: t, Reason: fmt.Sprintf("the parameter type %s is not a struct (use struct{} when there is nothing to bind)", t)}
	}
	c := &compiled{typ: t, path: make([]pathSlot, len(path)), matchers: make([]Matcher, len(path))}
	pathPos := make(map[string]int, len(path))
	for i, p := range path {
		pathPos[p.Name] = i
	}
	bound := map[string]string{} // source+name → Go field
	if err := c.walk(t, 0, "", pathPos, path, bound); err != nil {
		return nil, err
	}
	for _, p := range path {
		if _, ok := bound["path."+p.Name]; !ok {
			return nil, &PlanError{Type: t, Reason: fmt.Sprintf("path parameter <%s:%s> has no field tagged path:%q", p.Kind, p.Name, p.Name)}
		}
	}
	if err := c.compileExtra(); err != nil {
		return nil, err
	}
	c.strOffsets = c.pathStrings()
	if len(c.query) > 8 {
		c.queryIdx = make(map[string]int, len(c.query))
		for i, s := range c.query {
			c.queryIdx[s.name] = i
		}
	}
	return c, nil
}

// pathStrings returns the offsets of the path fields by position when they
// are all strings taken as they are and P has no other source, else nil.
func (c *compiled) pathStrings() []uintptr {
	if len(c.query)+len(c.header)+len(c.cookie) > 0 || c.bodyPlan != nil || c.extra != nil {
		return nil
	}
	offs := make([]uintptr, len(c.path))
	for i, s := range c.path {
		if !s.str {
			return nil
		}
		offs[i] = s.offset
	}
	return offs
}

// walk visits the fields of struct t at base offset off, descending into
// untagged embedded structs.
func (c *compiled) walk(t reflect.Type, off uintptr, prefix string, pathPos map[string]int, path []PathParam, bound map[string]string) error {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		goName := prefix + sf.Name
		src, name, tag, err := sourceOf(sf)
		if err != nil {
			return &PlanError{Type: c.typ, Field: goName, Reason: err.Error()}
		}
		if src == None {
			switch {
			case hasRuleTags(sf.Tag):
				return &PlanError{Type: c.typ, Field: goName, Reason: "the field has validation rules but no source tag, so it is never bound"}
			case sf.Anonymous && sf.Type.Kind() == reflect.Struct:
				if err := c.walk(sf.Type, off+sf.Offset, goName+".", pathPos, path, bound); err != nil {
					return err
				}
			case sf.Anonymous && sf.Type.Kind() == reflect.Pointer && holdsTags(sf.Type.Elem(), map[reflect.Type]bool{}):
				return &PlanError{Type: c.typ, Field: goName, Reason: fmt.Sprintf("an embedded pointer is never allocated, so the tagged fields of %s are never bound (embed the struct itself)", sf.Type.Elem())}
			}
			continue
		}
		perr := func(format string, args ...any) error {
			return &PlanError{Type: c.typ, Field: goName, Tag: tag, Reason: fmt.Sprintf(format, args...)}
		}
		if !sf.IsExported() {
			return perr("the field is unexported, so it cannot be set")
		}
		if src == Header {
			name = textproto.CanonicalMIMEHeaderKey(name)
		}
		key := src.String() + "." + name
		if src == Path {
			key = "path." + name
		}
		if prev, dup := bound[key]; dup {
			return perr("%s %q is already bound to field %s", src, name, prev)
		}
		bound[key] = goName
		def, hasDef := sf.Tag.Lookup("default")
		f := Field{Source: src, Name: name, GoName: goName, Type: sf.Type, Tag: sf.Tag, Default: def, HasDefault: hasDef, offset: off + sf.Offset}
		switch src {
		case Path:
			pos, ok := pathPos[name]
			if !ok {
				return perr("the pattern has no segment named %q", name)
			}
			if hasDef {
				return perr("a path field cannot have a default: the segment is always present")
			}
			b, err := compilePath(path[pos].Kind, sf.Type)
			if err != nil {
				return perr("%s", err.Error())
			}
			f.Segment = path[pos].Kind.String()
			c.path[pos] = pathSlot{offset: f.offset, set: b.set, format: b.format, name: name, str: b.str}
			c.matchers[pos] = b.matcher
		case Query, Header, Cookie:
			vb, err := newValueBinder(sf.Type)
			if err != nil {
				return perr("%s", err.Error())
			}
			slot := valueSlot{name: name, source: src, offset: f.offset, bind: vb, def: def, hasDef: hasDef, typ: sf.Type, blankIsNil: !isPlainString(sf.Type)}
			if hasDef {
				scratch := reflect.New(sf.Type).UnsafePointer()
				if err := slot.set(scratch, []string{def}); err != nil {
					return perr("default %q does not convert: %s", def, err.Error())
				}
			}
			switch src {
			case Query:
				c.query = append(c.query, slot)
			case Header:
				c.header = append(c.header, slot)
			default:
				c.cookie = append(c.cookie, slot)
			}
		default: // Form, JSON, Body
			if err := c.addBodyField(&f, len(c.fields)); err != nil {
				return perr("%s", err.Error())
			}
		}
		c.fields = append(c.fields, f)
	}
	return nil
}

// holdsTags reports whether struct t, or a struct embedded in it, has a
// field with a source tag or a validation rule.
func holdsTags(t reflect.Type, seen map[reflect.Type]bool) bool {
	if t.Kind() != reflect.Struct || seen[t] {
		return false
	}
	seen[t] = true
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if src, _, _, err := sourceOf(sf); src != None || err != nil || hasRuleTags(sf.Tag) {
			return true
		}
		if ft := sf.Type; sf.Anonymous && ft.Kind() == reflect.Pointer {
			sf.Type = ft.Elem()
		}
		if sf.Anonymous && holdsTags(sf.Type, seen) {
			return true
		}
	}
	return false
}

// sourceOf reads the source tag of a struct field.
func sourceOf(sf reflect.StructField) (Source, string, string, error) {
	src, name, tag := None, "", ""
	for _, ts := range tagSources {
		v, ok := sf.Tag.Lookup(ts.key)
		if !ok || (ts.src == JSON && v == "-") {
			continue
		}
		if src != None {
			return None, "", "", fmt.Errorf("the field has two sources: %s and %s", tag, fmt.Sprintf("%s:%q", ts.key, v))
		}
		if ts.src == JSON {
			v, _, _ = strings.Cut(v, ",")
		}
		if v == "" && ts.src != Body {
			return None, "", "", fmt.Errorf("%s:%q needs a name", ts.key, v)
		}
		src, name, tag = ts.src, v, fmt.Sprintf("%s:%q", ts.key, v)
	}
	return src, name, tag, nil
}

// isPlainString reports whether values of t (or of its elements) are plain
// strings, for which a blank value is a value rather than an absence.
func isPlainString(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice:
		t = t.Elem()
	}
	return t.Kind() == reflect.String && !reflect.PointerTo(t).Implements(textUnmarshalerType)
}

// set fills the slot's field from its values (at least one).
func (s *valueSlot) set(dst unsafe.Pointer, vals []string) error {
	if s.bind.multi {
		return s.bind.many(dst, vals)
	}
	return s.bind.one(dst, vals[0])
}

// fieldError builds the client-facing report of a value that did not convert.
func (s *valueSlot) fieldError(val string, err error) errors.FieldError {
	return errors.FieldError{Source: s.source.String(), Name: s.name, Message: err.Error(), Value: clip(val), Err: err}
}

// clip shortens a reported value so an error page never echoes megabytes.
func clip(s string) string {
	const max = 256
	if len(s) <= max {
		return s
	}
	return s[:max] + "…"
}
