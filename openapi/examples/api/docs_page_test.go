package main

// The docs page, rendered by headless Chromium with no network but
// loopback: it must show every operation of the document, and fetch
// nothing from another host. A screenshot is kept as an artifact, in
// $ARTIFACTS_DIR or openapi/artifacts (ignored by git).

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ittygo/itty/openapi/internal/oatest"
)

func TestDocsPageRendersOffline(t *testing.T) {
	srv := httptest.NewServer(mustApp(t))
	defer srv.Close()
	var tree struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(mustDocument(t), &tree); err != nil {
		t.Fatal(err)
	}
	var want []string
	for p, item := range tree.Paths {
		for m := range item {
			want = append(want, strings.ToUpper(m)+" "+p)
		}
	}
	sort.Strings(want)

	page, err := oatest.RenderDocs(srv.URL+"/docs", t.TempDir(), len(want), 45*time.Second)
	if page != nil && page.Screenshot != nil {
		dir := os.Getenv("ARTIFACTS_DIR")
		if dir == "" {
			dir = filepath.Join("..", "..", "artifacts")
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		shot := filepath.Join(dir, "docs-examples-api.png")
		if err := os.WriteFile(shot, page.Screenshot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", shot)
	}
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(page.Operations, want) {
		t.Errorf("the page shows\n%q\nwant the document's operations\n%q", page.Operations, want)
	}
	if page.Title != "Catalogue 1.0.0 OAS 3.1" {
		t.Errorf("title %q, want %q", page.Title, "Catalogue 1.0.0 OAS 3.1")
	}
	origin, _ := url.Parse(srv.URL)
	fetched := 0
	for _, u := range page.Requests {
		pu, err := url.Parse(u)
		if err != nil {
			t.Errorf("request to %q: %v", u, err)
			continue
		}
		switch {
		case pu.Scheme == "data":
		case pu.Host == origin.Host:
			fetched++
		default:
			t.Errorf("the page requested %s: it must need nothing but the app", u)
		}
	}
	if fetched < 4 { // the page, its script and style assets, the document
		t.Errorf("the page fetched %d URLs from the app: %q", fetched, page.Requests)
	}
}
