package hostile_test

// Error pages: a path with markup is never echoed unescaped, error pages
// are not sniffed or cached, and an app's own page that panics, fails or
// returns nothing falls back to the plain built-in page with the same
// status — so a broken 404 page is still a 404, never a 500, and a broken
// 500 page still answers. All over the wire.

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

func TestBuiltInErrorPagesEscapeAndDoNotEcho(t *testing.T) {
	noLeak(t)
	f := newFixture(t)
	addr := mustListen(t, f.app)
	for _, c := range []struct {
		raw    string
		status int
	}{
		{get("/<script>alert(1)</script>"), 404},
		{get("/%3Cscript%3Ealert(1)%3C/script%3E"), 404},
		{get("/items/%3Cscript%3E"), 404},
		{"GET /%3Cscript%3E HTTP/1.1\r\n" + host + "Accept: application/json\r\n" + closeC + "\r\n", 404},
		{"DELETE /items/%22%3E%3Cscript%3E HTTP/1.1\r\n" + host + closeC + "\r\n", 404},
		{get("/q?i8=%3Cscript%3Ealert(1)%3C/script%3E&b=%22%3E%3Cimg%20src=x%3E"), 422},
		{"GET /q?i8=%3Cscript%3E HTTP/1.1\r\n" + host + "Accept: application/json\r\n" + closeC + "\r\n", 422},
	} {
		got := mustRaw(t, addr, c.raw, 5*time.Second)
		if len(got.responses) != 1 {
			t.Errorf("%q: statuses %v", c.raw, got.statuses())
			continue
		}
		r := got.responses[0]
		if r.status != c.status || strings.Contains(r.body, "<script") || strings.Contains(r.body, "<img") {
			t.Errorf("%q: %d, body:\n%s", c.raw, r.status, r.body)
		}
		if r.header.Get("X-Content-Type-Options") != "nosniff" || r.header.Get("Cache-Control") != "no-store" {
			t.Errorf("%q: headers %v", c.raw, r.header)
		}
	}
	checkClean(t, f)
}

// failingResponse fails before writing anything.
type failingResponse struct{}

func (failingResponse) WriteResponse(w http.ResponseWriter, r *http.Request) error {
	return fmt.Errorf("the page's template is broken")
}

func TestBrokenCustomPagesFallBack(t *testing.T) {
	noLeak(t)
	pages := map[string]itty.ErrorPageFunc{
		"panics":  func(r *itty.Request, e *itty.Error) itty.Response { panic("page-secret") },
		"fails":   func(r *itty.Request, e *itty.Error) itty.Response { return failingResponse{} },
		"nothing": func(r *itty.Request, e *itty.Error) itty.Response { return nil },
	}
	for name, page := range pages {
		lb := &logBuffer{}
		a := itty.New(itty.Logger(slog.New(slog.NewTextHandler(lb, nil))),
			itty.ErrorPage(404, page), itty.ErrorPage(405, page), itty.ErrorPage(422, page), itty.ErrorPage(500, page))
		itty.Get(a, "/boom", func(r *itty.Request, p struct{}) itty.Response { panic("handler-secret") })
		itty.Get(a, "/n", func(r *itty.Request, p struct {
			N int8 `query:"n"`
		}) itty.Response {
			return respond.Text("ok")
		})
		addr := mustListen(t, a)
		for _, c := range []struct {
			raw    string
			status int
			text   string
		}{
			{get("/missing"), 404, "Not Found"},
			{"POST /n HTTP/1.1\r\n" + host + "Content-Length: 0\r\n" + closeC + "\r\n", 405, "Method Not Allowed"},
			{get("/n?n=999"), 422, "must be an integer from -128 to 127"},
			{get("/boom"), 500, "Internal Error"},
		} {
			got := mustRaw(t, addr, c.raw, 5*time.Second)
			if len(got.responses) != 1 || got.end != "closed" {
				t.Errorf("page that %s, %q: statuses %v, connection %s", name, c.raw, got.statuses(), got.end)
				continue
			}
			r := got.responses[0]
			if r.status != c.status || !strings.Contains(r.body, c.text) || strings.Contains(r.body, "secret") || strings.Contains(r.body, "broken") {
				t.Errorf("page that %s, %q: %d, body:\n%s", name, c.raw, r.status, r.body)
			}
		}
		if name == "panics" && !strings.Contains(lb.String(), "page-secret") {
			t.Errorf("the page's panic was not logged:\n%s", lb.String())
		}
	}
}

func TestErrorPagesForHEADHaveNoBody(t *testing.T) {
	noLeak(t)
	f := newFixture(t)
	addr := mustListen(t, f.app)
	for target, status := range map[string]int{"/missing": 404, "/q?i8=300": 422, "/static/.env": 404, "/items": 405} {
		got := mustRaw(t, addr, "HEAD "+target+" HTTP/1.1\r\n"+host+closeC+"\r\n", 5*time.Second)
		if len(got.responses) != 1 || got.responses[0].status != status || got.responses[0].body != "" || got.end != "closed" {
			t.Errorf("HEAD %s: statuses %v, connection %s; want [%d], closed", target, got.statuses(), got.end, status)
		}
	}
	checkClean(t, f)
}
