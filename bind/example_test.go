package bind_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/params"
)

func ExampleCompile() {
	type P struct {
		ID   int    `path:"id"`
		Page int    `query:"page" default:"1"`
		Lang string `header:"Accept-Language"`
	}
	plan, err := bind.Compile[P]([]bind.PathParam{{Name: "id", Kind: params.Int}})
	if err != nil {
		panic(err)
	}
	r := httptest.NewRequest("GET", "/items/7?page=2", nil)
	r.Header.Set("Accept-Language", "fr")
	var p P
	err = plan.Bind(r, []string{"7"}, &p)
	fmt.Printf("%+v %v\n", p, err)

	err = plan.Bind(httptest.NewRequest("GET", "/items/7?page=two", nil), []string{"7"}, &p)
	fmt.Println(err)
	// Output:
	// {ID:7 Page:2 Lang:fr} <nil>
	// itty: 422 unprocessable entity: the request has invalid values
}

func ExampleCompile_mismatch() {
	type P struct {
		ID string `path:"id"`
	}
	_, err := bind.Compile[P]([]bind.PathParam{{Name: "id", Kind: params.Int}})
	fmt.Println(err)
	// Output:
	// itty: field ID (path:"id"): an <int:…> segment needs an integer field, not string
}
