package bind

// This file runs what a plan does after the path, query, header and cookie
// values are in place: the body, the validation rules of P's fields in
// declaration order, and P's own Validate method. Its scratch space — the
// location stack, the presence and failure sets, the error list — lives in
// a pooled decodeState, so a valid request allocates nothing here. Failures
// are collected, never cut short, and reported together as one 422.

import (
	stderrors "errors"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/params"
)

// Validator is implemented by a parameter struct, or a struct decoded from
// a request body, that checks itself. Validate runs once the struct's
// fields are bound and pass their rules. An *errors.Error or
// *errors.FieldError it returns (alone or in an errors.Join) keeps its
// locations; a location without a source is taken as relative to the
// struct. Any other error is reported as a 422 with its text at the
// struct's location. When P's own Validate returns an *errors.Error without
// Fields, the request is answered with that error as it is.
type Validator interface {
	Validate() error
}

var validatorType = reflect.TypeFor[Validator]()

// maxFieldErrors bounds the 422 errors listed for one request.
const maxFieldErrors = 1000

// extraPlan is the part of a plan beyond path, query, header and cookie
// values. It is nil when P has no body fields, no rules and no Validate.
type extraPlan struct {
	body     *bodyPlan
	checks   []fieldCheck // P's fields with rules, in declaration order
	paths    []int        // path fields: always present
	queryIdx []int        // per query slot: its field index when checked, else -1
	headIdx  []int
	cookIdx  []int
	presence bool // some query, header or cookie field is checked
	validate bool // *P implements Validator
}

// pathElem is one step of a location: a member, an index or a map key.
type pathElem struct {
	name  string
	index int
	kind  uint8
}

const (
	elemMember uint8 = iota
	elemIndex
	elemKey
)

// decodeState is the scratch space of one bind.
type decodeState struct {
	data     []byte // JSON being decoded
	pos      int
	strict   bool
	path     []pathElem
	errs     []errors.FieldError
	dropped  int
	present  seenSet          // P's fields present in the request
	failed   seenSet          // P's fields whose value did not convert
	prefixes map[string]uint8 // nested form namespaces: nsPresent, nsFailed
	multi    collector        // form slice values, reused between requests
}

var statePool = sync.Pool{New: func() any { return new(decodeState) }}

func getState(nfields int) *decodeState {
	st := statePool.Get().(*decodeState)
	st.present, st.failed = newSeenSet(nfields), newSeenSet(nfields)
	return st
}

func putState(st *decodeState) {
	clear(st.errs)
	clear(st.path)
	for i := range st.multi {
		clear(st.multi[i][:cap(st.multi[i])]) // drop the strings, keep the room
		st.multi[i] = st.multi[i][:0]
	}
	*st = decodeState{path: st.path[:0], errs: st.errs[:0], multi: st.multi}
	statePool.Put(st)
}

// collector returns an empty collector for n slots, reusing the state's.
func (st *decodeState) collector(n int) collector {
	if cap(st.multi) < n {
		st.multi = make(collector, n)
	}
	return st.multi[:n]
}

func (st *decodeState) push(name string) {
	st.path = append(st.path, pathElem{name: name})
}

func (st *decodeState) pushIndex(i int) {
	st.path = append(st.path, pathElem{index: i, kind: elemIndex})
}

func (st *decodeState) pushKey(k string) {
	st.path = append(st.path, pathElem{name: k, kind: elemKey})
}

func (st *decodeState) pop() { st.path = st.path[:len(st.path)-1] }

// location renders the current path for an error: items[0].name, m[key],
// with long names clipped.
func (st *decodeState) location() string { return st.render(clipName) }

// namespace renders the current path in full, as nested form keys write it.
func (st *decodeState) namespace() string {
	return st.render(func(s string) string { return s })
}

func (st *decodeState) render(clipName func(string) string) string {
	var b strings.Builder
	for i, e := range st.path {
		switch e.kind {
		case elemIndex:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(e.index))
			b.WriteByte(']')
		case elemKey:
			b.WriteByte('[')
			b.WriteString(clipName(e.name))
			b.WriteByte(']')
		default:
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(clipName(e.name))
		}
	}
	return b.String()
}

// clipName shortens a name taken from the request (a map key, an unknown
// member) for a location, so that errors never repeat a huge key.
func clipName(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	return s[:max] + "…"
}

// fail records a problem at the current location.
func (st *decodeState) fail(source, msg, value string, err error) {
	if len(st.errs) >= maxFieldErrors {
		st.dropped++
		return
	}
	st.errs = append(st.errs, errors.FieldError{Source: source, Name: st.location(), Message: msg, Value: clip(value), Err: err})
}

// unprocessable returns the collected problems as one 422.
func (st *decodeState) unprocessable() *errors.Error {
	errs := st.errs
	if st.dropped > 0 {
		errs = append(errs, errors.FieldError{Message: fmt.Sprintf("%d more problems are not listed", st.dropped)})
	}
	return errors.Unprocessable(errs...)
}

// check runs fc on the field at base+fc.offset.
func (st *decodeState) check(fc *fieldCheck, base unsafe.Pointer, present bool) {
	st.push(fc.name)
	fc.run(st, unsafe.Add(base, fc.offset), present)
	st.pop()
}

func (fc *fieldCheck) run(st *decodeState, p unsafe.Pointer, present bool) {
	isNil := false
	switch fc.nilKind {
	case nilPointer, nilIface:
		isNil = *(*unsafe.Pointer)(p) == nil
	case nilSlice:
		isNil = (*sliceHeader)(p).data == nil
	}
	if !present || isNil {
		if fc.required {
			st.fail(fc.source, "is required", "", nil)
		}
		return
	}
	if fc.deref {
		p = *(*unsafe.Pointer)(p)
	}
	if !fc.list {
		fc.test(st, p)
		return
	}
	sh := (*sliceHeader)(p)
	if fc.minItems >= 0 && sh.len < fc.minItems {
		st.fail(fc.source, plural("must have at least %d item", fc.minItems), "", nil)
	}
	if fc.maxItems >= 0 && sh.len > fc.maxItems {
		st.fail(fc.source, plural("must have at most %d item", fc.maxItems), "", nil)
	}
	if fc.unique != nil {
		if i := fc.unique(sh.data, sh.len); i >= 0 {
			ep := unsafe.Add(sh.data, uintptr(i)*fc.elemSize)
			val := ""
			if fc.elemDrf {
				ep = *(*unsafe.Pointer)(ep)
			}
			if ep != nil {
				val = formatAt(fc.vt, ep)
			}
			st.fail(fc.source, "must not contain duplicates", val, nil)
		}
	}
	if len(fc.tests) == 0 {
		return
	}
	for i := 0; i < sh.len; i++ {
		ep := unsafe.Add(sh.data, uintptr(i)*fc.elemSize)
		if fc.elemDrf {
			if ep = *(*unsafe.Pointer)(ep); ep == nil {
				continue
			}
		}
		st.pushIndex(i)
		fc.test(st, ep)
		st.pop()
	}
}

// test runs the value tests on the value at p.
func (fc *fieldCheck) test(st *decodeState, p unsafe.Pointer) {
	for i := range fc.tests {
		if !fc.tests[i].ok(p) {
			st.fail(fc.source, fc.tests[i].msg, formatAt(fc.vt, p), nil)
		}
	}
}

// formatAt renders the value of type t at p for an error report.
func formatAt(t reflect.Type, p unsafe.Pointer) string {
	s, err := formatScalar(reflect.NewAt(t, p).Elem())
	if err != nil {
		return ""
	}
	return s
}

// callValidate runs the Validate method of the struct of type t at p and
// records what it reports at the current location.
func (st *decodeState) callValidate(t reflect.Type, p unsafe.Pointer, source string) {
	if err := reflect.NewAt(t, p).Interface().(Validator).Validate(); err != nil {
		st.validateError(err, source)
	}
}

func (st *decodeState) validateError(err error, source string) {
	switch e := err.(type) {
	case *errors.Error:
		if len(e.Fields) == 0 {
			msg := e.Detail
			if msg == "" {
				msg = strings.ToLower(http.StatusText(e.Status))
			}
			st.fail(source, msg, "", err)
			return
		}
		for _, f := range e.Fields {
			st.addRelative(f, source)
		}
		return
	case *errors.FieldError:
		st.addRelative(*e, source)
		return
	case interface{ Unwrap() []error }:
		for _, inner := range e.Unwrap() {
			if inner != nil {
				st.validateError(inner, source)
			}
		}
		return
	}
	var fe *errors.FieldError
	var ee *errors.Error
	switch {
	case stderrors.As(err, &ee) && ee != nil:
		st.validateError(ee, source)
	case stderrors.As(err, &fe) && fe != nil:
		st.addRelative(*fe, source)
	default:
		st.fail(source, err.Error(), "", err)
	}
}

// addRelative records f; a location without a source is relative to the
// current one.
func (st *decodeState) addRelative(f errors.FieldError, source string) {
	if f.Source == "" {
		f.Source = source
		if prefix := st.location(); prefix != "" {
			if f.Name == "" {
				f.Name = prefix
			} else if f.Name[0] == '[' {
				f.Name = prefix + f.Name
			} else {
				f.Name = prefix + "." + f.Name
			}
		}
	}
	if len(st.errs) >= maxFieldErrors {
		st.dropped++
		return
	}
	st.errs = append(st.errs, f)
}

// bindExtra binds the body, runs the rules and calls P's Validate. errs are
// the conversion problems found so far.
func (c *compiled) bindExtra(r *http.Request, body *RequestBody, base unsafe.Pointer, errs []errors.FieldError) error {
	x := c.extra
	st := getState(len(c.fields))
	defer putState(st)
	for _, e := range errs {
		if i := c.fieldIndex(e.Source, e.Name); i >= 0 {
			st.failed.add(i)
		}
	}
	st.errs = append(st.errs, errs...)
	for _, i := range x.paths {
		st.present.add(i)
	}
	if x.presence {
		c.presence(r, st)
	}
	if x.body != nil {
		if e := c.bindBody(r, body, base, st); e != nil {
			return e
		}
	}
	for i := range x.checks {
		fc := &x.checks[i]
		if !st.failed.has(fc.idx) {
			st.check(fc, base, st.present.has(fc.idx))
		}
	}
	if len(st.errs) > 0 {
		return st.unprocessable()
	}
	if !x.validate {
		return nil
	}
	err := reflect.NewAt(c.typ, base).Interface().(Validator).Validate()
	if err == nil {
		return nil
	}
	if e, ok := err.(*errors.Error); ok && len(e.Fields) == 0 && e.Status != 0 {
		return e
	}
	st.validateError(err, "")
	return st.unprocessable()
}

// fieldIndex finds the field a conversion problem belongs to.
func (c *compiled) fieldIndex(source, name string) int {
	for i := range c.fields {
		if c.fields[i].Name == name && c.fields[i].Source.String() == source {
			return i
		}
	}
	return -1
}

// presence marks the checked query, header and cookie fields that the
// request holds a value for, with the binders' notion of a value: a blank
// value of a non-string type is none.
func (c *compiled) presence(r *http.Request, st *decodeState) {
	x := c.extra
	for raw := r.URL.RawQuery; raw != ""; {
		var k, v string
		k, v, raw = params.NextPair(raw)
		if i := c.queryLookup(params.Unescape(k)); i >= 0 && x.queryIdx[i] >= 0 && (v != "" || !c.query[i].blankIsNil) {
			st.present.add(x.queryIdx[i])
		}
	}
	for i := range c.header {
		if x.headIdx[i] < 0 {
			continue
		}
		for _, v := range r.Header[c.header[i].name] {
			if v != "" || !c.header[i].blankIsNil {
				st.present.add(x.headIdx[i])
			}
		}
	}
	for _, line := range r.Header["Cookie"] {
		for line != "" {
			var part string
			part, line, _ = strings.Cut(line, ";")
			name, val, _ := strings.Cut(strings.TrimSpace(part), "=")
			for i := range c.cookie {
				if c.cookie[i].name == name && x.cookIdx[i] >= 0 && (strings.Trim(val, `"`) != "" || !c.cookie[i].blankIsNil) {
					st.present.add(x.cookIdx[i])
				}
			}
		}
	}
}

// compileExtra finishes a plan: it compiles the rules of every bound field,
// checks defaults against them and notes whether P validates itself.
func (c *compiled) compileExtra() error {
	x := &extraPlan{body: c.bodyPlan}
	x.validate = reflect.PointerTo(c.typ).Implements(validatorType)
	slotIdx := func(n int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = -1
		}
		return s
	}
	x.queryIdx, x.headIdx, x.cookIdx = slotIdx(len(c.query)), slotIdx(len(c.header)), slotIdx(len(c.cookie))
	for i := range c.fields {
		f := &c.fields[i]
		if f.Source == Path {
			x.paths = append(x.paths, i)
		}
		rules, fc, err := compileRules(f.Tag, f.Type)
		if err != nil {
			return &PlanError{Type: c.typ, Field: f.GoName, Reason: err.Error()}
		}
		if fc == nil {
			continue
		}
		if rules.Required && f.HasDefault {
			return &PlanError{Type: c.typ, Field: f.GoName, Reason: "a required field cannot have a default"}
		}
		f.Rules = rules
		fc.idx, fc.offset, fc.name, fc.source = i, f.offset, f.Name, f.Source.String()
		if f.Source == Body {
			fc.name = ""
		}
		if f.HasDefault {
			if err := checkDefault(fc, f.Type, f.Default); err != nil {
				return &PlanError{Type: c.typ, Field: f.GoName, Reason: err.Error()}
			}
		}
		x.checks = append(x.checks, *fc)
		var idx []int
		var slots []valueSlot
		switch f.Source {
		case Query:
			idx, slots = x.queryIdx, c.query
		case Header:
			idx, slots = x.headIdx, c.header
		case Cookie:
			idx, slots = x.cookIdx, c.cookie
		}
		for j := range slots {
			if slots[j].name == f.Name {
				idx[j] = i
				x.presence = true
			}
		}
	}
	if x.body != nil || len(x.checks) > 0 || x.validate {
		c.extra = x
	}
	return nil
}

// checkDefault reports a default that breaks the field's own rules.
func checkDefault(fc *fieldCheck, t reflect.Type, def string) error {
	vb, err := newValueBinder(t)
	if err != nil {
		return nil // not a text field: its default is refused elsewhere
	}
	scratch := reflect.New(t).UnsafePointer()
	slot := valueSlot{bind: vb}
	if slot.set(scratch, []string{def}) != nil {
		return nil
	}
	st := getState(0)
	defer putState(st)
	fc.run(st, scratch, true)
	if len(st.errs) > 0 {
		return fmt.Errorf("default %q breaks a rule: %s", def, st.errs[0].Message)
	}
	return nil
}

// del forgets slot i (a JSON member set again to null).
func (s *seenSet) del(i int) {
	if s.more != nil {
		s.more[i] = false
		return
	}
	s.bits &^= 1 << uint(i)
}
