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
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/ittygo/itty/examples/static/app"
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
	flags := flag.NewFlagSet("static", flag.ContinueOnError)
	flags.SetOutput(out)
	addr := flags.String("addr", "127.0.0.1:8000", "address to listen on")
	debug := flags.Bool("debug", false, "log every request and show 500 causes")
	root := flags.String("static", "", "serve the assets from this directory instead of the embedded ones")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("static: unexpected argument %q", flags.Arg(0))
	}
	a, err := app.New(*root, itty.Debug(*debug))
	if err != nil {
		return err
	}
	return a.RunContext(ctx, itty.Addr(*addr), itty.Output(out))
}
