// Package bind compiles binding plans: how the fields of a handler's parameter
// struct P are filled from one HTTP request.
//
// A plan is compiled once, by reflection, when a route is registered. Compile
// reads P's struct tags (path, query, header, cookie), checks them against the
// route's path parameters, and chooses for every field a setter that converts
// a string into the field's exact type. Every mistake — a path parameter with
// no field, a field of the wrong type for its segment kind, a name bound twice,
// a default that does not convert — is reported then, as a *PlanError naming
// the field and the reason.
//
// Binding a request only follows the plan: path values are taken by position,
// query keys are matched against a short list of names without building a map,
// and each field is written through its precomputed setter at a fixed offset.
// No struct tag is parsed and no reflect.Kind is inspected per request.
//
// Values that do not convert are reported together, each with its location
// ("query.page"), as one *errors.Error with status 422.
//
// Fields with no source tag are never written from the request.
package bind
