package main

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ittygo/itty/benchmarks/internal/bench"
	"github.com/ittygo/itty/internal/leaktest"
)

// TestGeneratorsSendTheCase loads a server with each generator (wrk with
// the script written for the Typed case) and checks what the server
// received: the method, target, headers and body of the case, on every
// request.
func TestGeneratorsSendTheCase(t *testing.T) {
	w, err := newWrk("wrk", 2, 0, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []generator{w, goGenerator{conns: 2, duration: 500 * time.Millisecond}} {
		t.Run(g.String(), func(t *testing.T) { testGenerator(t, g) })
	}
}

func testGenerator(t *testing.T, g generator) {
	leaktest.Check(t)
	c := bench.ScenarioByID(bench.Typed).Cases[0]
	var (
		mu       sync.Mutex
		requests int
		bad      []string
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		requests++
		switch {
		case err != nil:
			bad = append(bad, err.Error())
		case r.Method != c.Method || r.URL.RequestURI() != c.Target || string(body) != string(c.Body):
			bad = append(bad, r.Method+" "+r.URL.RequestURI()+" "+string(body))
		case r.Header.Get("Content-Type") != c.Header.Get("Content-Type"):
			bad = append(bad, "Content-Type "+r.Header.Get("Content-Type"))
		}
	}))
	defer srv.Close()

	res, err := g.load(strings.TrimPrefix(srv.URL, "http://"), c)
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(bad) > 0 {
		t.Fatalf("%d of %d requests differ from the case, first: %s", len(bad), requests, bad[0])
	}
	_, outside := g.(*wrkGenerator)
	if res.n == 0 || res.n > requests || (res.served == res.n) != outside || res.p99 < res.p50 || res.rps <= 0 {
		t.Errorf("result %+v for %d requests served", res, requests)
	}
}

// TestLoadOne serves the itty and baseline apps of the Typed scenario and
// loads each with wrk: the replies are checked before and after, the
// figures are filled in, the load's CPU profile is written, and the server
// is gone afterwards.
func TestLoadOne(t *testing.T) {
	leaktest.Check(t)
	g, err := newWrk("wrk", 2, 0, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	sc := bench.ScenarioByID(bench.Typed)
	for _, name := range []string{"baseline", "itty"} {
		prof := filepath.Join(t.TempDir(), name+".prof")
		res, err := loadOne(g, bench.FrameworkByName(name), sc, prof)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.n == 0 || res.served != res.n || res.bytesPerReq <= 0 || res.allocsPerReq <= 0 || res.cpuPerReq <= 0 {
			t.Errorf("%s: result %+v", name, res)
		}
		if n, err := gunzippedSize(prof); err != nil || n < 100 {
			t.Errorf("%s: the CPU profile is not a gzip stream of a profile: %d bytes, %v", name, n, err)
		}
	}
}

// gunzippedSize returns the size of the gzip-compressed file name once
// decompressed (a pprof profile is a gzip-compressed protocol buffer).
func gunzippedSize(name string) (int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return 0, err
	}
	return io.Copy(io.Discard, zr)
}
