package openapi

// Tests of request bodies: which media types a route documents, what each
// holds, and when the body is required.

import (
	"mime/multipart"
	"reflect"
	"testing"

	"github.com/ittygo/itty/itty"
)

// mustRoute registers one route on a fresh app and returns its RouteInfo.
func mustRoute[P any](t *testing.T, method, pattern string, opts ...itty.RouteOption) itty.RouteInfo {
	t.Helper()
	app := itty.New()
	if _, err := itty.Register(app, method, pattern, func(r *itty.Request, p P) itty.Response { return nil }, opts...); err != nil {
		t.Fatal(err)
	}
	return app.Routes()[0]
}

// mustBody describes the body of rt as JSON, with placeholder names
// resolved.
func mustBody(t *testing.T, rt itty.RouteInfo) string {
	t.Helper()
	g := newGenerator(newConfig(nil))
	rb, err := g.requestBody(rt)
	if err != nil {
		t.Fatal(err)
	}
	if rb == nil {
		return "none"
	}
	return mustJSON(t, rb)
}

type bodyAddress struct {
	City string `json:"city" required:"true"`
}

func TestRequestBodies(t *testing.T) {
	type jsonFields struct {
		Name string       `json:"name" required:"true" doc:"The name."`
		Addr *bodyAddress `json:"addr"`
	}
	type optional struct {
		Name string `json:"name"`
	}
	type decoded struct {
		Items []bodyAddress `body:"" minItems:"1"`
	}
	type raw struct {
		Data string `body:"" doc:"Anything."`
	}
	type forms struct {
		Title string                `form:"title" required:"true"`
		N     int                   `form:"n" default:"1"`
		File  *multipart.FileHeader `form:"file"`
	}
	type urlencoded struct {
		Title string `form:"title"`
	}
	cases := []struct {
		name string
		rt   itty.RouteInfo
		want string
	}{
		{"json fields", mustRoute[jsonFields](t, "POST", "/"),
			`{"content":{"application/json":{"schema":{"properties":{"addr":{"anyOf":[{"$ref":"#/components/schemas/x0v1"},{"type":"null"}]},"name":{"description":"The name.","type":"string"}},"required":["name"],"type":"object"}}},"required":true}`},
		{"json fields, none required", mustRoute[optional](t, "GET", "/"),
			`{"content":{"application/json":{"schema":{"properties":{"name":{"type":["string","null"]}},"type":["object","null"]}}}}`},
		{"strict", mustRoute[optional](t, "POST", "/", itty.RouteStrictJSON(true)),
			`{"content":{"application/json":{"schema":{"additionalProperties":false,"properties":{"name":{"type":["string","null"]}},"type":["object","null"]}}}}`},
		{"decoded body", mustRoute[decoded](t, "PUT", "/"),
			`{"content":{"application/json":{"schema":{"items":{"$ref":"#/components/schemas/x0v1"},"minItems":1,"type":["array","null"]}}}}`},
		{"raw body", mustRoute[raw](t, "POST", "/"),
			`{"content":{"*/*":{"schema":{"description":"Anything.","type":"string"}}}}`},
		{"form with a file", mustRoute[forms](t, "POST", "/"),
			`{"content":{"multipart/form-data":{"schema":{"properties":{"file":{"contentMediaType":"application/octet-stream","format":"binary","type":"string"},"n":{"default":1,"description":"An empty value counts as absent.","format":"int64","type":"integer"},"title":{"type":"string"}},"required":["title"],"type":"object"}}},"required":true}`},
		{"form without files", mustRoute[urlencoded](t, "PATCH", "/"),
			`{"content":{"application/x-www-form-urlencoded":{"schema":{"properties":{"title":{"type":"string"}},"type":"object"}},"multipart/form-data":{"schema":{"properties":{"title":{"type":"string"}},"type":"object"}}}}`},
		{"form on GET is not read", mustRoute[urlencoded](t, "GET", "/"), "none"},
		{"no body", mustRoute[struct {
			Q string `query:"q"`
		}](t, "POST", "/"), "none"},
	}
	for _, c := range cases {
		if got := mustBody(t, c.rt); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

func TestNestedKey(t *testing.T) {
	type line struct {
		Skip string `form:"-"`
		Qty  int    `form:"qty"`
	}
	cases := []struct {
		name string
		typ  any
		want string
	}{
		{"lines", []line{}, "lines[0].qty"},
		{"m", map[string]line{}, "m[key].qty"},
		{"l", line{}, "l.qty"},
		{"p", &line{}, "p.qty"},
		{"tags", map[string][]string{}, "tags[key][0]"},
	}
	for _, c := range cases {
		if got := nestedKey(c.name, typeOf(c.typ)); got != c.want {
			t.Errorf("nestedKey(%s) = %q, want %q", c.name, got, c.want)
		}
	}
	if got := mustJSON(t, fileSchema()); got != `{"contentMediaType":"application/octet-stream","format":"binary","type":"string"}` {
		t.Errorf("fileSchema = %s", got)
	}
}

func typeOf(v any) reflect.Type { return reflect.TypeOf(v) }
