// Design: the codecs of composite types. Each holds what its plan needs
// (field offsets and keys, element sizes, element plans) and walks the
// value with unsafe.Pointer arithmetic inside the value's own memory.
// Slice headers are read as []byte: every slice type shares that layout,
// and only the data pointer and length are used. Maps are the one place
// reflect is used per request (to iterate), with pooled scratch space so
// that sorting the keys allocates nothing once the pool is warm.

package respond

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// fieldPlan is one encoded field of a struct.
type fieldPlan struct {
	offset uintptr                   // from the start of the struct
	key    string                    // `,"name":`; the comma is dropped for the first field written
	plan   *encoderPlan              // of the field's type
	omit   func(unsafe.Pointer) bool // omitempty/omitzero test, or nil
}

// structCodec encodes a struct as an object of its fields.
type structCodec struct {
	fields []fieldPlan // in declaration order
}

// encode appends the struct at p, skipping omitted fields.
func (c *structCodec) encode(b []byte, p unsafe.Pointer, depth int) ([]byte, bool) {
	b = append(b, '{')
	sep := 1 // drop the comma of the first key written
	for i := range c.fields {
		f := &c.fields[i]
		fp := unsafe.Add(p, f.offset)
		if f.omit != nil && f.omit(fp) {
			continue
		}
		b = append(b, f.key[sep:]...)
		sep = 0
		var ok bool
		if b, ok = f.plan.enc(b, fp, depth); !ok {
			return b, false
		}
	}
	return append(b, '}'), true
}

// appendElems appends the n elements of the given size starting at data
// as a JSON array.
func appendElems(b []byte, data unsafe.Pointer, n int, size uintptr, elem *encoderPlan, depth int) ([]byte, bool) {
	b = append(b, '[')
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		var ok bool
		if b, ok = elem.enc(b, unsafe.Add(data, uintptr(i)*size), depth); !ok {
			return b, false
		}
	}
	return append(b, ']'), true
}

// sliceCodec encodes a slice (other than []byte) as an array.
type sliceCodec struct {
	elem *encoderPlan
	size uintptr // of an element
}

// encode appends the slice at p, or null if it is nil.
func (c *sliceCodec) encode(b []byte, p unsafe.Pointer, depth int) ([]byte, bool) {
	s := *(*[]byte)(p) // the header only: len(s) is the element count
	if s == nil {
		return append(b, "null"...), true
	}
	if depth >= maxJSONDepth {
		return b, false
	}
	return appendElems(b, unsafe.Pointer(unsafe.SliceData(s)), len(s), c.size, c.elem, depth+1)
}

// arrayCodec encodes an array, byte arrays included, as an array.
type arrayCodec struct {
	elem *encoderPlan
	size uintptr // of an element
	n    int     // the array's length
}

// encode appends the array at p.
func (c *arrayCodec) encode(b []byte, p unsafe.Pointer, depth int) ([]byte, bool) {
	return appendElems(b, p, c.n, c.size, c.elem, depth)
}

// ptrCodec encodes a pointer as its target, or null.
type ptrCodec struct {
	elem *encoderPlan
}

// encode appends the target of the pointer at p.
func (c *ptrCodec) encode(b []byte, p unsafe.Pointer, depth int) ([]byte, bool) {
	return c.encodeTarget(b, *(*unsafe.Pointer)(p), depth)
}

// encodeAny appends the target of the pointer x; an interface stores a
// pointer in its data word.
func (c *ptrCodec) encodeAny(b []byte, x any, depth int) ([]byte, bool) {
	return c.encodeTarget(b, efaceData(&x), depth)
}

// encodeTarget appends the value at q, or null if q is nil.
func (c *ptrCodec) encodeTarget(b []byte, q unsafe.Pointer, depth int) ([]byte, bool) {
	if q == nil {
		return append(b, "null"...), true
	}
	if depth >= maxJSONDepth {
		return b, false
	}
	return c.elem.enc(b, q, depth+1)
}

// appendEface appends the value of the empty interface at p.
func appendEface(b []byte, p unsafe.Pointer, depth int) ([]byte, bool) {
	return appendAny(b, *(*any)(p), depth)
}

// ifaceCodec encodes a value of a non-empty interface type, whose layout
// is reflect's business; reading it through reflect does not allocate.
type ifaceCodec struct {
	t reflect.Type
}

// encode appends the value of the interface at p.
func (c ifaceCodec) encode(b []byte, p unsafe.Pointer, depth int) ([]byte, bool) {
	return appendAny(b, reflect.NewAt(c.t, p).Elem().Interface(), depth)
}

// maxPooledMap is the largest map whose scratch space goes back to the
// pool, so that one huge map does not pin its memory.
const maxPooledMap = 1024

// mapCodec encodes a map with string keys as an object, keys sorted by
// their bytes as encoding/json sorts them.
type mapCodec struct {
	t        reflect.Type // the map type
	elemType reflect.Type
	elemSize uintptr
	elem     *encoderPlan
	scratch  sync.Pool // *mapScratch
}

// mapScratch holds one map's keys and values while they are sorted.
type mapScratch struct {
	key     reflect.Value  // an addressable key, filled by SetIterKey
	keyPtr  unsafe.Pointer // key's address, read as a string
	vals    reflect.Value  // a []V whose elements hold the values
	entries []mapEntry
}

// mapEntry is one key and the index of its value in mapScratch.vals.
type mapEntry struct {
	key string
	i   int
}

// newMapCodec returns the codec of map type t, whose key is a string kind,
// with values encoded by elem.
func newMapCodec(t reflect.Type, elem *encoderPlan) *mapCodec {
	return &mapCodec{t: t, elemType: t.Elem(), elemSize: t.Elem().Size(), elem: elem}
}

// encode appends the map at p.
func (c *mapCodec) encode(b []byte, p unsafe.Pointer, depth int) ([]byte, bool) {
	return c.encodeValue(b, reflect.NewAt(c.t, p).Elem(), depth)
}

// encodeAny appends the map x.
func (c *mapCodec) encodeAny(b []byte, x any, depth int) ([]byte, bool) {
	return c.encodeValue(b, reflect.ValueOf(x), depth)
}

// encodeValue appends the map m: null if nil, otherwise its entries in
// key order.
func (c *mapCodec) encodeValue(b []byte, m reflect.Value, depth int) ([]byte, bool) {
	if m.IsNil() {
		return append(b, "null"...), true
	}
	n := m.Len()
	if n == 0 {
		return append(b, "{}"...), true
	}
	if depth >= maxJSONDepth {
		return b, false
	}
	sc := c.getScratch(n)
	defer c.putScratch(sc)
	var it reflect.MapIter
	it.Reset(m)
	for it.Next() {
		i := len(sc.entries)
		if i == n {
			break // only a racing writer can make the map grow
		}
		sc.key.SetIterKey(&it)
		sc.entries = append(sc.entries, mapEntry{key: *(*string)(sc.keyPtr), i: i})
		sc.vals.Index(i).SetIterValue(&it)
	}
	slices.SortFunc(sc.entries, compareEntries)
	vals := sc.vals.UnsafePointer()
	b = append(b, '{')
	for j, e := range sc.entries {
		if j > 0 {
			b = append(b, ',')
		}
		b = appendQuoted(b, e.key)
		b = append(b, ':')
		var ok bool
		if b, ok = c.elem.enc(b, unsafe.Add(vals, uintptr(e.i)*c.elemSize), depth+1); !ok {
			return b, false
		}
	}
	return append(b, '}'), true
}

// compareEntries orders map entries by key.
func compareEntries(a, b mapEntry) int { return strings.Compare(a.key, b.key) }

// getScratch returns scratch space for a map of n entries.
func (c *mapCodec) getScratch(n int) *mapScratch {
	sc, _ := c.scratch.Get().(*mapScratch)
	if sc == nil {
		k := reflect.New(c.t.Key())
		sc = &mapScratch{key: k.Elem(), keyPtr: k.UnsafePointer()}
	}
	if !sc.vals.IsValid() || sc.vals.Len() < n {
		sc.vals = reflect.MakeSlice(reflect.SliceOf(c.elemType), max(n, 8), max(n, 8))
	}
	if cap(sc.entries) < n {
		sc.entries = make([]mapEntry, 0, max(n, 8))
	}
	return sc
}

// putScratch clears sc, so that it keeps nothing reachable, and returns
// it to the pool unless it is large.
func (c *mapCodec) putScratch(sc *mapScratch) {
	for i := range sc.entries {
		sc.vals.Index(i).SetZero()
	}
	clear(sc.entries)
	sc.entries = sc.entries[:0]
	sc.key.SetZero()
	if sc.vals.Len() <= maxPooledMap {
		c.scratch.Put(sc)
	}
}
