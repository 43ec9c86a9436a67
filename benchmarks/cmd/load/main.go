// Command load measures each framework's typed endpoint over real loopback
// connections: every app runs in a plain http.Server (the same settings for
// all) listening on 127.0.0.1:0, and a Go load generator keeps a bounded
// number of keep-alive connections busy for a bounded time, one request at
// a time per connection, timing each request from the first byte written
// to the last byte read.
//
// Each framework is verified first (one request through net/http's client,
// its reply checked as in the correctness test); a failed check or any
// unexpected status under load is an error.
//
// Results are printed in the format of `go test -bench`, one line per
// framework and round, so cmd/tables can read them:
//
//	BenchmarkLoadTyped/itty  123456  41152 req/s  180 p50-us  450 p99-us
//
// Usage:
//
//	go run ./cmd/load [-scenario Typed] [-duration 3s] [-warmup 500ms] [-conns 8] [-rounds 3] [-frameworks itty,gin]
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ittygo/itty/benchmarks/internal/bench"
)

func main() {
	scenarios := flag.String("scenario", "Typed", "comma-separated scenarios to load (single-request scenarios whose handlers read no path parameters)")
	duration := flag.Duration("duration", 3*time.Second, "measured time per framework and round")
	warmup := flag.Duration("warmup", 500*time.Millisecond, "unmeasured load before each measurement")
	conns := flag.Int("conns", 8, "concurrent keep-alive connections")
	rounds := flag.Int("rounds", 3, "rounds; the frameworks' order rotates each round")
	only := flag.String("frameworks", "", "comma-separated frameworks to run (default all)")
	flag.Parse()
	log.SetFlags(0)
	if *conns < 1 || *conns > 256 || *duration <= 0 || *duration > 5*time.Minute || *rounds < 1 {
		log.Fatal("load: -conns must be 1..256, -duration 0..5m, -rounds ≥ 1")
	}

	var fws []*bench.Framework
	for _, fw := range bench.Frameworks() {
		if *only == "" || slices.Contains(strings.Split(*only, ","), fw.Name) {
			fws = append(fws, fw)
		}
	}
	fmt.Printf("# loopback load: %d connections, %v measured after %v warm-up, %d rounds, GOMAXPROCS=%d\n",
		*conns, *duration, *warmup, *rounds, runtime.GOMAXPROCS(0))
	failed := false
	for _, name := range strings.Split(*scenarios, ",") {
		sc := bench.ScenarioByID(bench.ID(name))
		if sc == nil || len(sc.Cases) != 1 || sc.Cases[0].Want.Params != nil {
			log.Fatalf("load: scenario %q cannot be loaded (want one request whose handler reads no path parameters)", name)
		}
		for round := range *rounds {
			for i := range fws {
				fw := fws[(i+round)%len(fws)]
				res, err := loadOne(fw, sc, *conns, *warmup, *duration)
				switch {
				case errors.Is(err, bench.ErrNotApplicable):
					if round == 0 {
						log.Printf("load: %s %s: skipped: %v", sc.ID, fw.Name, err)
					}
					continue
				case err != nil:
					log.Printf("load: %s %s: %v", sc.ID, fw.Name, err)
					failed = true
					continue
				}
				fmt.Printf("BenchmarkLoad%s/%s \t%d\t%.0f req/s\t%.0f p50-us\t%.0f p99-us\n",
					sc.ID, fw.Name, res.n, res.rps, us(res.p50), us(res.p99))
			}
		}
	}
	if failed {
		os.Exit(1)
	}
}

func us(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

type result struct {
	n        int
	rps      float64
	p50, p99 time.Duration
}

// loadOne serves fw's app for sc on a loopback port and loads it.
func loadOne(fw *bench.Framework, sc *bench.Scenario, conns int, warmup, duration time.Duration) (result, error) {
	h, err := fw.Build(sc.ID)
	if err != nil {
		return result{}, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return result{}, err
	}
	addr := ln.Addr().(*net.TCPAddr)
	if !addr.IP.IsLoopback() {
		ln.Close()
		return result{}, fmt.Errorf("listening on %v, not a loopback address", addr)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	c := sc.Cases[0]
	raw, err := rawRequest(c, addr.String())
	if err != nil {
		return result{}, err
	}
	if err := verify(c, addr.String()); err != nil {
		return result{}, fmt.Errorf("wrong reply, not loaded: %w", err)
	}
	runtime.GC()

	start := time.Now()
	measureFrom := start.Add(warmup)
	end := measureFrom.Add(duration)
	lats := make([][]time.Duration, conns)
	errs := make([]error, conns)
	var wg sync.WaitGroup
	for i := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lats[i], errs[i] = drive(addr.String(), raw, c.Want.Status, measureFrom, end)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return result{}, err
	}
	all := slices.Concat(lats...)
	if len(all) == 0 {
		return result{}, errors.New("no request completed in the measured time")
	}
	slices.Sort(all)
	return result{
		n:   len(all),
		rps: float64(len(all)) / duration.Seconds(),
		p50: all[len(all)/2],
		p99: all[min(len(all)-1, len(all)*99/100)],
	}, nil
}

// rawRequest serializes the case's request once, as a client sends it.
func rawRequest(c bench.Case, host string) ([]byte, error) {
	req, err := http.NewRequest(c.Method, "http://"+host+c.Target, bytes.NewReader(c.Body))
	if err != nil {
		return nil, err
	}
	for k, v := range c.Header {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", "itty-bench-load")
	var b bytes.Buffer
	if err := req.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// verify sends the case once through net/http's client and checks the reply.
func verify(c bench.Case, host string) error {
	req, err := http.NewRequest(c.Method, "http://"+host+c.Target, bytes.NewReader(c.Body))
	if err != nil {
		return err
	}
	for k, v := range c.Header {
		req.Header[k] = v
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return bench.CheckResponse(resp.StatusCode, resp.Header, body, c.Want)
}

// drive keeps one connection busy until end and returns the latencies of
// the requests started after measureFrom.
func drive(addr string, raw []byte, status int, measureFrom, end time.Time) ([]time.Duration, error) {
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	br := bufio.NewReader(conn)
	lats := make([]time.Duration, 0, 1<<14)
	for {
		t0 := time.Now()
		if !t0.Before(end) {
			return lats, nil
		}
		if err := conn.SetDeadline(t0.Add(10 * time.Second)); err != nil {
			return nil, err
		}
		if _, err := conn.Write(raw); err != nil {
			return nil, err
		}
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != status {
			return nil, fmt.Errorf("status %d under load, want %d", resp.StatusCode, status)
		}
		if !t0.Before(measureFrom) {
			lats = append(lats, time.Since(t0))
		}
		if resp.Close {
			return nil, errors.New("the server closed the keep-alive connection")
		}
	}
}
