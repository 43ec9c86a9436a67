//go:build !race

// Allocation budgets. The race detector makes sync.Pool drop items at
// random, so these run in the ordinary (non-race) test run, which CI runs
// too.

package itty

import (
	"net/http"
	"testing"

	"github.com/google/uuid"
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
