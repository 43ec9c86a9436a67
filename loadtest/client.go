package loadtest

// This file is the load generator's client side: a minimal HTTP/1.1
// keep-alive connection that writes prepared request bytes and reads the
// response with net/http's parser, the workers that keep such connections
// busy until a deadline, and the summary of what they saw (requests,
// errors, statuses, latency percentiles).

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"
)

// conn is one client connection.
type conn struct {
	c   net.Conn
	br  *bufio.Reader
	buf bytes.Buffer
}

func dial(addr string) (*conn, error) {
	c, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		return nil, err
	}
	return &conn{c: c, br: bufio.NewReader(c)}, nil
}

// do writes req and reads the response to it. The body is valid until
// the next call.
func (c *conn) do(req []byte) (int, []byte, error) {
	if err := c.c.SetDeadline(time.Now().Add(30 * time.Second)); err != nil {
		return 0, nil, err
	}
	if _, err := c.c.Write(req); err != nil {
		return 0, nil, err
	}
	resp, err := http.ReadResponse(c.br, nil)
	if err != nil {
		return 0, nil, err
	}
	c.buf.Reset()
	_, err = c.buf.ReadFrom(resp.Body)
	resp.Body.Close()
	if err != nil {
		return 0, nil, err
	}
	if resp.Close {
		err = io.EOF // the server will close: the connection is done
	}
	return resp.StatusCode, c.buf.Bytes(), err
}

func (c *conn) close() { c.c.Close() }

// Summary is what the clients of one load saw.
type Summary struct {
	Requests   int64         // requests answered
	Errors     int64         // transport errors and unexpected answers
	Reconnects int64         // connections lost and dialled again
	Status     map[int]int64 // answers by status
	Elapsed    time.Duration // how long the load ran
	RPS        float64       // answered requests per second
	P50, P99   time.Duration // latency percentiles
	Max        time.Duration // the slowest answer
	FirstError string        // the first error, if any
}

// String formats s on one line.
func (s Summary) String() string {
	return fmt.Sprintf("%d requests in %v (%.0f/s), %d errors, %d reconnects, statuses %v, p50 %v, p99 %v, max %v",
		s.Requests, s.Elapsed.Round(time.Millisecond), s.RPS, s.Errors, s.Reconnects, s.Status,
		s.P50.Round(10*time.Microsecond), s.P99.Round(10*time.Microsecond), s.Max.Round(10*time.Microsecond))
}

// exchange is one request a worker sends and how to check its answer.
type exchange struct {
	req   []byte
	check func(status int, body []byte) error
}

// mix chooses the i-th exchange of worker w.
type mix func(w, i int) exchange

// workerStats is what one worker saw.
type workerStats struct {
	lat        []time.Duration
	status     map[int]int64
	errors     int64
	reconnects int64
	firstErr   string
}

func (ws *workerStats) fail(err error) {
	ws.errors++
	if ws.firstErr == "" {
		ws.firstErr = err.Error()
	}
}

// runLoad keeps conns connections to addr busy with the exchanges of m
// until d has passed, and summarises what they saw.
func runLoad(addr string, conns int, d time.Duration, m mix) Summary {
	start := time.Now()
	end := start.Add(d)
	stats := make([]workerStats, conns)
	var wg sync.WaitGroup
	for w := 0; w < conns; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			work(addr, w, end, m, &stats[w])
		}(w)
	}
	wg.Wait()
	return summarise(stats, time.Since(start))
}

// work is one worker: one connection, redialled if it is lost.
func work(addr string, w int, end time.Time, m mix, ws *workerStats) {
	ws.status = map[int]int64{}
	var c *conn
	defer func() {
		if c != nil {
			c.close()
		}
	}()
	dialled := false
	for i := 0; time.Now().Before(end); i++ {
		if c == nil {
			var err error
			if c, err = dial(addr); err != nil {
				ws.fail(err)
				time.Sleep(10 * time.Millisecond)
				continue
			}
			if dialled {
				ws.reconnects++
			}
			dialled = true
		}
		ex := m(w, i)
		t0 := time.Now()
		status, body, err := c.do(ex.req)
		if status != 0 {
			ws.lat = append(ws.lat, time.Since(t0))
			ws.status[status]++
			if cerr := ex.check(status, body); cerr != nil {
				ws.fail(cerr)
			}
		}
		if err != nil {
			if status == 0 {
				ws.fail(err)
			}
			c.close()
			c = nil
		}
	}
}

// summarise merges the workers' statistics.
func summarise(stats []workerStats, elapsed time.Duration) Summary {
	s := Summary{Status: map[int]int64{}, Elapsed: elapsed}
	var all []time.Duration
	for i := range stats {
		ws := &stats[i]
		all = append(all, ws.lat...)
		for k, v := range ws.status {
			s.Status[k] += v
		}
		s.Errors += ws.errors
		s.Reconnects += ws.reconnects
		if s.FirstError == "" {
			s.FirstError = ws.firstErr
		}
	}
	s.Requests = int64(len(all))
	if elapsed > 0 {
		s.RPS = float64(s.Requests) / elapsed.Seconds()
	}
	if len(all) > 0 {
		slices.Sort(all)
		s.P50 = all[len(all)*50/100]
		s.P99 = all[min(len(all)-1, len(all)*99/100)]
		s.Max = all[len(all)-1]
	}
	return s
}

// itemExchange is the i-th typed JSON request of worker w, and the exact
// answer it must get.
func itemExchange(w, i int) exchange {
	id := i % 1000
	qty := i%50 + 1
	body := fmt.Sprintf(`{"name":"item-%d","qty":%d,"tags":["a","b"]}`, w, qty)
	req := fmt.Sprintf("POST /items/%d HTTP/1.1\r\nHost: loadtest\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", id, len(body), body)
	want := fmt.Sprintf(`{"id":%d,"name":"item-%d","qty":%d,"tags":2}`+"\n", id, w, qty)
	return exchange{req: []byte(req), check: func(status int, got []byte) error {
		if status != 200 || string(got) != want {
			return fmt.Errorf("POST /items/%d: %d %q, want 200 %q", id, status, got, want)
		}
		return nil
	}}
}

// panicExchange is a request to /maybe/<n>: n is a multiple of 10 (the
// handler panics, the answer must be 500) when panics is true.
func panicExchange(n int, panics bool) exchange {
	if panics {
		n = n * 10
	} else if n%10 == 0 {
		n++
	}
	req := fmt.Sprintf("GET /maybe/%d HTTP/1.1\r\nHost: loadtest\r\n\r\n", n)
	return exchange{req: []byte(req), check: func(status int, got []byte) error {
		switch {
		case panics && (status != 500 || !bytes.Contains(got, []byte("Internal Error"))):
			return fmt.Errorf("GET /maybe/%d: %d %q, want the 500 page", n, status, got)
		case !panics && (status != 200 || string(got) != fmt.Sprint("ok ", n)):
			return fmt.Errorf("GET /maybe/%d: %d %q, want 200 \"ok %d\"", n, status, got, n)
		}
		return nil
	}}
}
