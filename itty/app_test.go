package itty_test

import (
	"bytes"
	"encoding/json"
	stderrors "errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// logBuffer is a concurrency-safe log sink.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func newLogger() (*slog.Logger, *logBuffer) {
	lb := &logBuffer{}
	return slog.New(slog.NewTextHandler(lb, &slog.HandlerOptions{Level: slog.LevelDebug})), lb
}

// trace returns middleware that appends name before and after the next handler.
func trace(log *[]string, name string) itty.Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			*log = append(*log, name+">")
			next.ServeHTTP(w, r)
			*log = append(*log, "<"+name)
		})
	}
}

func TestMiddlewareOrder(t *testing.T) {
	var log []string
	a := itty.New()
	a.Use(trace(&log, "app1"), trace(&log, "app2"))
	api := a.Group("/api", trace(&log, "api"))
	v1 := api.Group("/v1/", trace(&log, "v1a"), trace(&log, "v1b"))
	itty.Get(v1, "/items/<int:id>", func(r *itty.Request, p struct {
		ID int `path:"id"`
	}) itty.Response {
		log = append(log, fmt.Sprintf("handler %d %s", p.ID, r.PathValue("id")))
		return respond.Text("ok")
	})
	itty.Get(v1, "/users/<str:name>", func(r *itty.Request, p struct { // bound on the handler's stack
		Name string `path:"name"`
	}) itty.Response {
		log = append(log, fmt.Sprintf("user %s %s", p.Name, r.PathValue("name")))
		return nil
	})
	itty.Get(a, "/plain", func(r *itty.Request, p struct{}) itty.Response {
		log = append(log, "plain")
		return nil
	})
	cases := []struct {
		target string
		status int
		want   string
	}{
		{"/api/v1/items/7", 200, "app1> app2> api> v1a> v1b> handler 7 7 <v1b <v1a <api <app2 <app1"},
		{"/api/v1/users/ann", 204, "app1> app2> api> v1a> v1b> user ann ann <v1b <v1a <api <app2 <app1"},
		{"/plain", 204, "app1> app2> plain <app2 <app1"},
		{"/missing", 404, "app1> app2> <app2 <app1"},        // app middleware runs for 404
		{"/api/v1/items/x", 404, "app1> app2> <app2 <app1"}, // group middleware does not
		{"/api/v1/items/7?x", 200, "app1> app2> api> v1a> v1b> handler 7 7 <v1b <v1a <api <app2 <app1"},
	}
	for _, c := range cases {
		log = nil
		w := mustServe(t, a, "GET", c.target)
		if w.Code != c.status || strings.Join(log, " ") != c.want {
			t.Errorf("GET %s: %d %q, want %d %q", c.target, w.Code, strings.Join(log, " "), c.status, c.want)
		}
	}
	log = nil
	if w := mustServe(t, a, "POST", "/plain"); w.Code != 405 || strings.Join(log, " ") != "app1> app2> <app2 <app1" {
		t.Errorf("405 through middleware: %d %q", w.Code, log)
	}
}

func TestMiddlewareSeesPathValues(t *testing.T) {
	a := itty.New()
	var seen string
	g := a.Group("/g", func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			seen = r.PathValue("name")
			next.ServeHTTP(w, r)
		})
	})
	itty.Get(g, "/<str:name>", func(r *itty.Request, p struct {
		Name string `path:"name"`
	}) itty.Response {
		return respond.Text(p.Name)
	})
	if w := mustServe(t, a, "GET", "/g/caf%C3%A9"); w.Body.String() != "café" || seen != "café" {
		t.Errorf("body %q, middleware saw %q", w.Body.String(), seen)
	}
}

func panicky(t *testing.T, debug bool) (*itty.App, *logBuffer) {
	t.Helper()
	logger, lb := newLogger()
	a := itty.New(itty.Debug(debug), itty.Logger(logger))
	itty.Get(a, "/boom", func(r *itty.Request, p struct{}) itty.Response {
		panic("secret-panic-text")
	})
	itty.Get(a, "/err", func(r *itty.Request, p struct{}) itty.Response {
		return failing{}
	})
	itty.Get(a, "/teapot", func(r *itty.Request, p struct{}) itty.Response {
		return errors.Status(http.StatusTeapot, "short and stout")
	})
	mw := a.Group("/mw", func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { panic(fmt.Errorf("middleware-secret")) })
	})
	itty.Get(mw, "/x", func(r *itty.Request, p struct{}) itty.Response { return nil })
	return a, lb
}

// failing is a response whose writing fails before anything is written.
type failing struct{}

func (failing) WriteResponse(w http.ResponseWriter, r *http.Request) error {
	return fmt.Errorf("database-password-in-cause")
}

func TestPanicsAndFailuresWithDebugOff(t *testing.T) {
	a, lb := panicky(t, false)
	for _, target := range []string{"/boom", "/mw/x", "/err"} {
		for _, accept := range []string{"text/html", "application/json"} {
			w := mustServe(t, a, "GET", target, "Accept", accept)
			body := w.Body.String()
			if w.Code != 500 {
				t.Errorf("GET %s: status %d, want 500", target, w.Code)
			}
			for _, leak := range []string{"secret", "password", "goroutine", ".go:"} {
				if strings.Contains(body, leak) {
					t.Errorf("GET %s (%s): 500 body leaks %q:\n%s", target, accept, leak, body)
				}
			}
			if !strings.Contains(body, "Internal Error") {
				t.Errorf("GET %s: body lacks itty3's \"Internal Error\": %s", target, body)
			}
		}
	}
	logs := lb.String()
	for _, want := range []string{"secret-panic-text", "middleware-secret", "database-password-in-cause", "goroutine"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q", want)
		}
	}
}

func TestPanicsWithDebugOn(t *testing.T) {
	a, _ := panicky(t, true)
	w := mustServe(t, a, "GET", "/boom", "Accept", "application/json")
	var prob struct {
		Status int
		Title  string
		Debug  struct{ Cause, Stack string }
	}
	if err := json.Unmarshal(w.Body.Bytes(), &prob); err != nil {
		t.Fatalf("problem+json: %v\n%s", err, w.Body.String())
	}
	if w.Header().Get("Content-Type") != "application/problem+json" || prob.Status != 500 ||
		!strings.Contains(prob.Debug.Cause, "secret-panic-text") || !strings.Contains(prob.Debug.Stack, "goroutine") {
		t.Errorf("debug 500 = %s %+v", w.Header().Get("Content-Type"), prob)
	}
	if w := mustServe(t, a, "GET", "/boom"); !strings.Contains(w.Body.String(), "secret-panic-text") {
		t.Errorf("debug HTML 500 lacks the panic:\n%s", w.Body.String())
	}
}

func TestHandlerReturnsError(t *testing.T) {
	a, _ := panicky(t, false)
	w := mustServe(t, a, "GET", "/teapot", "Accept", "application/json")
	if w.Code != http.StatusTeapot || !strings.Contains(w.Body.String(), "short and stout") {
		t.Errorf("teapot: %d %s", w.Code, w.Body.String())
	}
}

func TestCustomErrorPages(t *testing.T) {
	logger, _ := newLogger()
	a := itty.New(itty.Logger(logger),
		itty.ErrorPage(404, func(r *itty.Request, e *itty.Error) itty.Response {
			return respond.HTML("<h1>Nothing at " + r.URL.Path + "</h1>").WithStatus(404)
		}),
		itty.ErrorPage(405, func(r *itty.Request, e *itty.Error) itty.Response {
			return respond.Text("no such method; allowed: " + e.Header.Get("Allow")).WithStatus(405)
		}),
		itty.ErrorPage(500, func(r *itty.Request, e *itty.Error) itty.Response {
			return respond.Text("our fault").WithStatus(500)
		}),
	)
	itty.Get(a, "/x", func(r *itty.Request, p struct{}) itty.Response { return nil })
	itty.Get(a, "/boom", func(r *itty.Request, p struct{}) itty.Response { panic("x") })
	cases := []struct {
		method, target string
		status         int
		body, allow    string
	}{
		{"GET", "/nope", 404, "<h1>Nothing at /nope</h1>", ""},
		{"POST", "/x", 405, "no such method; allowed: GET, HEAD, OPTIONS", "GET, HEAD, OPTIONS"},
		{"GET", "/boom", 500, "our fault", ""},
	}
	for _, c := range cases {
		w := mustServe(t, a, c.method, c.target)
		if w.Code != c.status || w.Body.String() != c.body {
			t.Errorf("%s %s: %d %q, want %d %q", c.method, c.target, w.Code, w.Body.String(), c.status, c.body)
		}
		if got := w.Header().Get("Allow"); got != c.allow {
			t.Errorf("%s %s: Allow %q, want %q", c.method, c.target, got, c.allow)
		}
	}
}

func TestFailingErrorPagesFallBack(t *testing.T) {
	logger, lb := newLogger()
	a := itty.New(itty.Logger(logger),
		itty.ErrorPage(500, func(r *itty.Request, e *itty.Error) itty.Response { panic("page-broken") }),
		itty.ErrorPage(404, func(r *itty.Request, e *itty.Error) itty.Response { return failing{} }),
	)
	itty.Get(a, "/boom", func(r *itty.Request, p struct{}) itty.Response { panic("x") })
	if w := mustServe(t, a, "GET", "/boom"); w.Code != 500 || !strings.Contains(w.Body.String(), "Internal Error") {
		t.Errorf("panicking 500 page: %d %q", w.Code, w.Body.String())
	}
	if w := mustServe(t, a, "GET", "/missing"); w.Code != 404 || !strings.Contains(w.Body.String(), "Not Found") {
		t.Errorf("failing 404 page: %d %q", w.Code, w.Body.String())
	}
	if !strings.Contains(lb.String(), "page-broken") {
		t.Error("the broken page's panic was not logged")
	}
}

func TestErrorPageEscapesPath(t *testing.T) {
	a := itty.New()
	w := mustServe(t, a, "GET", "/%3Cscript%3Ealert(1)%3C/script%3E")
	if w.Code != 404 || strings.Contains(w.Body.String(), "<script>") {
		t.Errorf("404 page: %d %s", w.Code, w.Body.String())
	}
}

func TestDebugLogsEachRequest(t *testing.T) {
	logger, lb := newLogger()
	a := itty.New(itty.Debug(true), itty.Logger(logger))
	itty.Get(a, "/hello/<str:name>", func(r *itty.Request, p struct {
		Name string `path:"name"`
	}) itty.Response {
		return respond.Text("hi")
	})
	mustServe(t, a, "GET", "/hello/bob")
	mustServe(t, a, "GET", "/nope")
	logs := lb.String()
	for _, want := range []string{"method=GET path=/hello/bob status=200 route=/hello/<str:name>", "path=/nope status=404"} {
		if !strings.Contains(logs, want) {
			t.Errorf("debug log lacks %q:\n%s", want, logs)
		}
	}
	quiet, qb := newLogger()
	b := itty.New(itty.Logger(quiet))
	itty.Get(b, "/", func(r *itty.Request, p struct{}) itty.Response { return nil })
	mustServe(t, b, "GET", "/")
	if strings.Contains(qb.String(), "itty: request") {
		t.Errorf("requests logged with debug off: %s", qb.String())
	}
}

func TestNilResponseIsNoContent(t *testing.T) {
	a := itty.New()
	itty.Delete(a, "/x", func(r *itty.Request, p struct{}) itty.Response { return nil })
	if w := mustServe(t, a, "DELETE", "/x"); w.Code != 204 || w.Body.Len() != 0 {
		t.Errorf("nil response: %d %q", w.Code, w.Body.String())
	}
}

func TestInvalidHeaderIsRefused(t *testing.T) {
	logger, _ := newLogger()
	a := itty.New(itty.Logger(logger))
	itty.Get(a, "/x", func(r *itty.Request, p struct{}) itty.Response {
		return respond.Text("x").WithHeader("X-Evil", "a\r\nSet-Cookie: pwned=1")
	})
	w := mustServe(t, a, "GET", "/x")
	if w.Code != 500 || w.Header().Get("X-Evil") != "" || w.Header().Get("Set-Cookie") != "" {
		t.Errorf("header injection: %d %v", w.Code, w.Header())
	}
}

func TestStreamedResponse(t *testing.T) {
	a := itty.New()
	itty.Get(a, "/stream", func(r *itty.Request, p struct{}) itty.Response {
		pr, pw := io.Pipe()
		go func() {
			for i := 0; i < 3; i++ {
				fmt.Fprintf(pw, "chunk %d\n", i)
			}
			pw.Close()
		}()
		return respond.Stream("text/plain", pr)
	})
	if w := mustServe(t, a, "GET", "/stream"); w.Body.String() != "chunk 0\nchunk 1\nchunk 2\n" {
		t.Errorf("stream body %q", w.Body.String())
	}
}

func TestPanicErrorIsMatchable(t *testing.T) {
	// The cause of a recovered panic is an *errors.PanicError inside the 500.
	a := itty.New(itty.Logger(slog.New(slog.DiscardHandler)), itty.ErrorPage(500, func(r *itty.Request, e *itty.Error) itty.Response {
		var pe *errors.PanicError
		if stderrors.As(e, &pe) {
			return respond.Text(fmt.Sprint("panic value: ", pe.Value)).WithStatus(500)
		}
		return respond.Text("other").WithStatus(500)
	}))
	itty.Get(a, "/boom", func(r *itty.Request, p struct{}) itty.Response { panic(42) })
	if w := mustServe(t, a, "GET", "/boom"); w.Body.String() != "panic value: 42" {
		t.Errorf("body %q", w.Body.String())
	}
}

// TestMiddlewareThatGivesUpKeepsTheRequest serves a request through
// http.TimeoutHandler, which answers 503 and returns while the handler
// still runs, then serves others: the handler that was given up on still
// sees its own request, path values and P when it goes on.
func TestMiddlewareThatGivesUpKeepsTheRequest(t *testing.T) {
	giveUp := func(next http.Handler) http.Handler {
		return http.TimeoutHandler(next, time.Millisecond, "gave up")
	}
	for _, c := range []struct {
		name  string
		build func(a *itty.App) itty.Router
	}{
		{"app middleware", func(a *itty.App) itty.Router { a.Use(giveUp); return a }},
		{"group middleware", func(a *itty.App) itty.Router { return a.Group("", giveUp) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := itty.New(itty.Logger(slog.New(slog.DiscardHandler))) // its late write fails, and is logged
			release, done := make(chan struct{}), make(chan string, 1)
			itty.Get(c.build(a), "/items/<int:id>", func(r *itty.Request, p struct {
				ID int    `path:"id"`
				Q  string `query:"q"`
			}) itty.Response {
				if p.ID == 1 {
					<-release
					defer func() {
						if v := recover(); v != nil {
							done <- fmt.Sprint("panic: ", v)
						}
					}()
					done <- fmt.Sprintf("%d %s %s %s %s", p.ID, p.Q, r.PathValue("id"), r.URL.Path, r.Pattern())
				}
				return respond.Text("ok")
			})
			if w := mustServe(t, a, "GET", "/items/1?q=first"); w.Code != http.StatusServiceUnavailable {
				t.Fatalf("the slow request: status %d, want 503", w.Code)
			}
			for i := 2; i < 10; i++ {
				if w := mustServe(t, a, "GET", fmt.Sprintf("/items/%d?q=other", i)); w.Code != 200 {
					t.Fatalf("request %d: status %d, want 200", i, w.Code)
				}
			}
			close(release)
			select {
			case got := <-done:
				if want := "1 first 1 /items/1 /items/<int:id>"; got != want {
					t.Errorf("the handler given up on saw %q, want %q", got, want)
				}
			case <-time.After(5 * time.Second):
				t.Error("the handler given up on did not end")
			}
		})
	}
}
