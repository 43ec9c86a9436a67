package bench

// net/http's ServeMux with Go 1.22 patterns: "GET /user/{name}".

import (
	"net/http"
	"strings"

	"github.com/ittygo/itty/benchmarks/internal/routelist"
	"github.com/ittygo/itty/benchmarks/internal/routes"
	"github.com/ittygo/itty/benchmarks/internal/sink"
)

func serveMuxRoutes(rts []routelist.Route) *http.ServeMux {
	mux := http.NewServeMux()
	for _, rt := range rts {
		names := rt.Params
		mux.HandleFunc(rt.Method+" "+rt.Brace(), func(w http.ResponseWriter, r *http.Request) {
			for _, n := range names {
				sink.Add(r.PathValue(n))
			}
			w.WriteHeader(http.StatusNoContent)
		})
	}
	return mux
}

func buildServeMux(id ID) (http.Handler, error) {
	mux := http.NewServeMux()
	switch id {
	case Static, NotFound, GitHubAll:
		return serveMuxRoutes(routes.GitHub), nil
	case ParseAll:
		return serveMuxRoutes(routes.Parse), nil
	case GPlusAll:
		return serveMuxRoutes(routes.GPlus), nil
	case Param1:
		mux.HandleFunc("GET /user/{name}", func(w http.ResponseWriter, r *http.Request) {
			sink.Add(r.PathValue("name"))
			w.WriteHeader(http.StatusNoContent)
		})
	case Param5, Param20:
		names := letters(5)
		if id == Param20 {
			names = letters(20)
		}
		mux.HandleFunc("GET /{"+strings.Join(names, "}/{")+"}", func(w http.ResponseWriter, r *http.Request) {
			for _, n := range names {
				sink.Add(r.PathValue(n))
			}
			w.WriteHeader(http.StatusNoContent)
		})
	case Typed, TypedValidated:
		validate := id == TypedValidated
		mux.HandleFunc("POST /items/{id}", func(w http.ResponseWriter, r *http.Request) {
			serveItem(w, r, r.PathValue("id"), validate)
		})
	case Form:
		mux.HandleFunc("POST /form", serveForm)
	case Multipart:
		mux.HandleFunc("POST /upload", serveUpload)
	default:
		return nil, unknown("servemux", id)
	}
	return mux, nil
}
