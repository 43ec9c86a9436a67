// Command static is the static files guide (docs/static.md) as a program.
//
//	go run ./examples/static          # assets embedded in the program
//	go run ./examples/static -static examples/static/app/static_media
//
// Then open http://127.0.0.1:8000/; the stylesheet and the script come
// from /static/css/default.css and /static/js/index.js.
package main

import (
	"context"
	"flag"
	"io"

	"github.com/ittygo/itty/examples/internal/cli"
	"github.com/ittygo/itty/examples/static/app"
	"github.com/ittygo/itty/itty"
)

func main() { cli.Main(run) }

// run parses the command line, builds the app and serves it until ctx is
// done.
func run(ctx context.Context, args []string, out io.Writer) error {
	return cli.Run(ctx, args, out, "static", func(fs *flag.FlagSet) cli.Build {
		root := fs.String("static", "", "serve the assets from this directory instead of the embedded ones")
		return func(opts ...itty.Option) (*itty.App, error) { return app.New(*root, opts...) }
	})
}
