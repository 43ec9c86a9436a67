package bind

// This file chooses, once per field type, the function that converts one
// string into a value of that type in place. The request path calls the
// chosen function through a pointer: it never inspects the type again.

import (
	"encoding"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unsafe"
)

// decodeFunc converts s into the value at dst. Its error is a *convError
// whose text is safe to show to the client.
type decodeFunc func(dst unsafe.Pointer, s string) error

// convError is a client-facing conversion failure.
type convError struct {
	msg string
	err error // underlying cause, if any
}

func (e *convError) Error() string { return e.msg }
func (e *convError) Unwrap() error { return e.err }

var (
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	timeType            = reflect.TypeFor[time.Time]()
)

// sliceHeader is the memory layout of every Go slice.
type sliceHeader struct {
	data unsafe.Pointer
	len  int
	cap  int
}

// scalarDecoder returns the decoder for a single value of type t, or an
// error saying why t cannot be bound from text.
func scalarDecoder(t reflect.Type) (decodeFunc, error) {
	if t == timeType {
		bad := &convError{msg: "must be an RFC 3339 date-time"}
		return func(dst unsafe.Pointer, s string) error {
			v, err := time.Parse(time.RFC3339, s)
			if err != nil {
				return bad
			}
			*(*time.Time)(dst) = v
			return nil
		}, nil
	}
	if reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return func(dst unsafe.Pointer, s string) error {
			u := reflect.NewAt(t, dst).Interface().(encoding.TextUnmarshaler)
			if err := u.UnmarshalText([]byte(s)); err != nil {
				return &convError{msg: "invalid value: " + err.Error(), err: err}
			}
			return nil
		}, nil
	}
	switch t.Kind() {
	case reflect.String:
		return func(dst unsafe.Pointer, s string) error {
			*(*string)(dst) = s
			return nil
		}, nil
	case reflect.Bool:
		bad := &convError{msg: "must be true or false"}
		return func(dst unsafe.Pointer, s string) error {
			v, err := strconv.ParseBool(s)
			if err != nil {
				// "on" is what an HTML checkbox without a value sends.
				switch s {
				case "on":
					v = true
				case "off":
				default:
					return bad
				}
			}
			*(*bool)(dst) = v
			return nil
		}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intDecoder(t), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return uintDecoder(t), nil
	case reflect.Float32, reflect.Float64:
		return floatDecoder(t), nil
	}
	return nil, fmt.Errorf("type %s cannot be bound from text (use a string, bool, number, time.Time or an encoding.TextUnmarshaler)", t)
}

func intDecoder(t reflect.Type) decodeFunc {
	bits := t.Bits()
	notInt := &convError{msg: "must be an integer"}
	lo, hi := int64(-1)<<(bits-1), int64(1)<<(bits-1)-1
	out := &convError{msg: fmt.Sprintf("must be an integer from %d to %d", lo, hi)}
	store := storeInt(bits)
	return func(dst unsafe.Pointer, s string) error {
		v, err := strconv.ParseInt(s, 10, bits)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				return out
			}
			return notInt
		}
		store(dst, v)
		return nil
	}
}

func uintDecoder(t reflect.Type) decodeFunc {
	bits := t.Bits()
	notInt := &convError{msg: "must be a non-negative integer"}
	hi := uint64(math.MaxUint64) >> (64 - bits)
	out := &convError{msg: fmt.Sprintf("must be an integer from 0 to %d", hi)}
	store := storeUint(bits)
	return func(dst unsafe.Pointer, s string) error {
		v, err := strconv.ParseUint(s, 10, bits)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				return out
			}
			return notInt
		}
		store(dst, v)
		return nil
	}
}

func floatDecoder(t reflect.Type) decodeFunc {
	bits := t.Bits()
	bad := &convError{msg: "must be a number"}
	out := &convError{msg: fmt.Sprintf("must be a finite number that fits in %d bits", bits)}
	return func(dst unsafe.Pointer, s string) error {
		// strconv also takes Go's literal syntax: digit separators and
		// hexadecimal floats ("1_000", "0x1p4"), which no client means.
		if strings.ContainsAny(s, "_xX") {
			return bad
		}
		v, err := strconv.ParseFloat(s, bits)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				return out
			}
			return bad
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return out
		}
		if bits == 32 {
			*(*float32)(dst) = float32(v)
		} else {
			*(*float64)(dst) = v
		}
		return nil
	}
}

// storeInt returns the store for a signed integer of the given bit size.
func storeInt(bits int) func(unsafe.Pointer, int64) {
	switch bits {
	case 8:
		return func(p unsafe.Pointer, v int64) { *(*int8)(p) = int8(v) }
	case 16:
		return func(p unsafe.Pointer, v int64) { *(*int16)(p) = int16(v) }
	case 32:
		return func(p unsafe.Pointer, v int64) { *(*int32)(p) = int32(v) }
	}
	return func(p unsafe.Pointer, v int64) { *(*int64)(p) = v }
}

// storeUint returns the store for an unsigned integer of the given bit size.
func storeUint(bits int) func(unsafe.Pointer, uint64) {
	switch bits {
	case 8:
		return func(p unsafe.Pointer, v uint64) { *(*uint8)(p) = uint8(v) }
	case 16:
		return func(p unsafe.Pointer, v uint64) { *(*uint16)(p) = uint16(v) }
	case 32:
		return func(p unsafe.Pointer, v uint64) { *(*uint32)(p) = uint32(v) }
	}
	return func(p unsafe.Pointer, v uint64) { *(*uint64)(p) = v }
}

// valueBinder fills a field from all the values its source offers for it.
// Scalars take the first value, pointers allocate their element, slices take
// every value.
type valueBinder struct {
	one   decodeFunc // decodes one value into the field (scalars, pointers)
	many  func(dst unsafe.Pointer, vals []string) error
	multi bool // the field is a slice and wants every value
}

// newValueBinder chooses how a field of type t is filled from text values.
func newValueBinder(t reflect.Type) (valueBinder, error) {
	switch {
	case t.Kind() == reflect.Pointer:
		elem := t.Elem()
		dec, err := scalarDecoder(elem)
		if err != nil {
			return valueBinder{}, err
		}
		return valueBinder{one: func(dst unsafe.Pointer, s string) error {
			v := reflect.New(elem).UnsafePointer()
			if err := dec(v, s); err != nil {
				return err
			}
			*(*unsafe.Pointer)(dst) = v
			return nil
		}}, nil
	case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8 && !reflect.PointerTo(t).Implements(textUnmarshalerType):
		elem := t.Elem()
		dec, err := scalarDecoder(elem)
		if err != nil {
			return valueBinder{}, err
		}
		size := elem.Size()
		return valueBinder{multi: true, many: func(dst unsafe.Pointer, vals []string) error {
			s := reflect.MakeSlice(t, len(vals), len(vals))
			base := s.UnsafePointer()
			for i, v := range vals {
				if err := dec(unsafe.Add(base, uintptr(i)*size), v); err != nil {
					return err
				}
			}
			*(*sliceHeader)(dst) = sliceHeader{data: base, len: len(vals), cap: len(vals)}
			return nil
		}}, nil
	}
	dec, err := scalarDecoder(t)
	if err != nil {
		return valueBinder{}, err
	}
	return valueBinder{one: dec}, nil
}
