// Package app is the wiki of "gowiki" rewritten with itty: pages are text
// files in a directory, GET /view/<title> shows one, GET /edit/<title>
// edits it in a textarea, POST /save/<title> stores it, GET / lists the
// pages and POST /goto jumps to the editor of any page. The templates and
// the stylesheet (served at /file/) are embedded in the program.
//
// Every title is checked by a pattern tag (TitlePattern) before a handler
// runs: a title that could name another file ("..", ".hidden", or "../x"
// typed into the goto form) is answered 422, a path whose title holds a
// "/", even encoded, matches no route (404), and neither reaches the file
// system. Everything shown is escaped by html/template; in a page's text,
// [OtherPage] becomes a link.
//
// It is a package of its own, rather than part of the command, so that the
// browser tests in ../../../e2e can serve it.
package app

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"regexp"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

//go:embed tmpl/*.html
var templateFiles embed.FS

//go:embed file
var assetFiles embed.FS

// page names one page in the path.
type page struct {
	Title string `path:"title" pattern:"^[A-Za-z0-9_-]{1,64}$"`
}

// save is what POST /save/<title> reads.
type save struct {
	Title string `path:"title" pattern:"^[A-Za-z0-9_-]{1,64}$"`
	Body  string `form:"body" maxLength:"65536"`
}

// jump is what POST /goto reads.
type jump struct {
	Page string `form:"page" required:"true" pattern:"^[A-Za-z0-9_-]{1,64}$"`
}

// pageLink finds [Title] links in escaped page text.
var pageLink = regexp.MustCompile(`\[([A-Za-z0-9_-]{1,64})\]`)

// linkify escapes text and turns each [Title] into a link to that page.
// The link's text and target come from the pattern's safe characters only.
func linkify(text string) template.HTML {
	escaped := template.HTMLEscapeString(text)
	return template.HTML(pageLink.ReplaceAllString(escaped, `<a href="/view/$1">$1</a>`))
}

// New returns the wiki keeping its pages in the directory pagesDir
// (created if needed), configured by opts.
func New(pagesDir string, opts ...itty.Option) (*itty.App, error) {
	pages, err := NewPages(pagesDir)
	if err != nil {
		return nil, err
	}
	tmpl, err := template.ParseFS(templateFiles, "tmpl/*.html")
	if err != nil {
		return nil, err
	}
	render := func(name string, data any) itty.Response {
		var b bytes.Buffer
		if err := tmpl.ExecuteTemplate(&b, name, data); err != nil {
			return errors.Internal(err)
		}
		return respond.HTML(b.String())
	}

	a := itty.New(opts...)
	assets, err := fs.Sub(assetFiles, "file")
	if err != nil {
		return nil, err
	}
	if err := a.StaticFS("/file/", assets); err != nil {
		return nil, err
	}

	itty.Get(a, "/", func(r *itty.Request, p struct{}) itty.Response {
		titles, err := pages.List()
		if err != nil {
			return errors.Internal(err)
		}
		return render("index.html", titles)
	})

	itty.Get(a, "/view/<str:title>", func(r *itty.Request, p page) itty.Response {
		text, ok, err := pages.Load(p.Title)
		switch {
		case err != nil:
			return errors.Internal(err)
		case !ok:
			return respond.Redirect("/edit/" + p.Title) // a new page: write it
		}
		return render("view.html", struct {
			Title string
			Body  template.HTML
		}{p.Title, linkify(text)})
	})

	itty.Get(a, "/edit/<str:title>", func(r *itty.Request, p page) itty.Response {
		text, _, err := pages.Load(p.Title)
		if err != nil {
			return errors.Internal(err)
		}
		return render("edit.html", struct{ Title, Body string }{p.Title, text})
	})

	itty.Post(a, "/save/<str:title>", func(r *itty.Request, p save) itty.Response {
		if err := pages.Save(p.Title, p.Body); err != nil {
			return errors.Internal(err)
		}
		return respond.SeeOther("/view/" + p.Title)
	})

	itty.Post(a, "/goto", func(r *itty.Request, p jump) itty.Response {
		return respond.SeeOther("/edit/" + p.Page)
	})
	return a, nil
}
