package openapi

// This file writes the rules bind compiled as JSON Schema keywords, and
// reads the text of default and example tags as the JSON values they
// stand for. Rules keep their JSON Schema names and meaning in bind, so
// the mapping is one to one; what needs care is where each keyword goes
// (a rule on a slice field applies to its elements, so it goes under
// items) and numbers, which are written with the text of the tag rather
// than through a float64, so 9223372036854775807 stays exact.

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/swaggest/jsonschema-go"

	"github.com/ittygo/itty/bind"
)

// applyRules adds the keywords of r to the schema s of a field of type t.
func applyRules(s *jsonschema.Schema, r *bind.Rules, t reflect.Type) error {
	if r == nil {
		return nil
	}
	vt := t
	if vt.Kind() == reflect.Pointer {
		vt = vt.Elem()
	}
	target := s
	if isList(vt) {
		if r.MinItems != nil {
			s.MinItems = int64(*r.MinItems)
		}
		if r.MaxItems != nil {
			s.WithMaxItems(int64(*r.MaxItems))
		}
		if r.UniqueItems {
			s.WithUniqueItems(true)
		}
		if hasValueRules(r) {
			if s.Items == nil || s.Items.SchemaOrBool == nil || s.Items.SchemaOrBool.TypeObject == nil {
				return fmt.Errorf("the element rules of %s have no items schema to go in", t)
			}
			item := *s.Items.SchemaOrBool.TypeObject
			target = &item
			defer func() { s.Items = (&jsonschema.Items{}).WithSchemaOrBool(item.ToSchemaOrBool()) }()
		}
	}
	setNumber(target, "minimum", r.Minimum)
	setNumber(target, "maximum", r.Maximum)
	setNumber(target, "exclusiveMinimum", r.ExclusiveMinimum)
	setNumber(target, "exclusiveMaximum", r.ExclusiveMaximum)
	setNumber(target, "multipleOf", r.MultipleOf)
	if r.MinLength != nil {
		target.MinLength = int64(*r.MinLength)
	}
	if r.MaxLength != nil {
		target.WithMaxLength(int64(*r.MaxLength))
	}
	if r.Pattern != nil {
		target.WithPattern(r.Pattern.String())
	}
	if r.Format != "" {
		target.WithFormat(r.Format)
	}
	if r.Enum != nil {
		vals := make([]any, len(r.Enum))
		for i, e := range r.Enum {
			vals[i] = jsonValue(e)
		}
		target.Enum = vals
	}
	return nil
}

// isList reports whether rules on a field of type t apply to its elements,
// as bind decides: slices other than text types.
func isList(t reflect.Type) bool {
	return t.Kind() == reflect.Slice && t != timeType && !reflect.PointerTo(t).Implements(textUnmarshalerType)
}

// hasValueRules reports whether r holds rules on values (not on items).
func hasValueRules(r *bind.Rules) bool {
	return r.Minimum != nil || r.Maximum != nil || r.ExclusiveMinimum != nil || r.ExclusiveMaximum != nil ||
		r.MultipleOf != nil || r.MinLength != nil || r.MaxLength != nil || r.Pattern != nil || r.Format != "" || r.Enum != nil
}

// setNumber sets a numeric keyword from a rule's number, keeping its text.
func setNumber(s *jsonschema.Schema, key string, n *bind.Number) {
	if n == nil {
		return
	}
	clearKeyword(s, key)
	if s.ExtraProperties == nil {
		s.ExtraProperties = map[string]any{}
	}
	s.ExtraProperties[key] = numberText(n.Text, n.Value)
}

// jsonNumber matches the JSON number grammar.
var jsonNumber = regexp.MustCompile(`^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$`)

// numberText returns text as a JSON number when it is one, else value
// written out (a tag may say "+1" or "007", which strconv accepts).
func numberText(text string, value float64) json.Number {
	if jsonNumber.MatchString(text) {
		return json.Number(text)
	}
	return json.Number(strconv.FormatFloat(value, 'g', -1, 64))
}

// keepUintMinimum restores the minimum of 0 of an unsigned field that a
// rule replaced with a lower bound, or removed.
func keepUintMinimum(s *jsonschema.Schema, t reflect.Type) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
	default:
		return
	}
	if s.Ref != nil || s.Type == nil || !s.HasType(jsonschema.Integer) {
		return
	}
	if n, ok := s.ExtraProperties["minimum"].(json.Number); ok {
		if f, err := n.Float64(); err == nil && f >= 0 {
			return
		}
	} else if s.Minimum != nil && *s.Minimum >= 0 {
		return
	}
	setNumber(s, "minimum", &bind.Number{Text: "0"})
}

// jsonValue returns the JSON form of a value bind converted from a tag.
func jsonValue(v any) any {
	switch x := v.(type) {
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case encoding.TextMarshaler:
		if b, err := x.MarshalText(); err == nil {
			return string(b)
		}
	case float32:
		return numberText(strconv.FormatFloat(float64(x), 'g', -1, 32), float64(x))
	case float64:
		return numberText(strconv.FormatFloat(x, 'g', -1, 64), x)
	}
	return v
}

// tagValue converts the text of a default or example tag to the JSON
// value it stands for in a field of type t: a number for numeric fields, a
// boolean for bool, a one-element array for slices (a default fills a
// slice with one value), and a string for text. With loose, the example of
// a type that is not text (a struct, a map) is read as JSON, or failing
// that kept as a string; text that does not convert is an error either
// way.
func tagValue(text string, t reflect.Type, loose bool) (any, error) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if isList(t) && t.Elem().Kind() != reflect.Uint8 {
		v, err := scalarValue(text, t.Elem())
		if err == nil {
			return []any{v}, nil
		}
		if !loose || err != errNotText {
			return nil, err
		}
		return looseValue(text), nil
	}
	v, err := scalarValue(text, t)
	if err != nil {
		if !loose || err != errNotText {
			return nil, err
		}
		return looseValue(text), nil
	}
	return v, nil
}

// errNotText reports a type whose values are not written as one text.
var errNotText = errors.New("the type's values are not text: write the example as JSON")

// looseValue reads text as JSON, or keeps it as a string.
func looseValue(text string) any {
	var v any
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	if dec.Decode(&v) == nil && !dec.More() {
		if _, isStr := v.(string); !isStr {
			return v
		}
	}
	return text
}

// scalarValue converts text for a scalar of type t.
func scalarValue(text string, t reflect.Type) (any, error) {
	if t == timeType {
		if _, err := time.Parse(time.RFC3339, text); err != nil {
			return nil, fmt.Errorf("not an RFC 3339 date-time")
		}
		return text, nil
	}
	if reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return text, nil
	}
	switch t.Kind() {
	case reflect.String:
		return text, nil
	case reflect.Bool:
		b, err := strconv.ParseBool(text)
		if err != nil {
			return nil, fmt.Errorf("not a boolean")
		}
		return b, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, err := strconv.ParseInt(text, 10, t.Bits())
		if err != nil {
			return nil, fmt.Errorf("not an integer that fits %s", t)
		}
		return i, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		u, err := strconv.ParseUint(text, 10, t.Bits())
		if err != nil {
			return nil, fmt.Errorf("not an integer that fits %s", t)
		}
		return u, nil
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(text, t.Bits())
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, fmt.Errorf("not a finite number")
		}
		return numberText(text, f), nil
	}
	return nil, errNotText
}
