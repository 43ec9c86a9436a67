package loadtest

// This file is the slowloris scenario: connections that send a request
// line and then one header line now and then, never the blank line that
// ends the headers. The server's header timeout must close each of them,
// without an answer, while legitimate keep-alive requests go on being
// answered as fast as before the attack.

import (
	"errors"
	"fmt"
	"net"
	"sync"
	"time"
)

// SlowlorisOptions sizes a slowloris run.
type SlowlorisOptions struct {
	Conns         int           // attacking connections
	Interval      time.Duration // between the header lines each sends
	HeaderTimeout time.Duration // the server's header timeout (attackers give up at three times it)
	LegitConns    int           // legitimate keep-alive connections
	Baseline      time.Duration // how long legitimate load runs alone, before the attack
}

// SlowlorisResult is what a slowloris run saw.
type SlowlorisResult struct {
	Opened         int           // attacking connections opened
	Closed         int           // of which the server closed
	Answered       int           // of which got an answer before the close (net/http answers none)
	LongestOpen    time.Duration // the longest an attacking connection stayed open
	Baseline       Summary       // legitimate requests before the attack
	UnderAttack    Summary       // legitimate requests while every attacker was connected
	PeakGoroutines int           // the server's goroutines with every attacker connected
}

// Slowloris attacks the app at addr and measures legitimate requests
// before and during the attack.
func Slowloris(addr string, o SlowlorisOptions) (SlowlorisResult, error) {
	var res SlowlorisResult
	res.Baseline = runLoad(addr, o.LegitConns, o.Baseline, itemExchange)

	type outcome struct {
		open     time.Duration
		closed   bool
		answered bool
	}
	outcomes := make([]outcome, o.Conns)
	conns := make([]net.Conn, o.Conns)
	var dials sync.WaitGroup
	var dialErr error
	var mu sync.Mutex
	for i := range conns {
		dials.Add(1)
		go func(i int) {
			defer dials.Done()
			c, err := net.DialTimeout("tcp", addr, 10*time.Second)
			if err != nil {
				mu.Lock()
				dialErr = err
				mu.Unlock()
				return
			}
			conns[i] = c
		}(i)
	}
	dials.Wait()
	if dialErr != nil {
		for _, c := range conns {
			if c != nil {
				c.Close()
			}
		}
		return res, fmt.Errorf("loadtest: slowloris dial: %w", dialErr)
	}
	res.Opened = len(conns)
	giveUp := 3*o.HeaderTimeout + 5*time.Second
	var attack sync.WaitGroup
	for i, c := range conns {
		attack.Add(1)
		go func(i int, c net.Conn) {
			defer attack.Done()
			defer c.Close()
			outcomes[i] = dribble(c, i, o.Interval, giveUp)
		}(i, c)
	}
	// Legitimate load while every attacker is connected: for most of the
	// header timeout.
	if st, err := FetchStats(addr); err == nil {
		res.PeakGoroutines = st.Goroutines
	}
	res.UnderAttack = runLoad(addr, o.LegitConns, o.HeaderTimeout*3/4, itemExchange)
	attack.Wait()
	for _, oc := range outcomes {
		if oc.closed {
			res.Closed++
		}
		if oc.answered {
			res.Answered++
		}
		res.LongestOpen = max(res.LongestOpen, oc.open)
	}
	return res, nil
}

// dribble sends a request line, then a header line every interval, until
// the server closes the connection or giveUp passes.
func dribble(c net.Conn, i int, interval, giveUp time.Duration) (out struct {
	open     time.Duration
	closed   bool
	answered bool
}) {
	start := time.Now()
	defer func() { out.open = time.Since(start) }()
	if _, err := fmt.Fprintf(c, "GET /items/%d HTTP/1.1\r\nHost: loadtest\r\n", i); err != nil {
		out.closed = true
		return out
	}
	buf := make([]byte, 1)
	for line := 0; time.Since(start) < giveUp; line++ {
		_ = c.SetReadDeadline(time.Now().Add(interval))
		n, err := c.Read(buf)
		if n > 0 {
			out.answered = true
			continue
		}
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			if _, err := fmt.Fprintf(c, "X-Slow-%d: a\r\n", line); err != nil {
				out.closed = true
				return out
			}
			continue
		}
		out.closed = hungUp(err)
		return out
	}
	return out
}
