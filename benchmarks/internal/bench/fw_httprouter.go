package bench

// julienschmidt/httprouter: "/user/:name", parameters from httprouter.Params.

import (
	"net/http"
	"strings"

	"github.com/julienschmidt/httprouter"

	"github.com/ittygo/itty/benchmarks/internal/routelist"
	"github.com/ittygo/itty/benchmarks/internal/routes"
	"github.com/ittygo/itty/benchmarks/internal/sink"
)

func httpRouterRoutes(rts []routelist.Route) *httprouter.Router {
	router := httprouter.New()
	for _, rt := range rts {
		names := rt.Params
		router.Handle(rt.Method, rt.Colon(), func(w http.ResponseWriter, _ *http.Request, ps httprouter.Params) {
			for _, n := range names {
				sink.Add(ps.ByName(n))
			}
			w.WriteHeader(http.StatusNoContent)
		})
	}
	return router
}

func buildHTTPRouter(id ID) (http.Handler, error) {
	router := httprouter.New()
	switch id {
	case Static, NotFound, GitHubAll:
		return httpRouterRoutes(routes.GitHub), nil
	case ParseAll:
		return httpRouterRoutes(routes.Parse), nil
	case GPlusAll:
		return httpRouterRoutes(routes.GPlus), nil
	case Param1:
		router.GET("/user/:name", func(w http.ResponseWriter, _ *http.Request, ps httprouter.Params) {
			sink.Add(ps.ByName("name"))
			w.WriteHeader(http.StatusNoContent)
		})
	case Param5, Param20:
		names := letters(5)
		if id == Param20 {
			names = letters(20)
		}
		router.GET("/:"+strings.Join(names, "/:"), func(w http.ResponseWriter, _ *http.Request, ps httprouter.Params) {
			for _, n := range names {
				sink.Add(ps.ByName(n))
			}
			w.WriteHeader(http.StatusNoContent)
		})
	case Typed, TypedValidated:
		validate := id == TypedValidated
		router.POST("/items/:id", func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
			serveItem(w, r, ps.ByName("id"), validate)
		})
	case Form:
		router.HandlerFunc(http.MethodPost, "/form", serveForm)
	case Multipart:
		router.HandlerFunc(http.MethodPost, "/upload", serveUpload)
	default:
		return nil, unknown("httprouter", id)
	}
	return router, nil
}
