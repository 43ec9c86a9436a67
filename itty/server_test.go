package itty_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// checkNoLeak fails the test if goroutines started during it are still
// running shortly after it ends. The signal package's own goroutine, started
// once per process by the first signal.Notify, is not a leak.
func checkNoLeak(t *testing.T) {
	t.Helper()
	before := goroutines()
	t.Cleanup(func() {
		deadline := time.Now().Add(5 * time.Second)
		for {
			var leaked []string
			for id, stack := range goroutines() {
				if _, ok := before[id]; !ok && !strings.Contains(stack, "os/signal.loop") {
					leaked = append(leaked, stack)
				}
			}
			if len(leaked) == 0 {
				return
			}
			if time.Now().After(deadline) {
				t.Errorf("%d goroutines leaked:\n%s", len(leaked), strings.Join(leaked, "\n\n"))
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
}

// goroutines maps each running goroutine's header line to its stack.
func goroutines() map[string]string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[string]string{}
	for _, g := range strings.Split(string(buf), "\n\n") {
		id, _, _ := strings.Cut(g, " [")
		out[id] = g
	}
	return out
}

// syncBuffer collects the start-up line while Run writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// mustStart runs app on a free loopback port and returns its base URL and
// a function that stops it and returns Run's result.
func mustStart(t *testing.T, a *itty.App, run func(ctx context.Context, opts ...itty.Option) error) (string, func() error) {
	t.Helper()
	out := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, itty.Port(0), itty.Output(out)) }()
	re := regexp.MustCompile(`^itty \d+\.\d+\.\d+: Now serving requests at (http://127\.0\.0\.1:\d+)\.\.\.\n$`)
	deadline := time.Now().Add(5 * time.Second)
	for {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			return m[1], func() error { cancel(); return <-done }
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("no start-up line; got %q", out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestRunServesAndShutsDownGracefully(t *testing.T) {
	checkNoLeak(t)
	a := itty.New(itty.ShutdownTimeout(10*time.Second), itty.Logger(slog.New(slog.DiscardHandler)))
	started := make(chan struct{}, 10)
	release := make(chan struct{})
	itty.Get(a, "/slow/<int:n>", func(r *itty.Request, p struct {
		N int `path:"n"`
	}) itty.Response {
		started <- struct{}{}
		<-release
		return respond.Text(fmt.Sprintf("done %d", p.N))
	})
	base, stop := mustStart(t, a, a.RunContext)
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	const n = 5
	var wg sync.WaitGroup
	bodies := make([]string, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			resp, err := client.Get(fmt.Sprintf("%s/slow/%d", base, i))
			if err != nil {
				bodies[i] = "error: " + err.Error()
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			bodies[i] = string(b)
		}(i)
	}
	for i := 0; i < n; i++ {
		<-started
	}
	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	// New connections are refused once shutdown begins.
	addr := strings.TrimPrefix(base, "http://")
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("the listener still accepts connections during shutdown")
		}
		time.Sleep(10 * time.Millisecond)
	}
	close(release)
	wg.Wait()
	if err := <-stopped; err != nil {
		t.Errorf("RunContext returned %v", err)
	}
	for i, b := range bodies {
		if b != fmt.Sprintf("done %d", i) {
			t.Errorf("in-flight request %d got %q", i, b)
		}
	}
}

func TestRunStopsOnSIGTERM(t *testing.T) {
	checkNoLeak(t)
	a := itty.New(itty.Logger(slog.New(slog.DiscardHandler)))
	itty.Get(a, "/", func(r *itty.Request, p struct{}) itty.Response { return respond.Text("up") })
	returned := make(chan error, 1)
	base, _ := mustStart(t, a, func(ctx context.Context, opts ...itty.Option) error {
		err := a.Run(opts...)
		returned <- err
		return err
	})
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	resp, err := client.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	tr.CloseIdleConnections()
	if string(b) != "up" {
		t.Fatalf("body %q", b)
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-returned:
		if err != nil {
			t.Errorf("Run returned %v after SIGTERM", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run still serving 10s after SIGTERM")
	}
	if _, err := client.Get(base + "/"); err == nil {
		t.Error("the server still answers after Run returned")
	}
}

func TestRunRefusesAfterServing(t *testing.T) {
	a := itty.New()
	itty.Get(a, "/", func(r *itty.Request, p struct{}) itty.Response { return nil })
	mustServe(t, a, "GET", "/")
	if err := a.RunContext(context.Background(), itty.Port(0)); err != itty.ErrServed {
		t.Errorf("Run after serving = %v, want ErrServed", err)
	}
}

func TestRunReportsBadAddress(t *testing.T) {
	a := itty.New()
	err := a.RunContext(context.Background(), itty.Addr("127.0.0.1:notaport"), itty.Output(io.Discard))
	if err == nil || !strings.HasPrefix(err.Error(), "itty: ") {
		t.Errorf("err = %v", err)
	}
}

func TestServerHasTimeouts(t *testing.T) {
	srv := itty.New().Server()
	if srv.ReadHeaderTimeout <= 0 || srv.IdleTimeout <= 0 || srv.MaxHeaderBytes <= 0 {
		t.Errorf("server limits not set: %+v", srv)
	}
}

func TestRunClosesWhatOutlivesTheShutdownTimeout(t *testing.T) {
	checkNoLeak(t)
	a := itty.New(itty.ShutdownTimeout(100*time.Millisecond), itty.Logger(slog.New(slog.DiscardHandler)))
	started, ended := make(chan struct{}), make(chan struct{})
	itty.Get(a, "/hang", func(r *itty.Request, p struct{}) itty.Response {
		close(started)
		<-r.Context().Done() // until the connection closes
		close(ended)
		return nil
	})
	base, stop := mustStart(t, a, a.RunContext)
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	got := make(chan error, 1)
	go func() {
		resp, err := (&http.Client{Transport: tr}).Get(base + "/hang")
		if err == nil {
			resp.Body.Close()
		}
		got <- err
	}()
	<-started
	if err := stop(); err == nil || !strings.Contains(err.Error(), "itty: shutdown:") {
		t.Errorf("RunContext returned %v, want the shutdown's timeout", err)
	}
	select {
	case <-ended:
	case <-time.After(5 * time.Second):
		t.Fatal("the request in flight was not cancelled after the shutdown timeout")
	}
	if err := <-got; err == nil {
		t.Error("the client got an answer from a closed connection")
	}
}
