// Package app is the static files guide (docs/static.md) as a program: an
// HTML page at / whose stylesheet and script are served from /static/.
// The assets are embedded in the program with go:embed and served with
// App.StaticFS, or, when a directory is given, read from it with
// App.Static.
//
// It is a package of its own, rather than part of the command, so that the
// browser tests in ../../../e2e can serve it.
package app

import (
	"embed"
	"io/fs"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// media holds the assets: css/default.css and js/index.js.
//
//go:embed static_media
var media embed.FS

// Prefix is where the assets are served.
const Prefix = "/static/"

// indexPage is the page at /.
const indexPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Static assets</title>
<link rel="stylesheet" href="/static/css/default.css">
<script src="/static/js/index.js" defer></script>
</head>
<body>
<h1>Static assets</h1>
<p>This page is styled by <a href="/static/css/default.css">/static/css/default.css</a>.</p>
<p id="js-status">index.js has not run.</p>
</body>
</html>
`

// New returns the app. With root "" the assets are the embedded ones;
// otherwise they are the files of the directory root. It fails when root
// cannot be opened.
func New(root string, opts ...itty.Option) (*itty.App, error) {
	a := itty.New(opts...)
	itty.Get(a, "/", func(r *itty.Request, p struct{}) itty.Response {
		return respond.HTML(indexPage)
	})
	if root != "" {
		return a, a.Static(Prefix, root)
	}
	sub, err := fs.Sub(media, "static_media")
	if err != nil {
		return nil, err
	}
	return a, a.StaticFS(Prefix, sub)
}
