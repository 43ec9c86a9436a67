package app

// This file is the answer to itty3's "Different Routing" section, where a
// custom Route class matches "/app/:id/:title" and converts the values.
// In itty the typed segments of a pattern already do that
// ("/app/<int:id>/<str:title>" into int and string fields, checked at
// start-up), so the router is not replaced. What a pattern cannot look at
// — the host, a header, the client's address — is matched by middleware
// that sends the requests it wants to another http.Handler, which may be a
// second itty app. MatchHost is such a matcher.

import (
	"net"
	"net/http"
	"strings"

	"github.com/ittygo/itty/itty"
)

// MatchHost returns middleware that serves the requests for host (with any
// port, case-insensitive) with h, and passes every other request on.
func MatchHost(host string, h http.Handler) itty.Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			name := r.Host
			if hn, _, err := net.SplitHostPort(name); err == nil {
				name = hn
			}
			if strings.EqualFold(name, host) {
				h.ServeHTTP(w, r)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
