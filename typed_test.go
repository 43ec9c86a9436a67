// End-to-end tests of itty through its public API only, over real HTTP
// connections: what a user's program gets from the library.
package itty_test

import (
	"encoding/json"
	stderrors "errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

type itemParams struct {
	ID      uint32   `path:"id"`
	Verbose bool     `query:"verbose"`
	Fields  []string `query:"field"`
	Limit   *int     `query:"limit"`
	Token   string   `header:"X-Token"`
	User    string   `cookie:"username"`
}

type fileParams struct {
	Owner uuid.UUID `path:"owner"`
	Rest  string    `path:"rest"`
}

// newTypedApp is a small application using every part of the core API.
func newTypedApp(t *testing.T, debug bool) (*itty.App, *itty.Route[itemParams], *itty.Route[fileParams]) {
	t.Helper()
	app := itty.New(itty.Debug(debug), itty.Logger(slog.New(slog.DiscardHandler)), itty.RedirectTrailingSlash(true))
	app.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-App", "itty")
			next.ServeHTTP(w, r)
		})
	})
	api := app.Group("/api", func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-Token") == "deny" {
				http.Error(w, "denied", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	})
	item := itty.Get(api, "/items/<int:id>", func(r *itty.Request, p itemParams) itty.Response {
		limit := -1
		if p.Limit != nil {
			limit = *p.Limit
		}
		return respond.JSON(map[string]any{"id": p.ID, "verbose": p.Verbose, "fields": p.Fields, "limit": limit, "token": p.Token, "user": p.User})
	})
	file := itty.Get(app, "/files/<uuid:owner>/<path:rest>", func(r *itty.Request, p fileParams) itty.Response {
		return respond.Text(p.Owner.String() + " " + p.Rest)
	})
	itty.Get(app, "/set/", func(r *itty.Request, p struct {
		Username string `query:"username" default:"unknown"`
	}) itty.Response {
		return respond.Redirect("/").WithCookie(&http.Cookie{Name: "username", Value: p.Username, MaxAge: 14 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	})
	itty.Get(app, "/logout/", func(r *itty.Request, p struct{}) itty.Response {
		return respond.Redirect("/").DeleteCookie("username")
	})
	itty.Get(app, "/", func(r *itty.Request, p struct {
		User string `cookie:"username" default:"unknown"`
	}) itty.Response {
		return respond.Text("Hello, " + p.User + "!")
	})
	itty.Post(app, "/moved", func(r *itty.Request, p struct{}) itty.Response { return respond.SeeOther("/") })
	itty.Get(app, "/old", func(r *itty.Request, p struct{}) itty.Response { return respond.PermanentRedirect("/") })
	itty.Get(app, "/boom", func(r *itty.Request, p struct{}) itty.Response { panic("kaboom-" + runtime.Version()) })
	itty.Get(app, "/gone", func(r *itty.Request, p struct{}) itty.Response { return errors.Status(http.StatusGone, "it left") })
	return app, item, file
}

// client never follows redirects, so each answer can be checked.
func newClient(t *testing.T) *http.Client {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

type answer struct {
	status int
	header http.Header
	body   string
	resp   *http.Response
}

func mustDo(t *testing.T, c *http.Client, method, target string, header ...string) answer {
	t.Helper()
	req, err := http.NewRequest(method, target, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{resp.StatusCode, resp.Header, string(b), resp}
}

func TestTypedEndToEnd(t *testing.T) {
	app, _, _ := newTypedApp(t, false)
	srv := httptest.NewServer(app)
	defer srv.Close()
	c := newClient(t)

	a := mustDo(t, c, "GET", srv.URL+"/api/items/42?verbose=true&field=a&field=b&limit=5", "X-Token", "tok", "Cookie", "username=ann")
	var got map[string]any
	if err := json.Unmarshal([]byte(a.body), &got); err != nil || a.status != 200 {
		t.Fatalf("item: %d %s", a.status, a.body)
	}
	want := map[string]any{"id": 42.0, "verbose": true, "fields": []any{"a", "b"}, "limit": 5.0, "token": "tok", "user": "ann"}
	if !reflect.DeepEqual(got, want) || a.header.Get("X-App") != "itty" || a.header.Get("Content-Type") != "application/json" {
		t.Errorf("item = %v %v", got, a.header)
	}

	cases := []struct {
		method, path string
		header       []string
		status       int
		check        string // a substring of the body, or of the Allow/Location header
	}{
		{"GET", "/api/items/4294967295", nil, 200, `"id":4294967295`},
		{"GET", "/api/items/4294967296", nil, 404, "Not Found"}, // overflows uint32: no match
		{"GET", "/api/items/-1", nil, 404, ""},
		{"GET", "/api/items/1?limit=x", []string{"Accept", "application/json"}, 422, `"location":"query.limit"`},
		{"GET", "/api/items/1?verbose=maybe", nil, 422, "query.verbose"},
		{"GET", "/api/items/1", []string{"X-Token", "deny"}, 403, "denied"},
		{"POST", "/api/items/1", nil, 405, "GET, HEAD, OPTIONS"},
		{"OPTIONS", "/api/items/1", nil, 204, "GET, HEAD, OPTIONS"},
		{"HEAD", "/api/items/1", nil, 200, ""},
		{"GET", "/files/123e4567-e89b-12d3-a456-426614174000/a/b%2Fc/d.txt", nil, 200, "123e4567-e89b-12d3-a456-426614174000 a/b/c/d.txt"},
		{"GET", "/files/123e4567e89b12d3a456426614174000/a", nil, 404, ""},
		{"GET", "/set", nil, 301, "/set/"},
		{"GET", "/set/?username=bob", nil, 302, "/"},
		{"POST", "/moved", nil, 303, "/"},
		{"GET", "/old", nil, 301, "/"},
		{"GET", "/gone", nil, 410, "it left"},
		{"GET", "/boom", nil, 500, "Internal Error"},
		{"GET", "/nowhere/<script>", nil, 404, "Not Found"},
	}
	for _, tc := range cases {
		a := mustDo(t, c, tc.method, srv.URL+tc.path, tc.header...)
		hay := a.body + "|" + a.header.Get("Allow") + "|" + a.header.Get("Location")
		if a.status != tc.status || !strings.Contains(hay, tc.check) {
			t.Errorf("%s %s: %d %q, want %d containing %q", tc.method, tc.path, a.status, hay, tc.status, tc.check)
		}
		if strings.Contains(a.body, "<script>") || strings.Contains(a.body, "kaboom") {
			t.Errorf("%s %s: body leaks input or panic text: %s", tc.method, tc.path, a.body)
		}
		if tc.method == "HEAD" && a.body != "" {
			t.Errorf("HEAD body %q", a.body)
		}
	}
}

func TestCookiesEndToEnd(t *testing.T) {
	app, _, _ := newTypedApp(t, false)
	srv := httptest.NewServer(app)
	defer srv.Close()
	c := newClient(t)

	set := mustDo(t, c, "GET", srv.URL+"/set/?username=daniel")
	cookies := set.resp.Cookies()
	if len(cookies) != 1 {
		t.Fatalf("Set-Cookie = %v", set.header["Set-Cookie"])
	}
	ck := cookies[0]
	if ck.Name != "username" || ck.Value != "daniel" || ck.MaxAge != 1209600 || ck.Path != "/" || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode {
		t.Errorf("cookie = %+v", ck)
	}
	if a := mustDo(t, c, "GET", srv.URL+"/", "Cookie", ck.Name+"="+ck.Value); a.body != "Hello, daniel!" {
		t.Errorf("greeting = %q", a.body)
	}
	out := mustDo(t, c, "GET", srv.URL+"/logout/")
	gone := out.resp.Cookies()
	if out.status != 302 || len(gone) != 1 || gone[0].Name != "username" || gone[0].MaxAge >= 0 {
		t.Errorf("logout cookies = %+v (%v)", gone, out.header["Set-Cookie"])
	}
	if !strings.Contains(out.header.Get("Set-Cookie"), "Max-Age=0") {
		t.Errorf("logout Set-Cookie %q lacks Max-Age=0", out.header.Get("Set-Cookie"))
	}
	if a := mustDo(t, c, "GET", srv.URL+"/"); a.body != "Hello, unknown!" {
		t.Errorf("anonymous greeting = %q", a.body)
	}
}

func TestDebugShowsPanicOnlyWhenOn(t *testing.T) {
	for _, debug := range []bool{false, true} {
		app, _, _ := newTypedApp(t, debug)
		srv := httptest.NewServer(app)
		c := newClient(t)
		a := mustDo(t, c, "GET", srv.URL+"/boom")
		srv.Close()
		leaked := strings.Contains(a.body, "kaboom") || strings.Contains(a.body, "goroutine") || strings.Contains(a.body, ".go:")
		if a.status != 500 || leaked != debug {
			t.Errorf("debug=%v: status %d, panic shown %v:\n%s", debug, a.status, leaked, a.body)
		}
	}
}

func TestTypedURLsRouteBack(t *testing.T) {
	app, item, file := newTypedApp(t, false)
	srv := httptest.NewServer(app)
	defer srv.Close()
	limit := 7
	want := itemParams{ID: 9, Verbose: true, Fields: []string{"x y", "z&w"}, Limit: &limit}
	u, err := item.URL(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := item.Bind(httptest.NewRequest("GET", u, nil))
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("URL %s binds back to %+v, %v", u, got, err)
	}
	if a := mustDo(t, newClient(t), "GET", srv.URL+u); a.status != 200 || !strings.Contains(a.body, `"fields":["x y","z\u0026w"]`) {
		t.Errorf("GET %s: %d %s", u, a.status, a.body)
	}
	fu, err := file.URL(fileParams{Owner: uuid.MustParse("123e4567-e89b-12d3-a456-426614174000"), Rest: "dir/a b.txt"})
	if err != nil || fu != "/files/123e4567-e89b-12d3-a456-426614174000/dir/a%20b.txt" {
		t.Errorf("file URL = %q, %v", fu, err)
	}
	if _, err := url.Parse(fu); err != nil {
		t.Error(err)
	}
}

func TestStartupErrorNamesRouteFieldAndReason(t *testing.T) {
	_, err := itty.Register(itty.New(), http.MethodGet, "/done/<int:offset>/", func(r *itty.Request, p struct {
		Offset string `path:"offset"`
	}) itty.Response {
		return nil
	})
	var re *itty.RouteError
	if !stderrors.As(err, &re) {
		t.Fatalf("err = %v", err)
	}
	msg := err.Error()
	for _, want := range []string{"GET /done/<int:offset>/", "typed_test.go:", "Offset", "integer field"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q lacks %q", msg, want)
		}
	}
}
