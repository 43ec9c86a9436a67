package itty_test

import (
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/ittygo/itty/itty"
)

type articleParams struct {
	ID    uuid.UUID  `path:"id"`
	Year  uint16     `path:"year"`
	Score float64    `path:"score"`
	Slug  string     `path:"slug"`
	Title string     `path:"title"`
	Rest  string     `path:"rest"`
	Page  int        `query:"page" default:"1"`
	Tags  []string   `query:"tag"`
	Since *time.Time `query:"since"`
	Q     string     `query:"q"`
	Auth  string     `header:"Authorization"`
}

func TestTypedURLRoundTrip(t *testing.T) {
	a := itty.New()
	var got articleParams
	rt := itty.Get(a, "/a/<uuid:id>/<int:year>/<float:score>/<slug:slug>/<str:title>/<path:rest>",
		func(r *itty.Request, p articleParams) itty.Response {
			got = p
			return nil
		})
	since := time.Date(2026, 11, 22, 10, 30, 0, 500, time.UTC)
	values := []articleParams{
		{ID: uuid.MustParse("123e4567-e89b-12d3-a456-426614174000"), Year: 2026, Score: 4.25, Slug: "hello-world",
			Title: "Hello World?#%", Rest: "a b/c%2Fd/é", Page: 3, Tags: []string{"go", "a&b", ""}, Since: &since, Q: "x y+z"},
		{ID: uuid.New(), Year: 0, Score: 0, Slug: "x", Title: "t", Rest: "r", Page: 0},
		{ID: uuid.New(), Year: 65535, Score: 1e21, Slug: "a_b", Title: "..x", Rest: "..x/.y", Page: 1},
	}
	for _, want := range values {
		u, err := rt.URL(want)
		if err != nil {
			t.Fatalf("URL(%+v): %v", want, err)
		}
		got = articleParams{}
		w := mustServe(t, a, "GET", u)
		if w.Code != 204 {
			t.Fatalf("GET %s: %d %s", u, w.Code, w.Body.String())
		}
		want.Auth = "" // headers are not part of a URL
		if !reflect.DeepEqual(got, want) {
			t.Errorf("URL %s bound back to\n%+v\nwant\n%+v", u, got, want)
		}
		// Route.Bind agrees with the app.
		b, err := rt.Bind(httptest.NewRequest("GET", u, nil))
		if err != nil || !reflect.DeepEqual(b, want) {
			t.Errorf("Bind(%s) = %+v, %v", u, b, err)
		}
	}
}

func TestTypedURLRefusesValuesThatWouldNotRoute(t *testing.T) {
	a := itty.New()
	slugRoute := itty.Get(a, "/blog/<slug:post>/", func(r *itty.Request, p struct {
		Post string `path:"post"`
	}) itty.Response {
		return nil
	})
	intRoute := itty.Get(a, "/n/<int:n>", func(r *itty.Request, p struct {
		N int `path:"n"`
	}) itty.Response {
		return nil
	})
	floatRoute := itty.Get(a, "/f/<float:x>", func(r *itty.Request, p struct {
		X float64 `path:"x"`
	}) itty.Response {
		return nil
	})
	strRoute := itty.Get(a, "/s/<str:s>", func(r *itty.Request, p struct {
		S string `path:"s"`
	}) itty.Response {
		return nil
	})
	if u, err := slugRoute.URL(struct {
		Post string `path:"post"`
	}{"Hello World"}); err == nil || !strings.Contains(err.Error(), "Hello World") {
		t.Errorf("slug URL = %q, %v; want an error", u, err)
	}
	if u, err := intRoute.URL(struct {
		N int `path:"n"`
	}{-5}); err == nil {
		t.Errorf("negative int URL = %q", u)
	}
	if u, err := floatRoute.URL(struct {
		X float64 `path:"x"`
	}{-1.5}); err == nil {
		t.Errorf("negative float URL = %q", u)
	}
	for _, s := range []string{"", "a/b", ".", ".."} {
		if u, err := strRoute.URL(struct {
			S string `path:"s"`
		}{s}); err == nil {
			t.Errorf("str %q URL = %q", s, u)
		}
	}
	if u := slugRoute.MustURL(struct {
		Post string `path:"post"`
	}{"hello-world"}); u != "/blog/hello-world/" {
		t.Errorf("MustURL = %q", u)
	}
}

func TestRouteBindNotMatching(t *testing.T) {
	a := itty.New()
	rt := itty.Get(a, "/n/<int:n>", func(r *itty.Request, p struct {
		N int8 `path:"n"`
	}) itty.Response {
		return nil
	})
	if _, err := rt.Bind(httptest.NewRequest("GET", "/n/300", nil)); err == nil {
		t.Error("Bind of an overflowing segment succeeded")
	}
	p, err := rt.Bind(httptest.NewRequest("GET", "/n/12", nil))
	if err != nil || p.N != 12 {
		t.Errorf("Bind = %+v, %v", p, err)
	}
}

func TestTypedURLNeverStartsWithTwoSlashes(t *testing.T) {
	type P struct {
		Page string `path:"page"`
	}
	a := itty.New()
	root := itty.Get(a, "/<path:page>", func(r *itty.Request, p P) itty.Response { return nil })
	under := itty.Get(a, "/w/<path:page>", func(r *itty.Request, p P) itty.Response { return nil })
	cases := []struct {
		route *itty.Route[P]
		page  string
		want  string // the URL, or "" for an error
	}{
		{root, "a/b", "/a/b"},
		{root, "a//b", "/a//b"},
		{root, `\evil.com`, "/%5Cevil.com"},
		{root, "/evil.com", ""},
		{root, "//evil.com", ""},
		{root, "/", ""},
		{under, "/evil.com", "/w//evil.com"},
	}
	for _, c := range cases {
		u, err := c.route.URL(P{c.page})
		if c.want == "" {
			if err == nil || !strings.Contains(err.Error(), `"//"`) {
				t.Errorf("%s URL(%q) = %q, %v; want an error", c.route.Pattern(), c.page, u, err)
			}
			continue
		}
		if err != nil || u != c.want {
			t.Errorf("%s URL(%q) = %q, %v; want %q", c.route.Pattern(), c.page, u, err, c.want)
		}
	}
}
