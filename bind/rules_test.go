package bind_test

// Tests of rule compilation: every registration error, and the Rules exposed
// on Field.

import (
	stderrors "errors"
	"reflect"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/params"
)

func TestRuleRegistrationErrors(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		// Tags that do not parse.
		{compileErr[struct {
			S string `query:"s" pattern:"[a-"`
		}](), "itty: field S: pattern \"[a-\" does not compile: error parsing regexp: missing closing ]: `[a-`"},
		{compileErr[struct {
			N int `query:"n" minimum:"abc"`
		}](), `itty: field N: minimum:"abc" is not a finite number`},
		{compileErr[struct {
			N float64 `query:"n" maximum:"Inf"`
		}](), `itty: field N: maximum:"Inf" is not a finite number`},
		{compileErr[struct {
			S string `query:"s" maxLength:"-1"`
		}](), `itty: field S: maxLength:"-1" must be a non-negative integer`},
		{compileErr[struct {
			S []string `query:"s" minItems:"x"`
		}](), `itty: field S: minItems:"x" must be a non-negative integer`},
		{compileErr[struct {
			S string `query:"s" required:"yes"`
		}](), `itty: field S: required:"yes" must be true or false`},
		{compileErr[struct {
			S []string `query:"s" uniqueItems:"1x"`
		}](), `itty: field S: uniqueItems:"1x" must be true or false`},
		{compileErr[struct {
			S string `query:"s" format:"phone"`
		}](), `itty: field S: format "phone" is unknown (use one of date, date-time, email, hostname, ipv4, ipv6, time, uri, uuid)`},
		{compileErr[struct {
			N int `query:"n" enum:"1,two"`
		}](), `itty: field N: enum value "two" does not convert to int: must be an integer`},
		{compileErr[struct {
			N uint8 `query:"n" enum:"1,300"`
		}](), `itty: field N: enum value "300" does not convert to uint8: must be an integer from 0 to 255`},
		// Bounds that exclude every value.
		{compileErr[struct {
			N int `query:"n" minimum:"5" maximum:"3"`
		}](), `itty: field N: minimum 5 is above maximum 3`},
		{compileErr[struct {
			N int `query:"n" minimum:"3" exclusiveMaximum:"3"`
		}](), `itty: field N: minimum 3 is not below exclusiveMaximum 3`},
		{compileErr[struct {
			N int `query:"n" exclusiveMinimum:"5" maximum:"5"`
		}](), `itty: field N: exclusiveMinimum 5 is not below maximum 5`},
		{compileErr[struct {
			N float64 `query:"n" exclusiveMinimum:"2" exclusiveMaximum:"1.5"`
		}](), `itty: field N: exclusiveMinimum 2 is not below exclusiveMaximum 1.5`},
		{compileErr[struct {
			N int `query:"n" multipleOf:"0"`
		}](), `itty: field N: multipleOf 0 must be greater than 0`},
		{compileErr[struct {
			N int `query:"n" multipleOf:"-2"`
		}](), `itty: field N: multipleOf -2 must be greater than 0`},
		{compileErr[struct {
			S string `query:"s" minLength:"5" maxLength:"4"`
		}](), `itty: field S: minLength 5 is above maxLength 4`},
		{compileErr[struct {
			S []int `query:"s" minItems:"3" maxItems:"2"`
		}](), `itty: field S: minItems 3 is above maxItems 2`},
		// Rules on types they cannot apply to.
		{compileErr[struct {
			N int `query:"n" minLength:"1"`
		}](), `itty: field N: minLength applies to strings, not to int`},
		{compileErr[struct {
			N []int `query:"n" pattern:"^1$"`
		}](), `itty: field N: pattern applies to strings, not to int`},
		{compileErr[struct {
			S string `query:"s" minimum:"1"`
		}](), `itty: field S: minimum applies to numbers, not to string`},
		{compileErr[struct {
			B bool `query:"b" multipleOf:"2"`
		}](), `itty: field B: multipleOf applies to numbers, not to bool`},
		{compileErr[struct {
			S string `query:"s" minItems:"1"`
		}](), `itty: field S: minItems applies to slices, not to string`},
		{compileErr[struct {
			M map[string]int `json:"m" maxItems:"1"`
		}](), `itty: field M: maxItems applies to slices, not to map[string]int`},
		{compileErr[struct {
			N int `query:"n" format:"email"`
		}](), `itty: field N: format "email" applies to strings, not to int`},
		{compileErr[struct {
			T time.Time `query:"t" format:"date"`
		}](), `itty: field T: format "date" applies to strings, not to time.Time`},
		{compileErr[struct {
			I item `json:"i" enum:"a"`
		}](), `itty: field I: enum applies to strings, numbers, booleans and comparable text types, not to bind_test.item`},
		{compileErr[struct {
			S []map[string]int `json:"s" uniqueItems:"true"`
		}](), `itty: field S: uniqueItems needs comparable elements without interfaces, and map[string]int is not`},
		{compileErr[struct {
			S []any `json:"s" uniqueItems:"true"`
		}](), `itty: field S: uniqueItems needs comparable elements without interfaces, and interface {} is not`},
		{compileErr[struct {
			ID int `path:"id" minLength:"1"`
		}](bind.PathParam{Name: "id", Kind: params.Int}), `itty: field ID: minLength applies to strings, not to int`},
		// Rules against defaults and bindings.
		{compileErr[struct {
			N int `query:"n" required:"true" default:"1"`
		}](), `itty: field N: a required field cannot have a default`},
		{compileErr[struct {
			N int `query:"n" minimum:"1" default:"0"`
		}](), `itty: field N: default "0" breaks a rule: must be at least 1`},
		{compileErr[struct {
			S string `form:"s" enum:"a,b" default:"c"`
		}](), `itty: field S: default "c" breaks a rule: must be one of: a, b`},
		{compileErr[struct {
			N int `minimum:"1"`
		}](), `itty: field N: the field has validation rules but no source tag, so it is never bound`},
		{compileErr[struct {
			B struct {
				N int `json:"n" minLength:"2"`
			} `body:""`
		}](), `itty: field B (body:""): in type struct { N int "json:\"n\" minLength:\"2\"" }: field N: minLength applies to strings, not to int`},
		{compileErr[struct {
			F []struct {
				S string `form:"s" pattern:"("`
			} `form:"f"`
		}](), "itty: field F (form:\"f\"): in type struct { S string \"form:\\\"s\\\" pattern:\\\"(\\\"\" }: field S: pattern \"(\" does not compile: error parsing regexp: missing closing ): `(`"},
	}
	for _, c := range cases {
		var pe *bind.PlanError
		if !stderrors.As(c.err, &pe) || pe.Field == "" {
			t.Errorf("%v: not a *bind.PlanError naming the field", c.err)
		}
		if got := errText(c.err); got != c.want {
			t.Errorf("\n got  %s\n want %s", got, c.want)
		}
	}
}

func TestRulesAllowed(t *testing.T) {
	type P struct {
		T   time.Time   `query:"t" format:"date-time"`
		U   uuid.UUID   `query:"u" format:"uuid" enum:"6ba7b810-9dad-11d1-80b4-00c04fd430c8"`
		PS  *string     `query:"ps" minLength:"1" pattern:"^a"`
		SS  []string    `query:"ss" minItems:"1" maxItems:"3" uniqueItems:"true" maxLength:"2" enum:"a,b"`
		PI  []*int      `json:"pi" uniqueItems:"true" minimum:"0"`
		F   float32     `query:"f" exclusiveMinimum:"0.5" multipleOf:"0.25"`
		U8  uint8       `query:"u8" minimum:"-5" maximum:"300"`
		Any any         `json:"any" required:"true"`
		Req map[int]int `json:"req" required:"false"`
	}
	if _, err := bind.Compile[P](nil); err != nil {
		t.Fatal(err)
	}
}

func TestRulesExposedOnFields(t *testing.T) {
	type P struct {
		ID    int      `path:"id" minimum:"1" maximum:"9007199254740993"`
		Name  string   `json:"name" required:"true" minLength:"2" maxLength:"10" pattern:"^[a-z]+$" format:"hostname"`
		Score float64  `query:"score" exclusiveMinimum:"0" exclusiveMaximum:"1.5" multipleOf:"0.5"`
		Kind  int8     `query:"kind" enum:"1, 2,3"`
		Tags  []string `form:"tag" minItems:"1" maxItems:"5" uniqueItems:"true"`
		Plain string   `query:"plain"`
	}
	plan := mustPlan[P](t, bind.PathParam{Name: "id", Kind: params.Int})
	fields := plan.Fields()
	r := fields[0].Rules
	if r == nil || r.Minimum.Text != "1" || r.Minimum.Value != 1 || r.Maximum.String() != "9007199254740993" || r.Required {
		t.Errorf("ID rules: %+v", r)
	}
	r = fields[1].Rules
	if !r.Required || *r.MinLength != 2 || *r.MaxLength != 10 || r.Pattern.String() != "^[a-z]+$" || r.Format != "hostname" {
		t.Errorf("Name rules: %+v", r)
	}
	r = fields[2].Rules
	if r.ExclusiveMinimum.Value != 0 || r.ExclusiveMaximum.Value != 1.5 || r.MultipleOf.Text != "0.5" || r.Minimum != nil {
		t.Errorf("Score rules: %+v", r)
	}
	if r = fields[3].Rules; !reflect.DeepEqual(r.Enum, []any{int8(1), int8(2), int8(3)}) {
		t.Errorf("Kind enum: %#v", r.Enum)
	}
	r = fields[4].Rules
	if *r.MinItems != 1 || *r.MaxItems != 5 || !r.UniqueItems || r.Enum != nil {
		t.Errorf("Tags rules: %+v", r)
	}
	if fields[5].Rules != nil {
		t.Errorf("Plain has rules: %+v", fields[5].Rules)
	}
	if got := bind.Formats(); !reflect.DeepEqual(got, []string{"date", "date-time", "email", "hostname", "ipv4", "ipv6", "time", "uri", "uuid"}) {
		t.Errorf("Formats() = %q", got)
	}
}

// time.Time values are equal for enum and uniqueItems when they are the
// same instant with the same offset, whatever *Location time.Parse gave
// them (a new one for each +05:30).
func TestTimeEnumAndUniqueItems(t *testing.T) {
	type P struct {
		At   time.Time    `query:"at" enum:"2026-01-02T03:04:05+05:30, 2026-01-02T03:04:05Z"`
		PAt  *time.Time   `query:"pat" enum:"2026-01-02T03:04:05-09:30"`
		List []time.Time  `query:"t" uniqueItems:"true"`
		Ptrs []*time.Time `json:"ptrs" uniqueItems:"true"`
	}
	checkRuleCases(t, []ruleCase{
		{"enum with an offset", run[P](t, get("/?at=2026-01-02T03:04:05%2B05:30&pat=2026-01-02T03:04:05-09:30")), nil},
		{"enum in UTC, written two ways", run[P](t, get("/?at=2026-01-02T03:04:05%2B00:00")), nil},
		{"the same instant at another offset is not listed", run[P](t, get("/?at=2026-01-01T21:34:05Z")),
			[]string{"query.at=must be one of: 2026-01-02T03:04:05+05:30, 2026-01-02T03:04:05Z|2026-01-01T21:34:05Z"}},
		{"distinct times", run[P](t, get("/?t=2026-01-02T03:04:05%2B05:30&t=2026-01-01T21:34:05Z")), nil},
		{"duplicates with an offset", run[P](t, get("/?t=2026-01-02T03:04:05%2B05:30&t=2026-01-02T03:04:05%2B05:30")),
			[]string{"query.t=must not contain duplicates|2026-01-02T03:04:05+05:30"}},
		{"duplicate pointers", run[P](t, newBodyRequest("POST", "/", "application/json", `{"ptrs":["2026-01-02T03:04:05+05:45",null,"2026-01-02T03:04:05+05:45"]}`)),
			[]string{"body.ptrs=must not contain duplicates|2026-01-02T03:04:05+05:45"}},
	})
}

// Lengths are counted in runes, and the largest counts a tag can hold
// still compare correctly.
func TestLengthLimits(t *testing.T) {
	type P struct {
		Huge  string   `query:"huge" maxLength:"9223372036854775807"`
		Big   string   `query:"big" minLength:"4611686018427387904"`
		Runes []string `query:"r" minLength:"2" maxLength:"3"`
	}
	checkRuleCases(t, []ruleCase{
		{"the largest maxLength", run[P](t, get("/?huge=abc")), nil},
		{"a huge minLength", run[P](t, get("/?big=abc")), []string{"query.big=must be at least 4611686018427387904 characters long|abc"}},
		{"runes", run[P](t, get("/?r=%C3%A9%C3%A9&r=%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80&r=%FF%FF")), nil},
		{"runes too few and too many", run[P](t, get("/?r=%F0%9F%98%80&r=%C3%A9%C3%A9%C3%A9%C3%A9")),
			[]string{"query.r[0]=must be at least 2 characters long|😀", "query.r[1]=must be at most 3 characters long|éééé"}},
	})
}
