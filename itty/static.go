package itty

// This file serves static files (itty3's static_url_path and static_root).
//
// App.Static and App.StaticFS register one ordinary GET route,
// prefix + "<path:file>", through Register, so HEAD, precedence, conflicts,
// 405 and the app's 404 page work exactly as for any other route. The
// handler checks the decoded path itself before anything is opened: no
// empty, ".", ".." or dot-prefixed segment, no backslash, NUL or control
// byte, no encoded "/" inside a segment. Files are then opened through an
// fs.FS — for Static the fs.FS of an os.Root, so neither a path nor a
// symlink can leave the directory. Whatever cannot be served (an invalid
// path, a missing, vanished or unreadable file, a directory without
// index.html, anything that is not a regular file) is the app's 404, never
// a 500 and never a directory listing. http.ServeContent does the
// conditional (304) and range (206) requests.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	stderrors "errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/ittygo/itty/errors"
)

// StaticOption configures one static mount: App.Static, App.StaticFS or
// StaticDir.
type StaticOption func(*staticConfig)

type staticConfig struct {
	noIndex bool
}

// StaticIndex turns the serving of index.html for directory requests on
// (the default) or off. When it is off, every request for a directory is
// answered 404.
func StaticIndex(on bool) StaticOption {
	return func(c *staticConfig) { c.noIndex = !on }
}

// Static serves the files under the directory dir at prefix, a clean path
// that starts and ends with "/" (such as "/static/", or "/" for the whole
// site). It registers the GET (and so HEAD) route prefix + "<path:file>",
// which loses to every more specific route and conflicts with another
// <path:…> route under the same prefix. The prefix itself is not served.
// Like any GET route, it makes other methods on its paths 405 rather than
// 404, which with the prefix "/" means every path no other route takes.
//
// dir is opened once, now, as an os.Root, and every file is opened through
// it: no path and no symlink can reach outside dir. Paths with an empty,
// ".", ".." or dot-prefixed segment (dotfiles and dot-directories), a
// backslash, a NUL or control byte, or an encoded "/" are answered 404, as
// are missing or unreadable files and anything that is not a regular file.
// Directories are never listed: a request for a directory with a trailing
// slash serves its index.html (see StaticIndex), and one without the slash
// is redirected (301) to the slash form, with the relative Location
// "./name/" so that it stays on the site and under the prefix, when that
// index.html exists; otherwise both are 404.
//
// The Content-Type is chosen by the file's extension (mime.TypeByExtension)
// and is application/octet-stream when the extension is unknown: content
// is never sniffed, and X-Content-Type-Options is "nosniff". Files carry
// Last-Modified and an ETag; conditional and range requests are answered
// by http.ServeContent.
//
// Static returns an error when prefix is not a clean path, when dir cannot
// be opened as a directory, or when the route cannot be registered (a
// *RouteError: a conflict, or ErrServed once the app has served).
func (a *App) Static(prefix, dir string, opts ...StaticOption) error {
	return a.static(prefix, dir, "", opts)
}

// StaticFS serves the files of fsys at prefix, as Static does for a
// directory. Files are opened only through fsys, after the same checks of
// the path; whether a symlink may lead out of fsys is up to fsys (os.DirFS
// follows them, so serve directories with Static). Files whose
// modification time is zero (as in an embed.FS) get an ETag computed from
// their content, up to 8 MiB. A file that is not an io.Seeker (as in some
// archive file systems) is read into memory before it is served.
func (a *App) StaticFS(prefix string, fsys fs.FS, opts ...StaticOption) error {
	if err := checkStaticPrefix(prefix); err != nil {
		return err
	}
	if fsys == nil {
		return fmt.Errorf("itty: static %s: the file system is nil", prefix)
	}
	if fi, err := fs.Stat(fsys, "."); err != nil {
		return fmt.Errorf("itty: static %s: %w", prefix, err)
	} else if !fi.IsDir() {
		return fmt.Errorf("itty: static %s: the root of the file system is not a directory", prefix)
	}
	return a.mountFS(prefix, fsys, "", opts)
}

// StaticDir is the option form of App.Static, for New or Run (itty3's
// run(static_url_path=..., static_root=...)). The route is registered when
// Run starts, which returns the error if it cannot be, or else when the app
// serves its first request, which logs the error.
func StaticDir(prefix, dir string, opts ...StaticOption) Option {
	m := staticMount{prefix: prefix, dir: dir, opts: opts, where: caller()}
	return func(c *config) {
		mc := m // each app gets its own copy to mark as done
		c.static = append(c.static, &mc)
	}
}

// staticMount is a StaticDir waiting to be registered.
type staticMount struct {
	prefix, dir string
	opts        []StaticOption
	where       string
	done        bool
}

// mountStatic registers the StaticDir mounts that are not registered yet.
// RunContext is to call it after applying its options, returning its error,
// and freeze to call mountStaticOnFreeze first thing, before it marks the
// app as served (these two calls live in server.go and app.go).
func (a *App) mountStatic() error {
	var errs []error
	for _, m := range a.cfg.static {
		if m.done {
			continue
		}
		m.done = true
		if err := a.static(m.prefix, m.dir, m.where, m.opts); err != nil {
			errs = append(errs, err)
		}
	}
	return stderrors.Join(errs...)
}

// mountStaticOnFreeze is mountStatic for freeze, which cannot return an
// error: it logs it. It must run before freeze marks the app as served.
func (a *App) mountStaticOnFreeze() {
	if err := a.mountStatic(); err != nil {
		a.cfg.logger.Error("itty: static files cannot be served", "err", err)
	}
}

// static is Static with the registration site given (where) when it is not
// the caller, as for StaticDir.
func (a *App) static(prefix, dir, where string, opts []StaticOption) error {
	if err := checkStaticPrefix(prefix); err != nil {
		return err
	}
	if a.served.Load() {
		if where == "" {
			where = caller()
		}
		return &RouteError{Method: http.MethodGet, Pattern: prefix + "<path:file>", Where: where, Err: ErrServed}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return fmt.Errorf("itty: static %s: %w", prefix, err)
	}
	if err := a.mountFS(prefix, root.FS(), where, opts); err != nil {
		root.Close()
		return err
	}
	return nil // root stays open for as long as the app serves
}

// mountFS registers the static route for fsys.
func (a *App) mountFS(prefix string, fsys fs.FS, where string, opts []StaticOption) error {
	h := &staticHandler{fsys: fsys}
	for _, o := range opts {
		o(&h.cfg)
	}
	rt, err := Register(a, http.MethodGet, prefix+"<path:file>", h.handle)
	if err != nil {
		var re *RouteError
		if where != "" && stderrors.As(err, &re) {
			re.Where = where
		}
		return err
	}
	if where != "" {
		a.mu.Lock()
		rt.rt.where = where
		a.mu.Unlock()
	}
	return nil
}

// checkStaticPrefix reports an error unless prefix is "/" or a clean path
// of literal segments that starts and ends with "/".
func checkStaticPrefix(prefix string) error {
	ok := len(prefix) > 0 && prefix[0] == '/' && prefix[len(prefix)-1] == '/' &&
		(prefix == "/" || len(prefix) > 2 && path.Clean(prefix)+"/" == prefix) &&
		!strings.ContainsAny(prefix, `<>%?#\`)
	for i := 0; ok && i < len(prefix); i++ {
		ok = prefix[i] >= 0x20 && prefix[i] != 0x7f
	}
	if !ok {
		return fmt.Errorf("itty: static prefix %q is not a clean path that starts and ends with \"/\", such as \"/static/\"", prefix)
	}
	return nil
}

// staticParams is what the static route binds.
type staticParams struct {
	File string `path:"file"`
}

// staticHandler serves one static mount.
type staticHandler struct {
	fsys fs.FS
	cfg  staticConfig
}

// handle checks the requested path and answers 404 or the file.
func (h *staticHandler) handle(r *Request, p staticParams) Response {
	name, dir, ok := staticName(p.File)
	if !ok || staticEncodedSlash(r.URL) {
		return errors.NotFound()
	}
	return &staticFile{h: h, name: name, dir: dir}
}

// staticName checks the decoded <path:file> value. It returns the name to
// open and whether the request ended in "/" (asked for a directory).
func staticName(v string) (name string, dir, ok bool) {
	if strings.HasSuffix(v, "/") {
		v, dir = v[:len(v)-1], true
	}
	if v == "" {
		return "", false, false
	}
	for seg := range strings.SplitSeq(v, "/") {
		if seg == "" || seg[0] == '.' {
			return "", false, false
		}
		for i := 0; i < len(seg); i++ {
			if c := seg[i]; c < 0x20 || c == 0x7f || c == '\\' {
				return "", false, false
			}
		}
	}
	return v, dir, fs.ValidPath(v)
}

// staticEncodedSlash reports whether the request path has an encoded "/"
// ("%2F"), which the router decodes into the <path:…> value: a file name
// never holds one, so such a path is never served.
func staticEncodedSlash(u *url.URL) bool {
	if u.RawPath == "" {
		return false
	}
	p := u.EscapedPath()
	return strings.Contains(p, "%2f") || strings.Contains(p, "%2F")
}

// staticHashLimit bounds the files whose ETag is computed from their
// content (those with no modification time).
const staticHashLimit = 8 << 20

// staticFile is the Response of the static route: it opens the file when it
// is written, so nothing is held open between the handler and the write.
type staticFile struct {
	h    *staticHandler
	name string
	dir  bool // the request ended in "/"
}

// WriteResponse serves the file, or returns a 404 *errors.Error before
// writing anything.
func (f *staticFile) WriteResponse(w http.ResponseWriter, r *http.Request) error {
	fsys, name := f.h.fsys, f.name
	fi, err := fs.Stat(fsys, name) // before opening: never open a FIFO or device
	if err != nil {
		return errors.NotFound()
	}
	switch {
	case fi.IsDir():
		if f.h.cfg.noIndex {
			return errors.NotFound()
		}
		index := name + "/index.html"
		if ii, err := fs.Stat(fsys, index); err != nil || !ii.Mode().IsRegular() {
			return errors.NotFound()
		}
		if !f.dir {
			target := "./" + url.PathEscape(path.Base(name)) + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			w.Header().Set("Location", target)
			w.WriteHeader(http.StatusMovedPermanently)
			return nil
		}
		name = index
	case f.dir || !fi.Mode().IsRegular():
		return errors.NotFound()
	}
	file, err := fsys.Open(name)
	if err != nil {
		return errors.NotFound()
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return errors.NotFound()
	}
	content, ok := file.(io.ReadSeeker)
	if !ok {
		b, err := io.ReadAll(file)
		if err != nil {
			return errors.NotFound()
		}
		content = bytes.NewReader(b)
	}
	etag, err := staticETag(st, content)
	if err != nil {
		return errors.NotFound()
	}
	hdr := w.Header()
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	hdr.Set("Content-Type", ct)
	hdr.Set("X-Content-Type-Options", "nosniff")
	if etag != "" {
		hdr.Set("ETag", etag)
	}
	http.ServeContent(w, r, name, st.ModTime(), content)
	return nil
}

// staticETag returns a strong ETag: the modification time and size, or,
// for a file with no modification time and at most staticHashLimit bytes,
// a hash of its content (after which content is rewound). Other files get
// none.
func staticETag(fi fs.FileInfo, content io.ReadSeeker) (string, error) {
	if mt := fi.ModTime(); !mt.IsZero() {
		return `"` + strconv.FormatInt(mt.UnixNano(), 16) + "-" + strconv.FormatInt(fi.Size(), 16) + `"`, nil
	}
	if fi.Size() > staticHashLimit {
		return "", nil
	}
	sum := sha256.New()
	if _, err := io.Copy(sum, io.LimitReader(content, staticHashLimit+1)); err != nil {
		return "", err
	}
	if _, err := content.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	return `"` + hex.EncodeToString(sum.Sum(nil)[:16]) + `"`, nil
}
