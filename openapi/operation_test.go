package openapi

// Tests of operations: path templates, operation ids, methods, and route
// errors.

import (
	stderrors "errors"
	"testing"

	"github.com/swaggest/openapi-go/openapi31"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/params"
)

func TestPathTemplate(t *testing.T) {
	cases := []struct{ pattern, template, shape string }{
		{"/", "/", "/"},
		{"/items", "/items", "/items"},
		{"/items/", "/items/", "/items/"},
		{"/items/<int:id>", "/items/{id}", "/items/{}"},
		{"/a/<slug:s>/b/<path:rest>", "/a/{s}/b/{rest}", "/a/{}/b/{}"},
	}
	for _, c := range cases {
		p, err := params.Parse(c.pattern)
		if err != nil {
			t.Fatal(err)
		}
		template, shape := pathTemplate(p.Segments)
		if template != c.template || shape != c.shape {
			t.Errorf("pathTemplate(%s) = %s %s, want %s %s", c.pattern, template, shape, c.template, c.shape)
		}
	}
}

func TestOperationIDs(t *testing.T) {
	routes := []itty.RouteInfo{
		{Method: "GET", Pattern: "/items"},
		{Method: "GET", Pattern: "/items/"},
		{Method: "POST", Pattern: "/items", Meta: itty.RouteMeta{OperationID: "getItems2"}},
		{Method: "GET", Pattern: "/items/<int:id>", Meta: itty.RouteMeta{OperationID: "getItem"}},
		{Method: "GET", Pattern: "/items//"},
	}
	ids, err := operationIDs(routes)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"getItems", "getItems3", "getItems2", "getItem", "getItems4"}
	for i := range want {
		if ids[i] != want[i] {
			t.Errorf("ids = %q, want %q", ids, want)
			break
		}
	}
	routes[3].Meta.OperationID = "getItems2"
	_, err = operationIDs(routes)
	var re *RouteError
	if !stderrors.As(err, &re) || err.Error() != `itty: openapi: route GET /items/<int:id> (): operation id "getItems2" is already the id of POST /items ()` {
		t.Errorf("duplicate ids: %v", err)
	}
}

func TestSetOperation(t *testing.T) {
	var item openapi31.PathItem
	for _, m := range []string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"} {
		if err := setOperation(&item, m, &openapi31.Operation{}); err != nil {
			t.Errorf("%s: %v", m, err)
		}
	}
	if item.Get == nil || item.Put == nil || item.Post == nil || item.Delete == nil || item.Options == nil || item.Head == nil || item.Patch == nil || item.Trace == nil {
		t.Errorf("an operation is missing: %+v", item)
	}
	if err := setOperation(&item, "PROPFIND", &openapi31.Operation{}); err == nil {
		t.Error("PROPFIND: no error")
	}
}

func TestRouteErrorUnwraps(t *testing.T) {
	inner := stderrors.New("itty: openapi: boom")
	err := &RouteError{Method: "GET", Pattern: "/x", Where: "main.go:3", Err: inner}
	if err.Error() != "itty: openapi: route GET /x (main.go:3): boom" || !stderrors.Is(err, inner) {
		t.Errorf("RouteError = %q", err)
	}
}
