package openapi

// This file names the component schemas. While reflecting, each (type,
// view) pair gets a placeholder name; once every type of the document is
// known, the views of a type that came out the same (after their own
// references are resolved the same way) share one component, and every
// component gets a readable, stable name: the Go type's name, generic
// arguments spelled out (Page[Item] is PageItem, Page[[]Item] is
// PageItemList), qualified by its package only when two types would share
// a name, and suffixed by its view only when a type's views differ
// (ItemInput for the request view of Item). Names depend only on the set
// of types, never on registration order or map order.

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// viewSuffix is appended to the name of a view of a type that differs
// from the type's first view.
var viewSuffix = [numViews]string{viewResponse: "", viewRequest: "Input", viewStrict: "StrictInput", viewForm: "Form"}

// components returns the component schemas by name, as JSON values, and
// the name of each placeholder. reserved names are not given to types.
func (s *schemas) components(reserved map[string]bool) (map[string]any, map[string]string, error) {
	n := len(s.types)
	defs := make([][numViews]any, n)
	has := make([][numViews]bool, n)
	for k, v := range s.views {
		for key, def := range v.defs {
			i, vk, ok := parseKey(key)
			if !ok || vk != viewKind(k) || i >= n {
				return nil, nil, fmt.Errorf("itty: openapi: unexpected definition %q", key)
			}
			val, err := toJSONValue(def)
			if err != nil {
				return nil, nil, fmt.Errorf("itty: openapi: type %s: %w", s.types[i], err)
			}
			defs[i][k], has[i][k] = val, true
		}
	}
	class := s.partition(defs, has)

	// Base names, in the order of the types' full names.
	order := make([]int, 0, n)
	for i := 0; i < n; i++ {
		for k := range has[i] {
			if has[i][k] {
				order = append(order, i)
				break
			}
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return fullName(s.types[order[a]]) < fullName(s.types[order[b]]) })
	base := baseNames(s.types, order, reserved)

	taken := map[string]bool{}
	for r := range reserved {
		taken[r] = true
	}
	for _, i := range order {
		taken[base[i]] = true
	}
	names := map[string]string{} // placeholder → name
	out := map[string]any{}
	for _, i := range order {
		named := map[int]string{} // class → name
		for k := viewKind(0); k < numViews; k++ {
			if !has[i][k] {
				continue
			}
			c := class[i][k]
			name, ok := named[c]
			if !ok {
				if len(named) == 0 {
					name = base[i]
				} else {
					name = unique(base[i]+viewSuffix[k], taken)
				}
				named[c] = name
				out[name] = defs[i][k]
			}
			names[placeholder(i, k)] = name
		}
	}
	for _, def := range out {
		rewriteRefs(def, names)
	}
	return out, names, nil
}

// partition groups the views of each type whose definitions are equal once
// the views of the types they refer to are grouped the same way. It starts
// from equal text and splits groups until nothing changes.
func (s *schemas) partition(defs [][numViews]any, has [][numViews]bool) [][numViews]int {
	n := len(defs)
	canon := make([][numViews]string, n)
	refs := make([][numViews][]int, n)
	for i := range defs {
		for k := range defs[i] {
			if !has[i][k] {
				continue
			}
			var seen []int
			canon[i][k] = canonical(defs[i][k], &seen)
			sort.Ints(seen)
			refs[i][k] = seen
		}
	}
	class := make([][numViews]int, n)
	sig := func(i, k int, withRefs bool) string {
		var b strings.Builder
		b.WriteString(strconv.Itoa(i))
		b.WriteByte('|')
		b.WriteString(canon[i][k])
		if withRefs {
			for _, j := range refs[i][k] {
				fmt.Fprintf(&b, "|%d:%d", j, class[j][k])
			}
		}
		return b.String()
	}
	assign := func(withRefs bool) int {
		ids := map[string]int{}
		next := make([][numViews]int, n)
		for i := range defs {
			for k := range defs[i] {
				if !has[i][k] {
					continue
				}
				key := sig(i, k, withRefs)
				id, ok := ids[key]
				if !ok {
					id = len(ids)
					ids[key] = id
				}
				next[i][k] = id
			}
		}
		copy(class, next)
		return len(ids)
	}
	count := assign(false)
	for {
		c := assign(true)
		if c == count {
			return class
		}
		count = c
	}
}

// canonical renders a definition with its references stripped of their
// view, collecting the referenced types.
func canonical(def any, seen *[]int) string {
	var walk func(v any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			m := make(map[string]any, len(x))
			for k, e := range x {
				if ref, ok := e.(string); ok && k == "$ref" && strings.HasPrefix(ref, refPrefix) {
					if i, _, ok := parseKey(strings.TrimPrefix(ref, refPrefix)); ok {
						if !containsInt(*seen, i) {
							*seen = append(*seen, i)
						}
						m[k] = "type " + strconv.Itoa(i)
						continue
					}
				}
				m[k] = walk(e)
			}
			return m
		case []any:
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = walk(e)
			}
			return out
		}
		return v
	}
	b, _ := json.Marshal(walk(def)) // maps marshal with sorted keys
	return string(b)
}

// rewriteRefs replaces placeholder references in v, in place.
func rewriteRefs(v any, names map[string]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if ref, ok := e.(string); ok && k == "$ref" && strings.HasPrefix(ref, refPrefix) {
				if name, ok := names[strings.TrimPrefix(ref, refPrefix)]; ok {
					x[k] = refPrefix + name
				}
				continue
			}
			rewriteRefs(e, names)
		}
	case []any:
		for _, e := range x {
			rewriteRefs(e, names)
		}
	}
}

func placeholder(i int, k viewKind) string { return fmt.Sprintf("x%dv%d", i, k) }

// parseKey reads a placeholder name.
func parseKey(key string) (int, viewKind, bool) {
	rest, ok := strings.CutPrefix(key, "x")
	if !ok {
		return 0, 0, false
	}
	is, ks, ok := strings.Cut(rest, "v")
	if !ok {
		return 0, 0, false
	}
	i, err1 := strconv.Atoi(is)
	k, err2 := strconv.Atoi(ks)
	if err1 != nil || err2 != nil || k < 0 || k >= int(numViews) {
		return 0, 0, false
	}
	return i, viewKind(k), true
}

func containsInt(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// fullName is the import path and name of a named type.
func fullName(t reflect.Type) string { return t.PkgPath() + "." + t.Name() }

// baseNames gives each type in order a readable name: its own, then its
// package's and its own, then a number, as collisions require.
func baseNames(types []reflect.Type, order []int, reserved map[string]bool) map[int]string {
	short := map[int]string{}
	count := map[string]int{}
	for _, i := range order {
		short[i] = TypeName(types[i])
		count[short[i]]++
	}
	out := map[int]string{}
	taken := map[string]bool{}
	for r := range reserved {
		taken[r] = true
	}
	for _, i := range order {
		name := short[i]
		if count[name] > 1 || reserved[name] {
			name = camel(packageName(types[i].PkgPath())) + name
		}
		out[i] = unique(name, taken)
	}
	return out
}

// unique returns name, or name with the first free number appended, and
// marks it taken.
func unique(name string, taken map[string]bool) string {
	candidate := name
	for n := 2; taken[candidate]; n++ {
		candidate = name + strconv.Itoa(n)
	}
	taken[candidate] = true
	return candidate
}

// packageName is the last element of an import path.
func packageName(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// TypeName returns the component name a named Go type gets when no other
// type of the document has the same one: its name in CamelCase with the
// arguments of a generic type spelled out, as in PageItem for
// Page[Item], PageItemList for Page[[]Item] and PairStringInt for
// Pair[string, int].
func TypeName(t reflect.Type) string {
	return camel(exprName(t.Name()))
}

// exprName names a type expression as written by reflect.
func exprName(e string) string {
	e = strings.TrimSpace(e)
	switch {
	case e == "":
		return ""
	case strings.HasPrefix(e, "*"):
		return exprName(e[1:])
	case strings.HasPrefix(e, "[]"):
		return exprName(e[2:]) + "List"
	case strings.HasPrefix(e, "["):
		if end := strings.IndexByte(e, ']'); end > 0 {
			return exprName(e[end+1:]) + "Array"
		}
	case strings.HasPrefix(e, "map["):
		if end := matching(e, 3); end > 0 {
			return exprName(e[4:end]) + exprName(e[end+1:]) + "Map"
		}
	case strings.HasPrefix(e, "interface"), e == "any":
		return "Any"
	case strings.HasPrefix(e, "struct"):
		return "Struct"
	case strings.HasPrefix(e, "func"), strings.HasPrefix(e, "chan"), strings.HasPrefix(e, "<-chan"):
		return "Func"
	}
	name, args := e, ""
	if i := strings.IndexByte(e, '['); i >= 0 {
		if end := matching(e, i); end > 0 {
			name, args = e[:i], e[i+1:end]
		}
	}
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	out := upperFirst(name)
	for _, a := range splitArgs(args) {
		out += upperFirst(exprName(a))
	}
	return out
}

// matching returns the index of the bracket closing the one at open.
func matching(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// splitArgs splits type arguments at the commas outside brackets.
func splitArgs(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[', '{', '(':
			depth++
		case ']', '}', ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// camel keeps the letters and digits of s, each run after another
// character starting with an upper-case letter.
func camel(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// toJSONValue turns v into plain JSON values (maps, slices, strings,
// json.Number, bools, nil).
func toJSONValue(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil, err
	}
	return out, nil
}
