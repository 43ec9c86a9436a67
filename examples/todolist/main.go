// Command todolist is the TODO list of the itty tutorial (docs/tutorial.md).
//
//	go run ./examples/todolist                    # serves on 127.0.0.1:8000
//	go run ./examples/todolist -data /tmp/todo.json -addr 127.0.0.1:9000
//	go run ./examples/todolist -trusted-proxy 127.0.0.1   # behind nginx
//
// The list is kept in the file named by -data, data.json in the working
// directory by default; it is created on the first change.
package main

import (
	"context"
	"flag"
	"io"
	"net/netip"

	"github.com/ittygo/itty/examples/internal/cli"
	"github.com/ittygo/itty/examples/todolist/app"
	"github.com/ittygo/itty/itty"
)

func main() { cli.Main(run) }

// run parses the command line, builds the app and serves it until ctx is
// done.
func run(ctx context.Context, args []string, out io.Writer) error {
	return cli.Run(ctx, args, out, "todolist", func(fs *flag.FlagSet) cli.Build {
		data := fs.String("data", "data.json", "the JSON file that keeps the list")
		var proxies []netip.Prefix
		fs.Func("trusted-proxy", "address or CIDR prefix of a reverse proxy whose X-Forwarded-* headers to believe (repeatable)", func(s string) error {
			p, err := itty.ParseProxy(s)
			proxies = append(proxies, p)
			return err
		})
		return func(opts ...itty.Option) (*itty.App, error) {
			return app.New(*data, append(opts, itty.TrustedPrefixes(proxies...))...)
		}
	})
}
