package hostile_test

// Panics and faults, over the wire. A panic in the binder (a
// TextUnmarshaler or Validate method), in app-wide middleware or with a
// nil value is a 500 and the connection goes on serving; a panic after the
// response has started (a handler's response, a stream, the 500 page
// itself) aborts that response cleanly, as http.ErrAbortHandler does, and
// the server goes on serving other connections. A client that goes away
// mid-request cancels the request's context, and nothing is left running.
// Handler and group-middleware panics and failing error pages are tested
// in package itty (app_test.go); this file covers the rest.

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// touchy is a query type whose decoding panics on "boom".
type touchy string

func (v *touchy) UnmarshalText(b []byte) error {
	if string(b) == "boom" {
		panic("binder-secret")
	}
	*v = touchy(b)
	return nil
}

// checked is a parameter struct whose Validate method panics on "boom".
type checked struct {
	V string `query:"v"`
}

func (c *checked) Validate() error {
	if c.V == "boom" {
		panic("validate-secret")
	}
	return nil
}

// halfWritten writes its status and part of its body, then panics.
type halfWritten struct{}

func (halfWritten) WriteResponse(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(200)
	_, _ = io.WriteString(w, "partial")
	http.NewResponseController(w).Flush()
	panic("late-secret")
}

// panicReader returns some bytes, then panics.
type panicReader struct{ n int }

func (p *panicReader) Read(b []byte) (int, error) {
	if p.n > 0 {
		panic("stream-secret")
	}
	p.n++
	return copy(b, "chunk"), nil
}

func faultApp(t *testing.T) (*itty.App, *logBuffer) {
	lb := &logBuffer{}
	a := itty.New(itty.Logger(slog.New(slog.NewTextHandler(lb, nil))),
		itty.ErrorPage(500, func(r *itty.Request, e *itty.Error) itty.Response {
			if r.URL.Query().Has("badpage") {
				return halfWritten{}
			}
			return nil // the built-in page
		}))
	a.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Query().Has("mwpanic") {
				panic("middleware-secret")
			}
			next.ServeHTTP(w, r)
		})
	})
	itty.Get(a, "/bind", func(r *itty.Request, p struct {
		V touchy `query:"v"`
	}) itty.Response {
		return respond.Text("bound " + string(p.V))
	})
	itty.Get(a, "/validate", func(r *itty.Request, p checked) itty.Response { return respond.Text("valid " + p.V) })
	itty.Get(a, "/nil", func(r *itty.Request, p struct{}) itty.Response { panic(nil) })
	itty.Get(a, "/boom", func(r *itty.Request, p struct{}) itty.Response { panic("handler-secret") })
	itty.Get(a, "/late", func(r *itty.Request, p struct{}) itty.Response { return halfWritten{} })
	itty.Get(a, "/stream", func(r *itty.Request, p struct{}) itty.Response {
		return respond.Stream("text/plain", &panicReader{})
	})
	itty.Get(a, "/abort", func(r *itty.Request, p struct{}) itty.Response { panic(http.ErrAbortHandler) })
	return a, lb
}

func TestPanicsAreAnsweredOrAborted(t *testing.T) {
	noLeak(t)
	a, lb := faultApp(t)
	addr := mustListen(t, a)
	keep := func(target string) string { return "GET " + target + " HTTP/1.1\r\n" + host + "\r\n" }
	cases := []struct {
		name, raw string
		want      []int
		end       string
	}{
		// Answered 500, and the same connection serves the next request.
		{"TextUnmarshaler panics", keep("/bind?v=boom") + get("/bind?v=ok"), []int{500, 200}, "closed"},
		{"Validate panics", keep("/validate?v=boom") + get("/validate?v=ok"), []int{500, 200}, "closed"},
		{"app middleware panics", keep("/bind?v=x&mwpanic") + get("/bind?v=ok"), []int{500, 200}, "closed"},
		{"panic(nil)", keep("/nil") + get("/bind?v=ok"), []int{500, 200}, "closed"},
		{"handler panics", keep("/boom") + get("/bind?v=ok"), []int{500, 200}, "closed"},
		// Aborted: the response had started, or the handler asked for it.
		{"panic after the response started", get("/late"), nil, "bad body: unexpected EOF"},
		{"panic inside a stream, before anything was flushed", get("/stream"), nil, "closed"},
		{"the 500 page panics after writing", get("/boom?badpage"), nil, "bad body: unexpected EOF"},
		{"http.ErrAbortHandler", get("/abort"), nil, "closed"},
	}
	for _, c := range cases {
		got := mustRaw(t, addr, c.raw, 5*time.Second)
		if fmt.Sprint(got.statuses()) != fmt.Sprint(c.want) || got.end != c.end {
			t.Errorf("%s: statuses %v, connection %q; want %v, %q", c.name, got.statuses(), got.end, c.want, c.end)
		}
		for _, r := range got.responses {
			if strings.Contains(r.body, "secret") {
				t.Errorf("%s: the answer shows the panic: %s", c.name, r.body)
			}
		}
		// The server goes on serving new connections.
		if after := mustRaw(t, addr, get("/bind?v=after"), 5*time.Second); fmt.Sprint(after.statuses()) != "[200]" {
			t.Fatalf("%s: the next connection got %v, %s", c.name, after.statuses(), after.end)
		}
	}
	logs := lb.String()
	for _, want := range []string{"binder-secret", "validate-secret", "middleware-secret", "handler-secret", "late-secret", "stream-secret"} {
		if !strings.Contains(logs, want) {
			t.Errorf("the log lacks %q", want)
		}
	}
	if strings.Contains(logs, "http: panic serving") {
		t.Errorf("a panic reached net/http:\n%s", logs)
	}
}

func TestClientGoneCancelsTheRequest(t *testing.T) {
	noLeak(t)
	started := make(chan struct{}, 1)
	ended := make(chan error, 1)
	a := itty.New(itty.Logger(slog.New(slog.DiscardHandler)))
	itty.Get(a, "/wait", func(r *itty.Request, p struct{}) itty.Response {
		started <- struct{}{}
		select {
		case <-r.Context().Done():
			ended <- context.Cause(r.Context())
		case <-time.After(10 * time.Second):
			ended <- fmt.Errorf("the context was not cancelled within 10s")
		}
		return respond.Text("late")
	})
	addr := mustListen(t, a)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(conn, "GET /wait HTTP/1.1\r\n"+host+"\r\n"); err != nil {
		t.Fatal(err)
	}
	<-started
	conn.Close()
	select {
	case err := <-ended:
		if err != context.Canceled {
			t.Errorf("the handler's context ended with %v, want context.Canceled", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the handler never returned")
	}
}

// TestClientGoneMidUpload sends part of a multipart upload that spills to
// disk, then hangs up: the request ends, its temporary files are removed
// and nothing is left running.
func TestClientGoneMidUpload(t *testing.T) {
	noLeak(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	f := newFixture(t)
	served := make(chan struct{})
	f.app.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			next.ServeHTTP(w, r)
			if r.URL.Path == "/upload" {
				close(served)
			}
		})
	})
	addr := mustListen(t, f.app)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	head := part(fileHeader("file", "big.bin"), "")
	body := head + strings.Repeat("x", 30<<10) // of a declared 60 KiB
	if _, err := fmt.Fprintf(conn, "POST /upload HTTP/1.1\r\n%sContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", host, mpType, len(head)+60<<10, body); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	conn.Close()
	select {
	case <-served:
	case <-time.After(10 * time.Second):
		t.Fatal("the upload request never ended")
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("%d temporary files left behind", len(left))
	}
	checkClean(t, f)
}
