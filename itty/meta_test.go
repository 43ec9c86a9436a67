package itty_test

// Tests of route metadata: the options set RouteInfo.Meta, bad metadata is
// a registration error, and operation ids derive stably from the route.

import (
	stderrors "errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

type metaItem struct {
	ID int `json:"id"`
}

func noop(r *itty.Request, p struct{}) itty.Response { return nil }

func TestRouteMetaOptions(t *testing.T) {
	app := itty.New()
	itty.Get(app, "/items", noop,
		itty.OperationID("listItems"), itty.Summary("List items"), itty.Description("All of them."),
		itty.Tags("items", "public"), itty.Deprecated(), itty.Hidden(),
		itty.Security("bearer", "items:read"), itty.SecurityAll(itty.SecurityRequirement{"key": nil, "mtls": {}}),
		itty.Returns(200, []metaItem{}, "the items"),
		itty.Returns(404, nil, "no items"),
		itty.Returns(410, (*itty.Error)(nil), "gone"),
		itty.Returns(203, "", "text"),
		itty.ReturnsContent(206, "text/csv", []byte(nil), "a slice"),
	)
	itty.Get(app, "/open", noop, itty.NoSecurity())
	routes := app.Routes()
	want := itty.RouteMeta{
		OperationID: "listItems", Summary: "List items", Description: "All of them.",
		Tags: []string{"items", "public"}, Deprecated: true, Hidden: true,
		Security: []itty.SecurityRequirement{{"bearer": {"items:read"}}, {"key": nil, "mtls": nil}},
		Responses: []itty.ResponseSpec{
			{Status: 200, Type: reflect.TypeFor[[]metaItem](), ContentType: "application/json", Description: "the items"},
			{Status: 404, Description: "no items"},
			{Status: 410, Type: reflect.TypeFor[*itty.Error](), ContentType: "application/problem+json", Description: "gone"},
			{Status: 203, Type: reflect.TypeFor[string](), ContentType: "text/plain; charset=utf-8", Description: "text"},
			{Status: 206, Type: reflect.TypeFor[[]byte](), ContentType: "text/csv", Description: "a slice"},
		},
	}
	if got := routes[0].Meta; !reflect.DeepEqual(got, want) {
		t.Errorf("Meta =\n%#v\nwant\n%#v", got, want)
	}
	if got := routes[1].Meta.Security; got == nil || len(got) != 0 {
		t.Errorf("NoSecurity: Security = %#v, want an empty non-nil list", got)
	}
	// RouteInfo is a copy: changing it changes nothing.
	routes[0].Meta.Tags[0] = "changed"
	routes[0].Meta.Security[0]["bearer"][0] = "changed"
	again := app.Routes()[0].Meta
	if again.Tags[0] != "items" || again.Security[0]["bearer"][0] != "items:read" {
		t.Errorf("Routes shares its metadata with the route: %v %v", again.Tags, again.Security)
	}
}

func TestRouteMetaErrors(t *testing.T) {
	cases := []struct {
		opt  itty.RouteOption
		want string
	}{
		{itty.Returns(99, nil, "x"), "response status 99 is not an HTTP status"},
		{itty.Returns(204, metaItem{}, "x"), "a 204 response has no body"},
		{itty.Returns(304, "", "x"), "a 304 response has no body"},
		{itty.SuccessStatus(201), "SuccessStatus applies to the JSON handler forms (GetJSON, PostJSON, ...), not to plain handlers"},
		{itty.Security(""), "a security requirement names an empty scheme"},
	}
	for _, c := range cases {
		_, err := itty.Register(itty.New(), "GET", "/x", noop, c.opt)
		var re *itty.RouteError
		if !stderrors.As(err, &re) || re.Err.Error() != "itty: "+c.want {
			t.Errorf("Register: %v, want a *RouteError for %q", err, c.want)
		}
	}
	_, err := itty.Register(itty.New(), "GET", "/x", noop, itty.Returns(404, nil, "a"), itty.Returns(404, nil, "b"))
	if err == nil || err.Error() != "itty: route GET /x ("+whereOf(err)+"): response 404 is declared twice" {
		t.Errorf("duplicate response: %v", err)
	}
}

// whereOf returns the Where of a *RouteError.
func whereOf(err error) string {
	var re *itty.RouteError
	if stderrors.As(err, &re) {
		return re.Where
	}
	return ""
}

func TestDefaultOperationID(t *testing.T) {
	cases := []struct{ method, pattern, want string }{
		{"GET", "/", "getRoot"},
		{"GET", "/items", "getItems"},
		{"GET", "/items/", "getItems"},
		{"GET", "/items/<int:id>", "getItemsById"},
		{"DELETE", "/items/<int:id>/tags/<slug:tag_name>", "deleteItemsByIdTagsByTagName"},
		{"POST", "/user-profiles/v2.1/upload_file", "postUserProfilesV21UploadFile"},
		{"PROPFIND", "/dav/<path:rest>", "propfindDavByRest"},
	}
	for _, c := range cases {
		if got := itty.DefaultOperationID(c.method, c.pattern); got != c.want {
			t.Errorf("DefaultOperationID(%s, %s) = %q, want %q", c.method, c.pattern, got, c.want)
		}
	}
}

func ExampleDefaultOperationID() {
	fmt.Println(itty.DefaultOperationID("GET", "/items/<int:id>"))
	fmt.Println(itty.DefaultOperationID("POST", "/user-profiles/"))
	// Output:
	// getItemsById
	// postUserProfiles
}

func ExampleReturns() {
	app := itty.New()
	itty.Get(app, "/report", func(r *itty.Request, p struct{}) itty.Response {
		return respond.Text("ok")
	}, itty.Summary("Today's report"), itty.Returns(200, "", "the report as text"), itty.Returns(503, (*itty.Error)(nil), "not ready yet"))
	for _, resp := range app.Routes()[0].Meta.Responses {
		fmt.Println(resp.Status, resp.ContentType, resp.Description)
	}
	// Output:
	// 200 text/plain; charset=utf-8 the report as text
	// 503 application/problem+json not ready yet
}
