package itty_test

// Tests of what response.go does when writing fails late: a 500 page that
// panics after it has started its response aborts the connection.

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ittygo/itty/itty"
)

// startedThenPanics writes its status and part of its body, then panics.
type startedThenPanics struct{}

func (startedThenPanics) WriteResponse(w http.ResponseWriter, r *http.Request) error {
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = io.WriteString(w, "our fault, and then")
	_ = http.NewResponseController(w).Flush()
	panic("the page broke half-way")
}

// TestBrokenStarted500PageAborts is the regression test for a 500 page
// that panicked after writing: the panic was swallowed and the client got
// the half-written page as a complete response.
func TestBrokenStarted500PageAborts(t *testing.T) {
	checkNoLeak(t)
	logger, lb := newLogger()
	a := itty.New(itty.Logger(logger), itty.ErrorPage(500, func(r *itty.Request, e *itty.Error) itty.Response {
		return startedThenPanics{}
	}))
	itty.Get(a, "/boom", func(r *itty.Request, p struct{}) itty.Response { panic("x") })
	srv := httptest.NewUnstartedServer(a)
	srv.Config.ErrorLog = slog.NewLogLogger(slog.DiscardHandler, slog.LevelError)
	srv.Start()
	defer srv.Close()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Get(srv.URL + "/boom")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != io.ErrUnexpectedEOF || string(body) != "our fault, and then" {
		t.Errorf("half-written 500 page: body %q, err %v; want the part written and io.ErrUnexpectedEOF", body, err)
	}
	if !strings.Contains(lb.String(), "the page broke half-way") {
		t.Errorf("the page's panic was not logged:\n%s", lb.String())
	}
}
