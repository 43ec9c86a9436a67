package bind

// This file compiles validation rules. A rule is a JSON Schema keyword
// written as a struct tag, one tag per keyword (`minimum:"1"`). compileRules
// reads a field's tags into a Rules value, which is exposed on Field for
// tools such as an OpenAPI generator, and, together with the field's type,
// into a fieldCheck: a list of plain functions over the field's memory with
// their messages already written. Checking a request never parses a tag or
// inspects a type. Every mistake in a tag — a number that does not parse,
// bounds that exclude every value, a rule on a type it cannot apply to — is
// an error at registration.

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"
)

// Rules are the validation keywords of one field, compiled from its tags.
// They keep JSON Schema's names and meaning. Nil pointers and zero values
// mean the keyword is absent.
//
// Rules other than Required apply only to values present in the request.
// On a pointer they apply to the value pointed to; on a slice, MinItems,
// MaxItems and UniqueItems apply to the slice and every other rule to each
// of its elements.
type Rules struct {
	// Required: a scalar must be present in the request; a pointer, slice,
	// map or interface must be present and non-nil.
	Required bool

	Minimum          *Number // value >= Minimum
	Maximum          *Number // value <= Maximum
	ExclusiveMinimum *Number // value > ExclusiveMinimum
	ExclusiveMaximum *Number // value < ExclusiveMaximum
	MultipleOf       *Number // value is an integer multiple of MultipleOf (> 0)

	MinLength *int           // at least this many runes
	MaxLength *int           // at most this many runes
	Pattern   *regexp.Regexp // Go regexp syntax, unanchored as in JSON Schema
	Format    string         // one of Formats

	// Enum lists the allowed values, converted to the field's type (its
	// element type for slices and pointers), in tag order.
	Enum []any

	MinItems    *int // a slice has at least this many elements
	MaxItems    *int // a slice has at most this many elements
	UniqueItems bool // no two elements of a slice are equal
}

// Number is the value of a numeric rule: the text written in the tag and
// its value. Bounds are compared exactly with integer fields when the text
// is an integer.
type Number struct {
	Text  string
	Value float64

	i      int64
	u      uint64
	isInt  bool // Text is an integer that fits an int64
	isUint bool // Text is an integer that fits a uint64
}

// String returns the text of the number as written in the tag.
func (n *Number) String() string { return n.Text }

// ruleKeys are the validation tag keys, in the order their checks run.
var ruleKeys = [...]string{
	"required", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
	"minLength", "maxLength", "pattern", "format", "enum", "minItems", "maxItems", "uniqueItems",
}

// hasRuleTags reports whether tag holds any validation keyword.
func hasRuleTags(tag reflect.StructTag) bool {
	for _, k := range ruleKeys {
		if _, ok := tag.Lookup(k); ok {
			return true
		}
	}
	return false
}

// valueClass is how rules see a value.
type valueClass uint8

const (
	classOther valueClass = iota
	classString
	classInt
	classUint
	classFloat
	classBool
)

func classOf(t reflect.Type) valueClass {
	switch t.Kind() {
	case reflect.String:
		return classString
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return classInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return classUint
	case reflect.Float32, reflect.Float64:
		return classFloat
	case reflect.Bool:
		return classBool
	}
	return classOther
}

// isTextType reports whether values of t are single scalars written as text
// (time.Time and encoding.TextUnmarshaler implementations such as net.IP).
func isTextType(t reflect.Type) bool {
	return t == timeType || reflect.PointerTo(t).Implements(textUnmarshalerType)
}

// nil kinds of fieldCheck.nilKind.
const (
	notNilable uint8 = iota
	nilPointer       // pointers and maps: the first word
	nilSlice
	nilIface
)

// fieldCheck validates one field.
type fieldCheck struct {
	idx      int     // presence index of the field in its struct (or in P)
	offset   uintptr // of the field in its struct
	name     string  // location name
	source   string  // location source ("query", "body", ...)
	required bool
	nilKind  uint8
	deref    bool // a pointer: the rules apply to the value it points to
	list     bool // a slice: value tests apply to each element
	elemDrf  bool // elements are pointers
	elemSize uintptr
	minItems int // -1 when absent
	maxItems int
	unique   func(data unsafe.Pointer, n int) int // index of a repeated element, or -1
	tests    []valueTest
	vt       reflect.Type // the type the value tests see
	rules    *Rules
}

// valueTest is one rule on one value with its client-facing message.
type valueTest struct {
	ok  func(p unsafe.Pointer) bool
	msg string
}

// compileRules reads the validation tags of a field of type t. It returns
// nil, nil when the field has none.
func compileRules(tag reflect.StructTag, t reflect.Type) (*Rules, *fieldCheck, error) {
	if !hasRuleTags(tag) {
		return nil, nil, nil
	}
	r := &Rules{}
	fc := &fieldCheck{rules: r, minItems: -1, maxItems: -1}
	vt := t
	switch t.Kind() {
	case reflect.Pointer, reflect.Map:
		fc.nilKind = nilPointer
	case reflect.Slice:
		fc.nilKind = nilSlice
	case reflect.Interface:
		fc.nilKind = nilIface
	}
	if vt.Kind() == reflect.Pointer {
		fc.deref, vt = true, vt.Elem()
	}
	if vt.Kind() == reflect.Slice && !isTextType(vt) {
		fc.list, vt = true, vt.Elem()
		fc.elemSize = vt.Size()
		if vt.Kind() == reflect.Pointer {
			fc.elemDrf, vt = true, vt.Elem()
		}
	}
	fc.vt = vt
	cls := classOf(vt)
	if isTextType(vt) && cls != classString {
		cls = classOther
	}
	var err error
	if r.Required, err = boolTag(tag, "required"); err != nil {
		return nil, nil, err
	}
	fc.required = r.Required
	if err := compileNumeric(tag, r, fc, vt, cls); err != nil {
		return nil, nil, err
	}
	if err := compileText(tag, r, fc, vt, cls); err != nil {
		return nil, nil, err
	}
	if err := compileEnum(tag, r, fc, vt, cls); err != nil {
		return nil, nil, err
	}
	if err := compileItems(tag, r, fc, t); err != nil {
		return nil, nil, err
	}
	return r, fc, nil
}

func boolTag(tag reflect.StructTag, key string) (bool, error) {
	v, ok := tag.Lookup(key)
	if !ok {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("%s:%q must be true or false", key, v)
	}
	return b, nil
}

func countTag(tag reflect.StructTag, key string) (*int, error) {
	v, ok := tag.Lookup(key)
	if !ok {
		return nil, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("%s:%q must be a non-negative integer", key, v)
	}
	return &n, nil
}

func firstKey(tag reflect.StructTag, keys []string) string {
	for _, k := range keys {
		if _, ok := tag.Lookup(k); ok {
			return k
		}
	}
	return keys[0]
}

// compileText compiles minLength, maxLength, pattern and format.
func compileText(tag reflect.StructTag, r *Rules, fc *fieldCheck, vt reflect.Type, cls valueClass) error {
	var err error
	if r.MinLength, err = countTag(tag, "minLength"); err != nil {
		return err
	}
	if r.MaxLength, err = countTag(tag, "maxLength"); err != nil {
		return err
	}
	pat, hasPat := tag.Lookup("pattern")
	format, hasFormat := tag.Lookup("format")
	if r.MinLength == nil && r.MaxLength == nil && !hasPat && !hasFormat {
		return nil
	}
	if hasFormat {
		f, ok := formats[format]
		if !ok {
			return fmt.Errorf("format %q is unknown (use one of %s)", format, strings.Join(Formats(), ", "))
		}
		r.Format = format
		switch {
		case cls == classString:
			fc.tests = append(fc.tests, valueTest{func(p unsafe.Pointer) bool { return f.valid(*(*string)(p)) }, f.msg})
		case format == "date-time" && vt == timeType, format == "uuid" && isUUIDType(vt):
			// The type already guarantees the format; the rule documents it.
		default:
			return fmt.Errorf("format %q applies to strings, not to %s", format, vt)
		}
	}
	if (r.MinLength != nil || r.MaxLength != nil || hasPat) && cls != classString {
		return fmt.Errorf("%s applies to strings, not to %s", firstKey(tag, []string{"minLength", "maxLength", "pattern"}), vt)
	}
	if r.MinLength != nil && r.MaxLength != nil && *r.MinLength > *r.MaxLength {
		return fmt.Errorf("minLength %d is above maxLength %d", *r.MinLength, *r.MaxLength)
	}
	if n := r.MinLength; n != nil {
		min := *n
		fc.tests = append(fc.tests, valueTest{func(p unsafe.Pointer) bool { return runesAtLeast(*(*string)(p), min) }, plural("must be at least %d character", min) + " long"})
	}
	if n := r.MaxLength; n != nil {
		max := *n
		fc.tests = append(fc.tests, valueTest{func(p unsafe.Pointer) bool { return runesAtMost(*(*string)(p), max) }, plural("must be at most %d character", max) + " long"})
	}
	if hasPat {
		re, err := regexp.Compile(pat)
		if err != nil {
			return fmt.Errorf("pattern %q does not compile: %v", pat, err)
		}
		r.Pattern = re
		fc.tests = append(fc.tests, valueTest{func(p unsafe.Pointer) bool { return re.MatchString(*(*string)(p)) }, "must match the pattern " + pat})
	}
	return nil
}

// runesAtLeast reports whether s has at least n runes, without counting
// past n.
func runesAtLeast(s string, n int) bool {
	if len(s) < n {
		return false
	}
	if len(s)/utf8.UTFMax >= n {
		return true
	}
	return utf8.RuneCountInString(s) >= n
}

// runesAtMost reports whether s has at most n runes.
func runesAtMost(s string, n int) bool {
	return len(s) <= n || !runesAtLeast(s, n+1) // n < len(s): n+1 does not overflow
}

func plural(format string, n int) string {
	s := fmt.Sprintf(format, n)
	if n != 1 {
		s += "s"
	}
	return s
}

func isUUIDType(t reflect.Type) bool {
	return t.Kind() == reflect.Array && t.Len() == 16 && t.Elem().Kind() == reflect.Uint8
}

// compileEnum compiles enum: its values convert to the value type now.
func compileEnum(tag reflect.StructTag, r *Rules, fc *fieldCheck, vt reflect.Type, cls valueClass) error {
	text, ok := tag.Lookup("enum")
	if !ok {
		return nil
	}
	if cls == classOther && !(isTextType(vt) && vt.Comparable()) {
		return fmt.Errorf("enum applies to strings, numbers, booleans and comparable text types, not to %s", vt)
	}
	dec, err := scalarDecoder(vt)
	if err != nil {
		return fmt.Errorf("enum: %v", err)
	}
	var words []string
	for _, w := range strings.Split(text, ",") {
		w = strings.TrimSpace(w)
		v := reflect.New(vt)
		if err := dec(v.UnsafePointer(), w); err != nil {
			return fmt.Errorf("enum value %q does not convert to %s: %v", w, vt, err)
		}
		r.Enum = append(r.Enum, v.Elem().Interface())
		words = append(words, w)
	}
	msg := "must be one of: " + strings.Join(words, ", ")
	fc.tests = append(fc.tests, valueTest{enumTest(vt, cls, r.Enum), msg})
	return nil
}

func enumTest(vt reflect.Type, cls valueClass, enum []any) func(unsafe.Pointer) bool {
	vals := make([]reflect.Value, len(enum))
	for i, e := range enum {
		vals[i] = reflect.ValueOf(e)
	}
	switch cls {
	case classString:
		set := make(map[string]bool, len(vals))
		for _, v := range vals {
			set[v.String()] = true
		}
		return func(p unsafe.Pointer) bool { return set[*(*string)(p)] }
	case classInt:
		load, set := loadInt(vt.Bits()), make(map[int64]bool, len(vals))
		for _, v := range vals {
			set[v.Int()] = true
		}
		return func(p unsafe.Pointer) bool { return set[load(p)] }
	case classUint:
		load, set := loadUint(vt.Bits()), make(map[uint64]bool, len(vals))
		for _, v := range vals {
			set[v.Uint()] = true
		}
		return func(p unsafe.Pointer) bool { return set[load(p)] }
	case classFloat:
		load, set := loadFloat(vt.Bits()), make(map[float64]bool, len(vals))
		for _, v := range vals {
			set[v.Float()] = true
		}
		return func(p unsafe.Pointer) bool { return set[load(p)] }
	case classBool:
		var set [2]bool
		for _, v := range vals {
			if v.Bool() {
				set[1] = true
			} else {
				set[0] = true
			}
		}
		return func(p unsafe.Pointer) bool {
			if *(*bool)(p) {
				return set[1]
			}
			return set[0]
		}
	}
	key := comparableKey(vt)
	keys := make(map[any]bool, len(vals))
	for _, v := range vals {
		pv := reflect.New(vt)
		pv.Elem().Set(v)
		keys[key(pv.UnsafePointer())] = true
	}
	return func(p unsafe.Pointer) bool { return keys[key(p)] }
}

// comparableKey returns a function giving, for the value of type t at p,
// a key that is == for equal values. A time.Time's key is its instant and
// offset: == on time.Time also compares *Location pointers, which
// time.Parse allocates anew for offsets such as +05:30.
func comparableKey(t reflect.Type) func(p unsafe.Pointer) any {
	if t == timeType {
		return func(p unsafe.Pointer) any {
			tm := (*time.Time)(p)
			_, off := tm.Zone()
			return timeKey{sec: tm.Unix(), nsec: tm.Nanosecond(), off: off}
		}
	}
	return func(p unsafe.Pointer) any { return reflect.NewAt(t, p).Elem().Interface() }
}

type timeKey struct {
	sec       int64
	nsec, off int
}

// compileItems compiles minItems, maxItems and uniqueItems.
func compileItems(tag reflect.StructTag, r *Rules, fc *fieldCheck, t reflect.Type) error {
	var err error
	if r.MinItems, err = countTag(tag, "minItems"); err != nil {
		return err
	}
	if r.MaxItems, err = countTag(tag, "maxItems"); err != nil {
		return err
	}
	if r.UniqueItems, err = boolTag(tag, "uniqueItems"); err != nil {
		return err
	}
	_, hasUnique := tag.Lookup("uniqueItems")
	if r.MinItems == nil && r.MaxItems == nil && !hasUnique {
		return nil
	}
	if !fc.list {
		return fmt.Errorf("%s applies to slices, not to %s", firstKey(tag, []string{"minItems", "maxItems", "uniqueItems"}), t)
	}
	if r.MinItems != nil && r.MaxItems != nil && *r.MinItems > *r.MaxItems {
		return fmt.Errorf("minItems %d is above maxItems %d", *r.MinItems, *r.MaxItems)
	}
	if r.MinItems != nil {
		fc.minItems = *r.MinItems
	}
	if r.MaxItems != nil {
		fc.maxItems = *r.MaxItems
	}
	if r.UniqueItems {
		elem := t
		if elem.Kind() == reflect.Pointer {
			elem = elem.Elem()
		}
		elem = elem.Elem()
		pointee := elem
		if pointee.Kind() == reflect.Pointer {
			pointee = pointee.Elem()
		}
		if !hashable(pointee) {
			return fmt.Errorf("uniqueItems needs comparable elements without interfaces, and %s is not", elem)
		}
		fc.unique = uniqueFunc(elem)
	}
	return nil
}

// uniqueFunc returns a function finding the first element of a slice of t
// equal to an earlier one. Pointer elements compare by what they point to.
func uniqueFunc(t reflect.Type) func(data unsafe.Pointer, n int) int {
	size := t.Size()
	key := comparableKey(t)
	if t.Kind() == reflect.Pointer {
		elemKey := comparableKey(t.Elem())
		key = func(p unsafe.Pointer) any {
			q := *(*unsafe.Pointer)(p)
			if q == nil {
				return nil
			}
			return elemKey(q)
		}
	}
	if classOf(t) == classString {
		return func(data unsafe.Pointer, n int) int {
			seen := make(map[string]struct{}, n)
			for i := 0; i < n; i++ {
				s := *(*string)(unsafe.Add(data, uintptr(i)*size))
				if _, dup := seen[s]; dup {
					return i
				}
				seen[s] = struct{}{}
			}
			return -1
		}
	}
	return func(data unsafe.Pointer, n int) int {
		seen := make(map[any]struct{}, n)
		for i := 0; i < n; i++ {
			k := key(unsafe.Add(data, uintptr(i)*size))
			if _, dup := seen[k]; dup {
				return i
			}
			seen[k] = struct{}{}
		}
		return -1
	}
}

// hashable reports whether values of t can be map keys whatever they hold:
// comparable, with no interface inside that could hold an unhashable value.
func hashable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer:
		return true
	case reflect.Interface, reflect.Slice, reflect.Map, reflect.Func:
		return false
	case reflect.Array:
		return hashable(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if !hashable(t.Field(i).Type) {
				return false
			}
		}
	}
	return t.Comparable()
}
