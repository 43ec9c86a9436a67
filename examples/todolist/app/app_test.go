package app

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mustApp returns the app over a fresh data file in a temporary directory,
// and the file's path.
func mustApp(t *testing.T) (http.Handler, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data.json")
	a, err := New(path)
	if err != nil {
		t.Fatal(err)
	}
	return a, path
}

// serve sends one request; form, if not nil, is sent urlencoded.
func serve(h http.Handler, method, target string, form url.Values) *httptest.ResponseRecorder {
	var r *http.Request
	if form != nil {
		r = httptest.NewRequest(method, target, strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		r = httptest.NewRequest(method, target, nil)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// mustRedirectHome checks a 303 to "/".
func mustRedirectHome(t *testing.T, w *httptest.ResponseRecorder) {
	t.Helper()
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/" {
		t.Fatalf("got %d Location %q, want 303 to /; body %s", w.Code, w.Header().Get("Location"), w.Body.String())
	}
}

// mustList returns the <ul id="items"> ... </ul> part of the index page.
func mustList(t *testing.T, h http.Handler, id string) string {
	t.Helper()
	w := serve(h, "GET", "/", nil)
	if w.Code != 200 || w.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("GET /: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	body := w.Body.String()
	start := strings.Index(body, `<ul id="`+id+`">`)
	if start < 0 {
		return ""
	}
	end := strings.Index(body[start:], "</ul>")
	return body[start : start+end+len("</ul>")]
}

func TestEmptyList(t *testing.T) {
	h, path := mustApp(t)
	want := "<ul id=\"items\">\n  <li class=\"empty\">Nothing to do!</li>\n</ul>"
	if got := mustList(t, h, "items"); got != want {
		t.Errorf("list:\n%s\nwant:\n%s", got, want)
	}
	if got := mustList(t, h, "done"); got != "" {
		t.Errorf("done list shown while empty: %s", got)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("reading created the data file: %v", err)
	}
}

func TestCreateAndComplete(t *testing.T) {
	h, path := mustApp(t)
	for _, todo := range []string{"Finish TODO list app", "  Do some gardening  ", "Take a nap"} {
		mustRedirectHome(t, serve(h, "POST", "/create/", url.Values{"todo": {todo}}))
	}
	mustRedirectHome(t, serve(h, "POST", "/done/1/", nil))

	want := "<ul id=\"items\">\n" +
		"  <li><form method=\"post\" action=\"/done/0/\"><button type=\"submit\">Complete</button></form><span class=\"item\">Finish TODO list app</span></li>\n" +
		"  <li><form method=\"post\" action=\"/done/1/\"><button type=\"submit\">Complete</button></form><span class=\"item\">Take a nap</span></li>\n" +
		"</ul>"
	if got := mustList(t, h, "items"); got != want {
		t.Errorf("items:\n%s\nwant:\n%s", got, want)
	}
	if got, want := mustList(t, h, "done"), "<ul id=\"done\">\n  <li>Do some gardening</li>\n</ul>"; got != want {
		t.Errorf("done:\n%s\nwant:\n%s", got, want)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wantFile := "{\n    \"items\": [\n        \"Finish TODO list app\",\n        \"Take a nap\"\n    ],\n    \"done\": [\n        \"Do some gardening\"\n    ]\n}\n"
	if string(b) != wantFile {
		t.Errorf("data.json:\n%s\nwant:\n%s", b, wantFile)
	}
}

func TestItemsAreEscaped(t *testing.T) {
	h, _ := mustApp(t)
	mustRedirectHome(t, serve(h, "POST", "/create/", url.Values{"todo": {`<script>alert(1)</script> & "quotes"`}}))
	want := "<span class=\"item\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;</span>"
	if got := mustList(t, h, "items"); !strings.Contains(got, want) || strings.Contains(got, "<script>") {
		t.Errorf("list:\n%s\nwant it to hold %s", got, want)
	}
	mustRedirectHome(t, serve(h, "POST", "/done/0/", nil))
	if got, want := mustList(t, h, "done"), "<ul id=\"done\">\n  <li>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;</li>\n</ul>"; got != want {
		t.Errorf("done:\n%s\nwant:\n%s", got, want)
	}
}

func TestBadRequests(t *testing.T) {
	h, _ := mustApp(t)
	mustRedirectHome(t, serve(h, "POST", "/create/", url.Values{"todo": {"one"}}))
	cases := []struct {
		name, method, target string
		form                 url.Values
		status               int
	}{
		{"offset past the end", "POST", "/done/1/", nil, 404},
		{"huge offset", "POST", "/done/99999999999999999999/", nil, 404},
		{"negative offset", "POST", "/done/-1/", nil, 404},
		{"offset not a number", "POST", "/done/one/", nil, 404},
		{"done by GET", "GET", "/done/0/", nil, 405},
		{"create by GET", "GET", "/create/", nil, 405},
		{"no todo field", "POST", "/create/", url.Values{"other": {"x"}}, 422},
		{"todo too long", "POST", "/create/", url.Values{"todo": {strings.Repeat("x", 201)}}, 422},
		{"unknown page", "GET", "/nope", nil, 404},
	}
	for _, c := range cases {
		if w := serve(h, c.method, c.target, c.form); w.Code != c.status {
			t.Errorf("%s: %s %s = %d, want %d", c.name, c.method, c.target, w.Code, c.status)
		}
	}
	mustRedirectHome(t, serve(h, "POST", "/create/", url.Values{"todo": {"   "}}))
	if got := mustList(t, h, "items"); strings.Count(got, "<li>") != 1 || !strings.Contains(got, ">one<") {
		t.Errorf("the bad requests changed the list:\n%s", got)
	}
}

func TestCorruptDataFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.json")
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(path); err == nil || !strings.HasPrefix(err.Error(), "todolist: "+path+" is not a TODO list") {
		t.Errorf("New over a corrupt file: %v", err)
	}
}

func TestExistingDataIsShown(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.json")
	if err := os.WriteFile(path, []byte(`{"items": ["Take a nap"]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	a, err := New(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := mustList(t, a, "items"); !strings.Contains(got, `<span class="item">Take a nap</span>`) {
		t.Errorf("list:\n%s", got)
	}
}
