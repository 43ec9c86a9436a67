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
