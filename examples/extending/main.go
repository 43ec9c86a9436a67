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
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/ittygo/itty/examples/extending/app"
	"github.com/ittygo/itty/itty"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run parses the command line, builds the app and serves it until ctx is
// done.
func run(ctx context.Context, args []string, out io.Writer) error {
	flags := flag.NewFlagSet("extending", flag.ContinueOnError)
	flags.SetOutput(out)
	addr := flags.String("addr", "127.0.0.1:8000", "address to listen on")
	debug := flags.Bool("debug", false, "log every request and show 500 causes")
	ttl := flags.Duration("nonce-ttl", 5*time.Minute, "how long a nonce stays valid")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("extending: unexpected argument %q", flags.Arg(0))
	}
	return app.New(*ttl, nil, itty.Debug(*debug)).RunContext(ctx, itty.Addr(*addr), itty.Output(out))
}
