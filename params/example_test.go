package params_test

// Runnable examples for the package documentation.

import (
	"fmt"
	"math"

	"github.com/ittygo/itty/params"
)

func ExampleParse() {
	p, err := params.Parse("/done/<int:offset>/")
	if err != nil {
		panic(err)
	}
	for _, s := range p.Segments {
		fmt.Printf("%s %q\n", s.Kind, s.Text)
	}
	fmt.Println(p.String())
	fmt.Println(p.Shape())
	fmt.Println(p.Params())

	_, err = params.Parse("/a/<int:>")
	fmt.Println(err)
	// Output:
	// literal "done"
	// int "offset"
	// literal ""
	// /done/<int:offset>/
	// /done/<int>/
	// [{int offset}]
	// itty: pattern "/a/<int:>": at offset 3: empty parameter name
}

func ExampleParseQuery() {
	q := params.ParseQuery("tag=go&q=hello+world&tag=http&flag&bad=%ZZ;x&&")
	for _, it := range q.Items() {
		fmt.Printf("%s=%q %q\n", it.Key, it.Value, q.GetList(it.Key))
	}
	fmt.Println(q.Encode())
	// Output:
	// tag="go" ["go" "http"]
	// q="hello world" ["hello world"]
	// flag="" [""]
	// bad="%ZZ;x" ["%ZZ;x"]
	// tag=go&tag=http&q=hello+world&flag=&bad=%25ZZ%3Bx
}

func ExampleQueryDict_Get() {
	q := params.ParseQuery("page=2&page=3&empty=")
	fmt.Printf("%q\n", q.Get("page", "1"))
	fmt.Printf("%q\n", q.Get("empty", "default"))
	fmt.Printf("%q\n", q.Get("size", "20"))
	// Output:
	// "2"
	// ""
	// "20"
}

func ExampleQueryDict_SetList() {
	var q params.QueryDict
	q.Add("a", "1")
	q.Add("b", "2")
	q.Add("a", "3")
	q.SetList("b", []string{"x", "y"})
	fmt.Println(q.Keys(), q.Encode())
	q.Del("a")
	fmt.Println(q.Keys(), q.Encode())
	// Output:
	// [a b] a=1&a=3&b=x&b=y
	// [b] b=x&b=y
}

func ExampleParseDigits() {
	fmt.Println(params.ParseDigits("0127", math.MaxInt8))
	fmt.Println(params.ParseDigits("128", math.MaxInt8))
	fmt.Println(params.ParseDigits("-1", math.MaxInt64))
	// Output:
	// 127 true
	// 0 false
	// 0 false
}

func ExampleParseUUID() {
	u, ok := params.ParseUUID("F47AC10B-58CC-4372-A567-0E02B2C3D479")
	fmt.Printf("%x %v\n", u, ok)
	_, ok = params.ParseUUID("f47ac10b58cc4372a5670e02b2c3d479")
	fmt.Println(ok)
	// Output:
	// f47ac10b58cc4372a5670e02b2c3d479 true
	// false
}

func ExampleUnescape() {
	fmt.Println(params.Unescape("caf%C3%A9+au+lait"))
	fmt.Println(params.Unescape("100%+%ZZ"))
	// Output:
	// café au lait
	// 100% %ZZ
}

func ExampleNextPair() {
	key, value, rest := params.NextPair("a=1&&b=2")
	fmt.Printf("%q %q %q\n", key, value, rest)
	// Output:
	// "a" "1" "b=2"
}
