package loadtest_test

import (
	"fmt"
	"net/http/httptest"
	"time"

	"github.com/ittygo/itty/loadtest"
)

// A short keep-alive run against the app under load, served in process.
func ExampleKeepAlive() {
	srv := httptest.NewServer(loadtest.App(loadtest.Config{}))
	defer srv.Close()
	res, err := loadtest.KeepAlive(srv.Listener.Addr().String(), loadtest.KeepAliveOptions{Conns: 4, Duration: 200 * time.Millisecond})
	if err != nil {
		panic(err)
	}
	fmt.Println("errors:", res.Errors, "all 200:", res.Requests > 0 && res.Status[200] == res.Requests)
	// Output: errors: 0 all 200: true
}
