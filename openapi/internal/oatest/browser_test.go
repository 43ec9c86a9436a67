package oatest

// Tests of RenderDocs' failure: a page that never shows the operations is
// reported, with a screenshot of what it showed. (The success path is
// the docs page test of examples/api.)

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestRenderDocsReportsAPageWithoutOperations(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<!DOCTYPE html><title>empty</title><p>No operations here.</p>"))
	}))
	defer srv.Close()
	p, err := RenderDocs(srv.URL, t.TempDir(), 1, 2*time.Second)
	if err == nil || !strings.HasPrefix(err.Error(), "the page did not show 1 operations in 2s") {
		t.Fatalf("error %v", err)
	}
	if p == nil || len(p.Screenshot) < 8 || string(p.Screenshot[1:4]) != "PNG" {
		t.Errorf("no PNG screenshot of the failing page")
	}
}
