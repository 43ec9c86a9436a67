// Package routes holds the API route sets of the benchmarks (GitHub, Parse,
// Google+) and, generated from shared/bench-data by internal/gen, the code
// the typed frameworks need per route: parameter structs, handlers and
// registration functions for itty and huma, and the static-route switch of
// the hand-written baseline.
//
// The untyped frameworks register the same tables with one closure per
// route over the route's parameter names.
package routes

//go:generate go run ../gen -data ../../../../shared/bench-data -out .

import (
	"context"

	"github.com/ittygo/itty/itty"
)

// ittyNoParams is the itty handler of every route without parameters.
func ittyNoParams(*itty.Request, struct{}) itty.Response { return nil }

// humaNoParams is the huma handler of every route without parameters.
func humaNoParams(context.Context, *struct{}) (*struct{}, error) { return nil, nil }
