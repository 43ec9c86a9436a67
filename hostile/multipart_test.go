package hostile_test

// Multipart bodies: no boundary, no end boundary, 1 000 parts and one
// more, endless part headers, hostile file names, and gigabyte bodies on a
// 64 KiB route. The upload route keeps 8 KiB of file data in memory and
// spills the rest to temporary files, which are gone when the request
// ends, whatever its outcome.

import (
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

const boundary = "BOUNDARY"

// part is one multipart part with the given header lines.
func part(header, body string) string {
	return "--" + boundary + "\r\n" + header + "\r\n\r\n" + body + "\r\n"
}

// fileHeader is the Content-Disposition of a file part.
func fileHeader(name, filename string) string {
	return `Content-Disposition: form-data; name="` + name + `"; filename="` + filename + `"`
}

const (
	titleHeader = `Content-Disposition: form-data; name="title"`
	mpType      = "multipart/form-data; boundary=" + boundary
	mpEnd       = "--" + boundary + "--\r\n"
)

var multipartCases = []struct {
	name, ctype, body, want string
}{
	{"a title and a file", mpType, part(titleHeader, "t") + part(fileHeader("file", "a.txt"), "data") + mpEnd, `200 title="t" file="a.txt"/4 files=0`},
	{"no boundary parameter", "multipart/form-data", part(titleHeader, "t") + mpEnd, "400 the multipart body has no boundary parameter"},
	{"an empty boundary", `multipart/form-data; boundary=""`, part(titleHeader, "t") + mpEnd, "400 the multipart body has no boundary parameter"},
	{"a boundary the body does not use", "multipart/form-data; boundary=OTHER", part(titleHeader, "t") + mpEnd, "400 the multipart body is malformed or could not be read"},
	{"no end boundary", mpType, part(titleHeader, "t"), "400 the multipart body is malformed or could not be read"},
	{"only the end boundary", mpType, mpEnd, `200 title="" files=0`},
	{"garbage", mpType, "\x00\x01\x02", "400 the multipart body is malformed or could not be read"},
	{"a part without headers", mpType, "--" + boundary + "\r\n\r\nx\r\n" + mpEnd, `200 title="" files=0`},
	{"1 000 parts", mpType, strings.Repeat(part(titleHeader, "t"), 1000) + mpEnd, `200 title="t" files=0`},
	{"1 001 parts", mpType, strings.Repeat(part(titleHeader, "t"), 1001) + mpEnd, "413 the multipart body has too many parts or too much data (limit 65536 bytes)"},
	{"6 000 header lines in a part", mpType, part(titleHeader+strings.Repeat("\r\nX-A: b", 6000), "t") + mpEnd, `200 title="t" files=0`},
	{"part headers that never end", mpType, "--" + boundary + "\r\n" + titleHeader + strings.Repeat("\r\nX-A: b", 12000), "413 the request body is larger than the limit of 65536 bytes"},
	{"a part over the limit", mpType, part(fileHeader("file", "big.bin"), strings.Repeat("x", 70<<10)) + mpEnd, "413 the request body is larger than the limit of 65536 bytes"},
	{"a file spilled to disk", mpType, part(fileHeader("file", "big.bin"), strings.Repeat("x", 40<<10)) + mpEnd, `200 title="" file="big.bin"/40960 files=0`},
	{"many files", mpType, strings.Repeat(part(fileHeader("files", "f.txt"), "abc"), 50) + mpEnd, `200 title="" files=50`},
	{"a text part for the file field", mpType, part(`Content-Disposition: form-data; name="file"`, "text") + mpEnd, `200 title="" files=0`},
	{"a file part for the text field", mpType, part(fileHeader("title", "t.txt"), "text") + mpEnd, `200 title="" files=0`},

	// File names are reduced to their last element by mime/multipart;
	// they are names for the handler to show, never paths to open.
	{"file name with dot segments", mpType, part(fileHeader("file", "../../etc/passwd"), "x") + mpEnd, `200 title="" file="passwd"/1 files=0`},
	{"absolute file name", mpType, part(fileHeader("file", "/etc/passwd"), "x") + mpEnd, `200 title="" file="passwd"/1 files=0`},
	{"file name with backslashes", mpType, part(fileHeader("file", `..\\..\\evil.exe`), "x") + mpEnd, `200 title="" file="..\\..\\evil.exe"/1 files=0`},
	{"file name \"..\"", mpType, part(fileHeader("file", ".."), "x") + mpEnd, `200 title="" file=".."/1 files=0`},
	{"file name with escapes", mpType, part(fileHeader("file", "%2e%2e%2fx"), "x") + mpEnd, `200 title="" file="%2e%2e%2fx"/1 files=0`},
	{"RFC 2231 file name", mpType, part(`Content-Disposition: form-data; name="file"; filename*=UTF-8''..%2F..%2Fx`, "x") + mpEnd, `200 title="" file="x"/1 files=0`},
	{"file name with NUL", mpType, part(fileHeader("file", "a\x00b"), "x") + mpEnd, "400 the multipart body is malformed or could not be read"},
	{"empty file name is a text part", mpType, part(fileHeader("file", ""), "x") + mpEnd, `200 title="" files=0`},
	{"multipart to a JSON route", mpType, mpEnd, `415 a body of type "multipart/form-data" is not accepted here; send application/json`},
}

func TestMultipart(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where mime/multipart spills files
	f := newFixture(t)
	for _, c := range multipartCases {
		target := "/upload"
		if strings.HasPrefix(c.want, "415") {
			target = "/json"
		}
		w := mustServe(t, f.app, "POST", target, strings.NewReader(c.body), "Content-Type", c.ctype, "Accept", "application/json")
		got := outcome(t, w)
		if got != c.want {
			t.Errorf("%s: %.200q, want %q", c.name, got, c.want)
		}
		if left, _ := os.ReadDir(tmp); len(left) != 0 {
			t.Fatalf("%s: %d temporary files left behind", c.name, len(left))
		}
	}
	checkClean(t, f)
}

// TestGigabyteUploads sends bodies far over the 64 KiB limit of the upload
// route: one that declares 1 GB, and one of unknown length that never
// ends. Neither is read past the limit, and memory stays small.
func TestGigabyteUploads(t *testing.T) {
	f := newFixture(t)
	mustServe(t, f.app, "GET", "/", nil) // freeze the app first
	for _, c := range []struct {
		name   string
		length int64 // the declared length; -1 for none
	}{
		{"1 GB declared", 1 << 30},
		{"endless, no length", -1},
	} {
		body := &countingReader{prefix: part(fileHeader("file", "big.bin"), ""), fill: 'x', n: -1}
		r := httptest.NewRequest("POST", "/upload", body)
		r.ContentLength = c.length
		r.Header.Set("Content-Type", mpType)
		w := httptest.NewRecorder()
		n := allocated(func() { f.app.ServeHTTP(w, r) })
		if w.Code != 413 {
			t.Errorf("%s: status %d, want 413", c.name, w.Code)
		}
		if c.length > 0 && body.read != 0 {
			t.Errorf("%s: %d bytes read, want none (the declared length is refused)", c.name, body.read)
		}
		if body.read > uploadLimit+1 {
			t.Errorf("%s: %d bytes read, limit %d", c.name, body.read, uploadLimit)
		}
		if n > 1<<20 {
			t.Errorf("%s: %d bytes allocated", c.name, n)
		}
		t.Logf("%s: 413 after %d bytes read, %d allocated", c.name, body.read, n)
	}
	checkClean(t, f)
}
