package bind

// This file runs the validation rules inside nested form fields. The rules
// of every struct a nested field can hold are compiled at registration into
// a tree of formNodes; after decoding, the tree is walked over the decoded
// values in field declaration order, with each location written as nested
// form keys write it (items[0].name, m[key]).

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unsafe"
)

// formNode validates a value decoded from nested form keys.
type formNode struct {
	kind     reflect.Kind
	typ      reflect.Type
	elem     *formNode
	size     uintptr
	members  []formMember
	validate bool
}

type formMember struct {
	name   string
	offset uintptr
	check  *fieldCheck
	child  *formNode
}

// compileFormNode compiles the rules inside t; nil when there are none.
func compileFormNode(t reflect.Type, seen map[reflect.Type]*formNode) (*formNode, error) {
	if isTextType(t) {
		return nil, nil
	}
	if n, ok := seen[t]; ok {
		return n, nil
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		seen[t] = nil
		elem, err := compileFormNode(t.Elem(), seen)
		if err != nil || elem == nil {
			return nil, err
		}
		n := &formNode{kind: t.Kind(), typ: t, elem: elem, size: t.Elem().Size()}
		seen[t] = n
		return n, nil
	case reflect.Struct:
	default:
		return nil, nil
	}
	n := &formNode{kind: reflect.Struct, typ: t, validate: reflect.PointerTo(t).Implements(validatorType)}
	seen[t] = n
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("form"), ",")
		if name == "" || name == "-" || !sf.IsExported() {
			if hasRuleTags(sf.Tag) {
				return nil, fmt.Errorf("in type %s: field %s has validation rules but no form tag, so it is never decoded", t, sf.Name)
			}
			continue
		}
		_, fc, err := compileRules(sf.Tag, sf.Type)
		if err != nil {
			return nil, fmt.Errorf("in type %s: field %s: %w", t, sf.Name, err)
		}
		if fc != nil {
			fc.name, fc.source = name, "form"
		}
		child, err := compileFormNode(sf.Type, seen)
		if err != nil {
			return nil, err
		}
		if fc != nil || child != nil {
			n.members = append(n.members, formMember{name: name, offset: sf.Offset, check: fc, child: child})
		}
	}
	if len(n.members) == 0 && !n.validate {
		seen[t] = nil
		return nil, nil
	}
	return n, nil
}

// walk runs the rules inside the value at p, in field declaration order.
func (n *formNode) walk(st *decodeState, p unsafe.Pointer) {
	switch n.kind {
	case reflect.Pointer:
		if q := *(*unsafe.Pointer)(p); q != nil {
			n.elem.walk(st, q)
		}
	case reflect.Slice:
		sh := (*sliceHeader)(p)
		for i := 0; i < sh.len; i++ {
			st.pushIndex(i)
			n.elem.walk(st, unsafe.Add(sh.data, uintptr(i)*n.size))
			st.pop()
		}
	case reflect.Map:
		mv := reflect.NewAt(n.typ, p).Elem()
		keys := mv.MapKeys()
		names := make([]string, len(keys))
		for i, k := range keys {
			names[i] = fmt.Sprint(k.Interface())
		}
		order := make([]int, len(keys))
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(a, b int) bool { return names[order[a]] < names[order[b]] })
		for _, i := range order {
			ev := reflect.New(n.typ.Elem())
			ev.Elem().Set(mv.MapIndex(keys[i]))
			st.pushKey(names[i])
			n.elem.walk(st, ev.UnsafePointer())
			st.pop()
		}
	case reflect.Struct:
		mark := len(st.errs) + st.dropped
		for i := range n.members {
			m := &n.members[i]
			st.push(m.name)
			flags := st.prefixes[st.namespace()]
			if m.check != nil && flags&nsFailed == 0 {
				m.check.run(st, unsafe.Add(p, m.offset), flags&nsPresent != 0)
			}
			if m.child != nil {
				m.child.walk(st, unsafe.Add(p, m.offset))
			}
			st.pop()
		}
		if n.validate && len(st.errs)+st.dropped == mark {
			st.callValidate(n.typ, p, "form")
		}
	}
}
