package itty

import (
	"testing"
	"unsafe"
)

// TestRoutesShareTheirPlan checks that routes with the same parameter
// struct and the same path parameters share one compiled plan, and that a
// different name or kind of parameter gets its own.
func TestRoutesShareTheirPlan(t *testing.T) {
	type byID struct {
		ID string `path:"id"`
	}
	type byInt struct {
		ID int `path:"id"`
	}
	a := New()
	noop := func(*Request, byID) Response { return nil }
	r1 := Get(a, "/a/<str:id>", noop)
	r2 := Get(a, "/b/<str:id>/c", noop)
	r3 := Post(a, "/a/<str:id>", noop)
	r4 := Get(a, "/d/<slug:id>", noop)
	Get(a, "/e/<int:id>", func(*Request, byInt) Response { return nil })
	if r1.plan != r2.plan || r1.plan != r3.plan {
		t.Error("routes with the same P and parameters compiled their plans apart")
	}
	if r1.plan == r4.plan {
		t.Error("a <slug:id> route shares the plan of a <str:id> route")
	}
	if len(a.plans) != 3 {
		t.Errorf("%d plans cached, want 3 (str id, slug id, int id)", len(a.plans))
	}
	for _, target := range []string{"/a/x", "/b/y/c", "/d/z-1", "/e/7"} {
		w := newSink()
		a.ServeHTTP(w, mustRequest(t, "GET", target))
		if w.status != 204 {
			t.Errorf("GET %s: status %d, want 204", target, w.status)
		}
	}
}

// TestHandlerLayout keeps what serving a typed route reads in the first 64
// bytes of its handler, and the handler in the 448-byte size class, whose
// objects start on 64-byte boundaries. A new route field goes after the
// hot ones and takes the padding's place.
func TestHandlerLayout(t *testing.T) {
	var h handler[struct{ A string }]
	if got := unsafe.Sizeof(h); got != 448 {
		t.Errorf("a handler is %d bytes, want 448 (adjust the padding)", got)
	}
	if end := unsafe.Offsetof(h.rt) + unsafe.Offsetof(h.rt.body); end >= 64 {
		t.Errorf("route.body is at %d of its handler, want it in the first 64 bytes", end)
	}
}
