package loadtest

// This file is the slow-body scenario: connections that send complete
// headers for a JSON body and then the body one byte now and then, so it
// never completes in time. The app's body deadline must answer each 408
// and the server close the connection.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"syscall"
	"time"
)

// SlowBodiesOptions sizes a slow-body run.
type SlowBodiesOptions struct {
	Conns       int           // slow connections
	Interval    time.Duration // between the body bytes each sends
	BodyTimeout time.Duration // the app's body deadline (clients give up at three times it)
}

// SlowBodiesResult is what a slow-body run saw.
type SlowBodiesResult struct {
	Conns     int           // slow connections opened
	Answered  map[int]int   // answers by status
	Closed    int           // connections the server closed after its answer
	Longest   time.Duration // the longest wait for an answer
	FirstFail string        // the first connection that did not end with an answer and a close
}

// SlowBodies sends o.Conns slow bodies to the app at addr.
func SlowBodies(addr string, o SlowBodiesOptions) (SlowBodiesResult, error) {
	res := SlowBodiesResult{Conns: o.Conns, Answered: map[int]int{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	giveUp := 3*o.BodyTimeout + 5*time.Second
	for i := 0; i < o.Conns; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			status, closed, took, err := slowBody(addr, i, o.Interval, giveUp)
			mu.Lock()
			defer mu.Unlock()
			if status != 0 {
				res.Answered[status]++
			}
			if closed {
				res.Closed++
			}
			res.Longest = max(res.Longest, took)
			if (err != nil || !closed || status == 0) && res.FirstFail == "" {
				res.FirstFail = fmt.Sprintf("connection %d: status %d, closed %v, err %v", i, status, closed, err)
			}
		}(i)
	}
	wg.Wait()
	return res, nil
}

// slowBody sends one slow body and reads the answer.
func slowBody(addr string, i int, interval, giveUp time.Duration) (status int, closed bool, took time.Duration, err error) {
	c, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		return 0, false, 0, err
	}
	defer c.Close()
	start := time.Now()
	const declared = 1000
	if _, err := fmt.Fprintf(c, "POST /items/%d HTTP/1.1\r\nHost: loadtest\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n{\"name\":", i, declared); err != nil {
		return 0, false, 0, err
	}
	br := bufio.NewReader(c)
	for time.Since(start) < giveUp {
		_ = c.SetReadDeadline(time.Now().Add(interval))
		_, err := br.Peek(1)
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			_, _ = c.Write([]byte{' '}) // JSON whitespace, for ever
			continue
		}
		if err != nil {
			return 0, hungUp(err), time.Since(start), err
		}
		_ = c.SetReadDeadline(time.Now().Add(giveUp))
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			return 0, false, time.Since(start), err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		took = time.Since(start)
		_, err = br.ReadByte()
		return resp.StatusCode, hungUp(err), took, nil
	}
	return 0, false, time.Since(start), fmt.Errorf("no answer within %v", giveUp)
}

// hungUp reports whether err means the server closed the connection.
func hungUp(err error) bool {
	return err == io.EOF || errors.Is(err, syscall.ECONNRESET)
}
