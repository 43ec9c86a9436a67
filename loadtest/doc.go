// Package loadtest is itty's load and shutdown harness. It runs a target
// app (App) in a child process (Start re-executes the calling binary, which
// hands over to RunChild), drives it over loopback connections with the
// scenarios of this package, and reports what the clients saw and what the
// server's own statistics say:
//
//   - KeepAlive: many keep-alive connections on the typed JSON endpoint,
//     optionally with a share of requests that panic; errors, latency
//     percentiles, memory in the first and last quarter, goroutines before
//     and after.
//   - Slowloris: connections that dribble header lines for ever, closed by
//     the header timeout while legitimate requests are measured.
//   - SlowBodies: bodies that never finish, answered 408 by the body
//     deadline.
//   - Oversized: uploads far over the route's limit, answered 413 after at
//     most the limit read, under keep-alive load.
//   - Shutdown: SIGTERM while slow requests and uploads are in flight; all
//     complete, new connections are refused, Run returns and no temporary
//     file is left.
//
// Every scenario targets a loopback address and is bounded in connections
// and time. The package's tests run scaled-down versions; the full ones run
// with
//
//	go test ./loadtest/ -run Full -full
//
// and their figures are recorded in docs/reliability.md.
package loadtest
