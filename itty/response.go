package itty

// This file writes what handlers return and everything that goes wrong:
// responses, error pages (built-in or the app's own), panics and the
// per-request debug log. Client-facing text and logged causes stay apart: a
// 500 shows its cause only in debug mode.

import (
	stderrors "errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"

	"github.com/ittygo/itty/errors"
)

// write sends a handler's response.
func (a *App) write(w http.ResponseWriter, req *Request, resp Response) {
	switch v := resp.(type) {
	case nil:
		w.WriteHeader(http.StatusNoContent)
		return
	case *errors.Error:
		a.renderError(w, req, v)
		return
	}
	if err := resp.WriteResponse(w, req.Request); err != nil {
		if req.tw.wrote {
			a.cfg.logger.Error("itty: writing the response failed", "method", req.Method, "path", req.URL.Path, "err", err)
			return
		}
		a.writeErr(w, req, err)
	}
}

// writeErr answers err: an *errors.Error as itself, anything else as 500.
func (a *App) writeErr(w http.ResponseWriter, req *Request, err error) {
	a.renderError(w, req, errors.From(err))
}

// renderError renders e with the app's page for its status, falling back to
// the built-in page when there is none or it fails.
func (a *App) renderError(w http.ResponseWriter, req *Request, e *errors.Error) {
	if e.Status >= 500 {
		a.cfg.logger.Error("itty: "+strings.ToLower(http.StatusText(e.Status)), "method", req.Method, "path", req.URL.Path, "err", e)
	}
	if page := a.cfg.errorPages[e.Status]; page != nil && a.tryPage(w, req, e, page) {
		return
	}
	if err := e.Render(w, req.Request, a.cfg.debug); err != nil && !stderrors.Is(err, http.ErrHandlerTimeout) {
		a.cfg.logger.Debug("itty: writing an error page failed", "err", err)
	}
}

// tryPage renders a custom error page. It reports false, so the built-in
// page is used, when the page panics or fails before writing anything.
func (a *App) tryPage(w http.ResponseWriter, req *Request, e *errors.Error, page ErrorPageFunc) (ok bool) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			a.cfg.logger.Error("itty: the error page panicked", "status", e.Status, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			if req.tw.wrote {
				panic(http.ErrAbortHandler)
			}
			ok = false
		}
	}()
	resp := page(req, e)
	if resp == nil {
		return false
	}
	// The error's own headers, such as a 405's Allow, hold whatever page
	// renders it; the page's response may still replace them.
	h := w.Header()
	for k, v := range e.Header {
		h[http.CanonicalHeaderKey(k)] = append([]string(nil), v...)
	}
	if pe, isErr := resp.(*errors.Error); isErr {
		return pe.Render(w, req.Request, a.cfg.debug) == nil || req.tw.wrote
	}
	if err := resp.WriteResponse(w, req.Request); err != nil {
		a.cfg.logger.Error("itty: the error page failed", "status", e.Status, "err", err)
		return req.tw.wrote
	}
	return true
}

// recovered handles a panic caught while serving req.
func (a *App) recovered(req *Request, v any) {
	if v == http.ErrAbortHandler {
		panic(v)
	}
	stack := debug.Stack()
	path := ""
	if req.Request != nil && req.URL != nil {
		path = req.URL.Path
	}
	a.cfg.logger.Error("itty: panic serving a request", "method", req.Method, "path", path, "panic", fmt.Sprint(v), "stack", string(stack))
	if req.tw.wrote {
		panic(http.ErrAbortHandler) // the response has started: abort it cleanly
	}
	e := errors.Internal(&errors.PanicError{Value: v, Stack: stack})
	func() {
		defer func() {
			if v := recover(); v != nil {
				if req.tw.wrote {
					// The page had started its response: abort it, as
					// for any response cut short.
					panic(http.ErrAbortHandler)
				}
				http.Error(&req.tw, "Internal Error", http.StatusInternalServerError)
			}
		}()
		if page := a.cfg.errorPages[e.Status]; page != nil && a.tryPage(&req.tw, req, e, page) {
			return
		}
		_ = e.Render(&req.tw, req.Request, a.cfg.debug)
	}()
}

// logRequest logs a served request in debug mode.
func (a *App) logRequest(req *Request) {
	if req.Request == nil {
		return
	}
	a.logServed(req.Request, req.tw.status, req.Pattern())
}

// logServed logs r, answered with status (0 for 200) by the route with
// pattern, in debug mode.
func (a *App) logServed(r *http.Request, status int, pattern string) {
	if status == 0 {
		status = http.StatusOK
	}
	a.cfg.logger.LogAttrs(r.Context(), slog.LevelInfo, "itty: request",
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.Int("status", status),
		slog.String("route", pattern))
}
