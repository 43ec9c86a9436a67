// Package openapi describes an itty app as an OpenAPI 3.1 document and
// serves it, with a docs page that works offline.
//
// The document is built from what the app already knows: each route's
// pattern, its parameter struct as the binder compiled it (sources, names,
// defaults, validation rules), the success type of the JSON handler forms
// (itty.GetJSON and the others), and the metadata of route options
// (itty.Summary, itty.Tags, itty.Security, itty.Returns, itty.Hidden).
// It cannot drift from the code, and says what the binder does: typed path
// segments with their field's range, query slices as repeated keys, blank
// non-string values as absent, bodies by media type, null as absent in
// JSON bodies, and the errors itty answers by itself (400, 404, 413, 415,
// 422, 500) as RFC 9457 problem documents.
//
//	app := itty.New()
//	itty.GetJSON(app, "/items/<int:id>", getItem, itty.Tags("items"))
//	if err := openapi.Mount(app, openapi.Info{Title: "Shop", Version: "1.0.0"}); err != nil {
//		log.Fatal(err)
//	}
//	app.Run() // GET /openapi.json, /openapi.yaml and the docs page at /docs
//
// Document returns the same bytes for the same app every time: keys are
// sorted and component names are stable (Page[Item] is PageItem).
//
// This package is its own module, github.com/ittygo/itty/openapi, so the
// libraries it uses — github.com/swaggest/openapi-go for the document
// model, github.com/swaggest/jsonschema-go to reflect types into JSON
// Schema, github.com/swaggest/swgui for the Swagger UI assets embedded in
// the binary — are in the build only of programs that import it.
package openapi
