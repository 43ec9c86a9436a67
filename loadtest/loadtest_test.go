package loadtest_test

// The load scenarios, each against a child process serving loadtest.App:
// scaled down by default (each a few seconds, for CI), full size with
//
//	go test ./loadtest/ -run Full -full -v
//
// which also prints the figures docs/reliability.md records. The full
// scenarios are left out of ordinary runs, as benchmarks are, through
// -test.skip: they take minutes and thousands of connections.

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ittygo/itty/internal/leaktest"
	"github.com/ittygo/itty/loadtest"
)

var full = flag.Bool("full", false, "run TestFull: the full-size load scenarios, printing their figures")

func TestMain(m *testing.M) {
	if loadtest.IsChild() {
		if err := loadtest.RunChild(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	flag.Parse()
	if !*full {
		skip := "^TestFull$"
		if old := flag.Lookup("test.skip").Value.String(); old != "" {
			skip = old + "|" + skip
		}
		_ = flag.Set("test.skip", skip)
	}
	if err := loadtest.RaiseFileLimit(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// scale sizes every scenario.
type scale struct {
	name       string
	cfg        loadtest.Config
	keepAlive  loadtest.KeepAliveOptions
	panics     loadtest.KeepAliveOptions
	slowloris  loadtest.SlowlorisOptions
	slowBodies loadtest.SlowBodiesOptions
	oversized  loadtest.OversizedOptions
	shutdown   loadtest.ShutdownOptions
}

// scaled is what CI runs: every scenario in a few seconds on 2 cores,
// also under the race detector.
var scaled = scale{
	name:       "scaled-down",
	cfg:        loadtest.Config{HeaderTimeout: 2 * time.Second, BodyTimeout: time.Second, SlowDelay: 3 * time.Second, UploadLimit: 64 << 10},
	keepAlive:  loadtest.KeepAliveOptions{Conns: 200, Duration: 3 * time.Second},
	panics:     loadtest.KeepAliveOptions{Conns: 100, Duration: 2 * time.Second, Panics: true},
	slowloris:  loadtest.SlowlorisOptions{Conns: 200, Interval: 200 * time.Millisecond, HeaderTimeout: 2 * time.Second, LegitConns: 10, Baseline: time.Second},
	slowBodies: loadtest.SlowBodiesOptions{Conns: 20, Interval: 100 * time.Millisecond, BodyTimeout: time.Second},
	oversized:  loadtest.OversizedOptions{Uploaders: 20, Size: 2 << 20, Duration: 2 * time.Second, LegitConns: 20},
	shutdown:   loadtest.ShutdownOptions{Requests: 25, Uploads: 25, UploadSize: 256 << 10},
}

// fullScale is the recorded run: the header timeout is itty's default.
var fullScale = scale{
	name:       "full",
	cfg:        loadtest.Config{BodyTimeout: 5 * time.Second, SlowDelay: 5 * time.Second, UploadLimit: 64 << 10},
	keepAlive:  loadtest.KeepAliveOptions{Conns: 1000, Duration: 20 * time.Second},
	panics:     loadtest.KeepAliveOptions{Conns: 500, Duration: 10 * time.Second, Panics: true},
	slowloris:  loadtest.SlowlorisOptions{Conns: 2000, Interval: time.Second, HeaderTimeout: 10 * time.Second, LegitConns: 50, Baseline: 5 * time.Second},
	slowBodies: loadtest.SlowBodiesOptions{Conns: 200, Interval: 500 * time.Millisecond, BodyTimeout: 5 * time.Second},
	oversized:  loadtest.OversizedOptions{Uploaders: 50, Size: 8 << 20, Duration: 10 * time.Second, LegitConns: 100},
	shutdown:   loadtest.ShutdownOptions{Requests: 100, Uploads: 100, UploadSize: 256 << 10},
}

// mustChild starts the app under load in a child process, stopped when the
// test ends.
func mustChild(t *testing.T, cfg loadtest.Config) *loadtest.Process {
	t.Helper()
	p, err := loadtest.Start(os.Args[0], []string{"-test.run=^$"}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

// report logs a figure, and prints it when the full run asked for figures.
func report(t *testing.T, format string, args ...any) {
	t.Helper()
	t.Logf(format, args...)
	if *full {
		fmt.Printf("%s: %s\n", t.Name(), fmt.Sprintf(format, args...))
	}
}

func runKeepAlive(t *testing.T, s scale) {
	leaktest.Check(t)
	p := mustChild(t, s.cfg)
	res, err := loadtest.KeepAlive(p.Addr, s.keepAlive)
	if err != nil {
		t.Fatal(err)
	}
	report(t, "%d connections: %v", s.keepAlive.Conns, res.Summary)
	report(t, "memory: before %s; first quarter %s; last quarter %s; after %s",
		loadtest.Memory{HeapInuse: res.Before.HeapInuse, RSS: res.Before.RSS}, res.FirstQuarter, res.LastQuarter,
		loadtest.Memory{HeapInuse: res.After.HeapInuse, RSS: res.After.RSS})
	report(t, "server goroutines: before %d, peak %d, after %d (%d samples, %d in the first quarter, %d in the last)",
		res.Before.Goroutines, res.PeakGoroutines, res.After.Goroutines, res.Samples, res.InFirst, res.InLast)
	if res.Errors != 0 || res.Reconnects != 0 || res.Status[200] != res.Requests || res.Requests == 0 {
		t.Errorf("keep-alive load: %v; first error: %s", res.Summary, res.FirstError)
	}
	if res.After.Goroutines > res.Before.Goroutines {
		t.Errorf("server goroutines: %d before, %d after the connections closed", res.Before.Goroutines, res.After.Goroutines)
	}
	if res.PeakGoroutines < s.keepAlive.Conns {
		t.Errorf("the server never had %d connections at once (peak %d goroutines)", s.keepAlive.Conns, res.PeakGoroutines)
	}
	// A leak check, not a speed goal: the heap of the last quarter stays
	// within twice that of the first, plus slack for the collector's pace.
	if res.InFirst == 0 || res.InLast == 0 || res.LastQuarter.HeapInuse > 2*res.FirstQuarter.HeapInuse+16<<20 {
		t.Errorf("memory grew: first quarter %s, last quarter %s (%d samples)", res.FirstQuarter, res.LastQuarter, res.Samples)
	}
}

func runPanics(t *testing.T, s scale) {
	leaktest.Check(t)
	p := mustChild(t, s.cfg)
	res, err := loadtest.KeepAlive(p.Addr, s.panics)
	if err != nil {
		t.Fatal(err)
	}
	report(t, "%d connections, one request in ten panics: %v", s.panics.Conns, res.Summary)
	share := float64(res.Status[500]) / float64(res.Requests)
	if res.Errors != 0 || res.Reconnects != 0 || res.Status[200]+res.Status[500] != res.Requests || res.Requests == 0 {
		t.Errorf("panics under load: %v; first error: %s", res.Summary, res.FirstError)
	}
	if max := 0.1 + float64(s.panics.Conns)/float64(res.Requests); share < 0.1 || share > max {
		t.Errorf("%.3f of the answers were 500s, want 0.1 to %.3f", share, max)
	}
	if res.After.Goroutines > res.Before.Goroutines {
		t.Errorf("server goroutines: %d before, %d after", res.Before.Goroutines, res.After.Goroutines)
	}
}

func runSlowloris(t *testing.T, s scale) {
	leaktest.Check(t)
	p := mustChild(t, s.cfg)
	o := s.slowloris
	res, err := loadtest.Slowloris(p.Addr, o)
	if err != nil {
		t.Fatal(err)
	}
	report(t, "%d slowloris connections: %d closed by the server, %d answered, longest open %v; server goroutines with all connected: %d",
		res.Opened, res.Closed, res.Answered, res.LongestOpen.Round(time.Millisecond), res.PeakGoroutines)
	report(t, "legitimate requests before the attack: %v", res.Baseline)
	report(t, "legitimate requests during the attack: %v", res.UnderAttack)
	if res.Opened != o.Conns || res.Closed != o.Conns || res.Answered != 0 {
		t.Errorf("slowloris: %d opened, %d closed, %d answered; want %d, %d, 0", res.Opened, res.Closed, res.Answered, o.Conns, o.Conns)
	}
	if res.LongestOpen > o.HeaderTimeout+o.Interval+2*time.Second {
		t.Errorf("an attacker stayed connected %v, header timeout %v", res.LongestOpen, o.HeaderTimeout)
	}
	if res.Baseline.Errors != 0 || res.UnderAttack.Errors != 0 || res.UnderAttack.Requests == 0 {
		t.Errorf("legitimate requests failed: before %v (%s); during %v (%s)", res.Baseline, res.Baseline.FirstError, res.UnderAttack, res.UnderAttack.FirstError)
	}
	// Legitimate requests are never held up behind the attackers: none of
	// the 99% waits anywhere near the header timeout an attacker is held for.
	if res.UnderAttack.P99 >= o.HeaderTimeout/2 {
		t.Errorf("legitimate p99 %v during the attack, header timeout %v", res.UnderAttack.P99, o.HeaderTimeout)
	}
}

func runSlowBodies(t *testing.T, s scale) {
	leaktest.Check(t)
	p := mustChild(t, s.cfg)
	o := s.slowBodies
	res, err := loadtest.SlowBodies(p.Addr, o)
	if err != nil {
		t.Fatal(err)
	}
	report(t, "%d slow bodies: answers %v, %d connections closed, longest wait %v", res.Conns, res.Answered, res.Closed, res.Longest.Round(time.Millisecond))
	if res.Answered[408] != o.Conns || len(res.Answered) != 1 || res.Closed != o.Conns {
		t.Errorf("slow bodies: answers %v, %d closed; want %d × 408, all closed; %s", res.Answered, res.Closed, o.Conns, res.FirstFail)
	}
	if res.Longest > o.BodyTimeout+2*time.Second {
		t.Errorf("a slow body waited %v for its 408, body timeout %v", res.Longest, o.BodyTimeout)
	}
}

func runOversized(t *testing.T, s scale) {
	leaktest.Check(t)
	p := mustChild(t, s.cfg)
	o := s.oversized
	res, err := loadtest.Oversized(p.Addr, o)
	if err != nil {
		t.Fatal(err)
	}
	report(t, "%d uploads of %d MiB on a %d KiB route: answers %v, %d without an answer, at most %d bytes read by the app",
		res.Uploads, o.Size>>20, s.cfg.UploadLimit>>10, res.Answered, res.Failed, res.MaxRead)
	report(t, "legitimate requests meanwhile: %v", res.Legit)
	if res.Uploads == 0 || res.Answered[413] != res.Uploads || res.Failed != 0 {
		t.Errorf("oversized uploads: %d, answers %v, %d failed (%s)", res.Uploads, res.Answered, res.Failed, res.FirstFail)
	}
	if res.MaxRead > s.cfg.UploadLimit+1 || res.MaxRead == 0 {
		t.Errorf("the app read %d bytes of an upload, limit %d", res.MaxRead, s.cfg.UploadLimit)
	}
	if res.Legit.Errors != 0 || res.Legit.Requests == 0 {
		t.Errorf("legitimate requests: %v (%s)", res.Legit, res.Legit.FirstError)
	}
}

func runShutdown(t *testing.T, s scale) {
	leaktest.Check(t)
	p := mustChild(t, s.cfg)
	o := s.shutdown
	res, err := loadtest.Shutdown(p, o)
	if err != nil {
		t.Fatal(err)
	}
	n := o.Requests + o.Uploads
	report(t, "SIGTERM with %d requests in flight (%d uploads, %d temporary files): %d completed, new connections refused after %v, exited after %v, Run returned %s, exit code %d, temporary files left %d (child's count %d)",
		res.InFlight, o.Uploads, res.TempDuring, res.Completed, res.RefusedAfter.Round(time.Millisecond), res.Exited.Round(time.Millisecond),
		res.Exit.RunReturned, res.Exit.Code, res.TempAfter, res.Exit.TempLeft)
	if res.InFlight != n || res.TempDuring != o.Uploads || res.Completed != n {
		t.Errorf("in flight %d, temporary files %d, completed %d; want %d, %d, %d; failures:\n%s",
			res.InFlight, res.TempDuring, res.Completed, n, o.Uploads, n, strings.Join(res.Failures, "\n"))
	}
	if res.RefusedAfter > 2*time.Second {
		t.Errorf("new connections were refused only %v after SIGTERM", res.RefusedAfter)
	}
	if res.Exit != (loadtest.Exit{RunReturned: "<nil>", TempLeft: 0, Code: 0}) || res.TempAfter != 0 {
		t.Errorf("exit %+v, temporary files left %d", res.Exit, res.TempAfter)
	}
}

func TestKeepAlive(t *testing.T)        { runKeepAlive(t, scaled) }
func TestPanicsUnderLoad(t *testing.T)  { runPanics(t, scaled) }
func TestSlowloris(t *testing.T)        { runSlowloris(t, scaled) }
func TestSlowBodies(t *testing.T)       { runSlowBodies(t, scaled) }
func TestOversizedUploads(t *testing.T) { runOversized(t, scaled) }
func TestGracefulShutdown(t *testing.T) { runShutdown(t, scaled) }

// TestFull runs every scenario at full size; see the file comment.
func TestFull(t *testing.T) {
	t.Run("KeepAlive", func(t *testing.T) { runKeepAlive(t, fullScale) })
	t.Run("PanicsUnderLoad", func(t *testing.T) { runPanics(t, fullScale) })
	t.Run("Slowloris", func(t *testing.T) { runSlowloris(t, fullScale) })
	t.Run("SlowBodies", func(t *testing.T) { runSlowBodies(t, fullScale) })
	t.Run("OversizedUploads", func(t *testing.T) { runOversized(t, fullScale) })
	t.Run("GracefulShutdown", func(t *testing.T) { runShutdown(t, fullScale) })
}
