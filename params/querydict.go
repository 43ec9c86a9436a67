package params

// This file implements QueryDict, an ordered multi-value dictionary of query
// parameters modelled on itty3's QueryDict, and ParseQuery, which fills one
// from a raw query string. Entries are kept in a slice in first-seen key
// order; a key index map is only built once a dictionary holds more than
// indexThreshold keys, so the common small dictionaries stay map-free.

import (
	"net/url"
	"slices"
	"strings"
)

// indexThreshold is the number of keys above which a QueryDict maintains an
// index map; at or below it, lookups scan the entries linearly.
const indexThreshold = 8

// Item is one key of a QueryDict with its first value.
type Item struct{ Key, Value string }

// QueryDict is an ordered multi-value dictionary of query parameters: each
// key holds one or more values, and keys keep the order in which they were
// first added. The zero value is an empty dictionary ready to use, and the
// read-only methods also accept a nil *QueryDict, which is empty.
//
// A QueryDict is safe for concurrent reads; a write must not run
// concurrently with any other method.
type QueryDict struct {
	entries []entry        // in first-seen key order
	index   map[string]int // key -> position in entries; nil unless len(entries) > indexThreshold
}

// entry is one key and its values; values is never empty.
type entry struct {
	key    string
	values []string
}

// ParseQuery parses a raw query string (without the leading '?') into a
// QueryDict. It is lenient and never fails: pairs are split on '&' only
// (';' is kept literally), a pair splits at its first '=', a bare key has
// the value "", blank values are kept, empty pairs ("&&") are skipped, '+'
// is a space, valid %XX escapes are decoded and invalid ones ("%ZZ", a
// trailing "%" or "%4") are kept literally. Repeated keys collect their
// values in order. See NextPair and Unescape.
func ParseQuery(raw string) *QueryDict {
	q := new(QueryDict)
	rest := trimAmp(raw)
	n := countPairs(rest)
	if n == 0 {
		return q
	}
	q.entries = make([]entry, 0, n)
	// slab backs the first value of every key with a single allocation;
	// each key gets a capacity-1 window, so appending a second value
	// reallocates instead of overwriting its neighbour.
	slab := make([]string, n)
	for rest != "" {
		var k, v string
		k, v, rest = NextPair(rest)
		key, value := Unescape(k), Unescape(v)
		if i := q.find(key); i >= 0 {
			q.entries[i].values = append(q.entries[i].values, value)
			continue
		}
		slab[0] = value
		q.appendKey(key, slab[:1:1])
		slab = slab[1:]
	}
	return q
}

// countPairs returns the number of non-empty '&'-separated pairs in s.
func countPairs(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '&' && (i == 0 || s[i-1] == '&') {
			n++
		}
	}
	return n
}

// find returns the position of name in q.entries, or -1.
func (q *QueryDict) find(name string) int {
	if q == nil {
		return -1
	}
	if q.index != nil {
		if i, ok := q.index[name]; ok {
			return i
		}
		return -1
	}
	for i := range q.entries {
		if q.entries[i].key == name {
			return i
		}
	}
	return -1
}

// appendKey adds a new key, which must not be present, with its values,
// building or updating the index as needed.
func (q *QueryDict) appendKey(name string, values []string) {
	q.entries = append(q.entries, entry{key: name, values: values})
	n := len(q.entries)
	switch {
	case q.index != nil:
		q.index[name] = n - 1
	case n > indexThreshold:
		q.index = make(map[string]int, 2*n)
		for i, e := range q.entries {
			q.index[e.key] = i
		}
	}
}

// Get returns the first value of name, or def when name is absent.
func (q *QueryDict) Get(name, def string) string {
	if i := q.find(name); i >= 0 {
		return q.entries[i].values[0]
	}
	return def
}

// GetList returns all the values of name, in order, or nil when name is
// absent. The slice belongs to q: the caller may not modify its elements,
// though appending to it is safe.
func (q *QueryDict) GetList(name string) []string {
	if i := q.find(name); i >= 0 {
		v := q.entries[i].values
		return v[:len(v):len(v)]
	}
	return nil
}

// Has reports whether name is present.
func (q *QueryDict) Has(name string) bool {
	return q.find(name) >= 0
}

// SetList replaces all the values of name with a copy of values. An
// existing key keeps its position; a new key is added last. Since every key
// holds at least one value, SetList with no values deletes name.
func (q *QueryDict) SetList(name string, values []string) {
	if len(values) == 0 {
		q.Del(name)
		return
	}
	values = slices.Clone(values)
	if i := q.find(name); i >= 0 {
		q.entries[i].values = values
		return
	}
	q.appendKey(name, values)
}

// Add appends value to the values of name, adding name last when it is
// absent.
func (q *QueryDict) Add(name, value string) {
	if i := q.find(name); i >= 0 {
		q.entries[i].values = append(q.entries[i].values, value)
		return
	}
	q.appendKey(name, []string{value})
}

// Del removes name and all its values. The other keys keep their order.
func (q *QueryDict) Del(name string) {
	i := q.find(name)
	if i < 0 {
		return
	}
	q.entries = slices.Delete(q.entries, i, i+1)
	if q.index == nil {
		return
	}
	if len(q.entries) <= indexThreshold {
		q.index = nil
		return
	}
	delete(q.index, name)
	for j := i; j < len(q.entries); j++ {
		q.index[q.entries[j].key] = j
	}
}

// Keys returns the keys in order of first appearance, as a fresh slice.
func (q *QueryDict) Keys() []string {
	if q == nil {
		return []string{}
	}
	keys := make([]string, len(q.entries))
	for i, e := range q.entries {
		keys[i] = e.key
	}
	return keys
}

// Items returns each key with its first value, in key order, as a fresh
// slice.
func (q *QueryDict) Items() []Item {
	if q == nil {
		return []Item{}
	}
	items := make([]Item, len(q.entries))
	for i, e := range q.entries {
		items[i] = Item{Key: e.key, Value: e.values[0]}
	}
	return items
}

// Len returns the number of keys.
func (q *QueryDict) Len() int {
	if q == nil {
		return 0
	}
	return len(q.entries)
}

// Encode returns q as a query string: "key=value" pairs joined with '&',
// keys in order and each key's values in order, with keys and values
// escaped by url.QueryEscape. ParseQuery(q.Encode()) yields the same keys
// and values. An empty dictionary encodes as "".
func (q *QueryDict) Encode() string {
	if q.Len() == 0 {
		return ""
	}
	var b strings.Builder
	for _, e := range q.entries {
		k := url.QueryEscape(e.key)
		for _, v := range e.values {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(k)
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(v))
		}
	}
	return b.String()
}
