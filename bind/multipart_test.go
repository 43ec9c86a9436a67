package bind_test

// Tests of multipart binding: fields, files, errors, temporary-file cleanup,
// and FuzzMultipartBinding.

import (
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ittygo/itty/bind"
)

type uploadP struct {
	Title  string                  `form:"title" required:"true"`
	Tags   []string                `form:"tag"`
	Doc    *multipart.FileHeader   `form:"doc" required:"true"`
	Photos []*multipart.FileHeader `form:"photo" maxItems:"2"`
}

// postMultipart builds a multipart/form-data POST.
func postMultipart(t testing.TB, fields, files []string) *http.Request {
	t.Helper()
	body, boundary := multipartBody(t, fields, files)
	return newBodyRequest("POST", "/", "multipart/form-data; boundary="+boundary, body)
}

// readFile returns the content of an uploaded file.
func readFile(t testing.TB, fh *multipart.FileHeader) string {
	t.Helper()
	f, err := fh.Open()
	if err != nil {
		t.Fatalf("open %s: %v", fh.Filename, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMultipartFields(t *testing.T) {
	plan := mustPlan[uploadP](t)
	r := postMultipart(t, []string{"title", "report", "tag", "a", "tag", "b"},
		[]string{"doc", "doc.txt", "document", "photo", "1.png", "p1", "photo", "2.png", "p2"})
	b := bind.NewRequestBody(r, bind.Limits{})
	defer b.Release()
	var p uploadP
	if err := plan.BindBody(r, nil, b, &p); err != nil {
		t.Fatal(err)
	}
	if p.Title != "report" || strings.Join(p.Tags, ",") != "a,b" || p.Doc.Filename != "doc.txt" || len(p.Photos) != 2 {
		t.Fatalf("got %+v", p)
	}
	if got := readFile(t, p.Doc) + readFile(t, p.Photos[0]) + readFile(t, p.Photos[1]); got != "documentp1p2" {
		t.Errorf("file contents %q", got)
	}
}

func TestMultipartRulesAndErrors(t *testing.T) {
	plan := mustPlan[uploadP](t)
	r := postMultipart(t, []string{"doc", "not a file"}, []string{"title", "t.txt", "a file is not a title",
		"photo", "1", "1", "photo", "2", "2", "photo", "3", "3"})
	_, err := bindWith(t, plan, r, bind.Limits{})
	wantProblems(t, err, "form.title=is required|", "form.doc=is required|", "form.photo=must have at most 2 items|")

	cases := []struct {
		name, ctype, body string
		limits            bind.Limits
		status            int
		detail            string
	}{
		{"no boundary", "multipart/form-data", "--x\r\n\r\n--x--", bind.Limits{}, 400, "the multipart body has no boundary parameter"},
		{"wrong boundary", "multipart/form-data; boundary=other", "--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nv\r\n--x--\r\n", bind.Limits{}, 400, "the multipart body is malformed or could not be read"},
		{"truncated", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nv", bind.Limits{}, 400, "the multipart body is malformed or could not be read"},
		{"bad part header", "multipart/form-data; boundary=x", "--x\r\nno colon here\r\n\r\nv\r\n--x--\r\n", bind.Limits{}, 400, "the multipart body is malformed or could not be read"},
		{"too many parts", "multipart/form-data; boundary=x", strings.Repeat("--x\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n", 1001) + "--x--\r\n", bind.Limits{}, 413, "the multipart body has too many parts or too much data (limit 33554432 bytes)"},
	}
	for _, c := range cases {
		_, err := bindWith(t, plan, newBodyRequest("POST", "/", c.ctype, c.body), c.limits)
		if statusOf(err) != c.status || !strings.Contains(errText(err), c.detail) {
			t.Errorf("%s: err = %v, want %d %q", c.name, err, c.status, c.detail)
		}
	}
}

// tempFiles lists the names in dir.
func tempFiles(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestMultipartTempFilesRemoved(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	plan := mustPlan[uploadP](t)
	big := strings.Repeat("x", 4096)
	r := postMultipart(t, []string{"title", "t"}, []string{"doc", "big.bin", big, "photo", "p.bin", big})
	b := bind.NewRequestBody(r, bind.Limits{MaxMultipartMemory: 1024})
	var p uploadP
	if err := plan.BindBody(r, nil, b, &p); err != nil {
		t.Fatal(err)
	}
	if files := tempFiles(t, dir); len(files) == 0 {
		t.Fatal("no temporary file: the upload stayed in memory")
	}
	if readFile(t, p.Doc) != big || readFile(t, p.Photos[0]) != big {
		t.Error("uploaded file contents differ")
	}
	b.Release()
	if files := tempFiles(t, dir); len(files) != 0 {
		t.Errorf("temporary files left after Release: %v", files)
	}

	// Plan.Bind, which owns no RequestBody, hands the files to
	// r.MultipartForm, as net/http's server expects.
	r = postMultipart(t, []string{"title", "t"}, []string{"doc", "big.bin", strings.Repeat("y", bind.DefaultMaxMultipartMemory+10)})
	if err := plan.Bind(r, nil, &p); err != nil {
		t.Fatal(err)
	}
	if r.MultipartForm == nil || len(tempFiles(t, dir)) == 0 {
		t.Fatal("Bind did not leave the upload in r.MultipartForm")
	}
	r.MultipartForm.RemoveAll()
	if files := tempFiles(t, dir); len(files) != 0 {
		t.Errorf("temporary files left: %v", files)
	}

	// A body refused half-way leaves nothing behind either.
	r = postMultipart(t, []string{"title", "t"}, []string{"doc", "a", big, "photo", "b", big})
	r.ContentLength = -1
	_, err := bindWith(t, plan, r, bind.Limits{MaxMultipartMemory: 1024, MaxMultipartBytes: 6000})
	if statusOf(err) != 413 {
		t.Errorf("err = %v, want 413", err)
	}
	if files := tempFiles(t, dir); len(files) != 0 {
		t.Errorf("temporary files left after a 413: %v", files)
	}
}

// An upload that cannot be spilled to a temporary file is the server's
// failure, a 500, not a client's malformed body.
func TestMultipartTempFileFailure(t *testing.T) {
	type P struct {
		F *multipart.FileHeader `form:"f"`
	}
	cases := []struct {
		size int
		want int
	}{
		{50, 0},     // held in memory
		{5000, 500}, // spilled to a directory that does not exist
	}
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	for _, c := range cases {
		r := postMultipart(t, nil, []string{"f", "a.bin", strings.Repeat("x", c.size)})
		_, err := bindWith(t, mustPlan[P](t), r, bind.Limits{MaxMultipartMemory: 100})
		if got := statusOf(err); got != c.want {
			t.Errorf("%d bytes: status %d (%v), want %d", c.size, got, err, c.want)
		}
	}
}

func TestMultipartRawAndForm(t *testing.T) {
	type P struct {
		Raw   []byte `body:""`
		Title string `form:"title"`
	}
	r := postMultipart(t, []string{"title", "both"}, nil)
	body := r.Body
	raw, _ := io.ReadAll(body)
	r.Body = io.NopCloser(strings.NewReader(string(raw)))
	got, err := bindWith(t, mustPlan[P](t), r, bind.Limits{})
	if err != nil || got.Title != "both" || string(got.Raw) != string(raw) {
		t.Errorf("got %+v, %v", got, err)
	}
}

func FuzzMultipartBinding(f *testing.F) {
	seed := func(fields, files []string) string {
		body, _ := multipartBody(f, fields, files)
		return body
	}
	f.Add(seed([]string{"title", "t", "tag", "a", "items[0].name", "ab"}, []string{"doc", "d.txt", "data"}), "boundary-for-fuzz")
	f.Add("--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nv\r\n--x--\r\n", "x")
	f.Add("--x\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"a\"\r\nContent-Type: text/plain\r\n\r\nfile\r\n--x--", "x")
	f.Add("--x\r\nContent-Disposition: form-data; name=\"items[0]]\"\r\n\r\nv\r\n--x--\r\n", "x")
	f.Add("--x\r\nno header\r\n\r\n--x--\r\n", "x")
	f.Add("", "")
	type P struct {
		Title  string                  `form:"title" maxLength:"3"`
		Tags   []string                `form:"tag"`
		Doc    *multipart.FileHeader   `form:"doc"`
		Photos []*multipart.FileHeader `form:"photo"`
		Items  []item                  `form:"items"`
		M      map[string]int          `form:"m"`
	}
	plan := mustPlan[P](f)
	dir := f.TempDir()
	f.Setenv("TMPDIR", dir)
	f.Fuzz(func(t *testing.T, body, boundary string) {
		r := httptest.NewRequest("POST", "/", strings.NewReader(body))
		r.Header.Set("Content-Type", "multipart/form-data; boundary=\""+strings.ReplaceAll(boundary, `"`, "")+"\"")
		b := bind.NewRequestBody(r, bind.Limits{MaxMultipartMemory: 64})
		var p P
		err := plan.BindBody(r, nil, b, &p)
		if s := statusOf(err); s != 0 && (s < 400 || s > 499) {
			t.Fatalf("%q: err = %v", body, err)
		}
		if p.Doc != nil {
			if f, err := p.Doc.Open(); err == nil {
				io.Copy(io.Discard, f)
				f.Close()
			}
		}
		b.Release()
		if files := tempFiles(t, dir); len(files) != 0 {
			t.Fatalf("%q: temporary files left: %v", body, files)
		}
	})
}
