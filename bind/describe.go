package bind

// This file lets tools read validation tags exactly as a plan does. A plan
// exposes the Rules of P's own fields on Field; the structs inside bodies
// (and the response types an API documents) have tags too, and a document
// generator must read them with the same compiler, so that an enum of an
// int field is a list of ints and a rule that cannot apply is refused the
// same way.

import "reflect"

// CompileRules compiles the validation tags of one struct field of type t,
// as a plan does for the fields of P and of the structs in its bodies. It
// returns nil, nil when tag holds no validation keyword, and an error
// saying why a rule cannot apply to t otherwise (the text a *PlanError
// would give as its reason).
func CompileRules(tag reflect.StructTag, t reflect.Type) (*Rules, error) {
	r, _, err := compileRules(tag, t)
	return r, err
}
