package main

// The go generator: goroutines in this process, one keep-alive connection
// each, writing a serialized request and reading its reply in turn.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/ittygo/itty/benchmarks/internal/bench"
)

type goGenerator struct {
	conns            int
	warmup, duration time.Duration
}

func (g goGenerator) String() string { return "go generator in the server's process" }

func (g goGenerator) load(addr string, c bench.Case) (result, error) {
	raw, err := rawRequest(c, addr)
	if err != nil {
		return result{}, err
	}
	measureFrom := time.Now().Add(g.warmup)
	end := measureFrom.Add(g.duration)
	lats := make([][]time.Duration, g.conns)
	errs := make([]error, g.conns)
	var wg sync.WaitGroup
	for i := range g.conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lats[i], errs[i] = drive(addr, raw, c.Want.Status, measureFrom, end)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return result{}, err
	}
	all := slices.Concat(lats...)
	if len(all) == 0 {
		return result{}, nil
	}
	slices.Sort(all)
	return result{
		n:   len(all),
		rps: float64(len(all)) / g.duration.Seconds(),
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
	req.Header.Set("User-Agent", userAgent)
	var b bytes.Buffer
	if err := req.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
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
