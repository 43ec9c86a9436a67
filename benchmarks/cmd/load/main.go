// Command load measures each framework's typed endpoint over real loopback
// connections: every app runs in a plain http.Server (the same settings for
// all) listening on 127.0.0.1:0, and a load generator keeps a bounded
// number of keep-alive connections busy for a bounded time, one request at
// a time per connection.
//
// Two generators are built in:
//
//   - wrk (the default): Debian's wrk runs in its own process, so the
//     server's heap, and with it the pace of its garbage collections, holds
//     only what the framework and net/http allocate. wrk times each request
//     from its first byte written to its last byte read.
//   - go: goroutines in this process write the serialized request and read
//     each reply with http.ReadResponse. It needs nothing installed, but
//     its own per-request garbage shares the server's heap, so every
//     framework's collections, and the latency tail they make, are paced
//     partly by the generator.
//
// Each framework is verified first and again after the load (one request
// through net/http's client, its reply checked as in the correctness test);
// a failed check, any unexpected status or any socket error under load is
// an error.
//
// Results are printed in the format of `go test -bench`, one line per
// framework and round, so cmd/tables can read them:
//
//	BenchmarkLoadTyped/itty  123456  41152 req/s  180 p50-us  450 p99-us  1834 server-B/req  17.0 server-allocs/req  0.36 GCs/1000req  24.10 server-cpu-us/req
//
// The last four, printed with the wrk generator only, are what the
// server's process allocated, how many garbage collections it ran (from
// runtime.MemStats) and the CPU time it used (user and system, from
// getrusage), per request of the load, warm-up included. With wrk on
// other CPUs the server is the bottleneck, and its CPU time per request is
// the cost of a request through the kernel, net/http and the framework.
//
// With -paired and two frameworks, the run is a paired comparison: the two
// take turns (A B, B A, A B, ...), so each round's two loads are adjacent
// in time and meet the same state of a noisy machine, and the results are
// named BenchmarkLoadTypedPaired/... so that cmd/tables reports them apart,
// with the per-round ratios.
//
// Usage:
//
//	go run ./cmd/load [-generator wrk|go] [-scenario Typed] [-duration 3s] [-warmup 1s] [-conns 8] [-rounds 3] [-frameworks itty,gin] [-paired] [-cpuprofile out/load]
package main

import (
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
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/ittygo/itty/benchmarks/internal/bench"
)

func main() {
	genName := flag.String("generator", "wrk", "load generator: wrk (a separate process) or go (goroutines in this process)")
	wrkPath := flag.String("wrk", "wrk", "the wrk binary, for -generator wrk")
	wrkCPUs := flag.String("wrk-cpus", "", "run wrk on these CPUs (a taskset -c list), e.g. 1 when this process runs on CPU 0")
	scenarios := flag.String("scenario", "Typed", "comma-separated scenarios to load (single-request scenarios whose handlers read no path parameters)")
	duration := flag.Duration("duration", 3*time.Second, "measured time per framework and round (whole seconds for wrk)")
	warmup := flag.Duration("warmup", time.Second, "unmeasured load before each measurement (whole seconds for wrk)")
	conns := flag.Int("conns", 8, "concurrent keep-alive connections")
	rounds := flag.Int("rounds", 3, "rounds; the frameworks' order rotates each round")
	only := flag.String("frameworks", "", "comma-separated frameworks to run (default all)")
	paired := flag.Bool("paired", false, "a paired comparison of exactly two -frameworks: they alternate, each round's two loads adjacent in time, and results are named BenchmarkLoadSCENARIOPaired/FRAMEWORK")
	profile := flag.String("cpuprofile", "", "write a CPU profile of each framework's load, warm-up included, to `PREFIX`-SCENARIO-FRAMEWORK.prof (the last round's)")
	flag.Parse()
	log.SetFlags(0)
	if *conns < 1 || *conns > 256 || *duration <= 0 || *duration > 5*time.Minute || *warmup < 0 || *rounds < 1 {
		log.Fatal("load: -conns must be 1..256, -duration 0..5m, -warmup ≥ 0, -rounds ≥ 1")
	}
	var gen generator
	switch *genName {
	case "wrk":
		w, err := newWrk(*wrkPath, *conns, *warmup, *duration)
		if err == nil && *wrkCPUs != "" {
			err = w.pin(*wrkCPUs)
		}
		if err != nil {
			log.Fatalf("load: %v", err)
		}
		gen = w
	case "go":
		gen = goGenerator{conns: *conns, warmup: *warmup, duration: *duration}
	default:
		log.Fatalf("load: unknown -generator %q (want wrk or go)", *genName)
	}

	var fws []*bench.Framework
	for _, fw := range bench.Frameworks() {
		if *only == "" || slices.Contains(strings.Split(*only, ","), fw.Name) {
			fws = append(fws, fw)
		}
	}
	if *paired && len(fws) != 2 {
		log.Fatal("load: -paired needs exactly two known -frameworks")
	}
	fmt.Printf("# loopback load, %s: %d connections, %v measured after %v warm-up, %d rounds; server GOMAXPROCS=%d on CPUs %s\n",
		gen, *conns, *duration, *warmup, *rounds, runtime.GOMAXPROCS(0), cpusAllowed())
	suffix := ""
	if *paired {
		suffix = "Paired"
	}
	failed := false
	for _, name := range strings.Split(*scenarios, ",") {
		sc := bench.ScenarioByID(bench.ID(name))
		if sc == nil || len(sc.Cases) != 1 || sc.Cases[0].Want.Params != nil {
			log.Fatalf("load: scenario %q cannot be loaded (want one request whose handler reads no path parameters)", name)
		}
		for round := range *rounds {
			for i := range fws {
				fw := fws[(i+round)%len(fws)]
				prof := ""
				if *profile != "" {
					prof = fmt.Sprintf("%s-%s-%s.prof", *profile, sc.ID, fw.Name)
				}
				res, err := loadOne(gen, fw, sc, prof)
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
				fmt.Printf("BenchmarkLoad%s%s/%s \t%d\t%.0f req/s\t%.0f p50-us\t%.0f p99-us",
					sc.ID, suffix, fw.Name, res.n, res.rps, us(res.p50), us(res.p99))
				if res.served > 0 {
					fmt.Printf("\t%.0f server-B/req\t%.1f server-allocs/req\t%.2f GCs/1000req",
						res.bytesPerReq, res.allocsPerReq, res.gcsPerKReq)
				}
				if res.cpuPerReq > 0 {
					fmt.Printf("\t%.2f server-cpu-us/req", us(res.cpuPerReq))
				}
				fmt.Println()
			}
		}
	}
	if failed {
		os.Exit(1)
	}
}

// cpusAllowed returns the CPUs this process may run on, as Linux lists
// them, or "?".
func cpusAllowed() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "Cpus_allowed_list:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}

// userAgent is the User-Agent of the load's requests, whichever generator
// sends them.
const userAgent = "itty-bench-load"

func us(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

// A generator loads one served case and measures it.
type generator interface {
	load(addr string, c bench.Case) (result, error)
	String() string
}

type result struct {
	n        int // requests measured
	rps      float64
	p50, p99 time.Duration
	// served counts every request of the load, warm-up included, when
	// the generator runs outside this process (so that this process's
	// allocations are the server's alone); 0 otherwise.
	served int
	// What the server allocated and collected per request, and the CPU
	// time (user and system) its process used per request, known when
	// served > 0 (cpuPerReq also needs a Unix system).
	bytesPerReq, allocsPerReq, gcsPerKReq float64
	cpuPerReq                             time.Duration
}

// loadOne serves fw's app for sc on a loopback port, checks a reply, loads
// it with gen, and checks a reply again. With a profile name, the load is
// CPU-profiled into that file.
func loadOne(gen generator, fw *bench.Framework, sc *bench.Scenario, profile string) (result, error) {
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
	if err := verify(c, addr.String()); err != nil {
		return result{}, fmt.Errorf("wrong reply, not loaded: %w", err)
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	stop, err := startProfile(profile)
	if err != nil {
		return result{}, err
	}
	cpu0, okCPU := cpuTime()
	res, err := gen.load(addr.String(), c)
	cpu1, _ := cpuTime()
	if perr := stop(); err == nil {
		err = perr
	}
	if err != nil {
		return result{}, err
	}
	runtime.ReadMemStats(&after)
	if res.served > 0 {
		n := float64(res.served)
		res.bytesPerReq = float64(after.TotalAlloc-before.TotalAlloc) / n
		res.allocsPerReq = float64(after.Mallocs-before.Mallocs) / n
		res.gcsPerKReq = float64(after.NumGC-before.NumGC) / n * 1000
		if okCPU {
			res.cpuPerReq = (cpu1 - cpu0) / time.Duration(res.served)
		}
	}
	if res.n == 0 {
		return result{}, errors.New("no request completed in the measured time")
	}
	if err := verify(c, addr.String()); err != nil {
		return result{}, fmt.Errorf("wrong reply after the load: %w", err)
	}
	return res, nil
}

// startProfile starts a CPU profile into the file name, when there is
// one, and returns the function that stops it.
func startProfile(name string) (stop func() error, err error) {
	if name == "" {
		return func() error { return nil }, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() error {
		pprof.StopCPUProfile()
		return f.Close()
	}, nil
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
