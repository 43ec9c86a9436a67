package bind

// This file compiles the numeric rules — minimum, maximum, their exclusive
// forms and multipleOf — into tests over a field's memory. Integer bounds
// written as integers compare exactly with integer fields; float32 fields
// are judged in float32 precision.

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"unsafe"
)

func numberTag(tag reflect.StructTag, key string) (*Number, error) {
	v, ok := tag.Lookup(key)
	if !ok {
		return nil, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, fmt.Errorf("%s:%q is not a finite number", key, v)
	}
	n := &Number{Text: v, Value: f}
	if i, err := strconv.ParseInt(v, 10, 64); err == nil {
		n.i, n.isInt = i, true
	}
	if u, err := strconv.ParseUint(v, 10, 64); err == nil {
		n.u, n.isUint = u, true
	}
	return n, nil
}

// compileNumeric compiles minimum, maximum, their exclusive forms and
// multipleOf.
func compileNumeric(tag reflect.StructTag, r *Rules, fc *fieldCheck, vt reflect.Type, cls valueClass) error {
	keys := [...]string{"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}
	dst := [...]**Number{&r.Minimum, &r.Maximum, &r.ExclusiveMinimum, &r.ExclusiveMaximum, &r.MultipleOf}
	any := false
	for i, k := range keys {
		n, err := numberTag(tag, k)
		if err != nil {
			return err
		}
		*dst[i] = n
		any = any || n != nil
	}
	if !any {
		return nil
	}
	if cls != classInt && cls != classUint && cls != classFloat {
		return fmt.Errorf("%s applies to numbers, not to %s", firstKey(tag, keys[:]), vt)
	}
	lo, hi := r.Minimum, r.Maximum
	switch {
	case lo != nil && hi != nil && lo.Value > hi.Value:
		return fmt.Errorf("minimum %s is above maximum %s", lo, hi)
	case lo != nil && r.ExclusiveMaximum != nil && lo.Value >= r.ExclusiveMaximum.Value:
		return fmt.Errorf("minimum %s is not below exclusiveMaximum %s", lo, r.ExclusiveMaximum)
	case r.ExclusiveMinimum != nil && hi != nil && r.ExclusiveMinimum.Value >= hi.Value:
		return fmt.Errorf("exclusiveMinimum %s is not below maximum %s", r.ExclusiveMinimum, hi)
	case r.ExclusiveMinimum != nil && r.ExclusiveMaximum != nil && r.ExclusiveMinimum.Value >= r.ExclusiveMaximum.Value:
		return fmt.Errorf("exclusiveMinimum %s is not below exclusiveMaximum %s", r.ExclusiveMinimum, r.ExclusiveMaximum)
	case r.MultipleOf != nil && r.MultipleOf.Value <= 0:
		return fmt.Errorf("multipleOf %s must be greater than 0", r.MultipleOf)
	}
	if err := checkRange(vt, cls, r); err != nil {
		return err
	}
	cmp := comparer(vt, cls)
	if b := r.Minimum; b != nil {
		fc.tests = append(fc.tests, valueTest{func(p unsafe.Pointer) bool { return cmp(p, b) >= 0 }, "must be at least " + b.Text})
	}
	if b := r.Maximum; b != nil {
		fc.tests = append(fc.tests, valueTest{func(p unsafe.Pointer) bool { return cmp(p, b) <= 0 }, "must be at most " + b.Text})
	}
	if b := r.ExclusiveMinimum; b != nil {
		fc.tests = append(fc.tests, valueTest{func(p unsafe.Pointer) bool { return cmp(p, b) > 0 }, "must be greater than " + b.Text})
	}
	if b := r.ExclusiveMaximum; b != nil {
		fc.tests = append(fc.tests, valueTest{func(p unsafe.Pointer) bool { return cmp(p, b) < 0 }, "must be less than " + b.Text})
	}
	if m := r.MultipleOf; m != nil {
		fc.tests = append(fc.tests, valueTest{multipleOf(vt, cls, m), "must be a multiple of " + m.Text})
	}
	return nil
}

// comparer returns a function comparing the number at p with a bound:
// -1, 0 or +1.
func comparer(t reflect.Type, cls valueClass) func(p unsafe.Pointer, b *Number) int {
	switch cls {
	case classInt:
		load := loadInt(t.Bits())
		return func(p unsafe.Pointer, b *Number) int {
			v := load(p)
			switch {
			case b.isInt:
				return cmp3(v < b.i, v > b.i)
			case b.isUint: // above every int64
				return -1
			}
			return cmp3(float64(v) < b.Value, float64(v) > b.Value)
		}
	case classUint:
		load := loadUint(t.Bits())
		return func(p unsafe.Pointer, b *Number) int {
			v := load(p)
			switch {
			case b.isUint:
				return cmp3(v < b.u, v > b.u)
			case b.isInt: // negative
				return 1
			}
			return cmp3(float64(v) < b.Value, float64(v) > b.Value)
		}
	}
	if t.Bits() == 32 {
		// The field holds the value the client wrote rounded to float32:
		// "0.1" is 0.100000001. The bound is rounded the same way, so that
		// a value equal to it as written compares equal.
		return func(p unsafe.Pointer, b *Number) int {
			v, bv := float64(*(*float32)(p)), float64(float32(b.Value))
			return cmp3(v < bv, v > bv)
		}
	}
	return func(p unsafe.Pointer, b *Number) int {
		v := *(*float64)(p)
		return cmp3(v < b.Value, v > b.Value)
	}
}

func cmp3(less, more bool) int {
	switch {
	case less:
		return -1
	case more:
		return 1
	}
	return 0
}

func loadFloat(bits int) func(unsafe.Pointer) float64 {
	if bits == 32 {
		return func(p unsafe.Pointer) float64 { return float64(*(*float32)(p)) }
	}
	return func(p unsafe.Pointer) float64 { return *(*float64)(p) }
}

// multipleOf returns the test of the multipleOf rule: exact for integers,
// within a relative 1e-9 for floats. A float32 value is also a multiple
// when it is the float32 nearest to one ("0.3" of multipleOf 0.1).
func multipleOf(t reflect.Type, cls valueClass, m *Number) func(unsafe.Pointer) bool {
	switch {
	case cls == classInt && m.isInt:
		load := loadInt(t.Bits())
		return func(p unsafe.Pointer) bool { return load(p)%m.i == 0 }
	case cls == classUint && m.isUint:
		load := loadUint(t.Bits())
		return func(p unsafe.Pointer) bool { return load(p)%m.u == 0 }
	}
	var load func(unsafe.Pointer) float64
	switch cls {
	case classInt:
		li := loadInt(t.Bits())
		load = func(p unsafe.Pointer) float64 { return float64(li(p)) }
	case classUint:
		lu := loadUint(t.Bits())
		load = func(p unsafe.Pointer) float64 { return float64(lu(p)) }
	default:
		load = loadFloat(t.Bits())
	}
	single := cls == classFloat && t.Bits() == 32
	return func(p unsafe.Pointer) bool {
		v := load(p)
		q := v / m.Value
		if math.IsInf(q, 0) || math.IsNaN(q) {
			return false
		}
		k := math.Round(q)
		return math.Abs(q-k) <= 1e-9*math.Max(1, math.Abs(q)) || single && float32(k*m.Value) == float32(v)
	}
}

// checkRange refuses a bound that no value of the field's type can meet:
// minimum:"1000" on an int8, maximum:"-1" on a uint, minimum:"1e39" on a
// float32.
func checkRange(t reflect.Type, cls valueClass, r *Rules) error {
	var lo, hi Number // the type's smallest and largest values
	switch cls {
	case classInt:
		m := int64(1)<<(t.Bits()-1) - 1
		lo = Number{Text: strconv.FormatInt(-m-1, 10), Value: float64(-m - 1), i: -m - 1, isInt: true}
		hi = Number{Text: strconv.FormatInt(m, 10), Value: float64(m), i: m, isInt: true, u: uint64(m), isUint: true}
	case classUint:
		m := uint64(math.MaxUint64) >> (64 - t.Bits())
		lo = Number{Text: "0", isInt: true, isUint: true}
		hi = Number{Text: strconv.FormatUint(m, 10), Value: float64(m), u: m, isUint: true}
	default:
		if t.Bits() != 32 {
			return nil // every finite bound is a float64
		}
		lo = Number{Text: "-3.4028235e+38", Value: -math.MaxFloat32}
		hi = Number{Text: "3.4028235e+38", Value: math.MaxFloat32}
	}
	cmp := func(b, limit *Number) int {
		switch {
		case b.isInt && limit.isInt:
			return cmp3(b.i < limit.i, b.i > limit.i)
		case b.isUint && limit.isUint:
			return cmp3(b.u < limit.u, b.u > limit.u)
		case cls == classFloat:
			v := float64(float32(b.Value)) // as the field would hold it
			return cmp3(v < limit.Value, v > limit.Value)
		}
		return cmp3(b.Value < limit.Value, b.Value > limit.Value)
	}
	switch {
	case r.Minimum != nil && cmp(r.Minimum, &hi) > 0:
		return fmt.Errorf("minimum %s is above the largest %s, %s", r.Minimum, t, hi.Text)
	case r.ExclusiveMinimum != nil && cmp(r.ExclusiveMinimum, &hi) >= 0:
		return fmt.Errorf("exclusiveMinimum %s is not below the largest %s, %s", r.ExclusiveMinimum, t, hi.Text)
	case r.Maximum != nil && cmp(r.Maximum, &lo) < 0:
		return fmt.Errorf("maximum %s is below the smallest %s, %s", r.Maximum, t, lo.Text)
	case r.ExclusiveMaximum != nil && cmp(r.ExclusiveMaximum, &lo) <= 0:
		return fmt.Errorf("exclusiveMaximum %s is not above the smallest %s, %s", r.ExclusiveMaximum, t, lo.Text)
	}
	return nil
}
