// Command wiki is "gowiki" rewritten with itty: view, edit and save text
// pages kept as files in a directory.
//
//	go run ./examples/wiki                   # pages in ./pages, on 127.0.0.1:8000
//	go run ./examples/wiki -pages /tmp/wiki-pages -addr 127.0.0.1:9000
package main

import (
	"context"
	"flag"
	"io"

	"github.com/ittygo/itty/examples/internal/cli"
	"github.com/ittygo/itty/examples/wiki/app"
	"github.com/ittygo/itty/itty"
)

func main() { cli.Main(run) }

// run parses the command line, builds the app and serves it until ctx is
// done.
func run(ctx context.Context, args []string, out io.Writer) error {
	return cli.Run(ctx, args, out, "wiki", func(fs *flag.FlagSet) cli.Build {
		dir := fs.String("pages", "pages", "the directory that keeps the pages (created if needed)")
		return func(opts ...itty.Option) (*itty.App, error) { return app.New(*dir, opts...) }
	})
}
