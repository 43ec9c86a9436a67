// Package hostile_test is the hostile-input suite: requests a careless or
// malicious client could send, each with the exact answer the app must
// give. Every group also checks the promises that hold for all of them: no
// 500 for client input, no panic, bounded memory, no file served from
// outside a static root, and no goroutine left behind.
package hostile_test

// This file builds the app under test: one route per feature (typed path
// segments, every query type, flat and nested forms, uploads, JSON,
// cookies and headers set from input, safe redirects, trailing-slash
// redirects, a custom method, static files), with a logger the checks
// read.

import (
	"fmt"
	"log/slog"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// fixture is the app under test, its static root and its log.
type fixture struct {
	app    *itty.App
	root   string // the static root
	secret string // the content of secret.txt, beside the root
	log    *logBuffer
}

// level is an encoding.TextUnmarshaler query type.
type level int

func (l *level) UnmarshalText(b []byte) error {
	switch string(b) {
	case "low":
		*l = 1
	case "high":
		*l = 2
	default:
		return fmt.Errorf("unknown level %q", b)
	}
	return nil
}

// queryP takes one query parameter of each bindable type.
type queryP struct {
	I8   int8      `query:"i8"`
	I16  int16     `query:"i16"`
	I32  int32     `query:"i32"`
	I64  int64     `query:"i64"`
	I    int       `query:"i"`
	U8   uint8     `query:"u8"`
	U16  uint16    `query:"u16"`
	U32  uint32    `query:"u32"`
	U64  uint64    `query:"u64"`
	U    uint      `query:"u"`
	F32  float32   `query:"f32"`
	F64  float64   `query:"f64"`
	B    bool      `query:"b"`
	T    time.Time `query:"t"`
	L    level     `query:"l"`
	P    *int      `query:"p"`
	Tags []string  `query:"tag"`
}

// formP takes flat form fields, and a query field with a form field's
// name.
type formP struct {
	Name  string   `form:"name"`
	Age   int8     `form:"age"`
	Tags  []string `form:"tag"`
	QName string   `query:"name"`
}

// item is one element of a nested form.
type item struct {
	Name string `form:"name"`
	Qty  int    `form:"qty"`
}

// nestedP takes indexed and keyed form fields.
type nestedP struct {
	Items []item            `form:"items"`
	Meta  map[string]string `form:"meta"`
}

// uploadP takes a multipart form with files.
type uploadP struct {
	Title string                  `form:"title"`
	File  *multipart.FileHeader   `form:"file"`
	Files []*multipart.FileHeader `form:"files"`
}

// jsonP is the typed JSON endpoint's body.
type jsonP struct {
	Name  string   `json:"name" required:"true" maxLength:"20"`
	Count int8     `json:"count"`
	Tags  []string `json:"tags" maxItems:"5"`
	Big   float64  `json:"big"`
	Inner struct {
		Flag bool `json:"flag"`
	} `json:"inner"`
}

// The limits of the upload and raw routes, small so tests stay fast.
const (
	appLimit     = 256 << 10
	uploadLimit  = 64 << 10
	uploadMemory = 8 << 10
	rawLimit     = 1 << 10
)

// newFixture builds the app under test. Options are added to the
// suite's own (trailing-slash redirects on, a captured logger).
func newFixture(t *testing.T, opts ...itty.Option) *fixture {
	t.Helper()
	f := &fixture{log: &logBuffer{}, secret: "top secret " + t.Name()}
	dir := t.TempDir()
	f.root = filepath.Join(dir, "root")
	mustFiles(t, dir, map[string]string{
		"secret.txt":           f.secret,
		"root/index.html":      "<h1>home</h1>",
		"root/a.txt":           "file a",
		"root/sub/index.html":  "sub index",
		"root/sub/b.css":       "b{}",
		"root/nodir/c.txt":     "c",
		"root/.env":            "KEY=dotfile",
		"root/.git/config":     "[core]",
		"root/space name.txt":  "spaced",
		"root/pct%41.txt":      "percent",
		"root/x.unknownext":    "unknown",
		"outside/evil.txt":     "evil " + t.Name(),
		"root/sub/.hidden.txt": "hidden",
	})
	mustSymlink(t, filepath.Join(dir, "secret.txt"), filepath.Join(f.root, "link.txt"))
	mustSymlink(t, filepath.Join(dir, "outside"), filepath.Join(f.root, "linkdir"))
	mustSymlink(t, "../secret.txt", filepath.Join(f.root, "rel.txt"))

	logger := slog.New(slog.NewTextHandler(f.log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	all := append([]itty.Option{itty.RedirectTrailingSlash(true), itty.Logger(logger), itty.MaxBodyBytes(appLimit)}, opts...)
	a := itty.New(all...)
	f.app = a

	itty.Get(a, "/", func(r *itty.Request, p struct{}) itty.Response { return respond.Text("home") })
	itty.Get(a, "/items/<int:id>", func(r *itty.Request, p struct {
		ID int64 `path:"id"`
	}) itty.Response {
		return respond.Text(fmt.Sprint("item ", p.ID))
	})
	itty.Post(a, "/items", func(r *itty.Request, p struct{}) itty.Response { return respond.Text("created") })
	itty.Get(a, "/i8/<int:v>", func(r *itty.Request, p struct {
		V int8 `path:"v"`
	}) itty.Response {
		return respond.Text(fmt.Sprint("i8 ", p.V))
	})
	itty.Get(a, "/u8/<int:v>", func(r *itty.Request, p struct {
		V uint8 `path:"v"`
	}) itty.Response {
		return respond.Text(fmt.Sprint("u8 ", p.V))
	})
	itty.Get(a, "/f32/<float:v>", func(r *itty.Request, p struct {
		V float32 `path:"v"`
	}) itty.Response {
		return respond.Text(fmt.Sprint("f32 ", p.V))
	})
	itty.Get(a, "/id/<uuid:id>", func(r *itty.Request, p struct {
		ID uuid.UUID `path:"id"`
	}) itty.Response {
		return respond.Text("uuid " + p.ID.String())
	})
	itty.Get(a, "/s/<str:name>", func(r *itty.Request, p struct {
		Name string `path:"name"`
	}) itty.Response {
		return respond.Text(fmt.Sprintf("str %q", p.Name))
	})
	itty.Get(a, "/slug/<slug:s>", func(r *itty.Request, p struct {
		S string `path:"s"`
	}) itty.Response {
		return respond.Text("slug " + p.S)
	})
	itty.Get(a, "/files/<path:rest>", func(r *itty.Request, p struct {
		Rest string `path:"rest"`
	}) itty.Response {
		return respond.Text(fmt.Sprintf("path %q", p.Rest))
	})
	itty.Get(a, "/dir/", func(r *itty.Request, p struct{}) itty.Response { return respond.Text("dir") })
	itty.Handle(a, "PROPFIND", "/dav", func(r *itty.Request, p struct{}) itty.Response { return respond.Text("dav") })

	itty.Get(a, "/q", func(r *itty.Request, p queryP) itty.Response { return respond.JSON(p) })
	itty.Post(a, "/form", func(r *itty.Request, p formP) itty.Response {
		return respond.Text(fmt.Sprintf("name=%q age=%d tags=%d qname=%q", p.Name, p.Age, len(p.Tags), p.QName))
	})
	itty.Post(a, "/nested", func(r *itty.Request, p nestedP) itty.Response {
		return respond.Text(fmt.Sprintf("items=%d meta=%d", len(p.Items), len(p.Meta)))
	})
	itty.Post(a, "/upload", func(r *itty.Request, p uploadP) itty.Response {
		var b strings.Builder
		fmt.Fprintf(&b, "title=%q", p.Title)
		if p.File != nil {
			fmt.Fprintf(&b, " file=%q/%d", p.File.Filename, p.File.Size)
		}
		fmt.Fprintf(&b, " files=%d", len(p.Files))
		return respond.Text(b.String())
	}, itty.RouteMaxMultipartBytes(uploadLimit), itty.RouteMaxMultipartMemory(uploadMemory))
	itty.Post(a, "/json", func(r *itty.Request, p struct {
		Body jsonP `body:"" required:"true"`
	}) itty.Response {
		return respond.Text(fmt.Sprintf("name=%q count=%d tags=%d big=%g flag=%v", p.Body.Name, p.Body.Count, len(p.Body.Tags), p.Body.Big, p.Body.Inner.Flag))
	})
	itty.Post(a, "/json/strict", func(r *itty.Request, p struct {
		Body jsonP `body:""`
	}) itty.Response {
		return respond.Text(fmt.Sprintf("name=%q", p.Body.Name))
	}, itty.RouteStrictJSON(true))
	itty.Post(a, "/raw", func(r *itty.Request, p struct {
		Body []byte `body:""`
	}) itty.Response {
		return respond.Text(fmt.Sprint("raw ", len(p.Body)))
	}, itty.RouteMaxBodyBytes(rawLimit))

	itty.Get(a, "/login", func(r *itty.Request, p struct {
		Next string `query:"next"`
	}) itty.Response {
		return respond.LocalRedirect(p.Next, "/home")
	})
	itty.Get(a, "/cookie", func(r *itty.Request, p struct {
		Name  string `query:"name"`
		Value string `query:"value"`
		Path  string `query:"path"`
	}) itty.Response {
		resp := respond.Text("set").WithCookie(&http.Cookie{Name: p.Name, Value: p.Value, Path: p.Path})
		return refused(resp)
	})
	itty.Get(a, "/header", func(r *itty.Request, p struct {
		Name  string `query:"name" default:"X-Echo"`
		Value string `query:"value"`
	}) itty.Response {
		return refused(respond.Text("set").WithHeader(p.Name, p.Value))
	})
	itty.Get(a, "/goto", func(r *itty.Request, p struct {
		To string `query:"to"`
	}) itty.Response {
		return refused(respond.Redirect(p.To))
	})
	if err := a.Static("/static/", f.root); err != nil {
		t.Fatal(err)
	}
	return f
}

// refused answers 400 naming the problem when resp refused a header or
// cookie built from the request, as an app should: the input is the
// client's fault.
func refused(resp *respond.Response) itty.Response {
	if err := resp.Err(); err != nil {
		return errors.BadRequest(strings.TrimPrefix(err.Error(), "itty: "), err)
	}
	return resp
}

// mustFiles writes files (path relative to dir: content).
func mustFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func TestFixtureServesEveryFeature(t *testing.T) {
	f := newFixture(t)
	cases := []struct{ method, target, want string }{
		{"GET", "/", "200 home"},
		{"GET", "/items/42", "200 item 42"},
		{"GET", "/i8/-1", "404 "},
		{"GET", "/s/a%20b", `200 str "a b"`},
		{"GET", "/files/a/b", `200 path "a/b"`},
		{"GET", "/static/a.txt", "200 file a"},
		{"PROPFIND", "/dav", "200 dav"},
		{"GET", "/login?next=/x", "303 "},
	}
	for _, c := range cases {
		w := mustServe(t, f.app, c.method, c.target, nil)
		got := fmt.Sprintf("%d ", w.Code)
		if w.Code == 200 {
			got += w.Body.String()
		}
		if got != c.want {
			t.Errorf("%s %s = %q, want %q", c.method, c.target, got, c.want)
		}
	}
	checkClean(t, f)
}
