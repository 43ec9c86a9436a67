package respond

// A differential test of the compiled JSON encoder: types built at random
// with reflect.StructOf, SliceOf, MapOf, ... from a pool of the kinds and
// methods encoding/json treats specially, filled with random values, must
// encode to exactly encoding/json's bytes, or fall back to it; neither path
// may panic where encoding/json does not.

import (
	"bytes"
	"encoding/json"
	stderrors "errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"testing"
	"time"
)

// rnd is a byte-driven source of choices.
type rnd struct {
	b      []byte
	i      int
	budget int
}

func (r *rnd) n(k int) int {
	if k <= 1 {
		return 0
	}
	if r.i >= len(r.b) {
		return 0
	}
	c := int(r.b[r.i])
	r.i++
	return c % k
}

type dfInner struct {
	A int    `json:"a"`
	B string `json:"b,omitempty"`
	c int
}

type dfNode struct {
	V    int
	Next *dfNode `json:",omitempty"`
	Kids []dfNode
}

type dfPtrZero struct{ N int }

func (z *dfPtrZero) IsZero() bool { return z.N == 3 }

var dfPool = []reflect.Type{
	reflect.TypeFor[bool](), reflect.TypeFor[int](), reflect.TypeFor[int8](), reflect.TypeFor[uint16](),
	reflect.TypeFor[uint64](), reflect.TypeFor[uintptr](), reflect.TypeFor[float32](), reflect.TypeFor[float64](),
	reflect.TypeFor[string](), reflect.TypeFor[jsStr](), reflect.TypeFor[jsByte](), reflect.TypeFor[jsNamedS](),
	reflect.TypeFor[jsMarshaler](), reflect.TypeFor[jsPtrMarshaler](), reflect.TypeFor[jsText](),
	reflect.TypeFor[jsPtrText](), reflect.TypeFor[time.Time](), reflect.TypeFor[json.Number](),
	reflect.TypeFor[json.RawMessage](), reflect.TypeFor[jsZeroer](), reflect.TypeFor[any](),
	reflect.TypeFor[error](), reflect.TypeFor[fmt.Stringer](), reflect.TypeFor[dfInner](),
	reflect.TypeFor[dfNode](), reflect.TypeFor[dfPtrZero](), reflect.TypeFor[[]byte](),
	reflect.TypeFor[json.Marshaler](), reflect.TypeFor[time.Duration](), reflect.TypeFor[struct{}](),
}

var dfNames = []string{"", "a", "b", "-", "A", "F0", "F1", "x<y", "é"}

func (r *rnd) typ(depth int) reflect.Type {
	k := r.n(12)
	if depth <= 0 {
		k = 0
	}
	switch k {
	case 0, 1, 2, 3:
		return dfPool[r.n(len(dfPool))]
	case 4:
		return reflect.SliceOf(r.typ(depth - 1))
	case 5:
		return reflect.ArrayOf(r.n(3), r.typ(depth-1))
	case 6:
		return reflect.PointerTo(r.typ(depth - 1))
	case 7:
		keys := []reflect.Type{reflect.TypeFor[string](), reflect.TypeFor[jsStr](), reflect.TypeFor[int](),
			reflect.TypeFor[jsText](), reflect.TypeFor[uint8](), reflect.TypeFor[jsPtrText]()}
		return reflect.MapOf(keys[r.n(len(keys))], r.typ(depth-1))
	default:
		return r.structType(depth - 1)
	}
}

func (r *rnd) structType(depth int) (t reflect.Type) {
	nf := r.n(5)
	var fields []reflect.StructField
	for i := 0; i < nf; i++ {
		ft := r.typ(depth)
		f := reflect.StructField{Name: "F" + strconv.Itoa(i), Type: ft}
		switch r.n(6) {
		case 0:
			f.Name = "f" + strconv.Itoa(i)
			f.PkgPath = "respond"
		case 1:
			f.Anonymous = true
			f.Name = ft.Name()
			if ft.Kind() == reflect.Pointer {
				f.Name = ft.Elem().Name()
			}
			if f.Name == "" || ft.Kind() == reflect.Interface || ft.NumMethod() > 0 || reflect.PointerTo(ft).NumMethod() > 0 || ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Pointer {
				f.Anonymous = false
				f.Name = "F" + strconv.Itoa(i)
			} else if !reflect.StructField(f).IsExported() || f.Name[0] >= 'a' {
				f.PkgPath = "respond"
			}
		}
		tag := ""
		switch r.n(3) {
		case 1:
			tag = dfNames[r.n(len(dfNames))]
			if tag == "-" && r.n(2) == 0 {
				tag = "-,"
			}
			for _, o := range []string{"omitempty", "omitzero", "string"} {
				if r.n(3) == 0 {
					tag += "," + o
				}
			}
		case 2:
			tag = "," + []string{"omitempty", "omitzero", "string"}[r.n(3)]
		}
		if tag != "" {
			f.Tag = reflect.StructTag(`json:"` + tag + `"`)
		}
		fields = append(fields, f)
	}
	defer func() {
		if recover() != nil {
			t = reflect.TypeFor[struct{}]()
		}
	}()
	// Avoid duplicate field names, which StructOf refuses.
	seen := map[string]bool{}
	for i := range fields {
		if seen[fields[i].Name] {
			fields[i].Anonymous = false
			fields[i].Name = "G" + strconv.Itoa(i)
			fields[i].PkgPath = ""
		}
		seen[fields[i].Name] = true
	}
	return reflect.StructOf(fields)
}

var dfStrings = []string{"", "x", "<a&b>", "\u2028", "\xff", "é", "a\"b\\", "\x00\n"}
var dfFloats = []float64{0, math.Copysign(0, -1), 1.5, 1e21, 1e-7, math.NaN(), math.Inf(1), 3}

func (r *rnd) fill(v reflect.Value, depth int) {
	if !v.CanSet() {
		return
	}
	if depth < 0 || r.budget <= 0 {
		return
	}
	r.budget--
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(r.n(2) == 1)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(r.n(7) - 3))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		v.SetUint(uint64(r.n(4)))
	case reflect.Float32, reflect.Float64:
		f := dfFloats[r.n(len(dfFloats))]
		if r.n(8) != 0 && (math.IsNaN(f) || math.IsInf(f, 0)) {
			f = 2
		}
		v.SetFloat(f)
	case reflect.String:
		if v.Type() == reflect.TypeFor[json.Number]() {
			v.SetString([]string{"", "1", "-2.5e3", "x"}[r.n(4)])
			return
		}
		v.SetString(dfStrings[r.n(len(dfStrings))])
	case reflect.Slice:
		switch r.n(4) {
		case 0:
			return
		case 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			return
		}
		if v.Type() == reflect.TypeFor[json.RawMessage]() {
			v.SetBytes([]byte([]string{`1`, ` {"a" : "<"} `, `[1,2]`, `bad`}[r.n(4)]))
			return
		}
		n := 1 + r.n(3)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := 0; i < n; i++ {
			r.fill(s.Index(i), depth-1)
		}
		v.Set(s)
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			r.fill(v.Index(i), depth-1)
		}
	case reflect.Pointer:
		if r.n(3) == 0 {
			return
		}
		p := reflect.New(v.Type().Elem())
		r.fill(p.Elem(), depth-1)
		v.Set(p)
	case reflect.Map:
		switch r.n(4) {
		case 0:
			return
		case 1:
			v.Set(reflect.MakeMap(v.Type()))
			return
		}
		m := reflect.MakeMap(v.Type())
		n := 1 + r.n(3)
		for i := 0; i < n; i++ {
			k := reflect.New(v.Type().Key()).Elem()
			r.fill(k, 1)
			e := reflect.New(v.Type().Elem()).Elem()
			r.fill(e, depth-1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Interface:
		if r.n(3) == 0 {
			return
		}
		var dyn reflect.Type
		for tries := 0; tries < 5; tries++ {
			dt := r.typ(2)
			if dt.Kind() != reflect.Interface && dt.Implements(v.Type()) {
				dyn = dt
				break
			}
			if v.Type() == reflect.TypeFor[error]() {
				v.Set(reflect.ValueOf(stderrors.New("e<")))
				return
			}
			if v.Type() == reflect.TypeFor[fmt.Stringer]() {
				v.Set(reflect.ValueOf(jsNamedS("s")))
				return
			}
		}
		if dyn == nil {
			return
		}
		x := reflect.New(dyn).Elem()
		r.fill(x, depth-1)
		v.Set(x)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2024, 1, 2, 3, 4, 5, r.n(3), time.UTC)))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if !f.CanSet() {
				continue // unexported: encoding/json never writes it
			}
			r.fill(f, depth-1)
		}
	}
}

// diffOne compares the compiled encoder with encoding/json for v.
func diffOne(t *testing.T, v any) {
	t.Helper()
	var want []byte
	var wantErr error
	var stdPanic any
	func() {
		defer func() { stdPanic = recover() }()
		want, wantErr = stdJSON(v)
	}()
	var out []byte
	var ok bool
	var encPanic any
	func() {
		defer func() { encPanic = recover() }()
		out, ok = appendJSON(nil, v)
	}()
	if stdPanic != nil {
		if ok {
			t.Fatalf("%T: compiled %q, encoding/json panics: %v", v, out, stdPanic)
		}
		return
	}
	if encPanic != nil {
		t.Fatalf("appendJSON panicked on %T %#v: %v", v, v, encPanic)
	}
	if ok {
		if wantErr != nil {
			t.Fatalf("%T: compiled %q, encoding/json fails: %v", v, out, wantErr)
		}
		if !bytes.Equal(out, want) {
			t.Fatalf("%T %#v:\n got %s\nwant %s", v, v, out, want)
		}
	}
	var buf bytes.Buffer
	err := (&Response{value: v}).encodeJSON(&buf)
	if (err == nil) != (wantErr == nil) || err == nil && !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("%T: encodeJSON %q, %v; want %q, %v", v, buf.Bytes(), err, want, wantErr)
	}
}

// diffBytes builds a type and a value of it from data and compares the
// encoders on the value, a pointer to it, and the value in an interface.
func diffBytes(t *testing.T, data []byte) {
	r := &rnd{b: data, budget: 300}
	typ := r.typ(4)
	v := reflect.New(typ)
	r.fill(v.Elem(), 6)
	diffOne(t, v.Elem().Interface())
	diffOne(t, v.Interface())
	diffOne(t, []any{v.Elem().Interface()})
}

// TestJSONEncoderRandomTypes runs a fixed sequence of random types; the
// fuzz target below explores further.
func TestJSONEncoderRandomTypes(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	seed := uint64(1)
	data := make([]byte, 256)
	for range n {
		for j := range data {
			seed = seed*6364136223846793005 + 1442695040888963407
			data[j] = byte(seed >> 56)
		}
		diffBytes(t, data)
	}
}

func FuzzJSONEncoderTypes(f *testing.F) {
	f.Add([]byte{1, 2, 3})
	f.Add([]byte{8, 4, 1, 1, 0, 7, 8, 2, 6, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Fuzz(diffBytes)
}
