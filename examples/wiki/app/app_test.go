package app

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// mustWiki returns the wiki over a fresh pages directory inside a
// temporary directory, and that outer directory.
func mustWiki(t *testing.T) (http.Handler, string) {
	t.Helper()
	outer := t.TempDir()
	a, err := New(filepath.Join(outer, "pages"))
	if err != nil {
		t.Fatal(err)
	}
	return a, outer
}

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

// between returns the text of body from start up to and including end.
func between(body, start, end string) string {
	i := strings.Index(body, start)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], end)
	if j < 0 {
		return ""
	}
	return body[i : i+j+len(end)]
}

func TestSaveViewEdit(t *testing.T) {
	h, outer := mustWiki(t)
	w := serve(h, "POST", "/save/FrontPage", url.Values{"body": {"Welcome!\r\nSee [SecondPage] and [bad/link]."}})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/view/FrontPage" {
		t.Fatalf("save: %d Location %q", w.Code, w.Header().Get("Location"))
	}
	b, err := os.ReadFile(filepath.Join(outer, "pages", "FrontPage.txt"))
	if err != nil || string(b) != "Welcome!\nSee [SecondPage] and [bad/link]." {
		t.Errorf("FrontPage.txt = %q, %v", b, err)
	}

	w = serve(h, "GET", "/view/FrontPage", nil)
	want := `<div id="body">Welcome!` + "\n" + `See <a href="/view/SecondPage">SecondPage</a> and [bad/link].</div>`
	if got := between(w.Body.String(), `<div id="body">`, "</div>"); w.Code != 200 || got != want {
		t.Errorf("view: %d\n%s\nwant\n%s", w.Code, got, want)
	}
	if !strings.Contains(w.Body.String(), `<a id="edit" href="/edit/FrontPage">edit</a>`) ||
		!strings.Contains(w.Body.String(), `<link rel="stylesheet" href="/file/style.css">`) {
		t.Errorf("view lacks the edit link or the stylesheet:\n%s", w.Body.String())
	}

	w = serve(h, "GET", "/edit/FrontPage", nil)
	want = `<textarea id="id_body" name="body" rows="20" cols="80" autofocus>Welcome!` + "\n" + `See [SecondPage] and [bad/link].</textarea>`
	if got := between(w.Body.String(), "<textarea", "</textarea>"); got != want {
		t.Errorf("edit:\n%s\nwant\n%s", got, want)
	}
	if !strings.Contains(w.Body.String(), `<form action="/save/FrontPage" method="post">`) {
		t.Errorf("edit form posts elsewhere:\n%s", w.Body.String())
	}
}

func TestNewPages(t *testing.T) {
	h, _ := mustWiki(t)
	w := serve(h, "GET", "/view/NoSuchPage", nil)
	if w.Code != http.StatusFound || w.Header().Get("Location") != "/edit/NoSuchPage" {
		t.Errorf("view of a missing page: %d Location %q, want 302 to its editor", w.Code, w.Header().Get("Location"))
	}
	w = serve(h, "GET", "/edit/NoSuchPage", nil)
	if got := between(w.Body.String(), "<textarea", "</textarea>"); w.Code != 200 || got != `<textarea id="id_body" name="body" rows="20" cols="80" autofocus></textarea>` {
		t.Errorf("editor of a missing page: %d %s", w.Code, got)
	}
	w = serve(h, "POST", "/goto", url.Values{"page": {"Some_New-Page"}})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/edit/Some_New-Page" {
		t.Errorf("goto: %d Location %q", w.Code, w.Header().Get("Location"))
	}
}

func TestIndexListsPages(t *testing.T) {
	h, outer := mustWiki(t)
	empty := between(serve(h, "GET", "/", nil).Body.String(), `<ul id="pages">`, "</ul>")
	if empty != "<ul id=\"pages\">\n  <li class=\"empty\">No pages yet.</li>\n</ul>" {
		t.Errorf("empty index: %s", empty)
	}
	for _, title := range []string{"Zebra", "apple", "Mango"} {
		serve(h, "POST", "/save/"+title, url.Values{"body": {"x"}})
	}
	// Files that are not pages are not listed.
	for _, name := range []string{"notes.md", ".Hidden.txt", "bad name.txt", ".Zebra-123.tmp"} {
		if err := os.WriteFile(filepath.Join(outer, "pages", name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(outer, "pages", "Dir.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	got := between(serve(h, "GET", "/", nil).Body.String(), `<ul id="pages">`, "</ul>")
	want := "<ul id=\"pages\">\n" +
		"  <li><a href=\"/view/Mango\">Mango</a></li>\n" +
		"  <li><a href=\"/view/Zebra\">Zebra</a></li>\n" +
		"  <li><a href=\"/view/apple\">apple</a></li>\n</ul>"
	if got != want {
		t.Errorf("index:\n%s\nwant\n%s", got, want)
	}
}

func TestEverythingIsEscaped(t *testing.T) {
	h, _ := mustWiki(t)
	body := `<script>alert(1)</script> & </textarea><b>x</b> [<img src=x>]`
	serve(h, "POST", "/save/Evil", url.Values{"body": {body}})
	view := between(serve(h, "GET", "/view/Evil", nil).Body.String(), `<div id="body">`, "</div>")
	if want := `<div id="body">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/textarea&gt;&lt;b&gt;x&lt;/b&gt; [&lt;img src=x&gt;]</div>`; view != want {
		t.Errorf("view:\n%s\nwant\n%s", view, want)
	}
	edit := between(serve(h, "GET", "/edit/Evil", nil).Body.String(), "<textarea", "</textarea>")
	if want := `<textarea id="id_body" name="body" rows="20" cols="80" autofocus>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/textarea&gt;&lt;b&gt;x&lt;/b&gt; [&lt;img src=x&gt;]</textarea>`; edit != want {
		t.Errorf("edit:\n%s\nwant\n%s", edit, want)
	}
}

// TestHostileTitles sends titles that could name files outside pages/, or
// files that are not pages, to every route: none may succeed, and no file
// may appear anywhere in the temporary directory but the one page saved
// on purpose.
func TestHostileTitles(t *testing.T) {
	h, outer := mustWiki(t)
	if err := os.WriteFile(filepath.Join(outer, "secret.txt"), []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	serve(h, "POST", "/save/Safe", url.Values{"body": {"ok"}})
	titles := []string{
		"..", ".", "..%2Fsecret", "..%2f..%2fetc%2fpasswd", "%2e%2e%2fsecret", "..%5Csecret", "a%5Cb",
		".hidden", "Safe.txt", "Safe%00", "%00", "a%20b", "%C3%A9t%C3%A9", "a%0Ab", strings.Repeat("x", 65),
		"-%3E", "Safe%2F", "%2Fetc%2Fpasswd",
	}
	for _, title := range titles {
		cases := []struct {
			method, target string
			form           url.Values
		}{
			{"GET", "/view/" + title, nil},
			{"GET", "/edit/" + title, nil},
			{"POST", "/save/" + title, url.Values{"body": {"pwned"}}},
		}
		for _, c := range cases {
			w := serve(h, c.method, c.target, c.form)
			if w.Code != 422 && w.Code != 404 {
				t.Errorf("%s %s = %d, want 422 or 404", c.method, c.target, w.Code)
			}
			if strings.Contains(w.Body.String(), "secret") && !strings.Contains(w.Body.String(), "path.title") {
				t.Errorf("%s %s leaked:\n%s", c.method, c.target, w.Body.String())
			}
		}
		raw, _ := url.PathUnescape(title)
		if w := serve(h, "POST", "/goto", url.Values{"page": {raw}}); w.Code != 422 {
			t.Errorf("POST /goto page=%q = %d, want 422", raw, w.Code)
		}
	}
	var files []string
	err := filepath.WalkDir(outer, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(outer, path)
			files = append(files, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join("pages", "Safe.txt"), "secret.txt"}; !reflect.DeepEqual(files, want) {
		t.Errorf("files after the attack: %v, want %v", files, want)
	}
	if b, _ := os.ReadFile(filepath.Join(outer, "secret.txt")); string(b) != "secret" {
		t.Errorf("secret.txt = %q", b)
	}
}

func TestAssetsAndMethods(t *testing.T) {
	h, _ := mustWiki(t)
	want, err := os.ReadFile(filepath.Join("file", "style.css"))
	if err != nil {
		t.Fatal(err)
	}
	w := serve(h, "GET", "/file/style.css", nil)
	if w.Code != 200 || w.Header().Get("Content-Type") != "text/css; charset=utf-8" || w.Body.String() != string(want) {
		t.Errorf("GET /file/style.css: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
	cases := []struct {
		method, target string
		status         int
	}{
		{"GET", "/file/missing.css", 404},
		{"GET", "/file/../app.go", 404},
		{"GET", "/file/", 404},
		{"GET", "/save/Page", 405},
		{"POST", "/view/Page", 405},
		{"GET", "/goto", 405},
		{"POST", "/goto", 422}, // no page field
	}
	for _, c := range cases {
		if w := serve(h, c.method, c.target, url.Values{}); w.Code != c.status {
			t.Errorf("%s %s = %d, want %d", c.method, c.target, w.Code, c.status)
		}
	}
}

func TestTitleTagsMatchTitlePattern(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeFor[page](), reflect.TypeFor[save](), reflect.TypeFor[jump]()} {
		f := typ.Field(0)
		if got := f.Tag.Get("pattern"); got != TitlePattern {
			t.Errorf("%s.%s pattern %q, want TitlePattern %q", typ.Name(), f.Name, got, TitlePattern)
		}
	}
}

func TestLargePageRefused(t *testing.T) {
	h, outer := mustWiki(t)
	if w := serve(h, "POST", "/save/Big", url.Values{"body": {strings.Repeat("x", 65537)}}); w.Code != 422 {
		t.Errorf("save of 65537 characters = %d, want 422", w.Code)
	}
	if _, err := os.Stat(filepath.Join(outer, "pages", "Big.txt")); !os.IsNotExist(err) {
		t.Errorf("Big.txt exists: %v", err)
	}
}
