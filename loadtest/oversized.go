package loadtest

// This file is the oversized-upload scenario: uploaders that stream
// multipart bodies far larger than the upload route's limit, half with a
// declared Content-Length and half chunked, while legitimate keep-alive
// load runs. Each upload must be answered 413, the app must read at most
// the limit (plus one byte) of any of them, and the legitimate requests
// must not fail.

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// OversizedOptions sizes an oversized-upload run.
type OversizedOptions struct {
	Uploaders  int           // concurrent uploaders, each sending one upload after another
	Size       int64         // the size of each upload
	Duration   time.Duration // how long uploads and legitimate load run
	LegitConns int           // legitimate keep-alive connections
}

// OversizedResult is what an oversized-upload run saw.
type OversizedResult struct {
	Uploads   int64         // uploads answered or failed
	Answered  map[int]int64 // answers by status
	Failed    int64         // uploads with no answer
	FirstFail string        // the first failure
	MaxRead   int64         // the most body bytes the app read from one upload (from its statistics)
	Legit     Summary       // the legitimate requests
}

// Oversized runs o.Uploaders uploaders and o.LegitConns legitimate
// connections against the app at addr for o.Duration.
func Oversized(addr string, o OversizedOptions) (OversizedResult, error) {
	res := OversizedResult{Answered: map[int]int64{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	end := time.Now().Add(o.Duration)
	for u := 0; u < o.Uploaders; u++ {
		wg.Add(1)
		go func(u int) {
			defer wg.Done()
			for k := 0; time.Now().Before(end); k++ {
				status, err := upload(addr, o.Size, (u+k)%2 == 0)
				mu.Lock()
				res.Uploads++
				if status != 0 {
					res.Answered[status]++
				} else {
					res.Failed++
					if res.FirstFail == "" {
						res.FirstFail = fmt.Sprint(err)
					}
				}
				mu.Unlock()
			}
		}(u)
	}
	res.Legit = runLoad(addr, o.LegitConns, o.Duration, itemExchange)
	wg.Wait()
	st, err := FetchStats(addr)
	if err != nil {
		return res, fmt.Errorf("loadtest: statistics after the uploads: %w", err)
	}
	res.MaxRead = st.MaxUploadRead
	return res, nil
}

// upload streams one multipart upload of size bytes to /upload, with a
// declared length or chunked, and returns the status of the answer (0 if
// none came).
func upload(addr string, size int64, declared bool) (int, error) {
	c, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		return 0, err
	}
	written := make(chan struct{})
	defer func() {
		c.Close() // ends the writer's next write
		<-written
	}()
	_ = c.SetDeadline(time.Now().Add(60 * time.Second))
	const b = "UPLOADBOUNDARY"
	head := "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\r\n"
	framing := "Transfer-Encoding: chunked\r\n"
	if declared {
		framing = fmt.Sprintf("Content-Length: %d\r\n", size)
	}
	if _, err := fmt.Fprintf(c, "POST /upload HTTP/1.1\r\nHost: loadtest\r\nContent-Type: multipart/form-data; boundary=%s\r\n%s\r\n", b, framing); err != nil {
		close(written)
		return 0, err
	}
	// Write the body while the answer is read: the server answers (and
	// stops reading) long before the body ends.
	go func() {
		defer close(written)
		w := io.Writer(c)
		var cw io.WriteCloser
		if !declared {
			cw = httpChunked(c)
			w = cw
		}
		chunk := []byte(strings.Repeat("x", 32<<10))
		if _, err := io.WriteString(w, head); err != nil {
			return
		}
		for sent := int64(len(head)); sent < size; sent += int64(len(chunk)) {
			if _, err := w.Write(chunk[:min(int64(len(chunk)), size-sent)]); err != nil {
				return
			}
		}
		if cw != nil {
			_ = cw.Close()
		}
	}()
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// chunkWriter writes HTTP/1.1 chunks.
type chunkWriter struct{ w io.Writer }

func httpChunked(w io.Writer) io.WriteCloser { return &chunkWriter{w: w} }

func (c *chunkWriter) Write(p []byte) (int, error) {
	if _, err := fmt.Fprintf(c.w, "%x\r\n", len(p)); err != nil {
		return 0, err
	}
	if _, err := c.w.Write(p); err != nil {
		return 0, err
	}
	_, err := io.WriteString(c.w, "\r\n")
	return len(p), err
}

func (c *chunkWriter) Close() error {
	_, err := io.WriteString(c.w, "0\r\n\r\n")
	return err
}
