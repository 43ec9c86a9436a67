// Package app is the TODO list of the itty tutorial (docs/tutorial.md): an
// index page listing the items, a form that creates one, and a button per
// item that marks it done. The list lives in a JSON file (see Store); the
// page is an html/template embedded in the program, so every item is
// escaped and the program runs from any directory.
//
// It is a package of its own, rather than part of the command, so that the
// browser and proxy tests in ../../../e2e can serve it.
package app

import (
	"bytes"
	_ "embed"
	"html/template"
	"strings"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

//go:embed index.html
var indexHTML string

// page is the index template, parsed once.
var page = template.Must(template.New("index.html").Parse(indexHTML))

// createParams is what POST /create/ reads: the form field todo.
type createParams struct {
	Todo string `form:"todo" required:"true" maxLength:"200"`
}

// doneParams is what POST /done/<int:offset>/ reads.
type doneParams struct {
	Offset int `path:"offset"`
}

// item is one line of the index page.
type item struct {
	Text    string
	DoneURL string
}

// New returns the TODO app keeping its list in the JSON file at dataPath,
// configured by opts. It fails when the file exists but is not a list.
func New(dataPath string, opts ...itty.Option) (*itty.App, error) {
	store, err := NewStore(dataPath)
	if err != nil {
		return nil, err
	}
	a := itty.New(opts...)

	done := itty.Post(a, "/done/<int:offset>/", func(r *itty.Request, p doneParams) itty.Response {
		err := store.Update(func(d *Data) error {
			if p.Offset >= len(d.Items) {
				return errors.NotFound()
			}
			d.Done = append(d.Done, d.Items[p.Offset])
			d.Items = append(d.Items[:p.Offset], d.Items[p.Offset+1:]...)
			return nil
		})
		if err != nil {
			return errors.From(err)
		}
		return respond.SeeOther("/")
	})

	itty.Get(a, "/", func(r *itty.Request, p struct{}) itty.Response {
		d, err := store.Load()
		if err != nil {
			return errors.Internal(err)
		}
		view := struct {
			Items []item
			Done  []string
		}{Done: d.Done}
		for i, text := range d.Items {
			view.Items = append(view.Items, item{Text: text, DoneURL: done.MustURL(doneParams{Offset: i})})
		}
		var b bytes.Buffer
		if err := page.Execute(&b, view); err != nil {
			return errors.Internal(err)
		}
		return respond.HTML(b.String())
	})

	itty.Post(a, "/create/", func(r *itty.Request, p createParams) itty.Response {
		todo := strings.TrimSpace(p.Todo)
		if todo == "" {
			return respond.SeeOther("/") // only blanks: nothing to add
		}
		if err := store.Update(func(d *Data) error {
			d.Items = append(d.Items, todo)
			return nil
		}); err != nil {
			return errors.Internal(err)
		}
		return respond.SeeOther("/")
	})
	return a, nil
}
