package openapi_test

// Tests of Mount: the document, its YAML form and the docs page are served
// by the app, hidden from the document, with assets from the binary.

import (
	"bytes"
	stderrors "errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v2"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/openapi"
)

// mustGet serves GET target and returns the response.
func mustGet(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
	return w
}

func TestMountServesTheDocumentAndTheDocsPage(t *testing.T) {
	app := featureApp()
	if err := openapi.Mount(app, featureInfo(), featureOptions()...); err != nil {
		t.Fatal(err)
	}
	// A route registered after Mount is listed too.
	itty.Get(app, "/late", func(r *itty.Request, p struct{}) itty.Response { return nil })

	w := mustGet(t, app, "/openapi.json")
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("GET /openapi.json: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
	doc := w.Body.Bytes()
	tree := mustTree(t, doc)
	paths := at(t, tree, "paths").(map[string]any)
	for _, p := range []string{"/openapi.json", "/openapi.yaml", "/docs", "/docs/{asset}"} {
		if _, ok := paths[p]; ok {
			t.Errorf("the document lists %s", p)
		}
	}
	if _, ok := paths["/late"]; !ok {
		t.Error("the route registered after Mount is not listed")
	}
	if again := mustGet(t, app, "/openapi.json"); !bytes.Equal(again.Body.Bytes(), doc) {
		t.Error("the served document changed between requests")
	}

	w = mustGet(t, app, "/openapi.yaml")
	var fromYAML any
	if err := yaml.Unmarshal(w.Body.Bytes(), &fromYAML); err != nil || w.Header().Get("Content-Type") != "application/yaml" {
		t.Fatalf("GET /openapi.yaml: %q %v", w.Header().Get("Content-Type"), err)
	}
	if v := fromYAML.(map[any]any)["info"].(map[any]any)["title"]; v != "Features" {
		t.Errorf("YAML title = %v", v)
	}

	w = mustGet(t, app, "/docs")
	page := w.Body.String()
	if w.Code != 200 || !strings.Contains(page, `<div id="swagger-ui"></div>`) || !strings.Contains(page, `"swaggerJsonUrl":"/openapi.json"`) {
		t.Fatalf("GET /docs: %d %.300s", w.Code, page)
	}
	// Every script and style comes from the app itself.
	for _, m := range regexp.MustCompile(`(?:src|href)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[1], "/docs/") {
			t.Errorf("the docs page loads %s", m[1])
		}
		if a := mustGet(t, app, m[1]); a.Code != 200 || a.Body.Len() == 0 {
			t.Errorf("GET %s: %d, %d bytes", m[1], a.Code, a.Body.Len())
		}
	}
	if strings.Contains(page, "cdn") || strings.Contains(page, "unpkg") || strings.Contains(page, "jsdelivr") {
		t.Errorf("the docs page names another host:\n%s", page)
	}
	js := mustGet(t, app, "/docs/swagger-ui-bundle.js")
	if js.Code != 200 || !strings.Contains(js.Header().Get("Content-Type"), "javascript") || js.Body.Len() < 100_000 {
		t.Errorf("GET /docs/swagger-ui-bundle.js: %d %q %d bytes", js.Code, js.Header().Get("Content-Type"), js.Body.Len())
	}
}

func TestMountOptions(t *testing.T) {
	app := itty.New()
	if err := openapi.Mount(app, openapi.Info{Title: "T", Version: "1"}, openapi.WithSpecPath("/api/spec.json"), openapi.WithDocsPath("/help"), openapi.WithoutYAML()); err != nil {
		t.Fatal(err)
	}
	for target, want := range map[string]int{"/api/spec.json": 200, "/api/spec.yaml": 404, "/openapi.json": 404, "/help": 200, "/help/swagger-ui.css": 200, "/docs": 404} {
		if w := mustGet(t, app, target); w.Code != want {
			t.Errorf("GET %s: %d, want %d", target, w.Code, want)
		}
	}
	if page := mustGet(t, app, "/help").Body.String(); !strings.Contains(page, `"swaggerJsonUrl":"/api/spec.json"`) {
		t.Errorf("the docs page does not load /api/spec.json: %.300s", page)
	}
}

func TestMountErrors(t *testing.T) {
	info := openapi.Info{Title: "T", Version: "1"}
	for _, p := range []string{"docs", "/docs/", "/docs/<int:id>"} {
		err := openapi.Mount(itty.New(), info, openapi.WithDocsPath(p))
		want := `itty: openapi: "` + p + `" is not a path to serve at: it must start with '/', not end with one, and hold no parameter`
		if err == nil || err.Error() != want {
			t.Errorf("WithDocsPath(%q): %v", p, err)
		}
	}
	if err := openapi.Mount(itty.New(), openapi.Info{Title: "T"}); err == nil || err.Error() != "itty: openapi: Info needs a Title and a Version" {
		t.Errorf("no version: %v", err)
	}
	app := itty.New()
	itty.Get(app, "/openapi.json", func(r *itty.Request, p struct{}) itty.Response { return nil })
	var re *itty.RouteError
	if err := openapi.Mount(app, info); !stderrors.As(err, &re) {
		t.Errorf("a taken path: %v, want an *itty.RouteError", err)
	}
	served := itty.New()
	mustGet(t, served, "/")
	if err := openapi.Mount(served, info); !stderrors.Is(err, itty.ErrServed) {
		t.Errorf("after serving: %v, want itty.ErrServed", err)
	}
}

func TestMountReportsALateFailure(t *testing.T) {
	app := itty.New(itty.Logger(discard()))
	if err := openapi.Mount(app, openapi.Info{Title: "T", Version: "1"}); err != nil {
		t.Fatal(err)
	}
	// A route added after Mount that cannot be described fails the
	// document when it is first built to be served.
	itty.Get(app, "/x", func(r *itty.Request, p struct{}) itty.Response { return nil }, itty.Security("nowhere"))
	for _, target := range []string{"/openapi.json", "/openapi.yaml"} {
		if w := mustGet(t, app, target); w.Code != 500 {
			t.Errorf("GET %s: %d, want 500", target, w.Code)
		}
	}
}

func ExampleMount() {
	app := itty.New()
	itty.GetJSON(app, "/hello/<str:name>", func(r *itty.Request, p struct {
		Name string `path:"name"`
	}) (string, error) {
		return "Hello, " + p.Name, nil
	})
	if err := openapi.Mount(app, openapi.Info{Title: "Hello", Version: "1.0.0"}); err != nil {
		panic(err)
	}
	for _, target := range []string{"/openapi.json", "/openapi.yaml", "/docs"} {
		w := httptest.NewRecorder()
		app.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
		fmt.Println(target, w.Header().Get("Content-Type"), w.Body.Len() > 0)
	}
	// Output:
	// /openapi.json application/json true
	// /openapi.yaml application/yaml true
	// /docs text/html true
}

// discard is a logger that drops everything.
func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
