package itty_test

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/ittygo/itty/itty"
)

func ExampleApp_Static() {
	dir, err := os.MkdirTemp("", "itty-static-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "hello.txt"), []byte("hello, world\n"), 0o644); err != nil {
		fmt.Println(err)
		return
	}

	app := itty.New()
	if err := app.Static("/static/", dir); err != nil {
		fmt.Println(err)
		return
	}

	for _, target := range []string{"/static/hello.txt", "/static/../hello.txt", "/static/missing.txt"} {
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		fmt.Println(target, rec.Code, rec.Header().Get("Content-Type"))
		if rec.Code == 200 {
			fmt.Print(rec.Body.String())
		}
	}
	// Output:
	// /static/hello.txt 200 text/plain; charset=utf-8
	// hello, world
	// /static/../hello.txt 404 text/html; charset=utf-8
	// /static/missing.txt 404 text/html; charset=utf-8
}
