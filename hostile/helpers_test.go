package hostile_test

// Helpers of the hostile-input suite: serving one request in process,
// sending raw bytes to a real loopback server, reading problem documents,
// measuring what a request allocates, and the checks every group ends
// with (no 500 for client input, no panic in the log, no leaked
// goroutine).

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ittygo/itty/internal/leaktest"
	"github.com/ittygo/itty/itty"
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

// mustServe serves one in-process request with the given header pairs.
func mustServe(t *testing.T, h http.Handler, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	if len(header)%2 != 0 {
		t.Fatalf("mustServe: odd header list %q", header)
	}
	r := httptest.NewRequest(method, target, body)
	for i := 0; i < len(header); i += 2 {
		r.Header.Add(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// mustListen serves app with the http.Server of app.Server() on a loopback
// port, closed (with its connections) when the test ends, and returns the
// address. The server's real limits apply.
func mustListen(t *testing.T, app *itty.App) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := app.Server()
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(ln)
	}()
	t.Cleanup(func() {
		srv.Close()
		<-done
	})
	return ln.Addr().String()
}

// wireResult is what came back on one raw connection: the responses in
// order, and how the connection ended after them.
type wireResult struct {
	responses []wireResponse
	end       string // "closed", "open" (timed out waiting), or a read error
}

// wireResponse is one response read from the wire.
type wireResponse struct {
	status int
	header http.Header
	body   string
}

// mustRaw writes raw to a new connection to addr, reads responses until
// the server closes the connection or wait passes without data, and
// returns them.
func mustRaw(t *testing.T, addr, raw string, wait time.Duration) wireResult {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	go func() { _, _ = io.WriteString(conn, raw) }() // the server may answer before it has read everything
	method, _, _ := strings.Cut(raw, " ")
	return readResponses(t, conn, wait, method)
}

// readResponses reads responses to requests of method from conn until it
// closes or stays quiet for wait.
func readResponses(t *testing.T, conn net.Conn, wait time.Duration, method string) wireResult {
	t.Helper()
	var res wireResult
	br := bufio.NewReader(conn)
	req := &http.Request{Method: method}
	for {
		if err := conn.SetReadDeadline(time.Now().Add(wait)); err != nil {
			t.Fatal(err)
		}
		if _, err := br.Peek(1); err != nil {
			res.end = endOf(err)
			return res
		}
		resp, err := http.ReadResponse(br, req)
		if err != nil {
			res.end = "bad response: " + err.Error()
			return res
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			res.end = "bad body: " + err.Error()
			return res
		}
		res.responses = append(res.responses, wireResponse{status: resp.StatusCode, header: resp.Header, body: string(body)})
	}
}

// endOf names how a connection ended.
func endOf(err error) string {
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		return "open"
	}
	if err == io.EOF || strings.Contains(err.Error(), "connection reset") {
		return "closed"
	}
	return err.Error()
}

// statuses lists the status of each response, for messages.
func (w wireResult) statuses() []int {
	var out []int
	for _, r := range w.responses {
		out = append(out, r.status)
	}
	return out
}

// problem is an RFC 9457 problem document as itty writes it.
type problem struct {
	Type, Title, Detail string
	Status              int
	Errors              []struct{ Location, Message, Value string }
}

// mustProblem decodes the problem+json body of w.
func mustProblem(t *testing.T, w *httptest.ResponseRecorder) problem {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type %q, want application/problem+json; body %q", ct, w.Body.String())
	}
	var p problem
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatalf("problem+json: %v\n%s", err, w.Body.String())
	}
	return p
}

// fieldErrors formats a problem's field errors as "location: message"
// lines joined with "; ", or its detail when it has none.
func (p problem) fieldErrors() string {
	if len(p.Errors) == 0 {
		return p.Detail
	}
	var parts []string
	for _, e := range p.Errors {
		parts = append(parts, e.Location+": "+e.Message)
	}
	return strings.Join(parts, "; ")
}

// outcome summarises an in-process answer for comparison with a table:
// the status, then the problem's field errors or detail for JSON errors,
// or the body for anything else.
func outcome(t *testing.T, w *httptest.ResponseRecorder) string {
	t.Helper()
	if w.Header().Get("Content-Type") == "application/problem+json" {
		return fmt.Sprintf("%d %s", w.Code, mustProblem(t, w).fieldErrors())
	}
	return fmt.Sprintf("%d %s", w.Code, w.Body.String())
}

// allocated returns the bytes f allocates, measured with runtime.MemStats.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// countingReader counts the bytes read from it; it produces n bytes of
// fill (for ever when n < 0) after prefix.
type countingReader struct {
	prefix string
	fill   byte
	n      int64
	read   int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if c.prefix != "" {
		k := copy(p, c.prefix)
		c.prefix = c.prefix[k:]
		c.read += int64(k)
		return k, nil
	}
	if c.n == 0 {
		return 0, io.EOF
	}
	k := len(p)
	if c.n > 0 && int64(k) > c.n {
		k = int(c.n)
	}
	for i := range p[:k] {
		p[i] = c.fill
	}
	if c.n > 0 {
		c.n -= int64(k)
	}
	c.read += int64(k)
	return k, nil
}

// checkClean fails t if f's log shows a panic or a 5xx: hostile input is
// a client error, never the server's.
func checkClean(t *testing.T, f *fixture) {
	t.Helper()
	logs := f.log.String()
	for _, bad := range []string{"panic", "internal server error", "level=ERROR"} {
		if strings.Contains(strings.ToLower(logs), strings.ToLower(bad)) {
			t.Errorf("the app logged %q:\n%s", bad, logs)
		}
	}
}

// noLeak checks, when the test ends, that it left no goroutine running.
func noLeak(t *testing.T) { leaktest.Check(t) }
