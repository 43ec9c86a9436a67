// Design: JSON bodies are encoded by a compiled, per-type encoder whose
// output is byte for byte what json.NewEncoder(w).Encode(v) writes (HTML
// escaping on, invalid UTF-8 as \ufffd, U+2028/U+2029 escaped, trailing
// newline), in the spirit of encoding/json's own field cache:
//
//   - All reflection happens once per type, when its encoderPlan is built
//     and stored in planCache (a sync.Map keyed by reflect.Type): kinds,
//     struct tags, field offsets, quoted keys (`"name":`), omitempty and
//     omitzero tests, Marshaler checks. A request only follows the plan:
//     one precomputed encodeFunc per type, applied to an unsafe.Pointer to
//     the value, appending into the caller's (pooled) buffer.
//   - A type is compiled only when every type reachable from it other than
//     through an interface is one this file mirrors exactly: bool, the int
//     and uint kinds, floats, strings, structs without embedded fields,
//     slices, arrays, pointers, map[string]T and interfaces. Anything else,
//     and any type implementing json.Marshaler, encoding.TextMarshaler
//     (value or pointer receiver), or, for an omitzero field, IsZero, and
//     json.Number, a ",string" field or two fields with one JSON name, makes
//     the whole top-level type fall back to encoding/json. This is decided
//     once per type; when in doubt, the type falls back.
//   - At run time the compiled path never guesses: on NaN or ±Inf, nesting
//     deeper than maxJSONDepth (a cycle, or just deep) or a failing dynamic
//     value it reports !ok, the partial output is dropped and encoding/json
//     encodes the whole value again, producing the same bytes or its error.
//   - A value in an interface is encoded with its dynamic type's plan. A
//     dynamic type that falls back is encoded alone with json.Marshal: in
//     encoding/json the encoding of an interface's value does not depend on
//     its surroundings (same options, never addressable), so the bytes are
//     the same as in place; an error sends the whole value to encoding/json.
//
// The codecs live in jsonenc_codec.go and jsonenc_scalar.go; plan building
// is in jsonenc_build.go.

package respond

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sync"
	"unsafe"
)

// maxJSONDepth is how many pointers, slices, maps and interfaces deep the
// compiled encoder goes before it gives up and leaves the value to
// encoding/json, which detects cycles itself. Acyclic values this deep are
// rare; for them the only cost is encoding twice.
const maxJSONDepth = 500

// encodeFunc appends the JSON encoding of the value at p to b. depth counts
// the pointers, slices, maps and interfaces followed so far. When ok is
// false the compiled encoder has given up: b may end in a partial encoding,
// which the caller discards before falling back to encoding/json.
type encodeFunc func(b []byte, p unsafe.Pointer, depth int) (out []byte, ok bool)

// anyFunc is like encodeFunc for x, the dynamic value of an interface,
// whose type is the plan's type.
type anyFunc func(b []byte, x any, depth int) (out []byte, ok bool)

// encoderPlan is the compiled encoder of one type.
type encoderPlan struct {
	// fallback is set when values of the type are left to encoding/json.
	fallback bool
	// enc encodes the value at a pointer. It is nil for fallback plans and
	// while the plan is being built; a recursive type's codecs hold the
	// *encoderPlan and read enc when called.
	enc encodeFunc
	// encAny encodes a value of the type held in an interface.
	encAny anyFunc
}

// planCache maps a reflect.Type to its *encoderPlan. Plans are immutable
// once stored.
var planCache sync.Map

// fallbackPlan is the plan of every type that falls back.
var fallbackPlan = &encoderPlan{fallback: true, encAny: appendMarshaled}

// planOf returns the plan of t, building and caching it on first use.
func planOf(t reflect.Type) *encoderPlan {
	if v, ok := planCache.Load(t); ok {
		return v.(*encoderPlan)
	}
	pb := planBuilder{plans: make(map[reflect.Type]*encoderPlan)}
	p, ok := pb.plan(t)
	if !ok {
		p = fallbackPlan
	} else {
		// Every type reached while building t compiled, so each of their
		// plans is complete and valid on its own.
		for typ, sub := range pb.plans {
			if typ != t {
				planCache.LoadOrStore(typ, sub)
			}
		}
	}
	v, _ := planCache.LoadOrStore(t, p)
	return v.(*encoderPlan)
}

// writeJSON appends to buf what json.NewEncoder(buf).Encode(v) would
// append, and reports whether it did. When it reports false, buf is
// unchanged and the caller must run encoding/json, which either encodes v
// or returns the error.
func writeJSON(buf *bytes.Buffer, v any) bool {
	b, ok := appendJSON(buf.AvailableBuffer(), v)
	if !ok {
		return false
	}
	buf.Write(b)
	return true
}

// appendJSON appends the encoding of v and a newline to b with the
// compiled encoder. When ok is false, v's type falls back or the compiled
// encoder gave up, and out must be discarded.
func appendJSON(b []byte, v any) (out []byte, ok bool) {
	if !compiledJSON {
		return b, false
	}
	if v == nil {
		return append(b, "null\n"...), true
	}
	p := planOf(reflect.TypeOf(v))
	if p.fallback {
		return b, false
	}
	if b, ok = p.encAny(b, v, 0); !ok {
		return b, false
	}
	return append(b, '\n'), true
}

// appendAny appends the encoding of x, the value of an interface field,
// element or map value.
func appendAny(b []byte, x any, depth int) ([]byte, bool) {
	if x == nil {
		return append(b, "null"...), true
	}
	if depth >= maxJSONDepth {
		return b, false
	}
	return planOf(reflect.TypeOf(x)).encAny(b, x, depth+1)
}

// appendMarshaled appends json.Marshal(x), the encoding/json output for a
// dynamic value whose type falls back. A Marshal error makes the compiled
// encoder give up, so that the error comes from encoding/json encoding the
// whole value.
func appendMarshaled(b []byte, x any, _ int) ([]byte, bool) {
	out, err := json.Marshal(x)
	if err != nil {
		return b, false
	}
	return append(b, out...), true
}

// efaceData returns the data word of the interface value *x. For a type
// stored indirectly (see storedDirectly) it points to the value; for one
// stored directly it is the value.
func efaceData(x *any) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(x))[1]
}

// storedDirectly reports whether an interface holding a t keeps the value
// itself in its data word (pointer-shaped types) rather than a pointer to
// it. It asks the runtime rather than restating its rules: a zero t in an
// interface has a nil data word exactly when it is stored directly, since
// an indirect one points to memory holding the zero value.
func storedDirectly(t reflect.Type) bool {
	x := reflect.Zero(t).Interface()
	return efaceData(&x) == nil
}

// indirectAny returns an anyFunc that encodes an interface's value of a
// type that is not a pointer or a map, with enc.
func indirectAny(t reflect.Type, enc encodeFunc) anyFunc {
	if !storedDirectly(t) {
		return func(b []byte, x any, depth int) ([]byte, bool) {
			return enc(b, efaceData(&x), depth)
		}
	}
	// A pointer-shaped struct or array, such as struct{ P *T }: the data
	// word is the value, so it needs an address (and an allocation).
	return func(b []byte, x any, depth int) ([]byte, bool) {
		w := efaceData(&x)
		return enc(b, unsafe.Pointer(&w), depth)
	}
}
