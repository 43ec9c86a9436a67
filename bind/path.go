package bind

// This file binds typed path segments. For each <kind:name> of a pattern it
// checks, at registration, that the field's type fits the kind, and derives
// two functions from the pair: the matcher the router uses to decide whether
// a segment fits (including the field's bit size: "300" does not match an
// int8 field), and the setter that stores the matched text.

import (
	"fmt"
	"math"
	"reflect"
	"unsafe"

	"github.com/google/uuid"
	"github.com/ittygo/itty/params"
)

// PathParam is one typed segment of a route pattern.
type PathParam struct {
	Name string
	Kind params.Kind
}

// Matcher decides whether one decoded path segment fits a route's typed
// segment. Two matchers with the same Key accept exactly the same segments.
type Matcher struct {
	Kind  params.Kind
	Key   string
	Match func(seg string) bool
}

var uuidType = reflect.TypeFor[uuid.UUID]()

// pathBinding is the compiled form of one path field.
type pathBinding struct {
	matcher Matcher
	set     func(dst unsafe.Pointer, seg string)
	format  func(src unsafe.Pointer) (string, error)
	str     bool // set stores the segment as is into a string field
}

// compilePath returns the binding of a field of type t to a segment of kind k.
func compilePath(k params.Kind, t reflect.Type) (pathBinding, error) {
	switch k {
	case params.Int:
		return intPath(t)
	case params.Float:
		return floatPath(t)
	case params.UUID:
		return uuidPath(t)
	case params.Str, params.Slug, params.Path:
		if t.Kind() != reflect.String {
			return pathBinding{}, fmt.Errorf("a <%s:…> segment needs a string field, not %s", k, t)
		}
		return stringPath(k), nil
	}
	return pathBinding{}, fmt.Errorf("unknown segment kind %s", k)
}

func intPath(t reflect.Type) (pathBinding, error) {
	var max uint64
	signed := false
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		max, signed = uint64(1)<<(t.Bits()-1)-1, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		max = uint64(math.MaxUint64) >> (64 - t.Bits())
	default:
		return pathBinding{}, fmt.Errorf("an <int:…> segment needs an integer field, not %s", t)
	}
	b := pathBinding{matcher: Matcher{
		Kind: params.Int,
		Key:  fmt.Sprintf("int<=%d", max),
		Match: func(seg string) bool {
			_, ok := params.ParseDigits(seg, max)
			return ok
		},
	}}
	if signed {
		store := storeInt(t.Bits())
		b.set = func(dst unsafe.Pointer, seg string) {
			v, _ := params.ParseDigits(seg, max)
			store(dst, int64(v))
		}
		load := loadInt(t.Bits())
		b.format = func(src unsafe.Pointer) (string, error) {
			v := load(src)
			if v < 0 {
				return "", fmt.Errorf("%d is negative: an <int:…> segment holds digits only", v)
			}
			return fmt.Sprint(v), nil
		}
	} else {
		store := storeUint(t.Bits())
		b.set = func(dst unsafe.Pointer, seg string) {
			v, _ := params.ParseDigits(seg, max)
			store(dst, v)
		}
		load := loadUint(t.Bits())
		b.format = func(src unsafe.Pointer) (string, error) { return fmt.Sprint(load(src)), nil }
	}
	return b, nil
}

func floatPath(t reflect.Type) (pathBinding, error) {
	if t.Kind() != reflect.Float32 && t.Kind() != reflect.Float64 {
		return pathBinding{}, fmt.Errorf("a <float:…> segment needs a float32 or float64 field, not %s", t)
	}
	bits := t.Bits()
	b := pathBinding{matcher: Matcher{
		Kind: params.Float,
		Key:  fmt.Sprintf("float%d", bits),
		Match: func(seg string) bool {
			_, ok := params.ParseDecimal(seg, bits)
			return ok
		},
	}}
	b.set = func(dst unsafe.Pointer, seg string) {
		v, _ := params.ParseDecimal(seg, bits)
		if bits == 32 {
			*(*float32)(dst) = float32(v)
		} else {
			*(*float64)(dst) = v
		}
	}
	b.format = func(src unsafe.Pointer) (string, error) {
		var s string
		if bits == 32 {
			s = formatFloat(float64(*(*float32)(src)), 32)
		} else {
			s = formatFloat(*(*float64)(src), 64)
		}
		if _, ok := params.ParseDecimal(s, bits); !ok {
			return "", fmt.Errorf("%s does not fit a <float:…> segment (digits with an optional fraction)", s)
		}
		return s, nil
	}
	return b, nil
}

func uuidPath(t reflect.Type) (pathBinding, error) {
	m := Matcher{Kind: params.UUID, Key: "uuid", Match: func(seg string) bool {
		_, ok := params.ParseUUID(seg)
		return ok
	}}
	switch {
	case t == uuidType || (t.Kind() == reflect.Array && t.Len() == 16 && t.Elem().Kind() == reflect.Uint8):
		return pathBinding{
			matcher: m,
			set: func(dst unsafe.Pointer, seg string) {
				*(*[16]byte)(dst), _ = params.ParseUUID(seg)
			},
			format: func(src unsafe.Pointer) (string, error) {
				return uuid.UUID(*(*[16]byte)(src)).String(), nil
			},
		}, nil
	case t.Kind() == reflect.String:
		return pathBinding{
			matcher: m,
			set:     func(dst unsafe.Pointer, seg string) { *(*string)(dst) = seg },
			str:     true,
			format: func(src unsafe.Pointer) (string, error) {
				s := *(*string)(src)
				if _, ok := params.ParseUUID(s); !ok {
					return "", fmt.Errorf("%q is not a hyphenated UUID", s)
				}
				return s, nil
			},
		}, nil
	}
	return pathBinding{}, fmt.Errorf("a <uuid:…> segment needs a uuid.UUID or string field, not %s", t)
}

func stringPath(k params.Kind) pathBinding {
	var match func(string) bool
	switch k {
	case params.Slug:
		match = params.IsSlug
	case params.Str:
		match = params.IsStr
	default: // params.Path: the rest of the path, at least one byte
		match = func(s string) bool { return s != "" }
	}
	return pathBinding{
		matcher: Matcher{Kind: k, Key: k.String(), Match: match},
		set:     func(dst unsafe.Pointer, seg string) { *(*string)(dst) = seg },
		str:     true,
		format: func(src unsafe.Pointer) (string, error) {
			s := *(*string)(src)
			if !match(s) {
				return "", fmt.Errorf("%q does not fit a <%s:…> segment", s, k)
			}
			return s, nil
		},
	}
}

func loadInt(bits int) func(unsafe.Pointer) int64 {
	switch bits {
	case 8:
		return func(p unsafe.Pointer) int64 { return int64(*(*int8)(p)) }
	case 16:
		return func(p unsafe.Pointer) int64 { return int64(*(*int16)(p)) }
	case 32:
		return func(p unsafe.Pointer) int64 { return int64(*(*int32)(p)) }
	}
	return func(p unsafe.Pointer) int64 { return *(*int64)(p) }
}

func loadUint(bits int) func(unsafe.Pointer) uint64 {
	switch bits {
	case 8:
		return func(p unsafe.Pointer) uint64 { return uint64(*(*uint8)(p)) }
	case 16:
		return func(p unsafe.Pointer) uint64 { return uint64(*(*uint16)(p)) }
	case 32:
		return func(p unsafe.Pointer) uint64 { return uint64(*(*uint32)(p)) }
	}
	return func(p unsafe.Pointer) uint64 { return *(*uint64)(p) }
}

// PathStringsOnly reports whether every field of P is a string path field
// (or P has no fields): the case that reads nothing of the request but its
// path values, converts nothing and cannot fail. Such a P can be bound with
// BindPathStrings.
func (p *Plan[P]) PathStringsOnly() bool { return p.strs != nil }

// BindPathStrings fills dst from pathValues alone, and reports true, when
// PathStringsOnly holds. For any other P it leaves dst alone and reports
// false; use BindBody. It is small enough to be inlined, so a caller can
// bind into a P on its stack.
func (p *Plan[P]) BindPathStrings(pathValues []string, dst *P) bool {
	offs := p.strs
	if offs == nil {
		return false
	}
	for i, off := range offs {
		*(*string)(unsafe.Add(unsafe.Pointer(dst), off)) = pathValues[i]
	}
	return true
}
