// Command tables turns the output of `go test -bench` (and of cmd/load,
// which prints its results in the same format) into markdown: one table
// per scenario with the median ns/op, B/op and allocs/op of every
// framework and its ratios to the baseline and to itty, all from the same
// run; one table per load test; and, with -goals, itty's goals against the
// measured ratios.
//
// A paired load test (cmd/load -paired, named LoadSCENARIOPaired) gets a
// table of its two frameworks and a line of per-round ratios; when one of
// Typed is in the input, the loopback goal is judged on it.
//
// Usage:
//
//	go run ./cmd/tables [-goals] [file ...]
//
// With no file it reads standard input.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/ittygo/itty/benchmarks/internal/bench"
)

func main() {
	goals := flag.Bool("goals", false, "also print itty's goals against the measured ratios")
	flag.Parse()
	res := newResults()
	if flag.NArg() == 0 {
		if err := res.parse(os.Stdin); err != nil {
			log.Fatal(err)
		}
	}
	for _, name := range flag.Args() {
		f, err := os.Open(name)
		if err != nil {
			log.Fatal(err)
		}
		err = res.parse(f)
		f.Close()
		if err != nil {
			log.Fatal(err)
		}
	}
	res.write(os.Stdout)
	if *goals {
		res.writeGoals(os.Stdout)
	}
}

// results holds every sample of every metric, by benchmark and framework.
type results struct {
	order   []string                                   // benchmarks, first seen first
	samples map[string]map[string]map[string][]float64 // bench → framework → unit → values
	meta    []string                                   // goos, goarch, cpu lines
}

func newResults() *results {
	return &results{samples: map[string]map[string]map[string][]float64{}}
}

var procSuffix = regexp.MustCompile(`-\d+$`)

// splitName splits "BenchmarkTyped/itty-2" into "Typed" and "itty".
func splitName(name string) (string, string, bool) {
	name = strings.TrimPrefix(name, "Benchmark")
	b, fw, ok := strings.Cut(name, "/")
	if !ok {
		return "", "", false
	}
	return b, procSuffix.ReplaceAllString(fw, ""), true
}

func (r *results) parse(rd io.Reader) error {
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		for _, key := range []string{"goos:", "goarch:", "cpu:"} {
			if strings.HasPrefix(line, key) && !slices.Contains(r.meta, line) {
				r.meta = append(r.meta, line)
			}
		}
		if !strings.HasPrefix(line, "Benchmark") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || len(f)%2 != 0 {
			continue
		}
		b, fw, ok := splitName(f[0])
		if !ok {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		r.see(b)
		if r.samples[b][fw] == nil {
			r.samples[b][fw] = map[string][]float64{}
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return fmt.Errorf("bad value %q in %q", f[i], line)
			}
			r.samples[b][fw][f[i+1]] = append(r.samples[b][fw][f[i+1]], v)
		}
	}
	return sc.Err()
}

func (r *results) see(b string) {
	if _, ok := r.samples[b]; !ok {
		r.samples[b] = map[string]map[string][]float64{}
		r.order = append(r.order, b)
	}
}

func median(vs []float64) float64 {
	if len(vs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(vs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// get returns the median of unit for framework fw in benchmark b.
func (r *results) get(b, fw, unit string) (float64, bool) {
	vs := r.samples[b][fw][unit]
	if len(vs) == 0 {
		return 0, false
	}
	return median(vs), true
}

// frameworks lists the frameworks of b in the report order: every known
// framework, or for a paired test only the two it compared.
func (r *results) frameworks(b string) []string {
	var out []string
	for _, fw := range bench.Frameworks() {
		if !isPaired(b) || r.samples[b][fw.Name] != nil {
			out = append(out, fw.Name)
		}
	}
	for fw := range r.samples[b] {
		if !slices.Contains(out, fw) {
			out = append(out, fw)
		}
	}
	return out
}

// spread returns the range of the samples of unit for fw in b, relative to
// their median: how much to trust a ratio on a noisy machine.
func (r *results) spread(b, fw, unit string) string {
	vs := r.samples[b][fw][unit]
	if len(vs) < 2 {
		return "—"
	}
	m := median(vs)
	if m == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f%%", (slices.Max(vs)-slices.Min(vs))/m*100)
}

func num(v float64) string {
	switch {
	case v == math.Trunc(v) || v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

func ratio(a, b float64, okA, okB bool) string {
	if !okA || !okB || b == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2fx", a/b)
}

// pairedSuffix ends the name of a paired load test (cmd/load -paired).
const pairedSuffix = "Paired"

// isPaired reports whether b is a paired load test.
func isPaired(b string) bool {
	return strings.HasPrefix(b, "Load") && strings.HasSuffix(b, pairedSuffix)
}

// loadScenario returns the scenario a load test b loaded.
func loadScenario(b string) bench.ID {
	return bench.ID(strings.TrimSuffix(strings.TrimPrefix(b, "Load"), pairedSuffix))
}

// perRound compares fw with other round by round in a paired test b: the
// median of fw's per-round ratios of unit to other's, and in how many of
// the n rounds the ratio is at least 1 (atLeast) or at most 1. The k-th
// samples of the two are one round's, as cmd/load prints them; ok is false
// unless both have the same number of them.
func (r *results) perRound(b, fw, other, unit string, atLeast bool) (med float64, wins, n int, ok bool) {
	a, o := r.samples[b][fw][unit], r.samples[b][other][unit]
	if len(a) == 0 || len(a) != len(o) {
		return 0, 0, 0, false
	}
	ratios := make([]float64, len(a))
	for i := range a {
		if o[i] == 0 {
			return 0, 0, 0, false
		}
		ratios[i] = a[i] / o[i]
		if (atLeast && ratios[i] >= 1) || (!atLeast && ratios[i] <= 1) {
			wins++
		}
	}
	return median(ratios), wins, len(a), true
}

// rounds returns "1 round" or "n rounds".
func rounds(n int) string {
	if n == 1 {
		return "1 round"
	}
	return strconv.Itoa(n) + " rounds"
}

// whyNotRun tells why framework fw has no result for benchmark b: it
// builds the app again and reports what stopped it.
func whyNotRun(b, fw string) string {
	id := loadScenario(b)
	f := bench.FrameworkByName(fw)
	if f == nil || bench.ScenarioByID(id) == nil {
		return "no result in the input"
	}
	_, err := f.Build(id)
	switch {
	case errors.Is(err, bench.ErrNotApplicable):
		return "the hand-written baseline has no router, so no form of a whole API route set"
	case err != nil:
		return err.Error()
	}
	return "no result in the input"
}

func docOf(b string) string {
	for _, sc := range bench.Scenarios() {
		if string(sc.ID) == b {
			return sc.Doc
		}
	}
	if isPaired(b) {
		return "Loopback load test of " + string(loadScenario(b)) + ", paired: two frameworks alone, taking turns, so that each round's two loads are adjacent in time"
	}
	if s, ok := strings.CutPrefix(b, "Load"); ok {
		return "Loopback load test of " + s
	}
	return ""
}

func (r *results) runs(b string) int {
	n := 0
	for _, units := range r.samples[b] {
		for _, vs := range units {
			n = max(n, len(vs))
		}
	}
	return n
}

func (r *results) write(w io.Writer) {
	for _, m := range r.meta {
		fmt.Fprintf(w, "    %s\n", m)
	}
	for _, b := range r.order {
		fmt.Fprintf(w, "\n### %s\n\n", b)
		if d := docOf(b); d != "" {
			fmt.Fprintf(w, "%s. Medians of %d runs; spread is (max − min) / median of the runs.\n\n", d, r.runs(b))
		}
		if strings.HasPrefix(b, "Load") {
			r.writeLoad(w, b)
		} else {
			r.writeBench(w, b)
		}
		var notes []string
		for _, fw := range r.frameworks(b) {
			if r.samples[b][fw] == nil {
				notes = append(notes, fmt.Sprintf("- %s: not run: %s", fw, whyNotRun(b, fw)))
			}
		}
		if len(notes) > 0 {
			fmt.Fprintf(w, "\n%s\n", strings.Join(notes, "\n"))
		}
	}
}

func (r *results) writeBench(w io.Writer, b string) {
	fmt.Fprintln(w, "| framework | ns/op | spread | B/op | allocs/op | vs baseline | vs itty |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|")
	base, okBase := r.get(b, "baseline", "ns/op")
	itty, okItty := r.get(b, "itty", "ns/op")
	for _, fw := range r.frameworks(b) {
		ns, ok := r.get(b, fw, "ns/op")
		if !ok {
			fmt.Fprintf(w, "| %s | n/a | — | n/a | n/a | — | — |\n", fw)
			continue
		}
		bytes, _ := r.get(b, fw, "B/op")
		allocs, _ := r.get(b, fw, "allocs/op")
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", fw, num(ns), r.spread(b, fw, "ns/op"), num(bytes), num(allocs),
			ratio(ns, base, true, okBase), ratio(ns, itty, true, okItty))
	}
}

func (r *results) writeLoad(w io.Writer, b string) {
	fmt.Fprintln(w, "| framework | req/s | spread | p50 µs | p99 µs | p99 spread | req/s vs baseline | p99 vs baseline | server B/req | server allocs/req | GCs per 1000 req | server CPU µs/req |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	base, okBase := r.get(b, "baseline", "req/s")
	baseP99, okBaseP99 := r.get(b, "baseline", "p99-us")
	opt := func(fw, unit string) string {
		if v, ok := r.get(b, fw, unit); ok {
			return num(v)
		}
		return "—"
	}
	for _, fw := range r.frameworks(b) {
		rps, ok := r.get(b, fw, "req/s")
		if !ok {
			fmt.Fprintf(w, "| %s | n/a | — | n/a | n/a | — | — | — | — | — | — | — |\n", fw)
			continue
		}
		p50, _ := r.get(b, fw, "p50-us")
		p99, okP99 := r.get(b, fw, "p99-us")
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", fw, num(rps), r.spread(b, fw, "req/s"),
			num(p50), num(p99), r.spread(b, fw, "p99-us"), ratio(rps, base, true, okBase), ratio(p99, baseP99, okP99, okBaseP99),
			opt(fw, "server-B/req"), opt(fw, "server-allocs/req"), opt(fw, "GCs/1000req"), opt(fw, "server-cpu-us/req"))
	}
	if isPaired(b) {
		for _, fw := range r.frameworks(b) {
			if fw == "baseline" {
				continue
			}
			if line, ok := r.perRoundLine(b, fw); ok {
				fmt.Fprintf(w, "\nPer round, %s against the baseline: %s.\n", fw, line)
			}
		}
	}
}

// roundStats is a framework compared with the baseline round by round in
// a paired test: the medians of its per-round ratios of requests/s and
// p99, and in how many of the n rounds its requests/s were at least the
// baseline's and its p99 at most the baseline's.
type roundStats struct {
	rps, p99         float64
	rpsWins, p99Wins int
	n                int
}

// roundStats compares fw with the baseline round by round in the paired
// test b; ok is false unless their rounds pair up.
func (r *results) roundStats(b, fw string) (roundStats, bool) {
	var s roundStats
	var ok1, ok2 bool
	s.rps, s.rpsWins, s.n, ok1 = r.perRound(b, fw, "baseline", "req/s", true)
	s.p99, s.p99Wins, _, ok2 = r.perRound(b, fw, "baseline", "p99-us", false)
	return s, ok1 && ok2
}

// perRoundLine describes fw's per-round ratios to the baseline in the
// paired test b.
func (r *results) perRoundLine(b, fw string) (string, bool) {
	s, ok := r.roundStats(b, fw)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("req/s median ratio %.2fx, at least the baseline's in %d of %s; p99 median ratio %.2fx, at most the baseline's in %d of %s",
		s.rps, s.rpsWins, rounds(s.n), s.p99, s.p99Wins, rounds(s.n)), true
}

func measuredAllocs(a float64, ok bool) string {
	if !ok {
		return "—"
	}
	return num(a) + " allocs/op"
}

// writeGoals prints itty's performance goals with what this run measured.
func (r *results) writeGoals(w io.Writer) {
	fmt.Fprintln(w, "\n### Goals")
	fmt.Fprintln(w, "\n| goal | measured | met |")
	fmt.Fprintln(w, "|---|---|---|")
	row := func(goal, measured string, met, known bool) {
		verdict := "no"
		switch {
		case !known:
			verdict = "not measured"
		case met:
			verdict = "yes"
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", goal, measured, verdict)
	}
	for _, b := range []string{"Static", "Param1", "Param5", "Param20", "GitHubAll"} {
		a, ok := r.get(b, "itty", "allocs/op")
		row("routing "+b+": 0 allocs/op", measuredAllocs(a, ok), a == 0, ok)
	}
	cmp := func(goal, b, other, unit string, limit float64, extra func() (string, bool, bool)) {
		v, okV := r.get(b, "itty", unit)
		o, okO := r.get(b, other, unit)
		known := okV && okO && o != 0
		measured := "—"
		met := false
		if known {
			measured = fmt.Sprintf("%.2fx %s (%s vs %s %s)", v/o, other, num(v), num(o), unit)
			met = v/o <= limit
		}
		if extra != nil {
			m, ok, k := extra()
			measured += "; " + m
			met = met && ok
			known = known && k
		}
		row(goal, measured, met, known)
	}
	cmp("GitHubAll ≤ 1.0x gin ns/op", "GitHubAll", "gin", "ns/op", 1.0, nil)
	cmp("Param1 ≤ 1.1x echo ns/op", "Param1", "echo", "ns/op", 1.1, nil)
	cmp("Typed ≤ 0.75x baseline ns/op and ≤ 8 allocs/op", "Typed", "baseline", "ns/op", 0.75, func() (string, bool, bool) {
		a, ok := r.get("Typed", "itty", "allocs/op")
		return measuredAllocs(a, ok), a <= 8, ok
	})
	cmp("TypedValidated ≤ 0.85x baseline ns/op", "TypedValidated", "baseline", "ns/op", 0.85, nil)
	measured, met, known := r.loopbackGoal()
	row("loopback Typed ≥ 1.0x baseline req/s, p99 not worse", measured, met, known)
}

// loopbackGoal judges the loopback goal: on the paired test of Typed when
// the input has one, where both the ratio of the medians and the median of
// the per-round ratios must meet it, and otherwise on the medians of the
// load test of every framework.
func (r *results) loopbackGoal() (measured string, met, known bool) {
	b := "LoadTyped"
	paired := r.samples[b+pairedSuffix]["itty"] != nil
	if paired {
		b += pairedSuffix
	}
	rps, okR := r.get(b, "itty", "req/s")
	base, okB := r.get(b, "baseline", "req/s")
	p99, okP := r.get(b, "itty", "p99-us")
	baseP99, okBP := r.get(b, "baseline", "p99-us")
	if !okR || !okB || !okP || !okBP || base == 0 || baseP99 == 0 {
		return "—", false, false
	}
	measured = fmt.Sprintf("%.2fx baseline req/s (%s vs %s); p99 %.2fx baseline (%s vs %s µs)",
		rps/base, num(rps), num(base), p99/baseP99, num(p99), num(baseP99))
	met = rps >= base && p99 <= baseP99
	if !paired {
		return measured, met, true
	}
	s, ok := r.roundStats(b, "itty")
	if !ok {
		return measured + "; rounds unpaired", false, true
	}
	measured = fmt.Sprintf("paired, %s: %s; per round: req/s %.2fx (at least the baseline's in %d), p99 %.2fx (at most in %d)",
		rounds(s.n), measured, s.rps, s.rpsWins, s.p99, s.p99Wins)
	return measured, met && s.rps >= 1 && s.p99 <= 1, true
}
