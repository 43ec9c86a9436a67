package itty

// This file is the development server (itty3's app.run()): it listens,
// prints where it serves, and shuts down gracefully on SIGINT or SIGTERM,
// letting in-flight requests finish. Its http.Server has timeouts and a
// header size limit set, so it is also a reasonable production server.

import (
	"context"
	stderrors "errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

// Run serves the app until SIGINT or SIGTERM, then shuts down gracefully.
// It listens on 127.0.0.1:8000 unless options say otherwise, and prints
// "itty <version>: Now serving requests at http://HOST:PORT...". Options
// given here are applied before serving starts.
func (a *App) Run(opts ...Option) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return a.RunContext(ctx, opts...)
}

// RunContext is Run, stopped by the cancellation of ctx instead of signals.
// It returns nil after a graceful shutdown. When requests are still in
// flight after ShutdownTimeout, it closes their connections, which cancels
// their contexts, and returns an error.
func (a *App) RunContext(ctx context.Context, opts ...Option) error {
	if a.served.Load() {
		return ErrServed
	}
	for _, o := range opts {
		o(&a.cfg)
	}
	if err := a.mountStatic(); err != nil {
		return err
	}
	ln := a.cfg.listener
	if ln == nil {
		if a.cfg.port < 0 || a.cfg.port > 65535 {
			return fmt.Errorf("itty: invalid listen address %q", a.cfg.addr())
		}
		var err error
		if ln, err = net.Listen("tcp", a.cfg.addr()); err != nil {
			return fmt.Errorf("itty: %w", err)
		}
	}
	srv := a.Server()
	fmt.Fprintf(a.cfg.output, "itty %s: Now serving requests at http://%s...\n", Version, ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("itty: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), a.cfg.shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		// The timeout has passed: close the connections still open, which
		// cancels the contexts of the requests still in flight.
		srv.Close()
	}
	if serr := <-errc; serr != nil && !stderrors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("itty: shutdown: %w", err)
	}
	return nil
}

// Server returns an http.Server for the app with the configured timeouts
// and limits, for programs that run their own listener or TLS.
func (a *App) Server() *http.Server {
	return &http.Server{
		Handler:           a,
		ReadHeaderTimeout: a.cfg.readHeader,
		IdleTimeout:       a.cfg.idle,
		MaxHeaderBytes:    a.cfg.maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(a.cfg.logger.Handler(), slog.LevelWarn),
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
