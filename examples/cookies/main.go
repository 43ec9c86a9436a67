// Command cookies is the cookie guide (docs/cookies.md) as a program.
//
//	go run ./examples/cookies             # serves on 127.0.0.1:8000
//	curl -i 'http://127.0.0.1:8000/set/?username=ann'
package main

import (
	"context"
	"flag"
	"io"

	"github.com/ittygo/itty/examples/cookies/app"
	"github.com/ittygo/itty/examples/internal/cli"
	"github.com/ittygo/itty/itty"
)

func main() { cli.Main(run) }

// run parses the command line, builds the app and serves it until ctx is
// done.
func run(ctx context.Context, args []string, out io.Writer) error {
	return cli.Run(ctx, args, out, "cookies", func(*flag.FlagSet) cli.Build {
		return func(opts ...itty.Option) (*itty.App, error) { return app.New(opts...), nil }
	})
}
