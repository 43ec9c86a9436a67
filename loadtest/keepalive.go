package loadtest

// This file is the keep-alive scenario: many connections, each sending
// typed JSON requests back to back for a fixed time (optionally with one
// request in ten going to a handler that panics), while the server's
// statistics are sampled, so that memory can be compared between the
// first and the last quarter of the run and goroutines before and after.

import (
	"fmt"
	"sync"
	"time"
)

// KeepAliveOptions sizes a keep-alive run.
type KeepAliveOptions struct {
	Conns    int           // keep-alive connections
	Duration time.Duration // how long they send
	Panics   bool          // one request in ten goes to a handler that panics (and must get a 500)
}

// KeepAliveResult is what a keep-alive run saw.
type KeepAliveResult struct {
	Summary
	Before         Stats  // the server before the run
	After          Stats  // the server once the run's connections are closed
	PeakGoroutines int    // the most goroutines a sample saw
	FirstQuarter   Memory // mean of the samples in the first quarter
	LastQuarter    Memory // mean of the samples in the last quarter
	Samples        int    // statistics samples taken
	InFirst        int    // of which in the first quarter
	InLast         int    // of which in the last quarter
}

// Memory is a mean of memory samples.
type Memory struct {
	HeapInuse uint64
	RSS       uint64
}

// String formats m in MiB.
func (m Memory) String() string {
	return fmt.Sprintf("heap in use %.1f MiB, RSS %.1f MiB", mib(m.HeapInuse), mib(m.RSS))
}

func mib(n uint64) float64 { return float64(n) / (1 << 20) }

// KeepAlive runs o.Conns keep-alive connections against the app at addr
// (served by App) for o.Duration, and samples its statistics 40 times.
func KeepAlive(addr string, o KeepAliveOptions) (KeepAliveResult, error) {
	var res KeepAliveResult
	before, err := FetchStats(addr)
	if err != nil {
		return res, fmt.Errorf("loadtest: statistics before the run: %w", err)
	}
	res.Before = before
	m := mix(itemExchange)
	if o.Panics {
		m = func(w, i int) exchange {
			if i%10 == 0 {
				return panicExchange(w*1000+i/10, true)
			}
			return itemExchange(w, i)
		}
	}
	type sample struct {
		at time.Duration
		st Stats
	}
	var samples []sample
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	start := time.Now()
	go func() {
		defer wg.Done()
		tick := time.NewTicker(o.Duration / 40)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				at := time.Since(start) // when the sample was asked for
				if st, err := FetchStats(addr); err == nil {
					samples = append(samples, sample{at: at, st: st})
				}
			}
		}
	}()
	res.Summary = runLoad(addr, o.Conns, o.Duration, m)
	close(stop)
	wg.Wait()
	res.Samples = len(samples)
	var first, last []Stats
	for _, s := range samples {
		res.PeakGoroutines = max(res.PeakGoroutines, s.st.Goroutines)
		switch {
		case s.at <= o.Duration/4:
			first = append(first, s.st)
		case s.at >= o.Duration*3/4:
			last = append(last, s.st)
		}
	}
	res.FirstQuarter, res.LastQuarter = meanMemory(first), meanMemory(last)
	res.InFirst, res.InLast = len(first), len(last)
	res.After, err = settled(addr, before.Goroutines, 10*time.Second)
	return res, err
}

// meanMemory averages the memory of samples.
func meanMemory(samples []Stats) Memory {
	var m Memory
	if len(samples) == 0 {
		return m
	}
	for _, s := range samples {
		m.HeapInuse += s.HeapInuse
		m.RSS += s.RSS
	}
	m.HeapInuse /= uint64(len(samples))
	m.RSS /= uint64(len(samples))
	return m
}

// settled waits up to timeout for the server's goroutines to come back to
// at most want, and returns its statistics then.
func settled(addr string, want int, timeout time.Duration) (Stats, error) {
	deadline := time.Now().Add(timeout)
	for {
		st, err := FetchStats(addr)
		if err != nil {
			return st, fmt.Errorf("loadtest: statistics after the run: %w", err)
		}
		if st.Goroutines <= want || time.Now().After(deadline) {
			return st, nil
		}
		time.Sleep(50 * time.Millisecond)
	}
}
