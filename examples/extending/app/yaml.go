package app

// This file is a custom response type: YAML, as the Extending guide of
// itty3 does with a YAMLResponse subclass. In itty any type with a
// WriteResponse method is a response, so YAML is a plain struct. It writes
// a small, safe subset of YAML itself (no dependency): mappings with
// string keys in sorted order, sequences, strings (plain when that cannot
// be misread, double-quoted otherwise), booleans, numbers and null.

import (
	"bytes"
	"fmt"
	"math"
	"net/http"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// YAML is a response whose body is Value written as YAML, with the
// Content-Type application/yaml. Status 0 means 200.
type YAML struct {
	Value  any
	Status int
}

// WriteResponse encodes the value and writes it. A value YAML cannot
// encode (a struct, a map with non-string keys, a channel...) is returned
// as an error before anything is written, so the app answers 500.
func (y YAML) WriteResponse(w http.ResponseWriter, r *http.Request) error {
	var b bytes.Buffer
	if err := encodeYAML(&b, reflect.ValueOf(y.Value), 0); err != nil {
		return err
	}
	status := y.Status
	if status == 0 {
		status = http.StatusOK
	}
	w.Header().Set("Content-Type", "application/yaml")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	if r.Method == http.MethodHead {
		return nil
	}
	_, err := w.Write(b.Bytes())
	return err
}

// encodeYAML writes v at the given indentation, ending with a newline.
func encodeYAML(b *bytes.Buffer, v reflect.Value, indent int) error {
	for v.IsValid() && (v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer) && !v.IsNil() {
		v = v.Elem()
	}
	pad := strings.Repeat("  ", indent)
	switch {
	case !v.IsValid() || (v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer) && v.IsNil():
		b.WriteString("null\n")
	case v.Kind() == reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return fmt.Errorf("extending: yaml: map keys must be strings, not %s", v.Type().Key())
		}
		if v.Len() == 0 {
			b.WriteString("{}\n")
			return nil
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for i, k := range keys {
			if i > 0 {
				b.WriteString(pad)
			}
			b.WriteString(yamlString(k.String()))
			if err := writeChild(b, v.MapIndex(k), indent, ":"); err != nil {
				return err
			}
		}
	case v.Kind() == reflect.Slice || v.Kind() == reflect.Array:
		if v.Len() == 0 {
			b.WriteString("[]\n")
			return nil
		}
		for i := range v.Len() {
			if i > 0 {
				b.WriteString(pad)
			}
			b.WriteString("-")
			if err := writeChild(b, v.Index(i), indent, ""); err != nil {
				return err
			}
		}
	default:
		s, err := yamlScalar(v)
		if err != nil {
			return err
		}
		b.WriteString(s + "\n")
	}
	return nil
}

// writeChild writes the value of a mapping entry or sequence item after
// its key (sep ":") or dash: a scalar or empty collection on the same line,
// a collection on the following lines, one level deeper.
func writeChild(b *bytes.Buffer, v reflect.Value, indent int, sep string) error {
	for v.IsValid() && (v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer) && !v.IsNil() {
		v = v.Elem()
	}
	if v.IsValid() && (v.Kind() == reflect.Map || v.Kind() == reflect.Slice || v.Kind() == reflect.Array) && v.Len() > 0 {
		b.WriteString(sep + "\n" + strings.Repeat("  ", indent+1))
		return encodeYAML(b, v, indent+1)
	}
	b.WriteString(sep + " ")
	return encodeYAML(b, v, indent+1)
}

// yamlScalar formats a scalar.
func yamlScalar(v reflect.Value) (string, error) {
	switch v.Kind() {
	case reflect.String:
		return yamlString(v.String()), nil
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		switch {
		case math.IsNaN(f):
			return ".nan", nil
		case math.IsInf(f, 1):
			return ".inf", nil
		case math.IsInf(f, -1):
			return "-.inf", nil
		}
		return strconv.FormatFloat(f, 'g', -1, v.Type().Bits()), nil
	}
	return "", fmt.Errorf("extending: yaml: cannot encode a value of type %s", v.Type())
}

// yamlString writes s plain when it is made of letters, digits, spaces and
// "_.-/" only, starts with a letter and is not a word YAML reads as a
// boolean or null; otherwise double-quoted, with Go's escapes, which YAML's
// double-quoted style shares.
func yamlString(s string) string {
	plain := s != "" && s[len(s)-1] != ' '
	for i := 0; plain && i < len(s); i++ {
		c := s[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		plain = letter || i > 0 && ('0' <= c && c <= '9' || strings.IndexByte(" _.-/", c) >= 0)
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf":
		plain = false
	}
	if plain {
		return s
	}
	return strconv.Quote(s)
}
