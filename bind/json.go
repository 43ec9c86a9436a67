package bind

// This file decodes JSON bodies with a decoder compiled per type at
// registration. A body is first checked whole with json.Valid (which also
// bounds nesting depth); the decoder then walks it once, member by member,
// trusting its syntax, and writes each value through a function chosen for
// the destination type. That is what makes three guarantees cheap:
//
//   - only json-tagged fields are ever written, in P and in every struct
//     inside a body (no mass assignment), and member names match exactly;
//   - the decoder knows which members were present, for required and
//     default, and reports a wrong type at its exact location
//     ("body.items[0].count"), going on to report every other problem;
//   - structs are validated as they are decoded: their rules, then their
//     Validate method.
//
// Types the decoder does not take apart — json.Unmarshaler implementations,
// interfaces, []byte (base64), json.Number — are handed to encoding/json
// with just their own bytes.

import (
	"bytes"
	"encoding/json"
	stderrors "errors"
	"fmt"
	"reflect"
	"strings"
	"unsafe"

	"github.com/ittygo/itty/errors"
)

var (
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	jsonNumberType      = reflect.TypeFor[json.Number]()
)

// jsonType decodes one JSON value, never null, into a value of typ.
type jsonType struct {
	typ reflect.Type
	dec func(st *decodeState, p unsafe.Pointer)
}

// jsonObject decodes a JSON object into tagged struct fields.
type jsonObject struct {
	typ      reflect.Type // nil for P's own json fields
	members  []jsonMember
	index    map[string]int // built when there are many members
	checks   []fieldCheck
	defs     []bodyDefault
	validate bool
}

type jsonMember struct {
	name   string
	offset uintptr
	dec    *jsonType
	field  int // presence index: in P for P's fields, else the member's own
}

// jsonCompiler compiles decoders, sharing them between types of one plan.
type jsonCompiler struct {
	cache map[reflect.Type]*jsonType
}

func newJSONCompiler() *jsonCompiler {
	return &jsonCompiler{cache: map[reflect.Type]*jsonType{}}
}

// addJSON adds a json:"name" field of P.
func (bp *bodyPlan) addJSON(f *Field, i int) error {
	if bp.decoded != nil {
		return fmt.Errorf("json fields cannot be combined with a body field that decodes JSON: declare the members in the body's type")
	}
	jt, err := bp.jc.member(f.Type, f.Tag.Get("json"))
	if err != nil {
		return err
	}
	if bp.json == nil {
		bp.json = &jsonObject{}
	}
	bp.json.add(jsonMember{name: f.Name, offset: f.offset, dec: jt, field: i})
	if f.HasDefault {
		return bp.addDefault(f, i)
	}
	return nil
}

func (o *jsonObject) add(m jsonMember) {
	o.members = append(o.members, m)
	if len(o.members) > 8 {
		o.index = make(map[string]int, len(o.members))
		for i, m := range o.members {
			o.index[m.name] = i
		}
	}
}

// member compiles the decoder of a field with the given json tag, whose
// ",string" option reads a number or boolean from a JSON string: the
// string holds a JSON number or true or false, as encoding/json writes it,
// and nothing else the field's text decoder would take ("+1", "NaN", "on").
func (jc *jsonCompiler) member(t reflect.Type, tag string) (*jsonType, error) {
	if _, opts, _ := strings.Cut(tag, ","); !hasOption(opts, "string") {
		return jc.compile(t)
	}
	var literal func(string) bool
	var msg string
	switch classOf(t) {
	case classInt:
		literal, msg = isJSONNumber, "must be an integer"
	case classUint:
		literal, msg = isJSONNumber, "must be a non-negative integer"
	case classFloat:
		literal, msg = isJSONNumber, "must be a number"
	case classBool:
		literal, msg = func(s string) bool { return s == "true" || s == "false" }, "must be true or false"
	default:
		return nil, fmt.Errorf("the ,string option applies to numbers and booleans, not to %s", t)
	}
	conv, err := scalarDecoder(t)
	if err != nil {
		return nil, err
	}
	bad := &convError{msg: msg}
	return &jsonType{typ: t, dec: textDecoder(func(dst unsafe.Pointer, s string) error {
		if !literal(s) {
			return bad
		}
		return conv(dst, s)
	})}, nil
}

// isJSONNumber reports whether s is a number in JSON's syntax.
func isJSONNumber(s string) bool {
	return s != "" && (s[0] == '-' || s[0] >= '0' && s[0] <= '9') && json.Valid(unsafe.Slice(unsafe.StringData(s), len(s)))
}

func hasOption(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

// compile returns the decoder for t.
func (jc *jsonCompiler) compile(t reflect.Type) (*jsonType, error) {
	if jt, ok := jc.cache[t]; ok {
		return jt, nil
	}
	jt := &jsonType{typ: t}
	jc.cache[t] = jt // before the elements, for recursive types
	var err error
	jt.dec, err = jc.build(t)
	if err != nil {
		delete(jc.cache, t)
		return nil, err
	}
	return jt, nil
}

func (jc *jsonCompiler) build(t reflect.Type) (func(*decodeState, unsafe.Pointer), error) {
	pt := reflect.PointerTo(t)
	switch {
	case t == timeType:
		return textDecoder(mustScalar(t)), nil
	case t.Kind() != reflect.Pointer && pt.Implements(jsonUnmarshalerType), t == jsonNumberType:
		return fallbackDecoder(t), nil
	case pt.Implements(textUnmarshalerType):
		return textDecoder(mustScalar(t)), nil
	}
	switch t.Kind() {
	case reflect.String:
		return decodeString, nil
	case reflect.Bool:
		return decodeBool, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return numberDecoder(mustScalar(t), "must be an integer"), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return numberDecoder(mustScalar(t), "must be a non-negative integer"), nil
	case reflect.Float32, reflect.Float64:
		return numberDecoder(mustScalar(t), "must be a number"), nil
	case reflect.Interface:
		if t.NumMethod() != 0 {
			return nil, fmt.Errorf("JSON cannot be decoded into the interface type %s", t)
		}
		return fallbackDecoder(t), nil
	case reflect.Pointer:
		elem, err := jc.compile(t.Elem())
		if err != nil {
			return nil, err
		}
		return pointerDecoder(elem), nil
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return fallbackDecoder(t), nil // base64, as encoding/json
		}
		elem, err := jc.compile(t.Elem())
		if err != nil {
			return nil, err
		}
		return sliceDecoder(t, elem), nil
	case reflect.Array:
		elem, err := jc.compile(t.Elem())
		if err != nil {
			return nil, err
		}
		return arrayDecoder(t, elem), nil
	case reflect.Map:
		return jc.mapDecoder(t)
	case reflect.Struct:
		o, err := jc.object(t)
		if err != nil {
			return nil, err
		}
		return o.decodeStruct, nil
	}
	return nil, fmt.Errorf("JSON cannot be decoded into %s", t)
}

// mustScalar returns the text decoder of a type known to have one.
func mustScalar(t reflect.Type) decodeFunc {
	dec, err := scalarDecoder(t)
	if err != nil {
		panic("bind: " + err.Error())
	}
	return dec
}

// object compiles the members of struct t: its json-tagged exported fields,
// with those of untagged embedded structs promoted.
func (jc *jsonCompiler) object(t reflect.Type) (*jsonObject, error) {
	o := &jsonObject{typ: t, validate: reflect.PointerTo(t).Implements(validatorType)}
	if err := jc.collect(o, t, 0); err != nil {
		return nil, fmt.Errorf("in type %s: %w", t, err)
	}
	return o, nil
}

func (jc *jsonCompiler) collect(o *jsonObject, t reflect.Type, off uintptr) error {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag, tagged := sf.Tag.Lookup("json")
		name, opts, _ := strings.Cut(tag, ",")
		if !tagged {
			if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
				if err := jc.collect(o, sf.Type, off+sf.Offset); err != nil {
					return err
				}
			} else if sf.Anonymous && sf.Type.Kind() == reflect.Pointer && sf.Type.Elem().Kind() == reflect.Struct {
				return fmt.Errorf("embedded pointer %s: embed the struct itself or give it a json tag", sf.Name)
			} else if hasRuleTags(sf.Tag) {
				return fmt.Errorf("field %s has validation rules but no json tag, so it is never decoded", sf.Name)
			}
			continue
		}
		if name == "-" && opts == "" || !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		for _, m := range o.members {
			if m.name == name {
				return fmt.Errorf("field %s: member %q is already bound", sf.Name, name)
			}
		}
		jt, err := jc.member(sf.Type, tag)
		if err != nil {
			return fmt.Errorf("field %s: %w", sf.Name, err)
		}
		idx := len(o.members)
		o.add(jsonMember{name: name, offset: off + sf.Offset, dec: jt, field: idx})
		_, fc, err := compileRules(sf.Tag, sf.Type)
		if err != nil {
			return fmt.Errorf("field %s: %w", sf.Name, err)
		}
		def, hasDef := sf.Tag.Lookup("default")
		if fc != nil {
			if fc.required && hasDef {
				return fmt.Errorf("field %s: a required field cannot have a default", sf.Name)
			}
			fc.idx, fc.offset, fc.name, fc.source = idx, off+sf.Offset, name, "body"
			if hasDef {
				if err := checkDefault(fc, sf.Type, def); err != nil {
					return fmt.Errorf("field %s: %w", sf.Name, err)
				}
			}
			o.checks = append(o.checks, *fc)
		}
		if hasDef {
			f := Field{Type: sf.Type, Default: def, offset: off + sf.Offset}
			var bp bodyPlan
			if err := bp.addDefault(&f, idx); err != nil {
				return fmt.Errorf("field %s: %w", sf.Name, err)
			}
			o.defs = append(o.defs, bp.defs...)
		}
	}
	return nil
}

// lookup finds the member named by a raw key.
func (o *jsonObject) lookup(key []byte, esc bool) int {
	if esc {
		return o.lookupString(unquote(key, true))
	}
	if o.index != nil {
		if i, ok := o.index[string(key)]; ok {
			return i
		}
		return -1
	}
	for i := range o.members {
		if o.members[i].name == string(key) {
			return i
		}
	}
	return -1
}

func (o *jsonObject) lookupString(key string) int {
	for i := range o.members {
		if o.members[i].name == key {
			return i
		}
	}
	return -1
}

// decodeMembers decodes the object at st.pos into the members at base,
// marking in present the members given a non-null value and in failed
// those whose value did not convert.
func (o *jsonObject) decodeMembers(st *decodeState, base unsafe.Pointer, present, failed *seenSet) {
	st.pos++ // {
	st.ws()
	if st.peek() == '}' {
		st.pos++
		return
	}
	for st.peek() == '"' {
		key, esc := st.scanString()
		i := o.lookup(key, esc)
		st.ws()
		st.pos++ // :
		st.ws()
		if i < 0 {
			if st.strict {
				st.pushKeyMember(unquote(key, esc))
				st.fail("body", "is not a known member", "", nil)
				st.pop()
			}
			st.skip()
		} else {
			m := &o.members[i]
			st.push(m.name)
			before := len(st.errs) + st.dropped
			if st.decode(m.dec, unsafe.Add(base, m.offset)) {
				present.del(m.field)
			} else {
				present.add(m.field)
			}
			if len(st.errs)+st.dropped > before {
				failed.add(m.field)
			}
			st.pop()
		}
		st.ws()
		if st.peek() != ',' {
			break
		}
		st.pos++
		st.ws()
	}
	st.pos++ // }
}

// decodeStruct is the decoder of a struct type: members, then defaults,
// rules and Validate.
func (o *jsonObject) decodeStruct(st *decodeState, p unsafe.Pointer) {
	if st.peek() != '{' {
		st.mismatch("must be an object")
		return
	}
	mark := len(st.errs) + st.dropped
	present, failed := newSeenSet(len(o.members)), newSeenSet(len(o.members))
	o.decodeMembers(st, p, &present, &failed)
	for i := range o.defs {
		if d := &o.defs[i]; !present.has(d.field) && !failed.has(d.field) {
			_ = d.slot.set(unsafe.Add(p, d.offset), []string{d.slot.def})
		}
	}
	for i := range o.checks {
		if fc := &o.checks[i]; !failed.has(fc.idx) {
			st.check(fc, p, present.has(fc.idx))
		}
	}
	if o.validate && len(st.errs)+st.dropped == mark {
		st.callValidate(o.typ, p, "body")
	}
}

// bindJSON decodes a JSON body into P's json fields or its body field.
func (bp *bodyPlan) bindJSON(raw []byte, base unsafe.Pointer, st *decodeState) *errors.Error {
	st.data, st.pos = raw, 0
	st.ws()
	if st.pos == len(raw) {
		return nil // an empty body: every field is absent
	}
	if !json.Valid(raw) {
		return jsonSyntaxError(raw)
	}
	if st.peek() == 'n' {
		return nil // null: every field is absent
	}
	if bp.json != nil {
		if st.peek() != '{' {
			st.mismatch("must be a JSON object")
			return nil
		}
		bp.json.decodeMembers(st, base, &st.present, &st.failed)
		return nil
	}
	d := bp.decoded
	before := len(st.errs) + st.dropped
	st.decode(d.dec, unsafe.Add(base, d.offset))
	st.present.add(d.field)
	if len(st.errs)+st.dropped > before {
		st.failed.add(d.field)
	}
	return nil
}

// jsonSyntaxError describes a body json.Valid refused.
func jsonSyntaxError(raw []byte) *errors.Error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	var v json.RawMessage
	err := dec.Decode(&v)
	if err == nil {
		return errors.BadRequest("the JSON body has data after its value", nil)
	}
	var se *json.SyntaxError
	if stderrors.As(err, &se) {
		return errors.BadRequest(fmt.Sprintf("the JSON body is malformed at offset %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: ")), err)
	}
	return errors.BadRequest("the JSON body is malformed: "+strings.TrimPrefix(err.Error(), "json: "), err)
}

// decode decodes the value at st.pos into p. A null zeroes p and reports
// true.
func (st *decodeState) decode(jt *jsonType, p unsafe.Pointer) (null bool) {
	if st.peek() == 'n' {
		st.pos += 4
		reflect.NewAt(jt.typ, p).Elem().SetZero()
		return true
	}
	jt.dec(st, p)
	return false
}
