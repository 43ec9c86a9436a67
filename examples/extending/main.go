// Command extending is itty3's Extending guide rewritten for itty
// (docs/extending.md): a YAML response type, a nonce check, and routing by
// host.
//
//	go run ./examples/extending               # serves on 127.0.0.1:8000
//	curl http://127.0.0.1:8000/whatev/
//	n=$(curl -s -X POST http://127.0.0.1:8000/nonce/)
//	curl -H "X-Secure-Nonce: $n" http://127.0.0.1:8000/secure/hello
//	curl http://api.localhost:8000/
package main

import (
	"context"
	"flag"
	"io"
	"time"

	"github.com/ittygo/itty/examples/extending/app"
	"github.com/ittygo/itty/examples/internal/cli"
	"github.com/ittygo/itty/itty"
)

func main() { cli.Main(run) }

// run parses the command line, builds the app and serves it until ctx is
// done.
func run(ctx context.Context, args []string, out io.Writer) error {
	return cli.Run(ctx, args, out, "extending", func(fs *flag.FlagSet) cli.Build {
		ttl := fs.Duration("nonce-ttl", 5*time.Minute, "how long a nonce stays valid")
		return func(opts ...itty.Option) (*itty.App, error) { return app.New(*ttl, nil, opts...), nil }
	})
}
