// Package cli is the command-line plumbing every example shares: the -addr
// and -debug flags, refusing stray arguments, serving until the context
// ends, and stopping on SIGINT or SIGTERM.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/ittygo/itty/itty"
)

// Build builds an example's app once its flags are parsed; opts carry the
// shared settings (debug mode).
type Build func(opts ...itty.Option) (*itty.App, error)

// Setup registers an example's own flags on fs and returns its Build.
type Setup func(fs *flag.FlagSet) Build

// Run parses args — -addr (default 127.0.0.1:8000), -debug and the flags
// setup adds — builds the app and serves it until ctx is done, writing the
// start-up line to out.
func Run(ctx context.Context, args []string, out io.Writer, name string, setup Setup) error {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on")
	debug := fs.Bool("debug", false, "log every request and show 500 causes")
	build := setup(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%s: unexpected argument %q", name, fs.Arg(0))
	}
	a, err := build(itty.Debug(*debug))
	if err != nil {
		return err
	}
	return a.RunContext(ctx, itty.Addr(*addr), itty.Output(out))
}

// Main runs run with the process's arguments and standard output until
// SIGINT or SIGTERM, and exits with the error if it fails. -h prints the
// usage and exits with status 0.
func Main(run func(ctx context.Context, args []string, out io.Writer) error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil && !errors.Is(err, flag.ErrHelp) {
		log.Fatal(err)
	}
}
