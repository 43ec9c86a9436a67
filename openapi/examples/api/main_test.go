package main

// Tests of the example: the handlers as a client sees them, and its
// document: valid for an independent validator, byte for byte the golden
// file, the same on every build, and the one the app serves.

import (
	"bytes"
	"encoding/json"
	"flag"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ittygo/itty/openapi"
	"github.com/ittygo/itty/openapi/internal/oatest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// mustApp returns a fresh app.
func mustApp(t testing.TB) http.Handler {
	t.Helper()
	app, err := newApp()
	if err != nil {
		t.Fatal(err)
	}
	return app
}

// mustDocument returns the example's document.
func mustDocument(t testing.TB) []byte {
	t.Helper()
	app, err := newApp()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi.Document(app, info(), docOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// mustServe sends one request and returns the recorded response.
func mustServe(t *testing.T, h http.Handler, method, target, ctype, body string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	r.Header.Set("Accept", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestHandlers(t *testing.T) {
	app := mustApp(t)
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	fw, _ := mw.CreateFormFile("image", "pen.png")
	fw.Write([]byte("not really a png"))
	mw.WriteField("caption", "The pen")
	mw.Close()
	steps := []struct {
		method, target, ctype, body string
		status                      int
		want                        string // the body, or a prefix of it ending in "…"
	}{
		{"GET", "/items?per_page=2", "", "", 200, `{"items":[{"id":1,"name":"Fountain pen","price":12.5,"tags":["office"],"created":"2025-01-02T03:04:05Z"},{"id":2,"name":"Notebook","price":4,"tags":["office","paper"],"created":"2025-01-02T03:04:05Z"}],"total":3,"page":1,"per_page":2}` + "\n"},
		{"GET", "/items?page=2&per_page=2&sort=price", "", "", 200, `{"items":[{"id":3,"name":"Desk lamp","price":30,"tags":[],"created":"2025-01-02T03:04:05Z"}],"total":3,"page":2,"per_page":2}` + "\n"},
		{"GET", "/items?tag=paper", "", "", 200, `{"items":[{"id":2,"name":"Notebook","price":4,"tags":["office","paper"],"created":"2025-01-02T03:04:05Z"}],"total":1,"page":1,"per_page":20}` + "\n"},
		{"GET", "/items?per_page=101", "", "", 422, `{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"the request has invalid values","errors":[{"location":"query.per_page","message":"must be at most 100","value":"101"}]}` + "\n"},
		{"GET", "/items/2", "", "", 200, `{"id":2,"name":"Notebook","price":4,"tags":["office","paper"],"created":"2025-01-02T03:04:05Z"}` + "\n"},
		{"GET", "/items/9", "", "", 404, `{"type":"about:blank","title":"Not Found","status":404}` + "\n"},
		{"GET", "/items/two", "", "", 404, `{"type":"about:blank","title":"Not Found","status":404}` + "\n"},
		{"PUT", "/items/2", "application/json", `{"name":"Big notebook","price":6}`, 200, `{"id":2,"name":"Big notebook","price":6,"tags":[],"created":"2025-01-02T03:04:05Z"}` + "\n"},
		{"POST", "/items", "application/json", `{"name":"Ink","price":2.5,"tags":["office"]}`, 201, `{"id":4,"name":"Ink","price":2.5,"tags":["office"],"created":"…`},
		{"POST", "/items", "application/json", `{"price":-1,"tags":["Caps"]}`, 422, `{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"the request has invalid values","errors":[{"location":"body.name","message":"is required"},{"location":"body.price","message":"must be at least 0","value":"-1"},{"location":"body.tags[0]","message":"must match the pattern ^[a-z]+$","value":"Caps"}]}` + "\n"},
		{"POST", "/items/1/image", mw.FormDataContentType(), form.String(), 201, `{"filename":"pen.png","content_type":"application/octet-stream","size":16}` + "\n"},
		{"GET", "/items/1", "", "", 200, `{"id":1,"name":"Fountain pen","price":12.5,"tags":["office"],"created":"2025-01-02T03:04:05Z","image":{"filename":"pen.png","content_type":"application/octet-stream","size":16}}` + "\n"},
		{"DELETE", "/items/1", "", "", 204, ""},
		{"DELETE", "/items/1", "", "", 404, `{"type":"about:blank","title":"Not Found","status":404}` + "\n"},
	}
	for _, s := range steps {
		w := mustServe(t, app, s.method, s.target, s.ctype, s.body)
		got := w.Body.String()
		ok := got == s.want
		if prefix, cut := strings.CutSuffix(s.want, "…"); cut {
			ok = strings.HasPrefix(got, prefix)
		}
		if w.Code != s.status || !ok {
			t.Errorf("%s %s: %d %s\nwant %d %s", s.method, s.target, w.Code, got, s.status, s.want)
		}
	}
}

func TestDocumentIsValid(t *testing.T) {
	doc := mustDocument(t)
	for _, p := range oatest.Validate(doc) {
		t.Error(p)
	}
	var tree map[string]any
	if err := json.Unmarshal(doc, &tree); err != nil {
		t.Fatal(err)
	}
	if got := len(tree["paths"].(map[string]any)); got != 3 {
		t.Errorf("%d paths, want 3 (/items, /items/{id}, /items/{id}/image; the document and docs routes are hidden)", got)
	}
}

func TestDocumentGolden(t *testing.T) {
	doc := mustDocument(t)
	if again := mustDocument(t); !bytes.Equal(doc, again) {
		t.Fatal("a second build of the document gives other bytes")
	}
	path := filepath.Join("testdata", "api.golden.json")
	if *update {
		if err := os.WriteFile(path, doc, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(doc, want) {
		t.Errorf("the document differs from %s (run go test -update after checking the change):\n%s", path, firstDiff(doc, want))
	}
}

func TestServedDocumentIsTheDocument(t *testing.T) {
	app := mustApp(t)
	w := mustServe(t, app, "GET", "/openapi.json", "", "")
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/json" || !bytes.Equal(w.Body.Bytes(), mustDocument(t)) {
		t.Errorf("GET /openapi.json: %d %q, not the document", w.Code, w.Header().Get("Content-Type"))
	}
	w = mustServe(t, app, "GET", "/openapi.yaml", "", "")
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/yaml" || !strings.Contains(w.Body.String(), "openapi: 3.1.0\n") {
		t.Errorf("GET /openapi.yaml: %d %q %.80q", w.Code, w.Header().Get("Content-Type"), w.Body.String())
	}
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return "line " + strconv.Itoa(i+1) + ":\n  got:  " + la[i] + "\n  want: " + lb[i]
		}
	}
	return "one is longer: " + strconv.Itoa(len(la)) + " lines against " + strconv.Itoa(len(lb))
}

func BenchmarkDocument(b *testing.B) {
	app, err := newApp()
	if err != nil {
		b.Fatal(err)
	}
	var doc []byte
	for b.Loop() {
		if doc, err = openapi.Document(app, info(), docOptions()...); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(doc)), "doc-bytes")
}
