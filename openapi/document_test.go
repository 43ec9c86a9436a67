package openapi_test

// Tests of Document: the feature app's document is valid for independent
// validators, equal to its golden file and the same on every build;
// hidden routes are left out; what cannot be described is an error naming
// the route.

import (
	"bytes"
	"encoding/json"
	stderrors "errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/openapi"
	"github.com/ittygo/itty/openapi/internal/oatest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// mustFeatureDocument returns the feature app's document.
func mustFeatureDocument(t testing.TB) []byte {
	t.Helper()
	doc, err := openapi.Document(featureApp(), featureInfo(), featureOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// mustTree decodes a document.
func mustTree(t testing.TB, doc []byte) map[string]any {
	t.Helper()
	var tree map[string]any
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	if err := dec.Decode(&tree); err != nil {
		t.Fatal(err)
	}
	return tree
}

// at returns the value at a /-separated path of keys in a decoded
// document ("paths", "/api/items", "get").
func at(t testing.TB, v any, keys ...string) any {
	t.Helper()
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("no object at %q before %q", strings.Join(keys, " "), k)
		}
		if v, ok = m[k]; !ok {
			t.Fatalf("no %q in %q", k, strings.Join(keys, " "))
		}
	}
	return v
}

func TestFeatureDocumentIsValid(t *testing.T) {
	doc := mustFeatureDocument(t)
	for _, p := range oatest.Validate(doc) {
		t.Error(p)
	}
	if n := len(oatest.SchemaPointers(mustTree(t, doc))); n < 40 {
		t.Errorf("only %d schemas checked", n)
	}
}

func TestFeatureDocumentGolden(t *testing.T) {
	doc := mustFeatureDocument(t)
	if again := mustFeatureDocument(t); !bytes.Equal(doc, again) {
		t.Fatal("a second build of the document gives other bytes")
	}
	path := filepath.Join("testdata", "feature.golden.json")
	if *update {
		if err := os.WriteFile(path, doc, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(doc, want) {
		la, lb := strings.Split(string(doc), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(la) && i < len(lb); i++ {
			if la[i] != lb[i] {
				t.Fatalf("the document differs from %s at line %d (run go test -update after checking the change):\n got: %s\nwant: %s", path, i+1, la[i], lb[i])
			}
		}
		t.Fatalf("the document differs from %s in length: %d lines, want %d", path, len(la), len(lb))
	}
}

func TestFeatureDocumentOperations(t *testing.T) {
	tree := mustTree(t, mustFeatureDocument(t))
	var got []string
	for p, item := range at(t, tree, "paths").(map[string]any) {
		for m, op := range item.(map[string]any) {
			got = append(got, strings.ToUpper(m)+" "+p+" "+at(t, op, "operationId").(string))
		}
	}
	sort.Strings(got)
	want := []string{
		"DELETE /api/files/{rest} deleteApiFilesByRest",
		"GET / getRoot",
		"GET /api/items getApiItems",
		"GET /api/items/{id} getApiItemsById",
		"GET /static/{file} getStaticByFile",
		"PATCH /api/pairs/{weight} patchApiPairsByWeight",
		"POST /api/items/{id}/strict postApiItemsByIdStrict",
		"POST /api/kinds postApiKinds",
		"POST /api/raw postApiRaw",
		"POST /api/trees/{name} plantTree",
		"POST /api/uploads/{kind} postApiUploadsByKind",
		"PUT /api/items/{id} putApiItemsById",
		"PUT /api/scores putApiScores",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("operations =\n%s\nwant (hidden routes left out)\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	names := []string{}
	for n := range at(t, tree, "components", "schemas").(map[string]any) {
		names = append(names, n)
	}
	sort.Strings(names)
	wantNames := []string{"Address", "AddressInput", "AddressStrictInput", "FormAddress", "FormLine", "Item", "Kinds", "KindsInput",
		"KindsStrictInput", "PageItem", "PairStringInt", "PairStringIntInput", "PairStringIntStrictInput", "Problem",
		"Shared", "SharedInput", "SharedStrictInput", "Tree", "TreeInput", "UUID"}
	if !reflect.DeepEqual(names, wantNames) {
		t.Errorf("component schemas = %q, want %q", names, wantNames)
	}
	sec := fmt.Sprint(at(t, tree, "paths", "/api/files/{rest}", "delete", "security"))
	if sec != "[]" {
		t.Errorf("NoSecurity: security = %s, want []", sec)
	}
	if dep := at(t, tree, "paths", "/api/pairs/{weight}", "patch", "deprecated"); dep != true {
		t.Errorf("Deprecated: deprecated = %v", dep)
	}
}

func TestDocumentErrors(t *testing.T) {
	info := openapi.Info{Title: "T", Version: "1"}
	noop := func(r *itty.Request, p struct{}) itty.Response { return nil }
	cases := []struct {
		name string
		app  func() *itty.App
		info openapi.Info
		opts []openapi.Option
		want string
	}{
		{"no title", newApp, openapi.Info{Version: "1"}, nil, "itty: openapi: Info needs a Title and a Version"},
		{"undeclared default scheme", newApp, info, []openapi.Option{openapi.WithSecurity("oauth")},
			`itty: openapi: the default security names the scheme "oauth", which is not declared (see WithSecurityScheme)`},
		{"undeclared route scheme", func() *itty.App {
			app := itty.New()
			itty.Get(app, "/x", noop, itty.Security("oauth"))
			return app
		}, info, nil, `itty: openapi: route GET /x (openapi/document_test.go:LINE): security scheme "oauth" is not declared (see WithSecurityScheme)`},
		{"bad scheme", func() *itty.App { return itty.New() }, info, []openapi.Option{openapi.WithSecurityScheme("k", openapi.APIKeyAuth("body", "k"))},
			`itty: openapi: security scheme "k": an apiKey scheme is sent in a header, query or cookie, not "body"`},
		{"duplicate operation id", func() *itty.App {
			app := itty.New()
			itty.Get(app, "/a", noop, itty.OperationID("op"))
			itty.Get(app, "/b", noop, itty.OperationID("op"))
			return app
		}, info, nil, `itty: openapi: route GET /b (openapi/document_test.go:LINE): operation id "op" is already the id of GET /a (openapi/document_test.go:LINE)`},
		{"same shape, other names", func() *itty.App {
			app := itty.New()
			itty.Get(app, "/a/<int:id>", func(r *itty.Request, p struct {
				ID int `path:"id"`
			}) itty.Response {
				return nil
			})
			itty.Delete(app, "/a/<int:n>", func(r *itty.Request, p struct {
				N int `path:"n"`
			}) itty.Response {
				return nil
			})
			return app
		}, info, nil, `itty: openapi: route DELETE /a/<int:n> (openapi/document_test.go:LINE): its OpenAPI path /a/{n} has the shape of /a/{id}: use the same parameter names, or hide one route with itty.Hidden`},
		{"two kinds, one template", func() *itty.App {
			app := itty.New()
			itty.Get(app, "/a/<int:id>", func(r *itty.Request, p struct {
				ID int `path:"id"`
			}) itty.Response {
				return nil
			})
			itty.Get(app, "/a/<slug:id>", func(r *itty.Request, p struct {
				ID string `path:"id"`
			}) itty.Response {
				return nil
			})
			return app
		}, info, nil, `itty: openapi: route GET /a/<slug:id> (openapi/document_test.go:LINE): OpenAPI cannot tell it from GET /a/<int:id> (openapi/document_test.go:LINE): both are GET /a/{id}; hide one with itty.Hidden`},
		{"method without operations", func() *itty.App {
			app := itty.New()
			itty.Handle(app, "PURGE", "/cache", noop)
			return app
		}, info, nil, `itty: openapi: route PURGE /cache (openapi/document_test.go:LINE): OpenAPI 3.1 has no operations for the method PURGE (hide the route with itty.Hidden)`},
		{"bad rule in a response type", func() *itty.App {
			app := itty.New()
			type out struct {
				N string `json:"n" minimum:"1"`
			}
			itty.GetJSON(app, "/x", func(r *itty.Request, p struct{}) (out, error) { return out{}, nil })
			return app
		}, info, nil, `itty: openapi: route GET /x (openapi/document_test.go:LINE): type openapi_test.out: field N: minimum applies to numbers, not to string`},
	}
	line := regexp.MustCompile(`document_test\.go:\d+`)
	for _, c := range cases {
		_, err := openapi.Document(c.app(), c.info, c.opts...)
		got := ""
		if err != nil {
			got = line.ReplaceAllString(err.Error(), "document_test.go:LINE")
		}
		if got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
		var re *openapi.RouteError
		if strings.Contains(c.want, "route ") && !stderrors.As(err, &re) {
			t.Errorf("%s: %T is not a *RouteError", c.name, err)
		}
	}
}

func ExampleDocument() {
	type item struct {
		ID   int    `json:"id"`
		Name string `json:"name" minLength:"1"`
	}
	app := itty.New()
	itty.GetJSON(app, "/items/<int:id>", func(r *itty.Request, p struct {
		ID int32 `path:"id"`
	}) (item, error) {
		return item{ID: int(p.ID), Name: "pen"}, nil
	}, itty.Summary("Get an item"))
	doc, err := openapi.Document(app, openapi.Info{Title: "Shop", Version: "1.0.0"})
	if err != nil {
		panic(err)
	}
	var d struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Parameters  []struct {
				Schema json.RawMessage `json:"schema"`
			} `json:"parameters"`
			Responses map[string]any `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		panic(err)
	}
	op := d.Paths["/items/{id}"]["get"]
	var statuses []string
	for s := range op.Responses {
		statuses = append(statuses, s)
	}
	sort.Strings(statuses)
	var schema bytes.Buffer
	if err := json.Compact(&schema, op.Parameters[0].Schema); err != nil {
		panic(err)
	}
	fmt.Println(op.OperationID, statuses)
	fmt.Println(schema.String())
	// Output:
	// getItemsById [200 404 500]
	// {"maximum":2147483647,"minimum":0,"type":"integer"}
}

// newApp returns an app with no routes.
func newApp() *itty.App { return itty.New() }
