//go:build !race

// Allocation budgets. The race detector makes sync.Pool drop items at
// random, so these run in the ordinary (non-race) test run, which CI runs
// too.

package itty

import (
	"io"
	"net/http"
	"testing"

	"github.com/google/uuid"
	"github.com/ittygo/itty/respond"
)

func TestMatchAllocatesNothing(t *testing.T) {
	a := New()
	Get(a, "/user/repos", func(r *Request, p struct{}) Response { return nil })
	Get(a, "/user/<str:name>", func(r *Request, p struct {
		Name string `path:"name"`
	}) Response {
		return nil
	})
	Get(a, "/items/<int:id>/<uuid:u>", func(r *Request, p struct {
		ID int       `path:"id"`
		U  uuid.UUID `path:"u"`
	}) Response {
		return nil
	})
	w := newSink()
	a.ServeHTTP(w, mustRequest(t, "GET", "/user/repos")) // freeze
	vals := make([]string, a.router.maxParams)
	for _, target := range []string{"/user/repos", "/user/gordon", "/items/42/123e4567-e89b-12d3-a456-426614174000"} {
		r := mustRequest(t, "GET", target)
		path := r.URL.Path[1:]
		if n := testing.AllocsPerRun(200, func() {
			if a.router.lookup("GET", path, false, vals) == nil {
				t.Fatal("no match")
			}
		}); n != 0 {
			t.Errorf("lookup %s: %v allocs, want 0", target, n)
		}
		if n := testing.AllocsPerRun(200, func() {
			w.reset()
			a.ServeHTTP(w, r)
		}); n != 0 {
			t.Errorf("ServeHTTP %s (match, bind, handler): %v allocs, want 0", target, n)
		}
		if w.status != http.StatusNoContent {
			t.Errorf("ServeHTTP %s: status %d, want 204", target, w.status)
		}
	}
}

func TestGitHubRoutesAllocateNothing(t *testing.T) {
	routes := mustLoadRoutes(t, "github-api-routes.txt")
	a := New()
	sink := 0
	addRoutes(t, a, routes, &sink)
	w := newSink()
	for _, br := range routes {
		r := mustRequest(t, br.method, br.target)
		if n := testing.AllocsPerRun(20, func() { w.reset(); a.ServeHTTP(w, r) }); n != 0 {
			t.Errorf("%s %s: %v allocs, want 0", br.method, br.target, n)
		}
	}
}

// rewindBody is a request body that can be read again without allocating.
type rewindBody struct {
	data []byte
	off  int
}

func (b *rewindBody) Read(p []byte) (int, error) {
	if b.off >= len(b.data) {
		return 0, io.EOF
	}
	n := copy(p, b.data[b.off:])
	b.off += n
	return n, nil
}

func (b *rewindBody) Close() error { return nil }

type typedItem struct {
	ID      int    `path:"id"`
	Verbose bool   `query:"verbose"`
	Title   string `json:"title" minLength:"1"`
	Count   int    `json:"count" minimum:"0"`
}

type typedReply struct {
	ID      int    `json:"id"`
	Title   string `json:"title"`
	Count   int    `json:"count"`
	Verbose bool   `json:"verbose"`
}

// typedBudget is the measured allocation count of the typed endpoint
// (route, bind path, query and a validated JSON body, reply with JSON):
// the *respond.Response and the reply value stored in it. A change that
// adds an allocation fails this test.
const typedBudget = 2

func TestTypedEndpointAllocationBudget(t *testing.T) {
	a := New()
	Post(a, "/items/<int:id>", func(r *Request, p typedItem) Response {
		return respond.JSON(typedReply{ID: p.ID, Title: p.Title, Count: p.Count, Verbose: p.Verbose})
	})
	body := &rewindBody{data: []byte(`{"title":"x","count":3}`)}
	r := mustRequest(t, "POST", "/items/42?verbose=true")
	r.Header.Set("Content-Type", "application/json")
	r.Body, r.ContentLength = body, int64(len(body.data))
	w := newSink()
	serve := func() {
		body.off = 0
		w.reset()
		a.ServeHTTP(w, r)
	}
	serve()
	if w.status != 200 || w.n != len(`{"id":42,"title":"x","count":3,"verbose":true}`)+1 {
		t.Fatalf("typed endpoint answered %d with %d bytes", w.status, w.n)
	}
	if n := testing.AllocsPerRun(200, serve); n > typedBudget {
		t.Errorf("typed endpoint: %v allocs, budget %d", n, typedBudget)
	}
}
