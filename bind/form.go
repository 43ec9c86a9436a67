package bind

// This file binds form fields. Flat fields (scalars, pointers, slices of
// scalars) follow the query binder exactly: an urlencoded body is scanned
// pair by pair with params.NextPair and params.Unescape, and each value is
// offered to its slot (repeated keys fill slices, the first value wins for
// scalars, a blank value of a non-string type is no value).
//
// Fields whose type is a struct, a map, or a slice of either take nested
// and indexed keys (items[0].name, m[key]) and are decoded by
// github.com/go-playground/form/v4 into a shadow struct that holds only
// those fields, then copied into P. That library panics on some malformed
// keys and sizes slices by the largest index it sees, so every key is
// checked first — balanced brackets, indexes of at most maxFormIndex, a
// bounded number of elements and prefixes — and a panic that still escapes
// is recovered and reported as a 422.

import (
	stderrors "errors"
	"fmt"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unsafe"

	"github.com/go-playground/form/v4"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/params"
)

// Limits on nested form keys, checked before decoding.
const (
	maxFormIndex    = 1000    // largest index in a key: a[1000]
	maxFormElements = 100_000 // slice elements all indexed keys may create together
	maxFormPrefixes = 2048    // distinct prefixes before a '[' (the decoder scans them linearly)
	maxFormKeys     = 20_000  // nested keys in one body
)

// Namespace flags of decodeState.prefixes.
const (
	nsPresent uint8 = 1 << iota
	nsFailed
)

// addForm adds a form:"name" field of P.
func (bp *bodyPlan) addForm(f *Field, i int) error {
	t := f.Type
	if isFileType(t) {
		if f.HasDefault {
			return fmt.Errorf("a file field cannot have a default")
		}
		bp.files = append(bp.files, fileSlot{name: f.Name, offset: f.offset, many: t.Kind() == reflect.Slice, field: i})
		return nil
	}
	vb, err := newValueBinder(t)
	if err == nil {
		bp.form = append(bp.form, valueSlot{name: f.Name, source: Form, offset: f.offset, bind: vb, typ: t, blankIsNil: !isPlainString(t)})
		bp.formIdx = append(bp.formIdx, i)
		if err := bp.overlap(); err != nil {
			return err
		}
		if f.HasDefault {
			return bp.addDefault(f, i)
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map, reflect.Slice, reflect.Pointer, reflect.Array:
		if flatShape(t) {
			// Nested keys would take only indexed keys (ids[0]) and drop
			// the plain ones (ids=1) a client sends for such a field.
			return err
		}
	default:
		return err
	}
	if f.HasDefault {
		return fmt.Errorf("a nested form field cannot have a default")
	}
	if strings.ContainsAny(f.Name, "[].,") {
		return fmt.Errorf("a nested form field's name cannot hold '[', ']', '.' or ','")
	}
	if bp.nested == nil {
		bp.nested = newNestedForm()
	}
	if err := bp.nested.add(f, i); err != nil {
		return err
	}
	return bp.overlap()
}

// overlap refuses a flat form field named like a key of a nested one
// (user.name beside user): binding gives such keys to the flat field, so
// the nested field would never see them.
func (bp *bodyPlan) overlap() error {
	if bp.nested == nil {
		return nil
	}
	for _, s := range bp.form {
		if j := bp.nested.owner(s.name); j >= 0 {
			return fmt.Errorf("form %q is a key of the nested form field %q, which would never see it", s.name, bp.nested.fields[j].name)
		}
	}
	return nil
}

// flatShape reports whether t is a scalar or an interface behind pointers
// and at most one slice (*[]int, []*int, []byte, []any): a shape that
// nested keys add nothing to and that query fields refuse too.
func flatShape(t reflect.Type) bool {
	slices := 0
	for !isTextType(t) {
		switch t.Kind() {
		case reflect.Pointer:
		case reflect.Slice:
			slices++
		case reflect.Struct, reflect.Map, reflect.Array:
			return false
		default:
			return slices <= 1
		}
		t = t.Elem()
	}
	return slices <= 1
}

// formLookup finds the flat form slot named key.
func (bp *bodyPlan) formLookup(key string) int {
	for i := range bp.form {
		if bp.form[i].name == key {
			return i
		}
	}
	return -1
}

// bindURLEncoded binds an application/x-www-form-urlencoded body.
func (bp *bodyPlan) bindURLEncoded(b *RequestBody, base unsafe.Pointer, st *decodeState) *errors.Error {
	text, e := b.formText()
	if e != nil {
		return e
	}
	seen := newSeenSet(len(bp.form))
	multi := st.collector(len(bp.form))
	var nested url.Values
	for raw := text; raw != ""; {
		var k, v string
		k, v, raw = params.NextPair(raw)
		key := params.Unescape(k)
		if i := bp.formLookup(key); i >= 0 {
			bp.offer(i, params.Unescape(v), base, st, &seen, &multi)
			continue
		}
		if bp.nested != nil {
			if j := bp.nested.owner(key); j >= 0 {
				if nested == nil {
					nested = url.Values{}
				}
				nested[key] = append(nested[key], params.Unescape(v))
				st.present.add(bp.nested.fields[j].field)
			}
		}
	}
	bp.finishForm(base, st, &seen, multi)
	if nested != nil {
		bp.nested.bind(nested, base, st)
	}
	return nil
}

// offer gives flat slot i one value.
func (bp *bodyPlan) offer(i int, v string, base unsafe.Pointer, st *decodeState, seen *seenSet, multi *collector) {
	before := len(st.errs)
	st.errs = offer(bp.form, i, v, base, seen, multi, st.errs)
	if len(st.errs) > before {
		st.failed.add(bp.formIdx[i])
	}
}

// finishForm stores the collected slices and records presence and
// failures.
func (bp *bodyPlan) finishForm(base unsafe.Pointer, st *decodeState, seen *seenSet, multi collector) {
	for i := range bp.form {
		if seen.has(i) || len(multi.get(i)) > 0 {
			st.present.add(bp.formIdx[i])
		}
	}
	before := len(st.errs)
	st.errs = finish(bp.form, base, seen, multi, st.errs)
	for _, e := range st.errs[before:] {
		if i := bp.formLookup(e.Name); i >= 0 {
			st.failed.add(bp.formIdx[i])
		}
	}
}

// nestedForm decodes P's nested form fields.
type nestedForm struct {
	dec    *form.Decoder
	shadow reflect.Type // struct{ F0 T0 `form:"name0"`; ... }
	fields []nestedField
	walk   bool // some field holds rules or a Validate method
}

type nestedField struct {
	name   string
	offset uintptr
	typ    reflect.Type
	field  int
	node   *formNode // nil when nothing inside is validated
}

func newNestedForm() *nestedForm {
	d := form.NewDecoder()
	d.SetMode(form.ModeExplicit)
	d.SetMaxArraySize(maxFormIndex + 1)
	return &nestedForm{dec: d}
}

func (n *nestedForm) add(f *Field, i int) error {
	if err := n.checkType(f.Type, map[reflect.Type]bool{}); err != nil {
		return err
	}
	node, err := compileFormNode(f.Type, map[reflect.Type]*formNode{})
	if err != nil {
		return err
	}
	n.fields = append(n.fields, nestedField{name: f.Name, offset: f.offset, typ: f.Type, field: i, node: node})
	n.walk = n.walk || node != nil
	sfs := make([]reflect.StructField, len(n.fields))
	for j, nf := range n.fields {
		sfs[j] = reflect.StructField{Name: "F" + strconv.Itoa(j), Type: nf.typ, Tag: reflect.StructTag(fmt.Sprintf("form:%q", nf.name))}
	}
	n.shadow = reflect.StructOf(sfs)
	return nil
}

// checkType refuses types the decoder would mishandle (arrays, which it
// reports on standard output; channels, functions, complex numbers) and
// registers a converter for every text type.
func (n *nestedForm) checkType(t reflect.Type, seen map[reflect.Type]bool) error {
	if seen[t] {
		return nil
	}
	seen[t] = true
	// Floats are converted here too: the decoder's own parsing takes NaN,
	// infinities and Go's literal syntax ("1_000", "0x1p4").
	if isTextType(t) && t.Kind() != reflect.Array || t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64 {
		conv := mustScalar(t)
		n.dec.RegisterCustomTypeFunc(func(vals []string) (any, error) {
			v := reflect.New(t)
			if len(vals) > 0 && vals[0] != "" {
				if err := conv(v.UnsafePointer(), vals[0]); err != nil {
					return nil, err
				}
			}
			return v.Elem().Interface(), nil
		}, reflect.Zero(t).Interface())
		return nil
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Float32, reflect.Float64,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return nil
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return nil
		}
	case reflect.Pointer, reflect.Slice:
		return n.checkType(t.Elem(), seen)
	case reflect.Map:
		if err := n.checkType(t.Key(), seen); err != nil {
			return err
		}
		return n.checkType(t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			name, _, _ := strings.Cut(sf.Tag.Get("form"), ",")
			if name == "" || name == "-" || !sf.IsExported() {
				continue
			}
			if _, ok := sf.Tag.Lookup("default"); ok {
				return fmt.Errorf("in type %s: field %s: defaults are not supported inside nested form fields", t, sf.Name)
			}
			if err := n.checkType(sf.Type, seen); err != nil {
				return fmt.Errorf("in type %s: field %s: %w", t, sf.Name, err)
			}
		}
		return nil
	}
	return fmt.Errorf("type %s cannot be decoded from a form (use a slice instead of an array)", t)
}

// owner returns the nested field a key belongs to ("items[0].name" belongs
// to items), or -1.
func (n *nestedForm) owner(key string) int {
	for j := range n.fields {
		name := n.fields[j].name
		if len(key) > len(name) && key[:len(name)] == name && (key[len(name)] == '[' || key[len(name)] == '.') {
			return j
		}
	}
	return -1
}

// bind decodes the nested keys of one body into P.
func (n *nestedForm) bind(vals url.Values, base unsafe.Pointer, st *decodeState) {
	if !checkKeys(vals, st) {
		return
	}
	sh := reflect.New(n.shadow)
	if err := n.decode(sh.Interface(), vals); err != nil {
		n.report(err, vals, st)
	}
	for j := range n.fields {
		nf := &n.fields[j]
		reflect.NewAt(nf.typ, unsafe.Add(base, nf.offset)).Elem().Set(sh.Elem().Field(j))
	}
	if !n.walk {
		return
	}
	if st.prefixes == nil {
		st.prefixes = make(map[string]uint8, len(vals))
	}
	for k := range vals {
		st.prefixes[k] |= nsPresent
		for i := 0; i < len(k); i++ {
			if k[i] == '.' || k[i] == '[' {
				st.prefixes[k[:i]] |= nsPresent
			}
		}
	}
	for j := range n.fields {
		if nf := &n.fields[j]; nf.node != nil {
			st.push(nf.name)
			nf.node.walk(st, unsafe.Add(base, nf.offset))
			st.pop()
		}
	}
}

// decode runs the decoder, turning a panic into an error.
func (n *nestedForm) decode(dst any, vals url.Values) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &formPanic{v}
		}
	}()
	return n.dec.Decode(dst, vals)
}

type formPanic struct{ v any }

func (p *formPanic) Error() string { return fmt.Sprintf("form decoder panic: %v", p.v) }

// report records the decoder's errors, sorted by location.
func (n *nestedForm) report(err error, vals url.Values, st *decodeState) {
	de, ok := err.(form.DecodeErrors)
	if !ok {
		st.add(errors.FieldError{Source: "form", Message: "the form's nested keys could not be decoded", Err: err})
		return
	}
	if st.prefixes == nil {
		st.prefixes = make(map[string]uint8, len(vals))
	}
	names := make([]string, 0, len(de))
	for ns := range de {
		names = append(names, ns)
	}
	sort.Strings(names)
	for _, ns := range names {
		st.prefixes[ns] |= nsFailed
		var val string
		if vs := vals[ns]; len(vs) > 0 {
			val = vs[0]
		}
		st.add(errors.FieldError{Source: "form", Name: clip(ns), Message: formMessage(de[ns]), Value: clip(val), Err: de[ns]})
	}
}

// add records a problem with its own location.
func (st *decodeState) add(f errors.FieldError) {
	if len(st.errs) >= maxFieldErrors {
		st.dropped++
		return
	}
	st.errs = append(st.errs, f)
}

// formMessage rewrites a decoder error as a client-facing message.
func formMessage(err error) string {
	var ce *convError
	if stderrors.As(err, &ce) {
		return ce.msg
	}
	s := err.Error()
	switch {
	case strings.HasPrefix(s, "Invalid Unsigned Integer"):
		return "must be a non-negative integer"
	case strings.HasPrefix(s, "Invalid Integer"):
		return "must be an integer"
	case strings.HasPrefix(s, "Invalid Float"):
		return "must be a number"
	case strings.HasPrefix(s, "Invalid Boolean"):
		return "must be true or false"
	case strings.HasPrefix(s, "Array size"):
		return fmt.Sprintf("has an index above %d", maxFormIndex)
	case strings.Contains(s, "index"):
		return "has an index that is not a number"
	case strings.HasPrefix(s, "Unsupported Map Key"):
		return "has an unsupported key"
	}
	return "invalid value"
}

// checkKeys reports and drops malformed keys, and refuses the whole set
// when it would make the decoder allocate or scan too much.
func checkKeys(vals url.Values, st *decodeState) bool {
	if len(vals) > maxFormKeys {
		st.add(errors.FieldError{Source: "form", Message: fmt.Sprintf("has more than %d nested keys", maxFormKeys)})
		return false
	}
	var bad []string
	largest := map[string]int{} // prefix before '[' → largest index + 1
	for k := range vals {
		if checkKey(k, largest) != "" {
			bad = append(bad, k)
		}
	}
	sort.Strings(bad)
	for _, k := range bad {
		st.add(errors.FieldError{Source: "form", Name: clip(k), Message: checkKey(k, largest)})
		delete(vals, k)
	}
	total := 0
	for _, n := range largest {
		total += n
	}
	if len(largest) > maxFormPrefixes || total > maxFormElements {
		st.add(errors.FieldError{Source: "form", Message: "has too many indexed keys"})
		return false
	}
	return len(vals) > 0
}

// checkKey checks one nested key: brackets pair up without nesting and
// every index is at most maxFormIndex.
func checkKey(k string, largest map[string]int) string {
	open := -1
	for i := 0; i < len(k); i++ {
		switch k[i] {
		case '[':
			if open >= 0 {
				return "is a malformed key: '[' inside brackets"
			}
			open = i
		case ']':
			if open < 0 {
				return "is a malformed key: ']' without '['"
			}
			prefix, idx := k[:open], k[open+1:i]
			n := 0
			if isDigits(idx) {
				if len(idx) > 4 {
					return fmt.Sprintf("has an index above %d", maxFormIndex)
				}
				n, _ = strconv.Atoi(idx)
				if n > maxFormIndex {
					return fmt.Sprintf("has an index above %d", maxFormIndex)
				}
				n++
			}
			largest[prefix] = max(n, largest[prefix])
			open = -1
		}
	}
	if open >= 0 {
		return "is a malformed key: '[' without ']'"
	}
	return ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
