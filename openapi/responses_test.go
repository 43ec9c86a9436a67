package openapi

// Tests of responses: the declared ones, and the errors itty answers by
// itself, each only where it can occur; and the problem schema against
// what package errors renders.

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
)

// statuses lists the responses of rt: status, and "ref" for the shared
// ones.
func statuses(t *testing.T, rt itty.RouteInfo) string {
	t.Helper()
	g := newGenerator(newConfig(nil))
	body, err := g.requestBody(rt)
	if err != nil {
		t.Fatal(err)
	}
	res, err := g.responses(rt, body)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for k, r := range res.MapOfResponseOrReferenceValues {
		if r.Reference != nil {
			out = append(out, k+"="+strings.TrimPrefix(r.Reference.Ref, "#/components/responses/"))
		} else {
			out = append(out, k+"="+r.Response.Description)
		}
	}
	if res.Default != nil {
		out = append(out, "default")
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

type validating struct{}

func (validating) Validate() error { return nil }

func TestErrorResponsesWhereTheyOccur(t *testing.T) {
	cases := []struct {
		name string
		rt   itty.RouteInfo
		want string
	}{
		{"nothing to bind", mustRoute[struct{}](t, "GET", "/"), "500=InternalError default"},
		{"plain strings", mustRoute[struct {
			S string   `query:"s"`
			L []string `header:"L"`
		}](t, "GET", "/"), "500=InternalError default"},
		{"a conversion", mustRoute[struct {
			N int `query:"n"`
		}](t, "GET", "/"), "422=UnprocessableContent 500=InternalError default"},
		{"a rule", mustRoute[struct {
			S string `cookie:"s" required:"true"`
		}](t, "GET", "/"), "422=UnprocessableContent 500=InternalError default"},
		{"Validate", mustRoute[validating](t, "GET", "/"), "422=UnprocessableContent 500=InternalError default"},
		{"typed segment", mustRoute[struct {
			ID int `path:"id"`
		}](t, "GET", "/<int:id>"), "404=NotFound 500=InternalError default"},
		{"str and path segments", mustRoute[struct {
			A string `path:"a"`
			B string `path:"b"`
		}](t, "GET", "/<str:a>/<path:b>"), "500=InternalError default"},
		{"json body", mustRoute[struct {
			A string `json:"a"`
		}](t, "POST", "/"), "400=BadRequest 413=ContentTooLarge 415=UnsupportedMediaType 422=UnprocessableContent 500=InternalError default"},
		{"raw body", mustRoute[struct {
			B []byte `body:""`
		}](t, "POST", "/"), "400=BadRequest 413=ContentTooLarge 500=InternalError default"},
		{"form on DELETE is not read", mustRoute[struct {
			F string `form:"f"`
		}](t, "DELETE", "/"), "500=InternalError default"},
		{"upload", mustRoute[struct {
			F *multipart.FileHeader `form:"f"`
		}](t, "POST", "/"), "400=BadRequest 413=ContentTooLarge 415=UnsupportedMediaType 422=UnprocessableContent 500=InternalError default"},
		{"declared", mustRoute[struct {
			ID int `path:"id"`
		}](t, "GET", "/<int:id>", itty.Returns(200, "", "text"), itty.Returns(404, (*itty.Error)(nil), "No such thing."), itty.Returns(500, nil, "Broken.")),
			"200=text 404=No such thing. Also: No route matches: a path segment does not fit its kind or its field's range. 500=Broken. Also: The handler failed or panicked. The cause is logged, never shown."},
	}
	for _, c := range cases {
		if got := statuses(t, c.rt); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

func TestDeclaredResponseContent(t *testing.T) {
	type out struct {
		N int `json:"n"`
	}
	rt := mustRoute[struct{}](t, "GET", "/",
		itty.Returns(200, out{}, "json"), itty.Returns(201, "", "text"), itty.Returns(202, []byte(nil), "bytes"),
		itty.Returns(400, (*itty.Error)(nil), "problem"), itty.ReturnsContent(203, "application/vnd.a+json", out{}, "vendor json"),
		itty.ReturnsContent(206, "image/png", []byte(nil), "png"), itty.Returns(204, nil, "nothing"))
	g := newGenerator(newConfig(nil))
	res, err := g.responses(rt, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for k, r := range res.MapOfResponseOrReferenceValues {
		if r.Response != nil {
			got[k] = mustJSON(t, r.Response.Content)
		}
	}
	want := map[string]string{
		"200": `{"application/json":{"schema":{"$ref":"#/components/schemas/x0v0"}}}`,
		"201": `{"text/plain; charset=utf-8":{"schema":{"type":"string"}}}`,
		"202": `{"application/octet-stream":{"schema":{"contentMediaType":"application/octet-stream","format":"binary","type":"string"}}}`,
		"203": `{"application/vnd.a+json":{"schema":{"$ref":"#/components/schemas/x0v0"}}}`,
		"204": `null`,
		"206": `{"image/png":{"schema":{"contentMediaType":"image/png","format":"binary","type":"string"}}}`,
		"400": `{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}},"text/html":{"schema":{"description":"A small HTML page, for clients that prefer HTML.","type":"string"}}}`,
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %s, want %s", k, got[k], w)
		}
	}
}

func TestProblemSchemaDescribesRenderedErrors(t *testing.T) {
	c := jsonschema.NewCompiler()
	def, err := toJSONValue(problemDefinition())
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("urn:problem", def); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("urn:problem")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []*errors.Error{
		errors.NotFound(),
		errors.MethodNotAllowed("GET"),
		errors.BadRequest("bad", nil),
		errors.Unprocessable(errors.FieldError{Source: "query", Name: "n", Message: "must be an integer", Value: "x"}, errors.FieldError{Message: "3 more problems are not listed"}),
		errors.Internal(nil),
		{Status: 418, Title: "Teapot", Type: "https://example.com/teapot", Detail: "short and stout"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept", "application/json")
		w := httptest.NewRecorder()
		if err := e.Render(w, r, true); err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(w.Body.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s does not match the problem schema: %v", w.Body.String(), err)
		}
		var doc map[string]any
		if json.Unmarshal(w.Body.Bytes(), &doc) != nil || w.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("not a problem document: %q %s", w.Header().Get("Content-Type"), w.Body.String())
		}
	}
}
