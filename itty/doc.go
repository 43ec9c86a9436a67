// Package itty is a small framework for typed HTTP handlers on net/http, in
// the spirit of Python's itty3.
//
// A handler is a plain function of a *Request and a parameter struct P:
//
//	app := itty.New()
//	itty.Get(app, "/done/<int:offset>/", func(r *itty.Request, p struct {
//		Offset int `path:"offset"`
//	}) itty.Response {
//		return respond.Text(fmt.Sprintf("item %d", p.Offset))
//	})
//	app.Run() // itty 0.1.0: Now serving requests at http://127.0.0.1:8000...
//
// Patterns have typed segments: <int:name>, <float:name>, <str:name>,
// <slug:name>, <uuid:name>, and <path:name> for the rest of the path. A
// segment that does not fit its kind — or its field: 300 does not fit an
// int8 — does not match, so a handler is never called with a made-up zero.
// At each segment a literal beats uuid, then int, float, slug, str and path,
// whatever the registration order.
//
// P's struct tags say where each field comes from: path, query, header,
// cookie, form (urlencoded and multipart bodies, files as
// *multipart.FileHeader), json (members of a JSON object body) and body
// (the whole body). Validation tags use JSON Schema's keywords: required,
// minimum, maximum, minLength, maxLength, pattern, enum, format and the
// others listed in package bind. The plan that fills P is compiled once,
// when the route is registered; a pattern and a P that disagree, or a rule
// that cannot apply, stop the program there with a *RouteError naming the
// route, the field and the reason. Register is the form that returns the
// error instead. An unreadable body is answered 400, a body over the limit
// 413, a content type P cannot take 415, and values that do not convert or
// break a rule 422 with each location ("query.page", "body.title").
//
// An *App is an http.Handler. Run starts a development server with sane
// timeouts and graceful shutdown. Handlers can be tested as plain
// functions with NewRequest and Record.
package itty
