package hostile_test

// Wire framing: raw bytes over a loopback connection to the http.Server of
// app.Server(), so net/http's parser and the server's real limits (64 KiB
// of headers, the header and body timeouts) answer as they would in
// production. Each case lists the statuses of the responses read back, in
// order, and how the connection ended. Where net/http answers by itself
// (400 for a malformed request, 431, 501, 505) the app never sees the
// request; everything it does see is answered without a 500.

import (
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/ittygo/itty/itty"
)

// wireCase is one raw exchange.
type wireCase struct {
	name string
	raw  string
	want []int  // the statuses read back, in order
	body string // when set, a substring of the last response's body
}

const (
	host   = "Host: example.com\r\n"
	closeC = "Connection: close\r\n"
)

// get is a well-formed GET of target that closes the connection.
func get(target string) string {
	return "GET " + target + " HTTP/1.1\r\n" + host + closeC + "\r\n"
}

var wireCases = []wireCase{
	// Request lines.
	{"well formed", get("/items/1"), []int{200}, "item 1"},
	{"only a method", "GET\r\n" + host + closeC + "\r\n", []int{400}, ""},
	{"no version (HTTP/0.9 style)", "GET /items/1\r\n" + host + closeC + "\r\n", []int{400}, ""},
	{"unknown version", "GET /items/1 HTTP/9.9\r\n" + host + closeC + "\r\n", []int{505}, ""},
	{"HTTP/2.0 in an HTTP/1 request line", "GET /items/1 HTTP/2.0\r\n" + host + closeC + "\r\n", []int{505}, ""},
	{"extra token", "GET /items/1 HTTP/1.1 x\r\n" + host + closeC + "\r\n", []int{400}, ""},
	{"two spaces", "GET  /items/1 HTTP/1.1\r\n" + host + closeC + "\r\n", []int{400}, ""},
	{"method with a separator", "G(T /items/1 HTTP/1.1\r\n" + host + closeC + "\r\n", []int{400}, ""},
	{"lower-case method is another method", "get /items/1 HTTP/1.1\r\n" + host + closeC + "\r\n", []int{405}, ""},
	{"unknown method token", "BREW /items/1 HTTP/1.1\r\n" + host + closeC + "\r\n", []int{405}, ""},
	{"target without a slash", "GET items/1 HTTP/1.1\r\n" + host + closeC + "\r\n", []int{400}, ""},
	{"malformed escape in the target", get("/items/%zz"), []int{400}, ""},
	{"tab in the target", "GET /items/\t1 HTTP/1.1\r\n" + host + closeC + "\r\n", []int{400}, ""},
	{"NUL in the target", "GET /items/\x001 HTTP/1.1\r\n" + host + closeC + "\r\n", []int{400}, ""},
	{"fragment in the target is part of the path", get("/items/1#frag"), []int{404}, ""},
	{"absolute-form target routes by its path", get("http://evil.example/items/7"), []int{200}, "item 7"},
	{"raw non-UTF-8 byte in a segment", get("/s/\xff"), []int{200}, `str "\xff"`},
	{"asterisk target on GET", get("*"), []int{404}, ""},
	{"OPTIONS * is answered by net/http", "OPTIONS * HTTP/1.1\r\n" + host + closeC + "\r\n", []int{200}, ""},
	{"CONNECT has no path", "CONNECT example.com:443 HTTP/1.1\r\n" + host + closeC + "\r\n", []int{404}, ""},

	// Host.
	{"two Host headers", "GET /items/1 HTTP/1.1\r\n" + host + "Host: evil.example\r\n" + closeC + "\r\n", []int{400}, ""},
	{"no Host in HTTP/1.1", "GET /items/1 HTTP/1.1\r\n" + closeC + "\r\n", []int{400}, ""},
	{"no Host in HTTP/1.0", "GET /items/1 HTTP/1.0\r\n\r\n", []int{200}, "item 1"},
	{"Host with a space", "GET /items/1 HTTP/1.1\r\nHost: a b\r\n" + closeC + "\r\n", []int{400}, ""},
	{"Host with a slash", "GET /items/1 HTTP/1.1\r\nHost: a/b\r\n" + closeC + "\r\n", []int{400}, ""},

	// Header lines.
	{"space before the colon", "GET /items/1 HTTP/1.1\r\n" + host + "X-A : b\r\n" + closeC + "\r\n", []int{400}, ""},
	{"space inside a name", "GET /items/1 HTTP/1.1\r\n" + host + "X A: b\r\n" + closeC + "\r\n", []int{400}, ""},
	{"line without a colon", "GET /items/1 HTTP/1.1\r\n" + host + "X-A b\r\n" + closeC + "\r\n", []int{400}, ""},
	{"NUL in a value", "GET /items/1 HTTP/1.1\r\n" + host + "X-A: b\x00c\r\n" + closeC + "\r\n", []int{400}, ""},
	{"obsolete line folding is unfolded", "GET /items/1 HTTP/1.1\r\n" + host + "X-A: b\r\n c\r\n" + closeC + "\r\n", []int{200}, "item 1"},
	{"bare LF line ends", "GET /items/1 HTTP/1.1\n" + "Host: example.com\n" + "Connection: close\n\n", []int{200}, "item 1"},
	{"headers over 64 KiB", "GET /items/1 HTTP/1.1\r\n" + host + "X-Big: " + strings.Repeat("a", 70<<10) + "\r\n" + closeC + "\r\n", []int{431}, ""},
	{"a 70 KiB path", get("/s/" + strings.Repeat("a", 70<<10)), []int{431}, ""},
	{"1 000 small headers", "GET /items/1 HTTP/1.1\r\n" + host + strings.Repeat("X-A: b\r\n", 1000) + closeC + "\r\n", []int{200}, "item 1"},

	// Content-Length.
	{"two different Content-Lengths", "POST /raw HTTP/1.1\r\n" + host + "Content-Length: 3\r\nContent-Length: 4\r\n" + closeC + "\r\nabcd", []int{400}, ""},
	{"two equal Content-Lengths", "POST /raw HTTP/1.1\r\n" + host + "Content-Length: 4\r\nContent-Length: 4\r\n" + closeC + "\r\nabcd", []int{200}, "raw 4"},
	{"a Content-Length list", "POST /raw HTTP/1.1\r\n" + host + "Content-Length: 4, 4\r\n" + closeC + "\r\nabcd", []int{400}, ""},
	{"negative Content-Length", "POST /raw HTTP/1.1\r\n" + host + "Content-Length: -1\r\n" + closeC + "\r\nabcd", []int{400}, ""},
	{"signed Content-Length", "POST /raw HTTP/1.1\r\n" + host + "Content-Length: +4\r\n" + closeC + "\r\nabcd", []int{400}, ""},
	{"hexadecimal Content-Length", "POST /raw HTTP/1.1\r\n" + host + "Content-Length: 0x4\r\n" + closeC + "\r\nabcd", []int{400}, ""},
	{"Content-Length beyond int64", "POST /raw HTTP/1.1\r\n" + host + "Content-Length: 99999999999999999999\r\n" + closeC + "\r\nabcd", []int{400}, ""},
	{"1 GB declared on a 1 KiB route", "POST /raw HTTP/1.1\r\n" + host + "Content-Length: 1073741824\r\n" + closeC + "\r\nabcd", []int{413}, "larger than the limit of 1024 bytes"},
	{"a GET with a body keeps the connection in sync",
		"GET /items/1 HTTP/1.1\r\n" + host + "Content-Length: 5\r\n\r\nhello" + get("/items/2"), []int{200, 200}, "item 2"},

	// Transfer-Encoding and chunks.
	{"chunked and Content-Length: the chunks win",
		"POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n4\r\nabcd\r\n0\r\n\r\n" + get("/items/2"),
		[]int{200, 200}, "item 2"},
	{"Content-Length 0 and chunked: the chunks win",
		"POST /raw HTTP/1.1\r\n" + host + "Content-Length: 0\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n0\r\n\r\n" + get("/items/3"),
		[]int{200, 200}, "item 3"},
	{"chunked twice", "POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n" + closeC + "\r\n4\r\nabcd\r\n0\r\n\r\n", []int{501}, ""},
	{"gzip transfer coding", "POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip\r\n" + closeC + "\r\n", []int{501}, ""},
	{"gzip, chunked", "POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip, chunked\r\n" + closeC + "\r\n", []int{501}, ""},
	{"identity transfer coding", "POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: identity\r\n" + closeC + "\r\n", []int{501}, ""},
	{"xchunked", "POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: xchunked\r\n" + closeC + "\r\n", []int{501}, ""},
	{"Chunked in capitals", "POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: Chunked\r\n" + closeC + "\r\n4\r\nabcd\r\n0\r\n\r\n", []int{200}, "raw 4"},
	// HTTP/1.0 has no transfer codings: the body has no length, so it is
	// empty, and the connection closes before the rest is read as a request.
	{"chunked on HTTP/1.0 is no body", "POST /raw HTTP/1.0\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n0\r\n\r\n", []int{200}, "raw 0"},
	{"chunk size not hexadecimal", "POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n" + closeC + "\r\nzz\r\nabcd\r\n0\r\n\r\n", []int{400}, "could not be read"},
	{"chunk size overflowing", "POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n" + closeC + "\r\nffffffffffffffffff\r\nabcd\r\n0\r\n\r\n", []int{400}, "could not be read"},
	{"negative chunk size", "POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n" + closeC + "\r\n-4\r\nabcd\r\n0\r\n\r\n", []int{400}, "could not be read"},
	{"chunk longer than its size", "POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n" + closeC + "\r\n2\r\nabcd\r\n0\r\n\r\n", []int{400}, "could not be read"},
	{"chunk lines ended by bare LF", "POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n" + closeC + "\r\n4\nabcd\n0\n\n", []int{400}, "could not be read"},
	{"chunk extension", "POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n" + closeC + "\r\n4;ext=1\r\nabcd\r\n0\r\n\r\n", []int{200}, "raw 4"},
	{"trailer after the last chunk", "POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n" + closeC + "\r\n4\r\nabcd\r\n0\r\nX-T: 1\r\n\r\n", []int{200}, "raw 4"},
	{"chunked body over the route's limit", "POST /raw HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n" + closeC + "\r\n800\r\n" + strings.Repeat("a", 0x800) + "\r\n0\r\n\r\n", []int{413}, "larger than the limit of 1024 bytes"},

	// Expect.
	{"100-continue for a body over the limit gets 413, not 100",
		"POST /raw HTTP/1.1\r\n" + host + "Content-Length: 10000000\r\nExpect: 100-continue\r\n" + closeC + "\r\n", []int{413}, ""},
	{"unknown expectation", "POST /raw HTTP/1.1\r\n" + host + "Content-Length: 4\r\nExpect: bogus\r\n" + closeC + "\r\nabcd", []int{417}, ""},

	// Pipelining.
	{"three pipelined requests",
		"GET /items/1 HTTP/1.1\r\n" + host + "\r\n" + "GET /items/2 HTTP/1.1\r\n" + host + "\r\n" + get("/items/3"), []int{200, 200, 200}, "item 3"},
	{"a malformed request after a good one",
		"GET /items/1 HTTP/1.1\r\n" + host + "\r\n" + "GET /items/2 HTTP/1.1 x\r\n" + host + "\r\n", []int{200, 400}, ""},
}

func TestWireFraming(t *testing.T) {
	noLeak(t)
	f := newFixture(t)
	addr := mustListen(t, f.app)
	for _, c := range wireCases {
		got := mustRaw(t, addr, c.raw, 5*time.Second)
		if fmt.Sprint(got.statuses()) != fmt.Sprint(c.want) || got.end != "closed" {
			t.Errorf("%s: statuses %v, connection %s; want %v, closed", c.name, got.statuses(), got.end, c.want)
			continue
		}
		if last := got.responses[len(got.responses)-1]; !strings.Contains(last.body, c.body) {
			t.Errorf("%s: body %q lacks %q", c.name, last.body, c.body)
		}
	}
	checkClean(t, f)
}

func TestSlowHeadersAreClosedByTheHeaderTimeout(t *testing.T) {
	noLeak(t)
	f := newFixture(t, itty.ReadHeaderTimeout(200*time.Millisecond))
	addr := mustListen(t, f.app)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	// A slowloris client: a request line, then a header line now and
	// then, never the blank line.
	if _, err := fmt.Fprint(conn, "GET /items/1 HTTP/1.1\r\n"+host); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10; i++ {
		time.Sleep(50 * time.Millisecond)
		if _, err := fmt.Fprintf(conn, "X-%d: a\r\n", i); err != nil {
			break // closed already
		}
	}
	got := readResponses(t, conn, 5*time.Second, "GET")
	if len(got.responses) != 0 || got.end != "closed" {
		t.Errorf("slow headers: statuses %v, connection %s; want no answer and a closed connection", got.statuses(), got.end)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the connection was closed after %v, want about 200ms", d)
	}
	checkClean(t, f)
}

func TestSlowBodyIsAnswered408(t *testing.T) {
	noLeak(t)
	f := newFixture(t, itty.BodyTimeout(200*time.Millisecond))
	addr := mustListen(t, f.app)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := fmt.Fprint(conn, "POST /raw HTTP/1.1\r\n"+host+"Content-Length: 100\r\n\r\nabc"); err != nil {
		t.Fatal(err)
	}
	got := readResponses(t, conn, 5*time.Second, "GET")
	if fmt.Sprint(got.statuses()) != "[408]" || got.end != "closed" {
		t.Errorf("slow body: statuses %v, connection %s; want [408], closed", got.statuses(), got.end)
	}
	checkClean(t, f)
}
