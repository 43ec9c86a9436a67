package loadtest

// This file is the graceful-shutdown scenario: slow requests and slow
// uploads (whose files are spilled to temporary files) are put in flight,
// the child gets SIGTERM once every one of them is inside its handler, and
// then every one must complete with its own body, new connections must be
// refused, Run must return nil and no temporary file may be left.

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// ShutdownOptions sizes a shutdown run.
type ShutdownOptions struct {
	Requests   int   // slow GET requests in flight
	Uploads    int   // slow uploads in flight
	UploadSize int64 // bytes per upload, above the app's multipart memory so they spill to disk
}

// ShutdownResult is what a shutdown run saw.
type ShutdownResult struct {
	InFlight     int           // requests in their handlers when SIGTERM was sent
	TempDuring   int           // temporary upload files then
	Completed    int           // requests answered 200 with their own body
	Failures     []string      // the others
	RefusedAfter time.Duration // from SIGTERM until a new connection was refused
	Exited       time.Duration // from SIGTERM until the child exited
	Exit         Exit          // how it exited
	TempAfter    int           // temporary upload files left in its TMPDIR after it exited
}

// Shutdown puts o.Requests slow requests and o.Uploads slow uploads in
// flight on p, sends SIGTERM, and checks how the child shuts down.
func Shutdown(p *Process, o ShutdownOptions) (ShutdownResult, error) {
	var res ShutdownResult
	n := o.Requests + o.Uploads
	results := make([]string, n) // "" when the answer was right
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = slowExchange(p.Addr, i, i >= o.Requests, o.UploadSize)
		}(i)
	}
	defer wg.Wait()
	deadline := time.Now().Add(30 * time.Second)
	for {
		st, err := p.Stats()
		res.TempDuring = countTempFiles(p.TempDir)
		if err == nil && st.Inflight == int64(n) && res.TempDuring == o.Uploads {
			res.InFlight = int(st.Inflight)
			break
		}
		if time.Now().After(deadline) {
			return res, fmt.Errorf("loadtest: %d of %d requests in flight and %d temporary files after 30s (%v)", st.Inflight, n, res.TempDuring, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	sent := time.Now()
	if err := p.Terminate(); err != nil {
		return res, fmt.Errorf("loadtest: SIGTERM: %w", err)
	}
	for {
		c, err := net.DialTimeout("tcp", p.Addr, time.Second)
		if err != nil {
			res.RefusedAfter = time.Since(sent)
			break
		}
		c.Close()
		if time.Since(sent) > 10*time.Second {
			return res, fmt.Errorf("loadtest: new connections still accepted 10s after SIGTERM")
		}
		time.Sleep(5 * time.Millisecond)
	}
	wg.Wait()
	for i, r := range results {
		if r == "" {
			res.Completed++
		} else {
			res.Failures = append(res.Failures, fmt.Sprintf("request %d: %s", i, r))
		}
	}
	ex, err := p.Wait(60 * time.Second)
	res.Exited = time.Since(sent)
	res.Exit = ex
	names, _ := filepath.Glob(filepath.Join(p.TempDir, "*"))
	res.TempAfter = len(names)
	return res, err
}

// slowExchange sends one slow request (an upload when upload is true) and
// returns "" when its answer is 200 with its own body, or what was wrong.
func slowExchange(addr string, i int, upload bool, size int64) string {
	c, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		return err.Error()
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(60 * time.Second))
	want := fmt.Sprint("done ", i)
	if upload {
		const b = "SLOWBOUNDARY"
		head := "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\n\r\n"
		tail := "\r\n--" + b + "--\r\n"
		body := head + strings.Repeat("u", int(size)) + tail
		want = fmt.Sprint("stored ", i, " ", size)
		if _, err := fmt.Fprintf(c, "POST /slowupload/%d HTTP/1.1\r\nHost: loadtest\r\nContent-Type: multipart/form-data; boundary=%s\r\nContent-Length: %d\r\n\r\n%s", i, b, len(body), body); err != nil {
			return err.Error()
		}
	} else if _, err := fmt.Fprintf(c, "GET /slow/%d HTTP/1.1\r\nHost: loadtest\r\n\r\n", i); err != nil {
		return err.Error()
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return err.Error()
	}
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 || string(got) != want {
		return fmt.Sprintf("%d %q (%v), want 200 %q", resp.StatusCode, got, err, want)
	}
	return ""
}
