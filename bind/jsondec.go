package bind

// This file holds the value decoders the JSON compiler chooses from, one
// per kind of destination, and the lexer they share. Every decoder starts
// at the first byte of a value and stops right after it; a value of the
// wrong JSON type is reported at the current location and skipped, so
// decoding always goes on to the end of the body. The lexer reads input
// that json.Valid accepted, yet never reads out of bounds or loops on input
// that breaks that promise.

import (
	"encoding/json"
	stderrors "errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// mismatch reports a value of the wrong JSON type and skips it.
func (st *decodeState) mismatch(msg string) {
	start := st.pos
	st.skip()
	v := st.data[start:st.pos]
	if len(v) > 256 {
		v = v[:256]
	}
	st.fail("body", msg, string(v), nil)
}

func (st *decodeState) pushKeyMember(name string) {
	st.path = append(st.path, pathElem{name: name})
}

func decodeString(st *decodeState, p unsafe.Pointer) {
	if st.peek() != '"' {
		st.mismatch("must be a string")
		return
	}
	s, esc := st.scanString()
	*(*string)(p) = unquote(s, esc)
}

func decodeBool(st *decodeState, p unsafe.Pointer) {
	switch st.peek() {
	case 't':
		st.pos += 4
		*(*bool)(p) = true
	case 'f':
		st.pos += 5
		*(*bool)(p) = false
	default:
		st.mismatch("must be true or false")
	}
}

// numberDecoder reads a JSON number with the text decoder conv.
func numberDecoder(conv decodeFunc, msg string) func(*decodeState, unsafe.Pointer) {
	return func(st *decodeState, p unsafe.Pointer) {
		if c := st.peek(); c != '-' && (c < '0' || c > '9') {
			st.mismatch(msg)
			return
		}
		num := st.scanAtom()
		// conv does not keep its argument, so it may alias the body.
		if err := conv(p, unsafe.String(unsafe.SliceData(num), len(num))); err != nil {
			st.fail("body", err.Error(), string(num), err)
		}
	}
}

// textDecoder reads a JSON string with the text decoder conv.
func textDecoder(conv decodeFunc) func(*decodeState, unsafe.Pointer) {
	return func(st *decodeState, p unsafe.Pointer) {
		if st.peek() != '"' {
			st.mismatch("must be a string")
			return
		}
		s, esc := st.scanString()
		text := unquote(s, esc)
		if err := conv(p, text); err != nil {
			st.fail("body", err.Error(), text, err)
		}
	}
}

// fallbackDecoder hands the value's bytes to encoding/json.
func fallbackDecoder(t reflect.Type) func(*decodeState, unsafe.Pointer) {
	return func(st *decodeState, p unsafe.Pointer) {
		start := st.pos
		st.skip()
		raw := st.data[start:st.pos]
		if err := json.Unmarshal(raw, reflect.NewAt(t, p).Interface()); err != nil {
			msg := "invalid value: " + strings.TrimPrefix(err.Error(), "json: ")
			var te *json.UnmarshalTypeError
			if stderrors.As(err, &te) || t.Kind() == reflect.Slice {
				msg = "must be " + jsonKind(t)
			}
			st.fail("body", msg, string(raw[:min(len(raw), 256)]), err)
		}
	}
}

// jsonKind names what a value of t looks like in JSON, for messages.
func jsonKind(t reflect.Type) string {
	switch {
	case t == jsonNumberType:
		return "a number"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8:
		return "a base64 string"
	}
	return "a valid " + t.String()
}

func pointerDecoder(elem *jsonType) func(*decodeState, unsafe.Pointer) {
	return func(st *decodeState, p unsafe.Pointer) {
		v := reflect.New(elem.typ).UnsafePointer()
		elem.dec(st, v)
		*(*unsafe.Pointer)(p) = v
	}
}

func sliceDecoder(t reflect.Type, elem *jsonType) func(*decodeState, unsafe.Pointer) {
	size := elem.typ.Size()
	return func(st *decodeState, p unsafe.Pointer) {
		if st.peek() != '[' {
			st.mismatch("must be an array")
			return
		}
		st.pos++
		st.ws()
		sv := reflect.NewAt(t, p).Elem()
		sv.SetZero()
		if st.peek() == ']' {
			st.pos++
			sv.Set(reflect.MakeSlice(t, 0, 0)) // [] is empty, not nil
			return
		}
		for n := 0; ; n++ {
			sv.Grow(1)
			sv.SetLen(n + 1)
			st.pushIndex(n)
			st.decode(elem, unsafe.Add(sv.UnsafePointer(), uintptr(n)*size))
			st.pop()
			st.ws()
			if st.peek() != ',' {
				break
			}
			st.pos++
			st.ws()
		}
		st.pos++ // ]
	}
}

func arrayDecoder(t reflect.Type, elem *jsonType) func(*decodeState, unsafe.Pointer) {
	size, n := elem.typ.Size(), t.Len()
	return func(st *decodeState, p unsafe.Pointer) {
		if st.peek() != '[' {
			st.mismatch("must be an array")
			return
		}
		// Elements the array does not give are zero, as in encoding/json,
		// and a repeated member replaces the whole array.
		reflect.NewAt(t, p).Elem().SetZero()
		st.pos++
		st.ws()
		if st.peek() == ']' {
			st.pos++
			return
		}
		for i := 0; ; i++ {
			if i < n {
				st.pushIndex(i)
				st.decode(elem, unsafe.Add(p, uintptr(i)*size))
				st.pop()
			} else {
				st.skip() // encoding/json ignores extra elements too
			}
			st.ws()
			if st.peek() != ',' {
				break
			}
			st.pos++
			st.ws()
		}
		st.pos++ // ]
	}
}

// mapDecoder decodes objects into maps with string, integer or text keys.
func (jc *jsonCompiler) mapDecoder(t reflect.Type) (func(*decodeState, unsafe.Pointer), error) {
	kt := t.Key()
	var keyConv decodeFunc
	switch {
	case reflect.PointerTo(kt).Implements(textUnmarshalerType):
		keyConv = mustScalar(kt)
	case kt.Kind() == reflect.String:
		keyConv = func(dst unsafe.Pointer, s string) error { *(*string)(dst) = s; return nil }
	case classOf(kt) == classInt || classOf(kt) == classUint:
		keyConv = mustScalar(kt)
	default:
		return nil, fmt.Errorf("JSON objects cannot be decoded into maps with %s keys", kt)
	}
	elem, err := jc.compile(t.Elem())
	if err != nil {
		return nil, err
	}
	return func(st *decodeState, p unsafe.Pointer) {
		if st.peek() != '{' {
			st.mismatch("must be an object")
			return
		}
		mv := reflect.NewAt(t, p).Elem()
		if mv.IsNil() {
			mv.Set(reflect.MakeMap(t))
		}
		st.pos++
		st.ws()
		for st.peek() == '"' {
			ks, esc := st.scanString()
			key := unquote(ks, esc)
			st.ws()
			st.pos++ // :
			st.ws()
			st.pushKey(key)
			kv := reflect.New(kt)
			if err := keyConv(kv.UnsafePointer(), key); err != nil {
				st.fail("body", "has an invalid key: "+err.Error(), key, err)
				st.skip()
			} else {
				ev := reflect.New(elem.typ)
				st.decode(elem, ev.UnsafePointer())
				mv.SetMapIndex(kv.Elem(), ev.Elem())
			}
			st.pop()
			st.ws()
			if st.peek() != ',' {
				break
			}
			st.pos++
			st.ws()
		}
		st.pos++ // }
	}, nil
}

// The lexer.

func (st *decodeState) peek() byte {
	if st.pos < len(st.data) {
		return st.data[st.pos]
	}
	return 0
}

func (st *decodeState) ws() {
	for st.pos < len(st.data) {
		switch st.data[st.pos] {
		case ' ', '\t', '\n', '\r':
			st.pos++
		default:
			return
		}
	}
}

// scanString reads the string at st.pos: its raw content and whether it
// holds escapes.
func (st *decodeState) scanString() (s []byte, esc bool) {
	start := st.pos + 1
	for i := start; i < len(st.data); i++ {
		switch st.data[i] {
		case '\\':
			esc = true
			i++
		case '"':
			st.pos = i + 1
			return st.data[start:i], esc
		}
	}
	st.pos = len(st.data)
	if start > len(st.data) {
		return nil, false
	}
	return st.data[start:], esc
}

// scanAtom reads a number or literal.
func (st *decodeState) scanAtom() []byte {
	start := st.pos
	for st.pos < len(st.data) {
		switch st.data[st.pos] {
		case ',', '}', ']', ':', ' ', '\t', '\n', '\r', '"', '{', '[':
			if st.pos == start {
				st.pos++
			}
			return st.data[start:st.pos]
		}
		st.pos++
	}
	return st.data[start:st.pos]
}

// skip passes over one value.
func (st *decodeState) skip() {
	depth := 0
	for st.pos < len(st.data) {
		switch c := st.data[st.pos]; c {
		case '"':
			st.scanString()
		case '{', '[':
			depth++
			st.pos++
			continue
		case '}', ']':
			depth--
			st.pos++
		case ',', ':', ' ', '\t', '\n', '\r':
			if depth > 0 {
				st.pos++
				continue
			}
			return
		default:
			st.scanAtom()
		}
		if depth <= 0 {
			return
		}
	}
}

// unquote decodes the content of a JSON string as encoding/json does:
// escapes are resolved, and invalid UTF-8 and lone surrogates become
// U+FFFD.
func unquote(s []byte, esc bool) string {
	if !esc && utf8.Valid(s) {
		return string(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i += 2
			switch s[i-1] {
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, ok := hex4(s, i)
				if !ok {
					b.WriteRune(utf8.RuneError)
					continue
				}
				i += 4
				if utf16.IsSurrogate(r) {
					r2, ok := rune(0), false
					if i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
						r2, ok = hex4(s, i+2)
					}
					if dec := utf16.DecodeRune(r, r2); ok && dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				b.WriteRune(r)
			default: // " \ /
				b.WriteByte(s[i-1])
			}
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			i++
		default:
			r, size := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && size == 1 {
				b.WriteRune(utf8.RuneError)
			} else {
				b.Write(s[i : i+size])
			}
			i += size
		}
	}
	return b.String()
}

func hex4(s []byte, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(s[i:i+4]), 16, 32)
	return rune(v), err == nil
}
