package itty

// This file builds what App.Routes tells about a route for tools that
// describe an app (package openapi, its own module): the pattern's
// segments, the parameter struct and its bound fields as compiled, the body
// limits in force and the route's metadata. Every value is a copy, so a
// tool cannot change a route.

import (
	"reflect"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/params"
)

// routeDoc is what a route records for RouteInfo beyond its method and
// pattern.
type routeDoc struct {
	params reflect.Type
	fields []bind.Field
	meta   RouteMeta
}

// newRouteDoc records the description of a route with parameter struct P.
func newRouteDoc[P any](plan *bind.Plan[P], meta RouteMeta) routeDoc {
	return routeDoc{params: reflect.TypeFor[P](), fields: plan.Fields(), meta: meta.clone()}
}

// info describes rt for App.Routes; c holds the app's settings.
func (rt *route) info(c *config) RouteInfo {
	limits := c.body
	rt.limits.apply(&limits)
	def := bind.DefaultLimits()
	if limits.MaxBytes <= 0 {
		limits.MaxBytes = def.MaxBytes
	}
	if limits.MaxMultipartBytes <= 0 {
		limits.MaxMultipartBytes = def.MaxMultipartBytes
	}
	if limits.MaxMultipartMemory <= 0 {
		limits.MaxMultipartMemory = def.MaxMultipartMemory
	}
	return RouteInfo{
		Method:   rt.method,
		Pattern:  rt.pattern,
		Where:    rt.where,
		Name:     rt.name,
		Segments: append([]params.Segment(nil), rt.pat.Segments...),
		Params:   rt.doc.params,
		Fields:   append([]bind.Field(nil), rt.doc.fields...),
		Limits:   limits,
		Meta:     rt.doc.meta.clone(),
	}
}
