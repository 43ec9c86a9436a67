package bench

// go-chi/chi v5: "/user/{name}", parameters from chi.URLParam.

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/ittygo/itty/benchmarks/internal/routelist"
	"github.com/ittygo/itty/benchmarks/internal/routes"
	"github.com/ittygo/itty/benchmarks/internal/sink"
)

func chiRoutes(rts []routelist.Route) chi.Router {
	r := chi.NewRouter()
	for _, rt := range rts {
		names := rt.Params
		r.MethodFunc(rt.Method, rt.Brace(), func(w http.ResponseWriter, r *http.Request) {
			for _, n := range names {
				sink.Add(chi.URLParam(r, n))
			}
			w.WriteHeader(http.StatusNoContent)
		})
	}
	return r
}

func buildChi(id ID) (http.Handler, error) {
	r := chi.NewRouter()
	switch id {
	case Static, NotFound, GitHubAll:
		return chiRoutes(routes.GitHub), nil
	case ParseAll:
		return chiRoutes(routes.Parse), nil
	case GPlusAll:
		return chiRoutes(routes.GPlus), nil
	case Param1:
		r.Get("/user/{name}", func(w http.ResponseWriter, r *http.Request) {
			sink.Add(chi.URLParam(r, "name"))
			w.WriteHeader(http.StatusNoContent)
		})
	case Param5, Param20:
		names := letters(5)
		if id == Param20 {
			names = letters(20)
		}
		r.Get("/{"+strings.Join(names, "}/{")+"}", func(w http.ResponseWriter, r *http.Request) {
			for _, n := range names {
				sink.Add(chi.URLParam(r, n))
			}
			w.WriteHeader(http.StatusNoContent)
		})
	case Typed, TypedValidated:
		validate := id == TypedValidated
		r.Post("/items/{id}", func(w http.ResponseWriter, r *http.Request) {
			serveItem(w, r, chi.URLParam(r, "id"), validate)
		})
	case Form:
		r.Post("/form", serveForm)
	case Multipart:
		r.Post("/upload", serveUpload)
	default:
		return nil, unknown("chi", id)
	}
	return r, nil
}
