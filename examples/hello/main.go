// Command hello is the itty quickstart: typed path segments, a query
// parameter with a default, and a typed link between routes.
//
//	go run ./examples/hello            # serves on 127.0.0.1:8000
//	go run ./examples/hello -addr :9000
package main

import (
	"flag"
	"fmt"
	"log"
	"strings"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// greeting is where /hello/<str:name> takes its values from.
type greeting struct {
	Name  string `path:"name"`
	Times int    `query:"times" default:"1"`
}

// newApp builds the application; main runs it and the tests serve it.
func newApp(opts ...itty.Option) *itty.App {
	app := itty.New(opts...)

	hello := itty.Get(app, "/hello/<str:name>", func(r *itty.Request, p greeting) itty.Response {
		if p.Times < 1 || p.Times > 10 {
			return errors.Status(422, "times must be between 1 and 10")
		}
		return respond.Text(strings.Repeat("Hello, "+p.Name+"!\n", p.Times))
	})

	itty.Get(app, "/", func(r *itty.Request, p struct{}) itty.Response {
		link := hello.MustURL(greeting{Name: "world", Times: 2})
		return respond.HTML(fmt.Sprintf(`<p>Try <a href="%s">%s</a></p>`, link, link))
	})

	// The route of the README's snippet.
	itty.Get(app, "/done/<int:offset>/", func(r *itty.Request, p struct {
		Offset int  `path:"offset"`
		Undo   bool `query:"undo"`
	}) itty.Response {
		return respond.Text(fmt.Sprintf("item %d (undo: %v)", p.Offset, p.Undo))
	})
	return app
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "address to listen on")
	debug := flag.Bool("debug", false, "log every request and show 500 causes")
	flag.Parse()
	if err := newApp(itty.Debug(*debug)).Run(itty.Addr(*addr)); err != nil {
		log.Fatal(err)
	}
}
