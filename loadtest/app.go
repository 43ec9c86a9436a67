package loadtest

// This file is the app under load: a typed JSON endpoint, slow requests
// and uploads for the shutdown scenario, an endpoint that panics on every
// tenth request, a small-limit upload route, and a statistics endpoint
// that reports the server's goroutines, heap, resident memory, in-flight
// slow requests and the most body bytes any upload request read.

import (
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// Config sets up the app under load. Zero fields take the defaults given.
type Config struct {
	HeaderTimeout   time.Duration // the server's ReadHeaderTimeout (itty's default, 10s)
	BodyTimeout     time.Duration // itty.BodyTimeout (itty's default, 60s)
	ShutdownTimeout time.Duration // itty.ShutdownTimeout (30s)
	SlowDelay       time.Duration // how long /slow and /slowupload take (1s)
	UploadLimit     int64         // the multipart limit of /upload (64 KiB)
	UploadMemory    int64         // multipart memory of /upload and /slowupload (16 KiB)
}

func (c Config) withDefaults() Config {
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = 30 * time.Second
	}
	if c.SlowDelay <= 0 {
		c.SlowDelay = time.Second
	}
	if c.UploadLimit <= 0 {
		c.UploadLimit = 64 << 10
	}
	if c.UploadMemory <= 0 {
		c.UploadMemory = 16 << 10
	}
	return c
}

// Options returns the itty options of c that the child's Run takes.
func (c Config) Options() []itty.Option {
	c = c.withDefaults()
	opts := []itty.Option{itty.ShutdownTimeout(c.ShutdownTimeout)}
	if c.HeaderTimeout > 0 {
		opts = append(opts, itty.ReadHeaderTimeout(c.HeaderTimeout))
	}
	if c.BodyTimeout > 0 {
		opts = append(opts, itty.BodyTimeout(c.BodyTimeout))
	}
	return opts
}

// Stats is what GET /stats reports about the server process.
type Stats struct {
	Goroutines    int    `json:"goroutines"`
	HeapInuse     uint64 `json:"heapInuse"`
	RSS           uint64 `json:"rss"` // resident memory, from /proc/self/status (0 elsewhere)
	Inflight      int64  `json:"inflight"`
	MaxUploadRead int64  `json:"maxUploadRead"` // the most body bytes one /upload request read
}

// counters are the app's shared statistics.
type counters struct {
	inflight      atomic.Int64
	maxUploadRead atomic.Int64
}

// Item is the typed JSON endpoint's body.
type Item struct {
	Name string   `json:"name" required:"true" maxLength:"64"`
	Qty  int      `json:"qty" minimum:"1"`
	Tags []string `json:"tags" maxItems:"8"`
}

// ItemReply is the typed JSON endpoint's answer.
type ItemReply struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
	Qty  int    `json:"qty"`
	Tags int    `json:"tags"`
}

// App returns the app under load for cfg, with these routes:
//
//	POST /items/<int:id>      JSON Item → JSON ItemReply
//	GET  /slow/<int:n>        waits cfg.SlowDelay, answers "done n"
//	POST /slowupload/<int:n>  multipart "file", waits cfg.SlowDelay, answers "stored n size"
//	GET  /maybe/<int:n>       panics when n is a multiple of 10, else answers "ok n"
//	POST /upload              multipart "file" within cfg.UploadLimit, answers "stored size"
//	GET  /stats               JSON Stats
func App(cfg Config, opts ...itty.Option) *itty.App {
	cfg = cfg.withDefaults()
	a := itty.New(opts...)
	c := &counters{}
	a.Use(c.middleware)
	itty.Post(a, "/items/<int:id>", func(r *itty.Request, p struct {
		ID   int  `path:"id"`
		Body Item `body:"" required:"true"`
	}) itty.Response {
		return respond.JSON(ItemReply{ID: p.ID, Name: p.Body.Name, Qty: p.Body.Qty, Tags: len(p.Body.Tags)})
	})
	itty.Get(a, "/slow/<int:n>", func(r *itty.Request, p struct {
		N int `path:"n"`
	}) itty.Response {
		time.Sleep(cfg.SlowDelay)
		return respond.Text(fmt.Sprint("done ", p.N))
	})
	itty.Post(a, "/slowupload/<int:n>", func(r *itty.Request, p struct {
		N    int                   `path:"n"`
		File *multipart.FileHeader `form:"file" required:"true"`
	}) itty.Response {
		time.Sleep(cfg.SlowDelay)
		return respond.Text(fmt.Sprint("stored ", p.N, " ", p.File.Size))
	}, itty.RouteMaxMultipartBytes(64<<20), itty.RouteMaxMultipartMemory(cfg.UploadMemory))
	itty.Get(a, "/maybe/<int:n>", func(r *itty.Request, p struct {
		N int `path:"n"`
	}) itty.Response {
		if p.N%10 == 0 {
			panic(fmt.Sprint("load test panic ", p.N))
		}
		return respond.Text(fmt.Sprint("ok ", p.N))
	})
	itty.Post(a, "/upload", func(r *itty.Request, p struct {
		File *multipart.FileHeader `form:"file" required:"true"`
	}) itty.Response {
		return respond.Text(fmt.Sprint("stored ", p.File.Size))
	}, itty.RouteMaxMultipartBytes(cfg.UploadLimit), itty.RouteMaxMultipartMemory(cfg.UploadMemory))
	itty.Get(a, "/stats", func(r *itty.Request, p struct{}) itty.Response {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return respond.JSON(Stats{
			Goroutines: runtime.NumGoroutine(), HeapInuse: ms.HeapInuse, RSS: residentBytes(),
			Inflight: c.inflight.Load(), MaxUploadRead: c.maxUploadRead.Load(),
		})
	})
	return a
}

// middleware counts in-flight slow requests and the body bytes upload
// requests read.
func (c *counters) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/slow"):
			c.inflight.Add(1)
			defer c.inflight.Add(-1)
		case r.URL.Path == "/upload":
			cr := &countingBody{ReadCloser: r.Body}
			r.Body = cr
			defer func() {
				n := cr.n.Load()
				for {
					cur := c.maxUploadRead.Load()
					if n <= cur || c.maxUploadRead.CompareAndSwap(cur, n) {
						return
					}
				}
			}()
		}
		next.ServeHTTP(w, r)
	})
}

// countingBody counts the bytes read from a request body.
type countingBody struct {
	io.ReadCloser
	n atomic.Int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n.Add(int64(n))
	return n, err
}

// residentBytes reads the process's resident set size from
// /proc/self/status, or returns 0 where there is none.
func residentBytes() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
