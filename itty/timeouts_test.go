package itty_test

// Tests of the body deadline over real loopback connections: a slow body
// is answered 408 and its connection closed, a handler that outlives the
// deadline after reading its body keeps its context, the bound can be
// turned off, and writers without deadlines are left alone.

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// mustTimeoutServer serves a on a loopback httptest server that is closed,
// with its connections, when the test ends.
func mustTimeoutServer(t *testing.T, a *itty.App) string {
	t.Helper()
	srv := httptest.NewServer(a)
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String()
}

// mustSendHead opens a connection to addr and writes head and then body.
func mustSendHead(t *testing.T, addr, head, body string) (net.Conn, *bufio.Reader) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if err := conn.SetDeadline(time.Now().Add(10 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(conn, head+body); err != nil {
		t.Fatal(err)
	}
	return conn, bufio.NewReader(conn)
}

func timeoutApp(opts ...itty.Option) *itty.App {
	a := itty.New(append([]itty.Option{itty.Logger(slog.New(slog.DiscardHandler))}, opts...)...)
	itty.Post(a, "/items", func(r *itty.Request, p struct {
		Name string `json:"name"`
	}) itty.Response {
		return respond.Text("created " + p.Name)
	})
	return a
}

const itemHead = "POST /items HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n"

func TestSlowBodyIsAnswered408AndClosed(t *testing.T) {
	checkNoLeak(t)
	addr := mustTimeoutServer(t, timeoutApp(itty.BodyTimeout(200*time.Millisecond)))
	conn, br := mustSendHead(t, addr, itemHead, `{"name":`) // 8 of 16 bytes, then nothing
	start := time.Now()
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestTimeout || !strings.Contains(string(body), "Request Timeout") {
		t.Fatalf("slow body: %d %q, want 408", resp.StatusCode, body)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("the 408 came after %v", waited)
	}
	// The connection is closed after the answer.
	if _, err := br.ReadByte(); err != io.EOF {
		t.Errorf("after the 408 the connection gave %v, want EOF", err)
	}
	conn.Close()
}

func TestHandlerOutlivingTheBodyDeadlineKeepsItsContext(t *testing.T) {
	checkNoLeak(t)
	const timeout = 100 * time.Millisecond
	a := itty.New(itty.BodyTimeout(timeout), itty.Logger(slog.New(slog.DiscardHandler)))
	itty.Post(a, "/work", func(r *itty.Request, p struct {
		N int `json:"n"`
	}) itty.Response {
		select {
		case <-r.Context().Done():
			return respond.Text("cancelled: " + context.Cause(r.Context()).Error())
		case <-time.After(4 * timeout):
		}
		return respond.Text(fmt.Sprint("done ", p.N))
	})
	addr := mustTimeoutServer(t, a)
	body := `{"n":7}`
	req := fmt.Sprintf("POST /work HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
	conn, br := mustSendHead(t, addr, req, "")
	// Twice on one connection, idle longer than the deadline in between:
	// the deadline ends with its request.
	for i := 0; i < 2; i++ {
		if i == 1 {
			time.Sleep(2 * timeout)
			if _, err := io.WriteString(conn, req); err != nil {
				t.Fatal(err)
			}
		}
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || string(got) != "done 7" {
			t.Fatalf("request %d: %d %q, want 200 \"done 7\"", i, resp.StatusCode, got)
		}
	}
}

func TestBodyTimeoutOff(t *testing.T) {
	checkNoLeak(t)
	addr := mustTimeoutServer(t, timeoutApp(itty.BodyTimeout(0)))
	conn, br := mustSendHead(t, addr, itemHead, `{"name":`)
	time.Sleep(300 * time.Millisecond)
	if _, err := io.WriteString(conn, `"late"}  `); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(got) != "created late" {
		t.Errorf("late body with the bound off: %d %q", resp.StatusCode, got)
	}
}

func TestBodyTimeoutWithoutDeadlineSupport(t *testing.T) {
	// A recorder takes no deadline: the body is read as it is.
	a := timeoutApp(itty.BodyTimeout(time.Nanosecond))
	r := httptest.NewRequest("POST", "/items", strings.NewReader(`{"name":"x"}`))
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	a.ServeHTTP(w, r)
	if w.Code != 200 || w.Body.String() != "created x" {
		t.Errorf("recorder: %d %q", w.Code, w.Body.String())
	}
}

func TestServerDefaults(t *testing.T) {
	srv := itty.New().Server()
	if srv.ReadHeaderTimeout != 10*time.Second || srv.IdleTimeout != 120*time.Second ||
		srv.MaxHeaderBytes != 64<<10 || srv.WriteTimeout != 0 || srv.ReadTimeout != 0 {
		t.Errorf("server defaults: header %v, idle %v, max header bytes %d, write %v, read %v",
			srv.ReadHeaderTimeout, srv.IdleTimeout, srv.MaxHeaderBytes, srv.WriteTimeout, srv.ReadTimeout)
	}
}

func ExampleBodyTimeout() {
	app := itty.New(itty.BodyTimeout(50 * time.Millisecond))
	itty.Post(app, "/items", func(r *itty.Request, p struct {
		Name string `json:"name"`
	}) itty.Response {
		return respond.Text("created " + p.Name)
	})
	srv := httptest.NewServer(app)
	defer srv.Close()

	// A client announces 16 bytes of body, sends 8 and stalls.
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		panic(err)
	}
	defer conn.Close()
	fmt.Fprint(conn, "POST /items HTTP/1.1\r\nHost: example.com\r\n"+
		"Content-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"name\":")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		panic(err)
	}
	resp.Body.Close()
	fmt.Println(resp.Status)
	// Output: 408 Request Timeout
}
