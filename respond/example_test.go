// Design: examples show the everyday constructors as they appear in
// handlers, and how little a custom response type needs: one method.

package respond_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"

	"github.com/ittygo/itty/respond"
)

// YAML is a custom response: an ordered list of key/value pairs written as
// "key: value" lines. Any type with a WriteResponse method is a response.
type YAML [][2]string

// WriteResponse writes y as a small YAML-like document.
func (y YAML) WriteResponse(w http.ResponseWriter, r *http.Request) error {
	var b strings.Builder
	for _, kv := range y {
		b.WriteString(kv[0] + ": " + strconv.Quote(kv[1]) + "\n")
	}
	w.Header().Set("Content-Type", "application/yaml")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return nil
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Example_customResponse shows a response type defined outside the package.
func Example_customResponse() {
	w := httptest.NewRecorder()
	resp := YAML{{"name", "itty"}, {"lang", "Go"}}
	if err := resp.WriteResponse(w, httptest.NewRequest("GET", "/", nil)); err != nil {
		fmt.Println(err)
	}
	fmt.Println(w.Code, w.Header().Get("Content-Type"))
	fmt.Print(w.Body)
	// Output:
	// 200 application/yaml
	// name: "itty"
	// lang: "Go"
}

func ExampleText() {
	w := httptest.NewRecorder()
	_ = respond.Text("hello, world").WriteResponse(w, httptest.NewRequest("GET", "/", nil))
	fmt.Println(w.Code, w.Header().Get("Content-Type"), w.Header().Get("Content-Length"))
	fmt.Println(w.Body)
	// Output:
	// 200 text/plain; charset=utf-8 12
	// hello, world
}

func ExampleJSON() {
	user := struct {
		ID   int    `json:"id"`
		Name string `json:"name"`
	}{7, "Ada"}
	resp := respond.JSON(user).
		WithStatus(http.StatusCreated).
		WithCookie(&http.Cookie{Name: "sid", Value: "s3cr3t", HttpOnly: true, SameSite: http.SameSiteLaxMode})

	w := httptest.NewRecorder()
	if err := resp.WriteResponse(w, httptest.NewRequest("POST", "/users", nil)); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(w.Code, w.Header().Get("Content-Type"))
	fmt.Println(w.Header().Get("Set-Cookie"))
	fmt.Print(w.Body)
	// Output:
	// 201 application/json
	// sid=s3cr3t; Path=/; HttpOnly; SameSite=Lax
	// {"id":7,"name":"Ada"}
}

func ExampleRedirect() {
	w := httptest.NewRecorder()
	_ = respond.Redirect("/login").WriteResponse(w, httptest.NewRequest("GET", "/account", nil))
	fmt.Println(w.Code, w.Header().Get("Location"))
	// Output:
	// 302 /login
}

func ExampleLocalRedirect() {
	for _, next := range []string{"/orders/42", "//evil.example", "https://evil.example/"} {
		fmt.Println(respond.LocalRedirect(next, "/home").Header().Get("Location"))
	}
	// Output:
	// /orders/42
	// /home
	// /home
}

func ExampleResponse_Err() {
	resp := respond.Text("hi").WithHeader("X-Note", "line1\r\nSet-Cookie: admin=1")
	fmt.Println(resp.Err())
	err := resp.WriteResponse(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	fmt.Println(err == resp.Err())
	// Output:
	// itty: header "X-Note": value contains a control character
	// true
}
