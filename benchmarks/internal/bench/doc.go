// Package bench defines the benchmark scenarios, the apps that answer them
// in every framework under test, and the machinery shared by the
// correctness test, the in-process benchmarks and the loopback load test:
// a reusable ResponseWriter, request replay without per-op allocation, and
// the checks of each reply.
//
// Every framework's apps are written the way that framework's documentation
// shows, in one file per framework (fw_*.go). Routing handlers read every
// path parameter into package sink and write nothing but an empty reply;
// the typed endpoint, the form post and the upload decode their input and
// answer a small JSON object.
package bench
