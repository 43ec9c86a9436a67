// Package app is itty3's Extending guide rewritten for itty: a custom
// response type (YAML), a custom request check (a single-use nonce header,
// as middleware, and a cross-field check on the parameter struct, through
// bind.Validator), and routing beyond the path (MatchHost), with the
// typed segments that make a custom route class unnecessary.
//
// It is a package of its own, rather than part of the command, so that it
// reads like the guide (docs/extending.md) and its tests stay beside it.
package app

import (
	"net/http"
	"time"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// APIHost is the host name whose requests the separate API app answers.
const APIHost = "api.localhost"

// item is what /app/<int:id>/<str:title> reads: the typed form of itty3's
// "/app/:id/:title" with its automatic conversion.
type item struct {
	ID    int    `path:"id"`
	Title string `path:"title"`
	Draft bool   `query:"draft"`
}

// span is a range of pages; it checks itself once its fields are bound.
type span struct {
	From int `query:"from" required:"true" minimum:"1"`
	To   int `query:"to" required:"true" minimum:"1"`
}

// Validate implements bind.Validator: To may not come before From.
func (s *span) Validate() error {
	if s.To < s.From {
		return &errors.FieldError{Source: "query", Name: "to", Message: "must not be less than from"}
	}
	return nil
}

// New returns the app, configured by opts, with nonces that live for ttl
// by the clock now (time.Now when nil).
func New(ttl time.Duration, now func() time.Time, opts ...itty.Option) *itty.App {
	a := itty.New(opts...)
	nonces := NewNonceStore(ttl, now)

	api := itty.New(opts...)
	itty.Get(api, "/", func(r *itty.Request, p struct{}) itty.Response {
		return YAML{Value: map[string]any{"service": "api", "host": r.Host}}
	})
	a.Use(MatchHost(APIHost, api))

	itty.Get(a, "/whatev/", func(r *itty.Request, p struct{}) itty.Response {
		return YAML{Value: map[string]string{"greeting": "Hello", "noun": "world", "punctuation": "!"}}
	})

	itty.Get(a, "/app/<int:id>/<str:title>", func(r *itty.Request, p item) itty.Response {
		return YAML{Value: map[string]any{"id": p.ID, "title": p.Title, "draft": p.Draft}}
	})

	itty.Get(a, "/pages/", func(r *itty.Request, p span) itty.Response {
		pages := make([]int, 0, p.To-p.From+1)
		for i := p.From; i <= p.To && len(pages) < 100; i++ {
			pages = append(pages, i)
		}
		return YAML{Value: map[string]any{"from": p.From, "to": p.To, "pages": pages}}
	})

	itty.Post(a, "/nonce/", func(r *itty.Request, p struct{}) itty.Response {
		n, err := nonces.Issue()
		if err != nil {
			return errors.From(err)
		}
		return respond.Text(n).WithStatus(http.StatusCreated)
	})

	secure := a.Group("/secure", RequireNonce(nonces))
	itty.Get(secure, "/hello", func(r *itty.Request, p struct{}) itty.Response {
		return YAML{Value: map[string]any{"message": "Hello, verified client!"}}
	})
	return a
}
