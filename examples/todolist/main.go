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
	"fmt"
	"io"
	"log"
	"net/netip"
	"os"
	"os/signal"
	"syscall"

	"github.com/ittygo/itty/examples/todolist/app"
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
	flags := flag.NewFlagSet("todolist", flag.ContinueOnError)
	flags.SetOutput(out)
	addr := flags.String("addr", "127.0.0.1:8000", "address to listen on")
	debug := flags.Bool("debug", false, "log every request and show 500 causes")
	data := flags.String("data", "data.json", "the JSON file that keeps the list")
	var proxies []netip.Prefix
	flags.Func("trusted-proxy", "address or CIDR prefix of a reverse proxy whose X-Forwarded-* headers to believe (repeatable)", func(s string) error {
		p, err := itty.ParseProxy(s)
		proxies = append(proxies, p)
		return err
	})
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("todolist: unexpected argument %q", flags.Arg(0))
	}
	a, err := app.New(*data, itty.Debug(*debug), itty.TrustedPrefixes(proxies...))
	if err != nil {
		return err
	}
	return a.RunContext(ctx, itty.Addr(*addr), itty.Output(out))
}
