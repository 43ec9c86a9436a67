package bind_test

// Tests of the numeric rules' precision.

import "testing"

// float32 fields hold the client's number rounded to float32 ("0.1" is
// 0.100000001): bounds and multiples are judged in that precision.
type singles struct {
	Max  float32   `query:"max" maximum:"0.1"`
	XMin float32   `query:"xmin" exclusiveMinimum:"0.1"`
	Mul  float32   `query:"mul" multipleOf:"0.1"`
	Big  float32   `query:"big" maximum:"1e39"`
	L    []float32 `query:"l" minimum:"0.7" multipleOf:"0.01"`
	Def  float32   `query:"def" default:"0.1" maximum:"0.1"`
}

func TestFloat32Rules(t *testing.T) {
	checkRuleCases(t, []ruleCase{
		{"valid", run[singles](t, get("/?max=0.1&xmin=0.10001&mul=0.3&big=3e38&l=0.7&l=1.3&l=123.45")), nil},
		{"more multiples", run[singles](t, get("/?mul=0.7")), nil},
		{"maximum", run[singles](t, get("/?max=0.10001")), []string{"query.max=must be at most 0.1|0.10001"}},
		{"exclusiveMinimum at the bound", run[singles](t, get("/?xmin=0.1")), []string{"query.xmin=must be greater than 0.1|0.1"}},
		{"not a multiple", run[singles](t, get("/?mul=0.35")), []string{"query.mul=must be a multiple of 0.1|0.35"}},
		{"elements", run[singles](t, get("/?l=0.69&l=1.005")), []string{"query.l[0]=must be at least 0.7|0.69", "query.l[1]=must be a multiple of 0.01|1.005"}},
	})
}

// A bound that no value of the field's type meets stops registration; one
// that every value meets, or that one value meets exactly, does not.
func TestBoundsOutsideTheType(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{compileErr[struct {
			N int8 `query:"n" minimum:"1000"`
		}](), `itty: field N: minimum 1000 is above the largest int8, 127`},
		{compileErr[struct {
			N int8 `query:"n" minimum:"127.5"`
		}](), `itty: field N: minimum 127.5 is above the largest int8, 127`},
		{compileErr[struct {
			N []int16 `query:"n" exclusiveMinimum:"32767"`
		}](), `itty: field N: exclusiveMinimum 32767 is not below the largest int16, 32767`},
		{compileErr[struct {
			N int64 `query:"n" minimum:"9223372036854775808"`
		}](), `itty: field N: minimum 9223372036854775808 is above the largest int64, 9223372036854775807`},
		{compileErr[struct {
			N uint `query:"n" maximum:"-1"`
		}](), `itty: field N: maximum -1 is below the smallest uint, 0`},
		{compileErr[struct {
			N *uint8 `query:"n" exclusiveMaximum:"0"`
		}](), `itty: field N: exclusiveMaximum 0 is not above the smallest uint8, 0`},
		{compileErr[struct {
			N uint8 `query:"n" minimum:"256"`
		}](), `itty: field N: minimum 256 is above the largest uint8, 255`},
		{compileErr[struct {
			N int32 `query:"n" maximum:"-2147483649"`
		}](), `itty: field N: maximum -2147483649 is below the smallest int32, -2147483648`},
		{compileErr[struct {
			N float32 `query:"n" minimum:"1e39"`
		}](), `itty: field N: minimum 1e39 is above the largest float32, 3.4028235e+38`},
		{compileErr[struct {
			N float32 `query:"n" maximum:"-1e39"`
		}](), `itty: field N: maximum -1e39 is below the smallest float32, -3.4028235e+38`},

		// Bounds some value meets.
		{compileErr[struct {
			N int8 `query:"n" minimum:"127" maximum:"-128"`
		}](), `itty: field N: minimum 127 is above maximum -128`},
		{compileErr[struct {
			A int8    `query:"a" minimum:"127"`
			B int8    `query:"b" exclusiveMaximum:"-127" maximum:"1000"`
			C uint    `query:"c" minimum:"-1" maximum:"0"`
			D uint64  `query:"d" minimum:"18446744073709551615"`
			E int64   `query:"e" exclusiveMinimum:"9223372036854775806"`
			F float32 `query:"f" maximum:"1e39" minimum:"3.4028235e38"`
			G float64 `query:"g" minimum:"1e300"`
		}](), ""},
	}
	for _, c := range cases {
		if got := errOrEmpty(c.err); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}
