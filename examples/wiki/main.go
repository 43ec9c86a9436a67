// Command wiki is "gowiki" rewritten with itty: view, edit and save text
// pages kept as files in a directory.
//
//	go run ./examples/wiki                   # pages in ./pages, on 127.0.0.1:8000
//	go run ./examples/wiki -pages /tmp/wiki-pages -addr 127.0.0.1:9000
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

	"github.com/ittygo/itty/examples/wiki/app"
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
	flags := flag.NewFlagSet("wiki", flag.ContinueOnError)
	flags.SetOutput(out)
	addr := flags.String("addr", "127.0.0.1:8000", "address to listen on")
	debug := flags.Bool("debug", false, "log every request and show 500 causes")
	dir := flags.String("pages", "pages", "the directory that keeps the pages (created if needed)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("wiki: unexpected argument %q", flags.Arg(0))
	}
	a, err := app.New(*dir, itty.Debug(*debug))
	if err != nil {
		return err
	}
	return a.RunContext(ctx, itty.Addr(*addr), itty.Output(out))
}
