package itty

// Design: the footprint figures docs/benchmarks.md reports without a goal:
// what registering a large app costs, and how much memory one pooled
// request holds while it waits in its pool.

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/uuid"
)

type fpItem struct {
	ID      int  `path:"id"`
	Verbose bool `query:"verbose"`
}

type fpCreate struct {
	ID    int    `path:"id"`
	Title string `json:"title" minLength:"1"`
	Count int    `json:"count" minimum:"0"`
}

type fpPost struct {
	Name string    `path:"name"`
	Post uuid.UUID `path:"post"`
}

type fpFile struct {
	Rest  string `path:"rest"`
	Token string `header:"X-Token"`
}

// register1000 registers 1,000 typed routes on a: four shapes (query,
// JSON body with rules, str and uuid segments, a path rest with a header)
// under 250 prefixes, each route compiling its own binding plan.
func register1000(tb testing.TB, a *App) {
	ok := mustOK(tb)
	for i := range 250 {
		p := fmt.Sprintf("/r%d", i)
		ok(Register(a, "GET", p+"/items/<int:id>", func(*Request, fpItem) Response { return nil }))
		ok(Register(a, "POST", p+"/items/<int:id>", func(*Request, fpCreate) Response { return nil }))
		ok(Register(a, "GET", p+"/users/<str:name>/posts/<uuid:post>", func(*Request, fpPost) Response { return nil }))
		ok(Register(a, "PUT", p+"/files/<path:rest>", func(*Request, fpFile) Response { return nil }))
	}
}

// mustOK returns a function that fails tb on a registration error.
func mustOK(tb testing.TB) func(any, error) {
	return func(_ any, err error) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
	}
}

func TestRegister1000(t *testing.T) {
	a := New()
	register1000(t, a)
	if n := len(a.Routes()); n != 1000 {
		t.Fatalf("%d routes registered, want 1000", n)
	}
	w := newSink()
	for _, c := range []struct{ method, target, body string }{
		{"GET", "/r0/items/7?verbose=true", ""},
		{"POST", "/r0/items/7", `{"title":"x","count":3}`},
		{"POST", "/r1/items/7", `{"title":"","count":3}`}, // broken rule: 422
		{"GET", "/r249/users/ann/posts/" + uuid.NewString(), ""},
		{"PUT", "/r100/files/a/b.txt", ""},
	} {
		r := httptest.NewRequest(c.method, c.target, strings.NewReader(c.body))
		if c.body != "" {
			r.Header.Set("Content-Type", "application/json")
		}
		w.reset()
		a.ServeHTTP(w, r)
		want := http.StatusNoContent
		if strings.Contains(c.body, `""`) {
			want = http.StatusUnprocessableEntity
		}
		if w.status != want {
			t.Errorf("%s %s: status %d, want %d", c.method, c.target, w.status, want)
		}
	}
}

// BenchmarkRegister1000 measures registering 1,000 typed routes on a new
// app: time, bytes and allocations per op are per 1,000 routes.
// It also reports the heap an app keeps for each route once registration's
// garbage is collected (retained-B/route).
func BenchmarkRegister1000(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		register1000(b, New())
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	a := New()
	register1000(b, a)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(a)
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/1000, "retained-B/route")
}

// idleParams is the typed endpoint's parameter struct.
type idleParams struct {
	ID      int    `path:"id"`
	Verbose bool   `query:"verbose"`
	Title   string `json:"title"`
	Count   int    `json:"count"`
}

// BenchmarkIdleRequest measures the memory one pooled request holds while
// idle: each op makes the pool allocate one (with its path values) and
// gives it the P it keeps once it has served the typed endpoint. B/op is
// the figure reported.
func BenchmarkIdleRequest(b *testing.B) {
	a := New()
	_, err := Register(a, "POST", "/items/<int:id>", func(*Request, idleParams) Response {
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	a.once.Do(a.freeze)
	slot := a.pslotFor(reflect.TypeFor[idleParams]())
	keep := make([]*Request, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range keep {
		req := a.pool.New().(*Request)
		req.pv[slot] = unsafe.Pointer(new(idleParams))
		keep[i] = req
	}
}
