package itty_test

// Tests of the JSON handler forms: success bodies and statuses, errors
// through the app's error model, the recorded success type, and
// registration errors.

import (
	"bytes"
	stderrors "errors"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
)

type typedItem struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

type typedParams struct {
	ID   int    `path:"id"`
	Fail string `query:"fail"`
}

// typedHandler answers the item, or the error that fail names.
func typedHandler(r *itty.Request, p typedParams) (typedItem, error) {
	switch p.Fail {
	case "gone":
		return typedItem{}, errors.Status(410, "item removed")
	case "wrapped":
		return typedItem{}, fmt.Errorf("lookup: %w", errors.NotFound())
	case "plain":
		return typedItem{}, stderrors.New("database is down")
	}
	return typedItem{ID: p.ID, Name: "item"}, nil
}

func TestJSONForms(t *testing.T) {
	var logs bytes.Buffer
	app := itty.New(itty.Logger(slog.New(slog.NewTextHandler(&logs, nil))))
	itty.GetJSON(app, "/items/<int:id>", typedHandler)
	itty.PostJSON(app, "/items/<int:id>", typedHandler, itty.SuccessStatus(201))
	itty.PutJSON(app, "/items/<int:id>", typedHandler)
	itty.PatchJSON(app, "/items/<int:id>", typedHandler)
	itty.DeleteJSON(app, "/items/<int:id>", typedHandler, itty.SuccessStatus(204))
	itty.HandleJSON(app, "PURGE", "/items/<int:id>", typedHandler)
	cases := []struct {
		method, target string
		status         int
		ctype, body    string
	}{
		{"GET", "/items/7", 200, "application/json", `{"id":7,"name":"item"}` + "\n"},
		{"HEAD", "/items/7", 200, "application/json", ""},
		{"POST", "/items/7", 201, "application/json", `{"id":7,"name":"item"}` + "\n"},
		{"PUT", "/items/7", 200, "application/json", `{"id":7,"name":"item"}` + "\n"},
		{"PATCH", "/items/7", 200, "application/json", `{"id":7,"name":"item"}` + "\n"},
		{"DELETE", "/items/7", 204, "", ""},
		{"PURGE", "/items/7", 200, "application/json", `{"id":7,"name":"item"}` + "\n"},
		{"GET", "/items/7?fail=gone", 410, "application/problem+json", `{"type":"about:blank","title":"Gone","status":410,"detail":"item removed"}` + "\n"},
		{"GET", "/items/7?fail=wrapped", 404, "application/problem+json", `{"type":"about:blank","title":"Not Found","status":404}` + "\n"},
		{"GET", "/items/7?fail=plain", 500, "application/problem+json", `{"type":"about:blank","title":"Internal Error","status":500}` + "\n"},
		{"DELETE", "/items/7?fail=plain", 500, "application/problem+json", `{"type":"about:blank","title":"Internal Error","status":500}` + "\n"},
	}
	for _, c := range cases {
		w := httptest.NewRecorder()
		r := httptest.NewRequest(c.method, c.target, nil)
		r.Header.Set("Accept", "application/json")
		app.ServeHTTP(w, r)
		if w.Code != c.status || w.Header().Get("Content-Type") != c.ctype || w.Body.String() != c.body {
			t.Errorf("%s %s: %d %q %q, want %d %q %q", c.method, c.target, w.Code, w.Header().Get("Content-Type"), w.Body.String(), c.status, c.ctype, c.body)
		}
	}
	if got := strings.Count(logs.String(), "database is down"); got != 2 {
		t.Errorf("the cause of each 500 is logged once: %d times in\n%s", got, logs.String())
	}
}

func TestJSONFormsRecordTheSuccessType(t *testing.T) {
	app := itty.New()
	itty.GetJSON(app, "/items", func(r *itty.Request, p struct{}) ([]typedItem, error) { return nil, nil },
		itty.Returns(404, nil, "no items"))
	itty.PostJSON(app, "/items", func(r *itty.Request, p struct{}) (*typedItem, error) { return nil, nil }, itty.SuccessStatus(201))
	itty.DeleteJSON(app, "/items", func(r *itty.Request, p struct{}) (struct{}, error) { return struct{}{}, nil }, itty.SuccessStatus(204))
	itty.GetJSON(app, "/any", func(r *itty.Request, p struct{}) (any, error) { return 1, nil })
	want := [][]itty.ResponseSpec{
		{{Status: 200, Type: reflect.TypeFor[[]typedItem](), ContentType: "application/json", Description: "OK"}, {Status: 404, Description: "no items"}},
		{{Status: 201, Type: reflect.TypeFor[*typedItem](), ContentType: "application/json", Description: "Created"}},
		{{Status: 204, Description: "No Content"}},
		{{Status: 200, Type: reflect.TypeFor[any](), ContentType: "application/json", Description: "OK"}},
	}
	for i, rt := range app.Routes() {
		if !reflect.DeepEqual(rt.Meta.Responses, want[i]) {
			t.Errorf("%s %s: Responses = %#v, want %#v", rt.Method, rt.Pattern, rt.Meta.Responses, want[i])
		}
	}
}

func TestJSONFormErrors(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"nil handler", func() error {
			_, err := itty.RegisterJSON[struct{}, int](itty.New(), "GET", "/x", nil)
			return err
		}(), "the handler is nil"},
		{"not 2xx", func() error {
			_, err := itty.RegisterJSON(itty.New(), "GET", "/x", func(r *itty.Request, p struct{}) (int, error) { return 0, nil }, itty.SuccessStatus(302))
			return err
		}(), "success status 302 is not a 2xx status"},
		{"success declared twice", func() error {
			_, err := itty.RegisterJSON(itty.New(), "GET", "/x", func(r *itty.Request, p struct{}) (int, error) { return 0, nil }, itty.Returns(200, 0, "again"))
			return err
		}(), "response 200 is declared twice"},
		{"bad plan", func() error {
			_, err := itty.RegisterJSON(itty.New(), "GET", "/x/<int:id>", func(r *itty.Request, p struct{}) (int, error) { return 0, nil })
			return err
		}(), `path parameter <int:id> has no field tagged path:"id"`},
	}
	for _, c := range cases {
		var re *itty.RouteError
		if !stderrors.As(c.err, &re) || !strings.HasSuffix(re.Error(), ": "+c.want) || !strings.Contains(re.Where, "typed_test.go:") {
			t.Errorf("%s: %v, want a *RouteError ending in %q registered in typed_test.go", c.name, c.err, c.want)
		}
	}
	defer func() {
		if v := recover(); v == nil {
			t.Error("GetJSON with a bad pattern did not panic")
		}
	}()
	itty.GetJSON(itty.New(), "no-slash", func(r *itty.Request, p struct{}) (int, error) { return 0, nil })
}

func ExampleGetJSON() {
	type item struct {
		ID   int    `json:"id"`
		Name string `json:"name"`
	}
	app := itty.New()
	itty.GetJSON(app, "/items/<int:id>", func(r *itty.Request, p struct {
		ID int `path:"id"`
	}) (item, error) {
		if p.ID > 100 {
			return item{}, errors.NotFound()
		}
		return item{ID: p.ID, Name: "pen"}, nil
	})
	for _, target := range []string{"/items/7", "/items/700"} {
		w := httptest.NewRecorder()
		r := httptest.NewRequest("GET", target, nil)
		r.Header.Set("Accept", "application/json")
		app.ServeHTTP(w, r)
		fmt.Print(w.Code, " ", w.Body.String())
	}
	// Output:
	// 200 {"id":7,"name":"pen"}
	// 404 {"type":"about:blank","title":"Not Found","status":404}
}

func ExamplePostJSON() {
	type created struct {
		ID int `json:"id"`
	}
	app := itty.New()
	itty.PostJSON(app, "/items", func(r *itty.Request, p struct {
		Name string `json:"name" required:"true" minLength:"1"`
	}) (created, error) {
		return created{ID: 1}, nil
	}, itty.SuccessStatus(201))
	w := httptest.NewRecorder()
	r := httptest.NewRequest("POST", "/items", strings.NewReader(`{"name":"pen"}`))
	r.Header.Set("Content-Type", "application/json")
	app.ServeHTTP(w, r)
	fmt.Print(w.Code, " ", w.Body.String())
	fmt.Println(app.Routes()[0].Meta.Responses[0].Type)
	// Output:
	// 201 {"id":1}
	// itty_test.created
}
