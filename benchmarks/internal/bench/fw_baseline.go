package bench

// The baseline: hand-written net/http handlers with no router, a switch on
// the path where one is meaningful. It has no form for whole API route
// sets (that would be writing a router).

import (
	"net/http"
	"strings"

	"github.com/ittygo/itty/benchmarks/internal/routes"
	"github.com/ittygo/itty/benchmarks/internal/sink"
)

// splitPath splits path ("/a/b/c") into exactly len(segs) non-empty
// segments, without allocating.
func splitPath(path string, segs []string) bool {
	if path == "" || path[0] != '/' {
		return false
	}
	path = path[1:]
	for i := range segs {
		j := strings.IndexByte(path, '/')
		if i == len(segs)-1 {
			if j >= 0 || path == "" {
				return false
			}
			segs[i] = path
			return true
		}
		if j <= 0 {
			return false
		}
		segs[i], path = path[:j], path[j+1:]
	}
	return false
}

func baselineParams(n int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var buf [20]string
		segs := buf[:n]
		if r.Method != http.MethodGet || !splitPath(r.URL.Path, segs) {
			http.NotFound(w, r)
			return
		}
		for _, s := range segs {
			sink.Add(s)
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

func buildBaseline(id ID) (http.Handler, error) {
	switch id {
	case Static, NotFound:
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !routes.ServeGitHubStatic(w, r) {
				http.NotFound(w, r)
			}
		}), nil
	case Param1:
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			name, ok := strings.CutPrefix(r.URL.Path, "/user/")
			if !ok || r.Method != http.MethodGet || name == "" || strings.IndexByte(name, '/') >= 0 {
				http.NotFound(w, r)
				return
			}
			sink.Add(name)
			w.WriteHeader(http.StatusNoContent)
		}), nil
	case Param5:
		return baselineParams(5), nil
	case Param20:
		return baselineParams(20), nil
	case GitHubAll, ParseAll, GPlusAll:
		return nil, ErrNotApplicable
	case Typed, TypedValidated:
		validate := id == TypedValidated
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			idText, ok := strings.CutPrefix(r.URL.Path, "/items/")
			if !ok || strings.IndexByte(idText, '/') >= 0 {
				http.NotFound(w, r)
				return
			}
			if r.Method != http.MethodPost {
				http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
				return
			}
			serveItem(w, r, idText, validate)
		}), nil
	case Form, Multipart:
		path, serve := "/form", serveForm
		if id == Multipart {
			path, serve = "/upload", serveUpload
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch {
			case r.URL.Path != path:
				http.NotFound(w, r)
			case r.Method != http.MethodPost:
				http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			default:
				serve(w, r)
			}
		}), nil
	}
	return nil, unknown("baseline", id)
}
