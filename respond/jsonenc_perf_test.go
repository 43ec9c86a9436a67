// Design: the cost of the compiled encoder. Allocations are counted with
// testing.AllocsPerRun into a pre-grown buffer, where compiled types must
// need none; the benchmark encodes a small struct and a mixed payload with
// encoding/json and with the compiled encoder, both through a reused
// buffer as WriteResponse does with its pooled one.

package respond

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestJSONEncoderAllocs checks that compiled types encode into a grown
// buffer without allocating.
func TestJSONEncoderAllocs(t *testing.T) {
	if !compiledJSON {
		t.Skip("compiled encoder switched off")
	}
	small := jsSmall{ID: 1, Title: "title <&>", Count: 3, Verbose: true}
	tests := []struct {
		name string
		v    any
		pool bool // uses the map scratch pool, which the race detector empties at random
	}{
		{"small ptr", &small, false},
		{"small value", small, false},
		{"kinds", &jsKinds{F32: 1.5, F64: 1e-9, S: "\u2028\xff"}, false},
		{"tree", &jsNode{V: 1, Next: &jsNode{}, Kids: []jsNode{{V: 2}}}, false},
		{"containers", &jsContainers{Bytes: []byte("abc"), Strs: []string{"a"}, Any: 1.5, Anys: []any{"x", &small, true}}, false},
		{"map", map[string]int{"b": 1, "a": 2}, true},
		{"map any", map[string]any{"b": []any{1.5, "x"}, "a": map[string]any{"c": nil}}, true},
	}
	buf := make([]byte, 0, 4096)
	for _, tt := range tests {
		if tt.pool && raceEnabled {
			continue
		}
		allocs := testing.AllocsPerRun(100, func() {
			if _, ok := appendJSON(buf[:0], tt.v); !ok {
				t.Fatalf("%s: not compiled", tt.name)
			}
		})
		if allocs != 0 {
			t.Errorf("%s: %v allocations per encoding, want 0", tt.name, allocs)
		}
	}

	var bb bytes.Buffer
	bb.Grow(4096)
	r := JSON(&small)
	allocs := testing.AllocsPerRun(100, func() {
		bb.Reset()
		if err := r.encodeJSON(&bb); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("encodeJSON into a grown buffer: %v allocations, want 0", allocs)
	}
}

// BenchmarkJSONEncode compares encoding/json with the compiled encoder.
func BenchmarkJSONEncode(b *testing.B) {
	small := jsSmall{ID: 12345, Title: "An ordinary title", Count: 42, Verbose: true}
	payload := map[string]any{
		"items": []jsSmall{small, small, small, small},
		"total": 4,
		"next":  "/items?page=2&size=4",
		"meta":  map[string]any{"took": 1.25, "cached": false},
	}
	cases := []struct {
		name string
		v    any
	}{{"small", &small}, {"small-value", small}, {"payload", payload}}
	for _, c := range cases {
		b.Run(c.name+"/encoding-json", func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := json.NewEncoder(&buf).Encode(c.v); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/compiled", func(b *testing.B) {
			var buf bytes.Buffer
			r := JSON(c.v)
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := r.encodeJSON(&buf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
