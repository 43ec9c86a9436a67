// Package bind compiles binding plans: how the fields of a handler's parameter
// struct P are filled from one HTTP request.
//
// A plan is compiled once, by reflection, when a route is registered. Compile
// reads P's struct tags (path, query, header, cookie, form, json, body),
// checks them against the route's path parameters, and chooses for every
// field a setter that converts a string into the field's exact type. Every
// mistake — a path parameter with no field, a field of the wrong type for its
// segment kind, a name bound twice, a default that does not convert, a
// validation rule that cannot hold — is reported then, as a *PlanError
// naming the field and the reason.
//
// Binding a request only follows the plan: path values are taken by position,
// query keys are matched against a short list of names without building a map,
// and each field is written through its precomputed setter at a fixed offset.
// No struct tag is parsed and no reflect.Kind is inspected per request.
//
// Values that do not convert are reported together, each with its location
// ("query.page"), as one *errors.Error with status 422.
//
// Bodies are read once per request through a RequestBody: form fields from
// urlencoded and multipart forms (nested keys such as items[0].name for
// struct, slice and map fields), json fields from the members of a JSON
// object, and a body field from the whole body. A body that cannot be read
// is a 400, one over its limit a 413, one of a media type P cannot take a
// 415.
//
// Validation rules are JSON Schema keywords written one per tag
// (`minimum:"1"`, `pattern:"^[a-z]+$"`, `required:"true"`); see Rules.
// They are compiled with the plan, apply to every source and to the structs
// inside bodies, and every failure is reported in the 422. A type may also
// check itself by implementing Validator.
//
// Fields with no source tag are never written from the request, and inside
// bodies only tagged fields are: a JSON member cannot set anything else.
package bind
