// Package app is the cookie guide (docs/cookies.md) as a program: GET
// /set/?username=ann remembers a username in a cookie for two weeks, GET /
// greets by it, and GET /logout/ deletes it.
//
// Cookie values may hold only some ASCII bytes, so the username is
// query-escaped when it is stored and unescaped when it is read: "Zoë
// Smith" survives the round trip. The cookie is HttpOnly, SameSite=Lax,
// and Secure when the request came over https.
//
// It is a package of its own, rather than part of the command, so that the
// browser tests in ../../../e2e can serve it.
package app

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// TwoWeeks is the lifetime of the username cookie, in seconds.
const TwoWeeks = 60 * 60 * 24 * 7 * 2

// greetParams reads the username cookie; it is "unknown" when absent.
type greetParams struct {
	Username string `cookie:"username" default:"unknown"`
}

// setParams reads the username to remember from the query string.
type setParams struct {
	Username string `query:"username" default:"unknown" minLength:"1" maxLength:"64"`
}

var greetPage = template.Must(template.New("greet").Parse(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Cookies</title></head>
<body>
<h1 id="greeting">Hello, {{.}}!</h1>
<form method="get" action="/set/">
  <label for="id_username">Your name:</label>
  <input type="text" id="id_username" name="username" required maxlength="64">
  <button type="submit" id="set">Remember me</button>
</form>
<p><a id="logout" href="/logout/">Log out</a></p>
</body>
</html>
`))

// New returns the cookie app configured by opts.
func New(opts ...itty.Option) *itty.App {
	a := itty.New(opts...)

	itty.Get(a, "/", func(r *itty.Request, p greetParams) itty.Response {
		name, err := url.QueryUnescape(p.Username)
		if err != nil || name == "" {
			name = "unknown" // a cookie edited by hand: never trust it
		}
		var b bytes.Buffer
		if err := greetPage.Execute(&b, name); err != nil {
			return errors.Internal(err)
		}
		return respond.HTML(b.String())
	})

	itty.Get(a, "/set/", func(r *itty.Request, p setParams) itty.Response {
		return respond.Redirect("/").WithCookie(&http.Cookie{
			Name:     "username",
			Value:    url.QueryEscape(p.Username),
			MaxAge:   TwoWeeks,
			HttpOnly: true,
			Secure:   r.IsSecure(),
			SameSite: http.SameSiteLaxMode,
		})
	})

	itty.Get(a, "/logout/", func(r *itty.Request, p struct{}) itty.Response {
		return respond.Redirect("/").DeleteCookie("username")
	})
	return a
}
