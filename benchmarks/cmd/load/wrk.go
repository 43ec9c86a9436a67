package main

// The wrk generator: Debian's wrk in its own process, driven by a Lua
// script written for the case, which reports its figures in one line.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/ittygo/itty/benchmarks/internal/bench"
)

// wrkGenerator runs wrk with one thread (one event loop) keeping conns
// connections busy: a warm-up run, then the measured run.
type wrkGenerator struct {
	path             string
	taskset, cpus    string // when set, wrk runs under taskset -c cpus
	conns            int
	warmup, duration time.Duration
}

func newWrk(path string, conns int, warmup, duration time.Duration) (*wrkGenerator, error) {
	if warmup%time.Second != 0 || duration%time.Second != 0 {
		return nil, fmt.Errorf("wrk takes whole seconds: -warmup %v, -duration %v", warmup, duration)
	}
	p, err := exec.LookPath(path)
	if err != nil {
		return nil, fmt.Errorf("the wrk generator needs wrk (Debian package wrk): %w", err)
	}
	return &wrkGenerator{path: p, conns: conns, warmup: warmup, duration: duration}, nil
}

// pin makes wrk run on cpus only, a list as taskset -c takes it.
func (g *wrkGenerator) pin(cpus string) error {
	p, err := exec.LookPath("taskset")
	if err != nil {
		return fmt.Errorf("pinning wrk needs taskset (Debian package util-linux): %w", err)
	}
	g.taskset, g.cpus = p, cpus
	return nil
}

func (g *wrkGenerator) String() string {
	s := "wrk in its own process, 1 thread"
	if g.cpus != "" {
		s += " on CPUs " + g.cpus
	}
	return s
}

func (g *wrkGenerator) load(addr string, c bench.Case) (result, error) {
	script, err := os.CreateTemp("", "itty-load-*.lua")
	if err != nil {
		return result{}, err
	}
	defer os.Remove(script.Name())
	_, err = script.WriteString(wrkScript(c))
	if cerr := script.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return result{}, err
	}
	url := "http://" + addr + c.Target
	var warm result
	if g.warmup > 0 {
		if warm, err = g.run(script.Name(), url, g.warmup); err != nil {
			return result{}, fmt.Errorf("warm-up: %w", err)
		}
	}
	res, err := g.run(script.Name(), url, g.duration)
	res.served = warm.n + res.n
	return res, err
}

// run runs wrk once for d and reads the figures its script printed.
func (g *wrkGenerator) run(script, url string, d time.Duration) (result, error) {
	args := []string{g.path, "-t1", fmt.Sprintf("-c%d", g.conns), fmt.Sprintf("-d%ds", int(d/time.Second)),
		"--timeout", "10s", "-s", script, url}
	if g.taskset != "" {
		args = append([]string{g.taskset, "-c", g.cpus}, args...)
	}
	cmd := exec.Command(args[0], args[1:]...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return result{}, fmt.Errorf("%s: %w: %s", cmd, err, strings.TrimSpace(stderr.String()))
	}
	return parseWrk(out)
}

// wrkReport is the prefix of the line wrkScript's done function prints.
const wrkReport = "itty-load:"

// wrkScript is the Lua script that makes wrk send c's request and report
// its figures: requests, elapsed µs, p50 and p99 µs, non-2xx/3xx replies
// and socket errors.
func wrkScript(c bench.Case) string {
	var b strings.Builder
	fmt.Fprintf(&b, "wrk.method = %s\n", luaString(c.Method))
	if len(c.Body) > 0 {
		fmt.Fprintf(&b, "wrk.body = %s\n", luaString(string(c.Body)))
	}
	fmt.Fprintf(&b, "wrk.headers[\"User-Agent\"] = %s\n", luaString(userAgent))
	for k, vs := range c.Header {
		// wrk sends one value per header name.
		fmt.Fprintf(&b, "wrk.headers[%s] = %s\n", luaString(k), luaString(strings.Join(vs, ", ")))
	}
	fmt.Fprintf(&b, `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("%s requests=%%d elapsed_us=%%d p50_us=%%d p99_us=%%d status_errors=%%d socket_errors=%%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
`, wrkReport)
	return b.String()
}

// luaString quotes s as a Lua string literal, escaping every byte that is
// not printable ASCII or that Lua would read as syntax.
func luaString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			fmt.Fprintf(&b, "\\%03d", c)
			continue
		}
		b.WriteByte(c)
	}
	b.WriteByte('"')
	return b.String()
}

// parseWrk reads the report line of wrk's output.
func parseWrk(out []byte) (result, error) {
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line, ok := strings.CutPrefix(sc.Text(), wrkReport)
		if !ok {
			continue
		}
		var n, elapsed, p50, p99, statusErrs, sockErrs int64
		if _, err := fmt.Sscanf(line, " requests=%d elapsed_us=%d p50_us=%d p99_us=%d status_errors=%d socket_errors=%d",
			&n, &elapsed, &p50, &p99, &statusErrs, &sockErrs); err != nil {
			return result{}, fmt.Errorf("wrk report %q: %w", line, err)
		}
		switch {
		case statusErrs > 0:
			return result{}, fmt.Errorf("%d replies with an error status under load", statusErrs)
		case sockErrs > 0:
			return result{}, fmt.Errorf("%d socket errors under load", sockErrs)
		case elapsed <= 0:
			return result{}, fmt.Errorf("wrk report %q: no elapsed time", line)
		}
		return result{
			n:   int(n),
			rps: float64(n) / (float64(elapsed) / 1e6),
			p50: time.Duration(p50) * time.Microsecond,
			p99: time.Duration(p99) * time.Microsecond,
		}, nil
	}
	return result{}, errors.New("wrk printed no report line:\n" + string(out))
}
