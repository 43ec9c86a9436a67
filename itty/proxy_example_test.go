package itty_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

func ExampleTrustedProxies() {
	// nginx runs on the same machine and connects from 127.0.0.1.
	app := itty.New(itty.TrustedProxies("127.0.0.1"))
	itty.Get(app, "/where", func(r *itty.Request, p struct{}) itty.Response {
		return respond.Text(fmt.Sprintf("%s %v %s", r.ClientIP(), r.IsSecure(), r.AbsoluteURL("/done/1/")))
	})
	for _, peer := range []string{"127.0.0.1:41000", "198.51.100.7:41000"} {
		r := httptest.NewRequest("GET", "/where", nil)
		r.RemoteAddr = peer
		r.Host = "127.0.0.1:8000"
		r.Header.Set("X-Forwarded-For", "203.0.113.9")
		r.Header.Set("X-Forwarded-Proto", "https")
		r.Header.Set("X-Forwarded-Host", "todo.example")
		w := httptest.NewRecorder()
		app.ServeHTTP(w, r)
		fmt.Println(w.Body.String())
	}
	// Output:
	// 203.0.113.9 true https://todo.example/done/1/
	// 198.51.100.7 false http://127.0.0.1:8000/done/1/
}
