package params

// Tests for querydict.go: the lenient parser, the ordered multi-value
// semantics, mutation, the lazily built index, Encode round trips and a
// benchmark.

import (
	"fmt"
	"reflect"
	"strconv"
	"testing"
)

// kv is one key with all its values, for table expectations.
type kv struct {
	key    string
	values []string
}

// dictOf returns every key of q with all its values, in order.
func dictOf(q *QueryDict) []kv {
	var out []kv
	for _, k := range q.Keys() {
		out = append(out, kv{k, q.GetList(k)})
	}
	return out
}

// checkDict fails the test unless q holds exactly want, in order, and is
// internally consistent.
func checkDict(t *testing.T, what string, q *QueryDict, want []kv) {
	t.Helper()
	got := dictOf(q)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
	if q.Len() != len(want) {
		t.Errorf("%s: Len() = %d, want %d", what, q.Len(), len(want))
	}
	items := q.Items()
	if len(items) != len(want) {
		t.Errorf("%s: Items() has %d entries, want %d", what, len(items), len(want))
		return
	}
	for i, w := range want {
		if items[i] != (Item{w.key, w.values[0]}) {
			t.Errorf("%s: Items()[%d] = %q, want {%q %q}", what, i, items[i], w.key, w.values[0])
		}
	}
	checkIndex(t, what, q)
}

// checkIndex verifies the invariants of the key index.
func checkIndex(t *testing.T, what string, q *QueryDict) {
	t.Helper()
	if len(q.entries) <= indexThreshold {
		if q.index != nil {
			t.Errorf("%s: index built with only %d keys", what, len(q.entries))
		}
		return
	}
	if len(q.index) != len(q.entries) {
		t.Errorf("%s: index has %d keys, entries %d", what, len(q.index), len(q.entries))
	}
	for i, e := range q.entries {
		if j, ok := q.index[e.key]; !ok || j != i {
			t.Errorf("%s: index[%q] = %d, %v; want %d", what, e.key, j, ok, i)
		}
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		raw  string
		want []kv
	}{
		{"", nil},
		{"&", nil},
		{"&&&", nil},
		{"a=1", []kv{{"a", []string{"1"}}}},
		{"b=2&a=1", []kv{{"b", []string{"2"}}, {"a", []string{"1"}}}},
		{"a=1&b=2&a=3", []kv{{"a", []string{"1", "3"}}, {"b", []string{"2"}}}},
		{"a", []kv{{"a", []string{""}}}},
		{"a&b", []kv{{"a", []string{""}}, {"b", []string{""}}}},
		{"a=&b=", []kv{{"a", []string{""}}, {"b", []string{""}}}},
		{"a=&a=x&a", []kv{{"a", []string{"", "x", ""}}}},
		{"=v", []kv{{"", []string{"v"}}}},
		{"=", []kv{{"", []string{""}}}},
		{"a=b=c", []kv{{"a", []string{"b=c"}}}},
		{"q=hello+world", []kv{{"q", []string{"hello world"}}}},
		{"a+b=c+d", []kv{{"a b", []string{"c d"}}}},
		{"q=%2B1", []kv{{"q", []string{"+1"}}}},
		{"q=%ZZ", []kv{{"q", []string{"%ZZ"}}}},
		{"q=100%", []kv{{"q", []string{"100%"}}}},
		{"q=%4", []kv{{"q", []string{"%4"}}}},
		{"q=%e2%82%ac", []kv{{"q", []string{"€"}}}},
		{"a%3Db=c%26d", []kv{{"a=b", []string{"c&d"}}}},
		{"a=1;b=2", []kv{{"a", []string{"1;b=2"}}}},
		{"a;b", []kv{{"a;b", []string{""}}}},
		{"a=1&&b=2&&", []kv{{"a", []string{"1"}}, {"b", []string{"2"}}}},
		{"&&a=1", []kv{{"a", []string{"1"}}}},
		{"?a=1", []kv{{"?a", []string{"1"}}}},
		{"a=1&A=2", []kv{{"a", []string{"1"}}, {"A", []string{"2"}}}},
		{"a%20=1&a+=2", []kv{{"a ", []string{"1", "2"}}}},
	}
	for _, tt := range tests {
		q := ParseQuery(tt.raw)
		checkDict(t, fmt.Sprintf("ParseQuery(%q)", tt.raw), q, tt.want)
	}
}

func TestQueryDictGet(t *testing.T) {
	q := ParseQuery("a=1&a=2&b=&c")
	tests := []struct{ name, def, want string }{
		{"a", "x", "1"},
		{"b", "x", ""},
		{"c", "x", ""},
		{"d", "x", "x"},
		{"d", "", ""},
		{"A", "none", "none"},
	}
	for _, tt := range tests {
		if got := q.Get(tt.name, tt.def); got != tt.want {
			t.Errorf("Get(%q, %q) = %q, want %q", tt.name, tt.def, got, tt.want)
		}
	}
	for name, want := range map[string]bool{"a": true, "b": true, "c": true, "d": false, "": false} {
		if got := q.Has(name); got != want {
			t.Errorf("Has(%q) = %v, want %v", name, got, want)
		}
	}
	if got := q.GetList("d"); got != nil {
		t.Errorf("GetList(absent) = %q, want nil", got)
	}
	if got, want := q.GetList("a"), []string{"1", "2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("GetList(a) = %q, want %q", got, want)
	}
}

func TestQueryDictZeroAndNil(t *testing.T) {
	var q QueryDict
	checkDict(t, "zero QueryDict", &q, nil)
	if got := q.Get("a", "def"); got != "def" {
		t.Errorf("zero Get = %q", got)
	}
	if got := q.Encode(); got != "" {
		t.Errorf("zero Encode = %q", got)
	}
	q.Add("a", "1")
	checkDict(t, "zero QueryDict after Add", &q, []kv{{"a", []string{"1"}}})

	var n *QueryDict
	if n.Len() != 0 || n.Has("a") || n.Get("a", "d") != "d" || n.GetList("a") != nil || n.Encode() != "" {
		t.Error("nil QueryDict does not read as empty")
	}
	if k, i := n.Keys(), n.Items(); k == nil || len(k) != 0 || i == nil || len(i) != 0 {
		t.Errorf("nil QueryDict Keys() = %#v, Items() = %#v; want empty non-nil", k, i)
	}
}

func TestQueryDictMutation(t *testing.T) {
	q := ParseQuery("a=1&b=2&a=3")
	q.Add("c", "4")
	q.Add("b", "5")
	checkDict(t, "after Add", q, []kv{{"a", []string{"1", "3"}}, {"b", []string{"2", "5"}}, {"c", []string{"4"}}})

	q.SetList("a", []string{"x"})
	checkDict(t, "after SetList(a)", q, []kv{{"a", []string{"x"}}, {"b", []string{"2", "5"}}, {"c", []string{"4"}}})

	vals := []string{"p", "q"}
	q.SetList("d", vals)
	vals[0] = "changed"
	checkDict(t, "after SetList(d)", q, []kv{{"a", []string{"x"}}, {"b", []string{"2", "5"}}, {"c", []string{"4"}}, {"d", []string{"p", "q"}}})

	q.Del("b")
	checkDict(t, "after Del(b)", q, []kv{{"a", []string{"x"}}, {"c", []string{"4"}}, {"d", []string{"p", "q"}}})
	q.Del("missing")
	checkDict(t, "after Del(missing)", q, []kv{{"a", []string{"x"}}, {"c", []string{"4"}}, {"d", []string{"p", "q"}}})

	q.SetList("c", nil)
	checkDict(t, "after SetList(c, nil)", q, []kv{{"a", []string{"x"}}, {"d", []string{"p", "q"}}})
	q.SetList("e", []string{})
	checkDict(t, "after SetList(e, empty)", q, []kv{{"a", []string{"x"}}, {"d", []string{"p", "q"}}})

	q.Add("b", "again")
	checkDict(t, "after re-Add(b)", q, []kv{{"a", []string{"x"}}, {"d", []string{"p", "q"}}, {"b", []string{"again"}}})
}

func TestQueryDictFreshSlices(t *testing.T) {
	q := ParseQuery("a=1&b=2")
	keys := q.Keys()
	keys[0] = "zz"
	items := q.Items()
	items[0].Key = "zz"
	if got := q.Keys(); got[0] != "a" {
		t.Errorf("Keys() shares storage: %q", got)
	}
	// Appending to a GetList result must not leak into the dict, even
	// when the dict later grows the same list.
	l := q.GetList("a")
	l = append(l, "appended")
	q.Add("a", "3")
	if got, want := q.GetList("a"), []string{"1", "3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("GetList(a) = %q, want %q", got, want)
	}
	if l[1] != "appended" {
		t.Errorf("appended slice changed: %q", l)
	}
	// First values share a slab in ParseQuery; adding to one key must not
	// touch the next.
	q = ParseQuery("a=1&b=2&c=3")
	q.Add("a", "x")
	q.Add("b", "y")
	checkDict(t, "slab neighbours", q, []kv{{"a", []string{"1", "x"}}, {"b", []string{"2", "y"}}, {"c", []string{"3"}}})
}

func TestQueryDictIndex(t *testing.T) {
	var q QueryDict
	var want []kv
	for i := range 20 {
		k := "k" + strconv.Itoa(i)
		q.Add(k, strconv.Itoa(i))
		want = append(want, kv{k, []string{strconv.Itoa(i)}})
		checkDict(t, "growing", &q, want)
		if (q.index != nil) != (i+1 > indexThreshold) {
			t.Fatalf("with %d keys index = %v", i+1, q.index != nil)
		}
	}
	q.Add("k3", "again")
	want[3].values = []string{"3", "again"}
	checkDict(t, "add existing", &q, want)
	if got := q.Get("k19", ""); got != "19" {
		t.Errorf("Get(k19) = %q", got)
	}
	// Delete from the middle, the end and the front, then shrink below
	// the threshold.
	for _, k := range []string{"k10", "k19", "k0", "k5", "k6", "k7", "k8", "k9", "k11", "k12", "k13", "k14"} {
		q.Del(k)
		for i := range want {
			if want[i].key == k {
				want = append(want[:i:i], want[i+1:]...)
				break
			}
		}
		checkDict(t, "after Del("+k+")", &q, want)
	}
	if q.index != nil {
		t.Errorf("index kept with %d keys", q.Len())
	}

	p := ParseQuery("a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&a=11")
	if p.index == nil {
		t.Error("ParseQuery with 10 keys built no index")
	}
	if got := p.GetList("a"); !reflect.DeepEqual(got, []string{"1", "11"}) {
		t.Errorf("GetList(a) = %q", got)
	}
	checkIndex(t, "ParseQuery", p)
}

func TestQueryDictEncode(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"", ""},
		{"a=1&b=2&a=3", "a=1&a=3&b=2"},
		{"a", "a="},
		{"=", "="},
		{"q=hello+world", "q=hello+world"},
		{"k%20y=a%26b%3Dc", "k+y=a%26b%3Dc"},
		{"x=%ZZ", "x=%25ZZ"},
		{"x=1;y=2", "x=1%3By%3D2"},
		{"e=%C3%A9", "e=%C3%A9"},
		{"b=%ff", "b=%FF"},
	}
	for _, tt := range tests {
		q := ParseQuery(tt.raw)
		got := q.Encode()
		if got != tt.want {
			t.Errorf("ParseQuery(%q).Encode() = %q, want %q", tt.raw, got, tt.want)
		}
		if back := ParseQuery(got); !reflect.DeepEqual(dictOf(back), dictOf(q)) {
			t.Errorf("round trip of %q: %q, want %q", tt.raw, dictOf(back), dictOf(q))
		}
	}
}

func BenchmarkParseQuery(b *testing.B) {
	const raw = "q=hello+world&page=2&sort=-created&tag=go&tag=http&lang=en%2DGB&empty=&flag"
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		q := ParseQuery(raw)
		if q.Len() != 7 {
			b.Fatal("bad parse")
		}
	}
}
