package bind

// This file runs a plan backwards for typed URLs: from a P value it produces
// the path segment values and the query string that bind back to an equal P.

import (
	"encoding"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/ittygo/itty/params"
)

// PathValues returns the text of each path parameter of src, in order. A
// value that would not match its own segment (a negative int, a slug field
// holding "Hello World") is an error, never a broken link.
func (p *Plan[P]) PathValues(src *P) ([]string, error) {
	base := unsafe.Pointer(src)
	out := make([]string, len(p.c.path))
	for i, s := range p.c.path {
		v, err := s.format(unsafe.Add(base, s.offset))
		if err != nil {
			return nil, fmt.Errorf("itty: path parameter %q: %w", s.name, err)
		}
		out[i] = v
	}
	return out, nil
}

// Query returns the query fields of src as a QueryDict in field order. Nil
// pointers, empty slices and zero values of fields with no default are left
// out, because binding their absence gives the same value back; for a
// field with a default, a nil pointer or an empty slice is left out too,
// and binds back as the default. A value whose text would not convert
// back (NaN, a year after 9999) is an error.
func (p *Plan[P]) Query(src *P) (*params.QueryDict, error) {
	q := &params.QueryDict{}
	base := unsafe.Pointer(src)
	for _, s := range p.c.query {
		v := reflect.NewAt(s.typ, unsafe.Add(base, s.offset)).Elem()
		vals, err := formatValues(v, s.hasDef)
		if err == nil {
			err = s.bindsBack(vals)
		}
		if err != nil {
			return nil, fmt.Errorf("itty: query parameter %q: %w", s.name, err)
		}
		if len(vals) > 0 {
			q.SetList(s.name, vals)
		}
	}
	return q, nil
}

// bindsBack reports why vals, the text of the slot's value, would not
// convert when bound.
func (s *valueSlot) bindsBack(vals []string) error {
	kept := make([]string, 0, len(vals))
	for _, v := range vals {
		if v != "" || !s.blankIsNil {
			kept = append(kept, v)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	if err := s.set(reflect.New(s.typ).UnsafePointer(), kept); err != nil {
		return fmt.Errorf("%q does not bind back: %w", strings.Join(kept, ","), err)
	}
	return nil
}

func formatValues(v reflect.Value, hasDef bool) ([]string, error) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil, nil
		}
		s, err := formatScalar(v.Elem())
		return []string{s}, err
	case reflect.Slice:
		if _, ok := v.Addr().Interface().(encoding.TextUnmarshaler); !ok && v.Type().Elem().Kind() != reflect.Uint8 {
			out := make([]string, v.Len())
			for i := range out {
				s, err := formatScalar(v.Index(i))
				if err != nil {
					return nil, err
				}
				out[i] = s
			}
			return out, nil
		}
	}
	if v.IsZero() && !hasDef {
		return nil, nil
	}
	s, err := formatScalar(v)
	return []string{s}, err
}

func formatScalar(v reflect.Value) (string, error) {
	if t, ok := v.Interface().(time.Time); ok {
		return t.Format(time.RFC3339Nano), nil
	}
	if m, ok := v.Interface().(encoding.TextMarshaler); ok {
		b, err := m.MarshalText()
		return string(b), err
	}
	if v.CanAddr() {
		if m, ok := v.Addr().Interface().(encoding.TextMarshaler); ok {
			b, err := m.MarshalText()
			return string(b), err
		}
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), nil
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, v.Type().Bits()), nil
	}
	return "", fmt.Errorf("cannot format %s", v.Type())
}

func formatFloat(f float64, bits int) string {
	return strconv.FormatFloat(f, 'f', -1, bits)
}
