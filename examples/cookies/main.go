// Command cookies is the cookie guide (docs/cookies.md) as a program.
//
//	go run ./examples/cookies             # serves on 127.0.0.1:8000
//	curl -i 'http://127.0.0.1:8000/set/?username=ann'
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

	"github.com/ittygo/itty/examples/cookies/app"
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
	flags := flag.NewFlagSet("cookies", flag.ContinueOnError)
	flags.SetOutput(out)
	addr := flags.String("addr", "127.0.0.1:8000", "address to listen on")
	debug := flags.Bool("debug", false, "log every request and show 500 causes")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("cookies: unexpected argument %q", flags.Arg(0))
	}
	return app.New(itty.Debug(*debug)).RunContext(ctx, itty.Addr(*addr), itty.Output(out))
}
