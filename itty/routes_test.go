package itty_test

// Tests of what App.Routes tells tools: segments, the parameter struct and
// its fields as compiled, the body limits in force, all as copies.

import (
	"reflect"
	"testing"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/params"
)

type routesParams struct {
	ID    int    `path:"id"`
	Page  int    `query:"page" default:"1" minimum:"1"`
	Token string `header:"x-token"`
	Name  string `json:"name" required:"true"`
}

func TestRouteInfo(t *testing.T) {
	app := itty.New(itty.MaxBodyBytes(100), itty.StrictJSON(true))
	itty.Post(app, "/items/<int:id>/", func(r *itty.Request, p routesParams) itty.Response { return nil },
		itty.Name("item"), itty.RouteMaxMultipartBytes(5000))
	itty.Get(app, "/", noop, itty.RouteStrictJSON(false))
	routes := app.Routes()
	if len(routes) != 2 {
		t.Fatalf("%d routes, want 2", len(routes))
	}
	r := routes[0]
	wantSegs := []params.Segment{{Kind: params.Literal, Text: "items"}, {Kind: params.Int, Text: "id"}, {Kind: params.Literal}}
	if r.Method != "POST" || r.Pattern != "/items/<int:id>/" || r.Name != "item" || !reflect.DeepEqual(r.Segments, wantSegs) {
		t.Errorf("route = %s %s %q %v", r.Method, r.Pattern, r.Name, r.Segments)
	}
	if r.Params != reflect.TypeFor[routesParams]() {
		t.Errorf("Params = %v", r.Params)
	}
	type fieldSummary struct {
		Source          bind.Source
		Name, GoName    string
		Default         string
		HasDefault      bool
		Segment         string
		Required, Rules bool
	}
	var got []fieldSummary
	for _, f := range r.Fields {
		got = append(got, fieldSummary{f.Source, f.Name, f.GoName, f.Default, f.HasDefault, f.Segment, f.Rules != nil && f.Rules.Required, f.Rules != nil})
	}
	want := []fieldSummary{
		{bind.Path, "id", "ID", "", false, "int", false, false},
		{bind.Query, "page", "Page", "1", true, "", false, true},
		{bind.Header, "X-Token", "Token", "", false, "", false, false},
		{bind.JSON, "name", "Name", "", false, "", true, true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Fields =\n%+v\nwant\n%+v", got, want)
	}
	wantLimits := bind.Limits{MaxBytes: 100, MaxMultipartBytes: 5000, MaxMultipartMemory: bind.DefaultMaxMultipartMemory, StrictJSON: true}
	if r.Limits != wantLimits {
		t.Errorf("Limits = %+v, want %+v", r.Limits, wantLimits)
	}
	if l := routes[1].Limits; l.StrictJSON || l.MaxBytes != 100 {
		t.Errorf("RouteStrictJSON(false): Limits = %+v", l)
	}
	// A copy: changing it changes nothing.
	r.Fields[0].Name = "changed"
	r.Segments[0].Text = "changed"
	again := app.Routes()[0]
	if again.Fields[0].Name != "id" || again.Segments[0].Text != "items" {
		t.Errorf("Routes shares its slices with the route")
	}
}
