package main

import (
	"strings"
	"testing"
)

// mustParse reads benchmark output into results.
func mustParse(t *testing.T, in string) *results {
	t.Helper()
	r := newResults()
	if err := r.parse(strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	return r
}

// loadLine is one line of cmd/load's output.
func loadLine(name string, rps, p99 string) string {
	return "Benchmark" + name + " \t1000\t" + rps + " req/s\t200 p50-us\t" + p99 + " p99-us\n"
}

func TestPerRound(t *testing.T) {
	r := mustParse(t, loadLine("LoadTypedPaired/baseline", "100", "1000")+
		loadLine("LoadTypedPaired/itty", "110", "900")+
		loadLine("LoadTypedPaired/itty", "90", "1200")+
		loadLine("LoadTypedPaired/baseline", "100", "1000")+
		loadLine("LoadTypedPaired/baseline", "80", "1000")+
		loadLine("LoadTypedPaired/itty", "100", "1000"))
	tests := []struct {
		unit    string
		atLeast bool
		med     float64
		wins    int
	}{
		{"req/s", true, 1.1, 2},   // ratios 1.1, 0.9, 1.25
		{"p99-us", false, 1.0, 2}, // ratios 0.9, 1.2, 1.0
	}
	for _, tt := range tests {
		med, wins, n, ok := r.perRound("LoadTypedPaired", "itty", "baseline", tt.unit, tt.atLeast)
		if !ok || n != 3 || wins != tt.wins || med < tt.med-1e-9 || med > tt.med+1e-9 {
			t.Errorf("perRound(%s) = %v, %d, %d, %v; want %v, %d, 3, true", tt.unit, med, wins, n, ok, tt.med, tt.wins)
		}
	}
	r = mustParse(t, loadLine("LoadTypedPaired/baseline", "100", "1000")+
		loadLine("LoadTypedPaired/itty", "110", "900")+
		loadLine("LoadTypedPaired/itty", "90", "1200"))
	if _, _, _, ok := r.perRound("LoadTypedPaired", "itty", "baseline", "req/s", true); ok {
		t.Error("perRound paired rounds of unequal counts")
	}
}

func TestLoopbackGoal(t *testing.T) {
	// Every framework's test: itty ahead on the medians.
	all := loadLine("LoadTyped/baseline", "100", "1000") + loadLine("LoadTyped/itty", "105", "950")
	// A paired test where itty's medians are ahead but most rounds are not.
	pairedMixed := loadLine("LoadTypedPaired/baseline", "100", "1000") + loadLine("LoadTypedPaired/itty", "99", "990") +
		loadLine("LoadTypedPaired/itty", "89", "990") + loadLine("LoadTypedPaired/baseline", "90", "1000") +
		loadLine("LoadTypedPaired/baseline", "80", "1000") + loadLine("LoadTypedPaired/itty", "120", "990")
	// A paired test where itty is ahead in every round.
	pairedAhead := loadLine("LoadTypedPaired/baseline", "100", "1000") + loadLine("LoadTypedPaired/itty", "103", "990") +
		loadLine("LoadTypedPaired/itty", "101", "980") + loadLine("LoadTypedPaired/baseline", "100", "1000")
	tests := []struct {
		name, in  string
		met       bool
		substring string
	}{
		{"no load", "", false, "—"},
		{"every framework only", all, true, "1.05x baseline req/s"},
		{"paired decides", all + pairedMixed, false, "paired, 3 rounds: 1.10x baseline req/s (99 vs 90)"},
		{"paired ahead", loadLine("LoadTyped/baseline", "100", "1000") + loadLine("LoadTyped/itty", "90", "1100") + pairedAhead, true, "p99 0.98x (at most in 2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			measured, met, known := mustParse(t, tt.in).loopbackGoal()
			if met != tt.met || known != (tt.in != "") || !strings.Contains(measured, tt.substring) {
				t.Errorf("loopbackGoal() = %q, met %v, known %v; want met %v and %q in it", measured, met, known, tt.met, tt.substring)
			}
		})
	}
}

func TestPairedTableListsItsFrameworks(t *testing.T) {
	r := mustParse(t, loadLine("LoadTypedPaired/baseline", "100", "1000")+loadLine("LoadTypedPaired/itty", "103", "990"))
	var out strings.Builder
	r.write(&out)
	got := out.String()
	for _, want := range []string{"| baseline | 100 |", "| itty | 103 |", "Per round, itty against the baseline: req/s median ratio 1.03x, at least the baseline's in 1 of 1 round;"} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "gin") || strings.Contains(got, "not run") {
		t.Errorf("paired table lists frameworks it did not compare:\n%s", got)
	}
}
