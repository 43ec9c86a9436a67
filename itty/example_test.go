package itty_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

func Example() {
	app := itty.New()
	itty.Get(app, "/done/<int:offset>/", func(r *itty.Request, p struct {
		Offset int `path:"offset"`
	}) itty.Response {
		return respond.Text(fmt.Sprintf("item %d", p.Offset))
	})

	w := httptest.NewRecorder()
	app.ServeHTTP(w, httptest.NewRequest("GET", "/done/3/", nil))
	fmt.Println(w.Code, w.Body.String())

	w = httptest.NewRecorder()
	app.ServeHTTP(w, httptest.NewRequest("GET", "/done/three/", nil))
	fmt.Println(w.Code)
	// Output:
	// 200 item 3
	// 404
}

func ExampleRegister() {
	app := itty.New()
	// A string field cannot hold an <int:…> segment: the route is refused.
	_, err := itty.Register(app, "GET", "/done/<int:offset>/", func(r *itty.Request, p struct {
		Offset string `path:"offset"`
	}) itty.Response {
		return nil
	})
	fmt.Println(err != nil)
	// Output:
	// true
}

func ExampleGet_query() {
	app := itty.New()
	itty.Get(app, "/search", func(r *itty.Request, p struct {
		Q    string   `query:"q"`
		Page int      `query:"page" default:"1"`
		Tags []string `query:"tag"`
	}) itty.Response {
		return respond.Text(fmt.Sprintf("q=%s page=%d tags=%v", p.Q, p.Page, p.Tags))
	})
	for _, target := range []string{"/search?q=go&tag=a&tag=b", "/search?page=x"} {
		w := httptest.NewRecorder()
		r := httptest.NewRequest("GET", target, nil)
		r.Header.Set("Accept", "application/json")
		app.ServeHTTP(w, r)
		fmt.Println(w.Code, w.Body.String())
	}
	// Output:
	// 200 q=go page=1 tags=[a b]
	// 422 {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"the request has invalid values","errors":[{"location":"query.page","message":"must be an integer","value":"x"}]}
}

func ExampleRoute_URL() {
	app := itty.New()
	post := itty.Get(app, "/blog/<slug:post>/", func(r *itty.Request, p struct {
		Post string `path:"post"`
		Page int    `query:"page"`
	}) itty.Response {
		return nil
	})
	u, err := post.URL(struct {
		Post string `path:"post"`
		Page int    `query:"page"`
	}{Post: "hello-world", Page: 2})
	fmt.Println(u, err)
	_, err = post.URL(struct {
		Post string `path:"post"`
		Page int    `query:"page"`
	}{Post: "Hello World"})
	fmt.Println(err)
	// Output:
	// /blog/hello-world/?page=2 <nil>
	// itty: url for GET /blog/<slug:post>/: path parameter "post": "Hello World" does not fit a <slug:…> segment
}

func ExampleRecord() {
	hello := func(r *itty.Request, p struct {
		Name string `path:"name"`
	}) itty.Response {
		return respond.Text("Hello, " + p.Name + "!")
	}
	req := itty.NewRequest("GET", "/hello/ann", nil)
	rec := itty.Record(req, hello(req, struct {
		Name string `path:"name"`
	}{Name: "ann"}))
	fmt.Println(rec.Status, rec.Header.Get("Content-Type"), rec.Text())
	// Output:
	// 200 text/plain; charset=utf-8 Hello, ann!
}

func ExampleApp_Group() {
	app := itty.New()
	api := app.Group("/api")
	itty.Get(api, "/ping", func(r *itty.Request, p struct{}) itty.Response { return respond.Text("pong") })
	w := httptest.NewRecorder()
	app.ServeHTTP(w, httptest.NewRequest("GET", "/api/ping", nil))
	fmt.Println(w.Body.String())
	// Output:
	// pong
}
