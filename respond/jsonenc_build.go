// Design: building a plan walks a type once, depth first, and either
// returns a complete plan or reports that the type must fall back. A type
// being built is registered before its parts, so a recursive type refers
// to its own (not yet finished) plan; codecs hold *encoderPlan and read
// its enc only at run time, when every plan is finished. The rules mirror
// encoding/json's typeFields and newTypeEncoder for the cases compiled;
// every other case returns false rather than approximating.

package respond

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"unicode"
	"unsafe"
)

// Types whose presence makes encoding/json behave specially.
var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	numberType        = reflect.TypeFor[json.Number]()
	isZeroerType      = reflect.TypeFor[interface{ IsZero() bool }]()
)

// planBuilder builds the plans of one top-level type.
type planBuilder struct {
	plans map[reflect.Type]*encoderPlan // the plans built so far, some unfinished
}

// plan returns the plan of t and true, or false if t must fall back.
func (pb *planBuilder) plan(t reflect.Type) (*encoderPlan, bool) {
	if p, ok := pb.plans[t]; ok {
		return p, true
	}
	if v, ok := planCache.Load(t); ok {
		p := v.(*encoderPlan)
		return p, !p.fallback
	}
	if special(t) {
		return nil, false
	}
	p := &encoderPlan{}
	pb.plans[t] = p
	if !pb.fill(p, t) {
		return nil, false
	}
	return p, true
}

// special reports whether encoding/json encodes t in a way of its own:
// through a MarshalJSON or MarshalText method (with a value or a pointer
// receiver), or as a json.Number.
func special(t reflect.Type) bool {
	if t == numberType {
		return true
	}
	pt := reflect.PointerTo(t)
	return t.Implements(marshalerType) || pt.Implements(marshalerType) ||
		t.Implements(textMarshalerType) || pt.Implements(textMarshalerType)
}

// fill sets p's encoders for t and reports whether t compiles.
func (pb *planBuilder) fill(p *encoderPlan, t reflect.Type) bool {
	if enc := scalarEncoder(t.Kind()); enc != nil {
		p.enc = enc
		p.encAny = indirectAny(t, enc)
		return true
	}
	switch t.Kind() {
	case reflect.Interface:
		if t.NumMethod() == 0 {
			p.enc = appendEface
		} else {
			p.enc = ifaceCodec{t}.encode
		}
		// reflect.TypeOf never returns an interface type, so encAny is
		// never used; set it for completeness.
		p.encAny = indirectAny(t, p.enc)
		return true
	case reflect.Struct:
		c, ok := pb.structCodec(t)
		if !ok {
			return false
		}
		p.enc = c.encode
		p.encAny = indirectAny(t, p.enc)
		return true
	case reflect.Slice, reflect.Array:
		elem, ok := pb.plan(t.Elem())
		if !ok {
			return false
		}
		switch {
		case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8:
			p.enc = appendByteSlice // base64, as encoding/json does
		case t.Kind() == reflect.Slice:
			p.enc = (&sliceCodec{elem: elem, size: t.Elem().Size()}).encode
		default:
			c := &arrayCodec{elem: elem, size: t.Elem().Size(), n: t.Len()}
			p.enc = c.encode
		}
		p.encAny = indirectAny(t, p.enc)
		return true
	case reflect.Pointer:
		elem, ok := pb.plan(t.Elem())
		if !ok {
			return false
		}
		c := &ptrCodec{elem: elem}
		p.enc, p.encAny = c.encode, c.encodeAny
		return true
	case reflect.Map:
		k := t.Key()
		if k.Kind() != reflect.String || special(k) {
			return false
		}
		elem, ok := pb.plan(t.Elem())
		if !ok {
			return false
		}
		c := newMapCodec(t, elem)
		p.enc, p.encAny = c.encode, c.encodeAny
		return true
	}
	// Chan, Func, Complex64, Complex128, UnsafePointer: encoding/json
	// reports an error, but only for values it actually meets.
	return false
}

// scalarEncoder returns the encodeFunc of a bool, integer, float or
// string kind, or nil for any other kind.
func scalarEncoder(k reflect.Kind) encodeFunc {
	switch k {
	case reflect.Bool:
		return appendBool
	case reflect.Int:
		return appendInt
	case reflect.Int8:
		return appendInt8
	case reflect.Int16:
		return appendInt16
	case reflect.Int32:
		return appendInt32
	case reflect.Int64:
		return appendInt64
	case reflect.Uint:
		return appendUint
	case reflect.Uint8:
		return appendUint8
	case reflect.Uint16:
		return appendUint16
	case reflect.Uint32:
		return appendUint32
	case reflect.Uint64:
		return appendUint64
	case reflect.Uintptr:
		return appendUintptr
	case reflect.Float32:
		return appendFloat32
	case reflect.Float64:
		return appendFloat64
	case reflect.String:
		return appendStringAt
	}
	return nil
}

// structCodec builds the codec of struct type t, or reports false if t
// has an embedded field, a ",string" field, two fields with the same JSON
// name, an omitzero field with an IsZero method, or a field type that
// falls back. Fields are kept in declaration order, as encoding/json
// emits them when nothing is embedded.
func (pb *planBuilder) structCodec(t reflect.Type) (*structCodec, bool) {
	c := &structCodec{}
	names := make(map[string]bool)
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.Anonymous {
			return nil, false
		}
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if !validTagName(name) {
			name = sf.Name
		}
		if hasTagOption(opts, "string") || names[name] {
			return nil, false
		}
		names[name] = true
		fp, ok := pb.plan(sf.Type)
		if !ok {
			return nil, false
		}
		omit, ok := omitFunc(sf.Type, hasTagOption(opts, "omitempty"), hasTagOption(opts, "omitzero"))
		if !ok {
			return nil, false
		}
		key := append([]byte{','}, appendQuoted(nil, name)...)
		c.fields = append(c.fields, fieldPlan{
			offset: sf.Offset,
			key:    string(append(key, ':')),
			plan:   fp,
			omit:   omit,
		})
	}
	return c, true
}

// tagNamePunct is the punctuation encoding/json accepts in a tag name
// besides letters and digits; quote and backslash are reserved.
const tagNamePunct = "!#$%&()*+-./:;<=>?@[]^_{|}~ "

// validTagName reports whether encoding/json uses s, the name part of a
// json struct tag, as the field's name (otherwise it uses the Go name).
func validTagName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune(tagNamePunct, r) && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// hasTagOption reports whether the comma-separated options of a json
// struct tag include name.
func hasTagOption(opts, name string) bool {
	for opts != "" {
		var opt string
		opt, opts, _ = strings.Cut(opts, ",")
		if opt == name {
			return true
		}
	}
	return false
}

// omitFunc returns the test that omits a field of type t under the
// omitempty and omitzero options (nil when nothing is omitted), or false
// when omitzero would call an IsZero method, which falls back.
func omitFunc(t reflect.Type, omitEmpty, omitZero bool) (func(unsafe.Pointer) bool, bool) {
	var empty, zero func(unsafe.Pointer) bool
	if omitEmpty {
		empty = emptyFunc(t)
	}
	if omitZero {
		if t.Implements(isZeroerType) || reflect.PointerTo(t).Implements(isZeroerType) {
			return nil, false
		}
		zero = zeroFunc(t)
	}
	switch {
	case empty == nil:
		return zero, true
	case zero == nil:
		return empty, true
	}
	return func(p unsafe.Pointer) bool { return empty(p) || zero(p) }, true
}

// emptyFunc returns encoding/json's omitempty test for a field of type t:
// false, 0, -0, "", a nil pointer or interface, or a slice, map or array
// of length zero. It returns nil for structs, which are never empty.
func emptyFunc(t reflect.Type) func(unsafe.Pointer) bool {
	switch t.Kind() {
	case reflect.Slice:
		return func(p unsafe.Pointer) bool { return len(*(*[]byte)(p)) == 0 }
	case reflect.Map:
		return func(p unsafe.Pointer) bool { return reflect.NewAt(t, p).Elem().Len() == 0 }
	case reflect.Array:
		if t.Len() == 0 {
			return func(unsafe.Pointer) bool { return true }
		}
		return nil
	case reflect.Struct:
		return nil
	}
	return zeroFunc(t)
}

// zeroFunc returns reflect.Value.IsZero for a field of type t, which is
// encoding/json's omitzero test when t has no IsZero method: nil slices
// and maps are zero but empty ones are not, and a struct or array is zero
// when all its fields or elements are.
func zeroFunc(t reflect.Type) func(unsafe.Pointer) bool {
	switch t.Kind() {
	case reflect.Bool:
		return func(p unsafe.Pointer) bool { return !*(*bool)(p) }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		switch t.Size() {
		case 1:
			return func(p unsafe.Pointer) bool { return *(*uint8)(p) == 0 }
		case 2:
			return func(p unsafe.Pointer) bool { return *(*uint16)(p) == 0 }
		case 4:
			return func(p unsafe.Pointer) bool { return *(*uint32)(p) == 0 }
		case 8:
			return func(p unsafe.Pointer) bool { return *(*uint64)(p) == 0 }
		}
	case reflect.Float32:
		return func(p unsafe.Pointer) bool { return *(*float32)(p) == 0 }
	case reflect.Float64:
		return func(p unsafe.Pointer) bool { return *(*float64)(p) == 0 }
	case reflect.String:
		return func(p unsafe.Pointer) bool { return len(*(*string)(p)) == 0 }
	case reflect.Pointer:
		return func(p unsafe.Pointer) bool { return *(*unsafe.Pointer)(p) == nil }
	case reflect.Slice:
		return func(p unsafe.Pointer) bool { return *(*[]byte)(p) == nil }
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return func(p unsafe.Pointer) bool { return *(*any)(p) == nil }
		}
		return func(p unsafe.Pointer) bool { return reflect.NewAt(t, p).Elem().IsNil() }
	case reflect.Map:
		return func(p unsafe.Pointer) bool { return reflect.NewAt(t, p).Elem().IsNil() }
	}
	// Structs and arrays, and anything unforeseen: ask reflect itself.
	return func(p unsafe.Pointer) bool { return reflect.NewAt(t, p).Elem().IsZero() }
}
