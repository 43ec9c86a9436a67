package bind_test

// Tests of Plan.Query: values whose text would not bind back are refused.

import (
	"math"
	"testing"
	"time"
)

func TestQueryRefusesValuesThatDoNotBindBack(t *testing.T) {
	type P struct {
		F   float64     `query:"f"`
		F32 *float32    `query:"f32"`
		T   time.Time   `query:"t"`
		L   []float64   `query:"l"`
		D   *int        `query:"d" default:"5"`
		TS  []time.Time `query:"ts" default:"2026-01-02T03:04:05Z"`
	}
	inf32 := float32(math.Inf(-1))
	cases := []struct {
		p    P
		want string // the query, or the error
	}{
		{P{}, ""},
		{P{F: 1.5, T: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), L: []float64{1, 2}}, "f=1.5&t=2026-01-02T03%3A04%3A05Z&l=1&l=2"},
		{P{F: math.NaN()}, `itty: query parameter "f": "NaN" does not bind back: must be a finite number that fits in 64 bits`},
		{P{F32: &inf32}, `itty: query parameter "f32": "-Inf" does not bind back: must be a finite number that fits in 32 bits`},
		{P{L: []float64{1, math.Inf(1)}}, `itty: query parameter "l": "1,+Inf" does not bind back: must be a finite number that fits in 64 bits`},
		{P{T: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}, `itty: query parameter "t": "10000-01-01T00:00:00Z" does not bind back: must be an RFC 3339 date-time`},
		{P{T: time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)}, `itty: query parameter "t": "-0001-01-01T00:00:00Z" does not bind back: must be an RFC 3339 date-time`},
	}
	plan := mustPlan[P](t)
	for _, c := range cases {
		q, err := plan.Query(&c.p)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = q.Encode()
		}
		if got != c.want {
			t.Errorf("%+v:\n got  %s\n want %s", c.p, got, c.want)
		}
	}
}
