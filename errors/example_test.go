// Design: runnable examples double as documentation of the two renderings
// and of how handlers turn arbitrary errors into HTTP errors.

package errors_test

import (
	stderrors "errors"
	"fmt"
	"net/http/httptest"

	"github.com/ittygo/itty/errors"
)

func ExampleUnprocessable() {
	e := errors.Unprocessable(errors.FieldError{
		Source: "query", Name: "page", Message: "must be an integer", Value: "abc",
	})
	r := httptest.NewRequest("GET", "/items?page=abc", nil)
	r.Header.Set("Accept", "application/json")
	w := httptest.NewRecorder()
	_ = e.WriteResponse(w, r)
	fmt.Println(w.Code, w.Header().Get("Content-Type"))
	fmt.Print(w.Body)
	// Output:
	// 422 application/problem+json
	// {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"the request has invalid values","errors":[{"location":"query.page","message":"must be an integer","value":"abc"}]}
}

func ExampleMethodNotAllowed() {
	e := errors.MethodNotAllowed("GET", "HEAD")
	w := httptest.NewRecorder()
	_ = e.WriteResponse(w, httptest.NewRequest("DELETE", "/", nil))
	fmt.Println(w.Code, w.Header().Get("Allow"), w.Header().Get("Content-Type"))
	fmt.Println(e)
	// Output:
	// 405 GET, HEAD text/html; charset=utf-8
	// itty: 405 method not allowed
}

func ExampleFrom() {
	fmt.Println(errors.From(fmt.Errorf("loading user: %w", errors.NotFound())).Status)
	e := errors.From(stderrors.New("connection refused"))
	fmt.Println(e.Status, e)
	// Output:
	// 404
	// 500 itty: 500 internal error: connection refused
}

func ExamplePrefersJSON() {
	for _, accept := range []string{"", "*/*", "application/json", "text/html;q=0.9, application/problem+json"} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept", accept)
		fmt.Printf("%q: %v\n", accept, errors.PrefersJSON(r))
	}
	// Output:
	// "": false
	// "*/*": false
	// "application/json": true
	// "text/html;q=0.9, application/problem+json": true
}
