package bench

// go-fuego/fuego on its net/http ServeMux: "/user/{name}", controllers of
// fuego.ContextNoBody or fuego.ContextWithBody[B], validation by
// go-playground/validator tags, the body decoded by Content-Type. The
// request logging middleware and start-up messages are turned off, as for
// every framework here. The server's Mux is the handler, as fuego's own
// tests serve it; Run would serve the same Mux, having no global
// middleware to wrap it in.

import (
	"io"
	"net/http"
	"strings"

	"github.com/go-fuego/fuego"
	"github.com/go-fuego/fuego/option"

	"github.com/ittygo/itty/benchmarks/internal/routelist"
	"github.com/ittygo/itty/benchmarks/internal/routes"
	"github.com/ittygo/itty/benchmarks/internal/sink"
)

type fuegoItem struct {
	Title string `json:"title"`
	Count int    `json:"count"`
}

type fuegoValidItem struct {
	Title string `json:"title" validate:"min=1"`
	Count int    `json:"count" validate:"min=0"`
}

type fuegoForm struct {
	Name  string `schema:"name"`
	Email string `schema:"email"`
	Age   int    `schema:"age"`
}

func newFuego() *fuego.Server {
	return fuego.NewServer(
		fuego.WithoutStartupMessages(),
		fuego.WithLoggingMiddleware(fuego.LoggingConfig{DisableRequest: true, DisableResponse: true}),
	)
}

// fuegoNoContent registers ctrl for method and path, answering 204.
func fuegoNoContent(s *fuego.Server, method, path string, ctrl func(fuego.ContextNoBody) (any, error)) {
	opt := option.DefaultStatusCode(http.StatusNoContent)
	switch method {
	case http.MethodGet:
		fuego.Get(s, path, ctrl, opt)
	case http.MethodPost:
		fuego.Post(s, path, ctrl, opt)
	case http.MethodPut:
		fuego.Put(s, path, ctrl, opt)
	case http.MethodPatch:
		fuego.Patch(s, path, ctrl, opt)
	case http.MethodDelete:
		fuego.Delete(s, path, ctrl, opt)
	default:
		panic("fuego: unexpected method " + method)
	}
}

func fuegoRoutes(rts []routelist.Route) http.Handler {
	s := newFuego()
	for _, rt := range rts {
		names := rt.Params
		fuegoNoContent(s, rt.Method, rt.Brace(), func(c fuego.ContextNoBody) (any, error) {
			for _, n := range names {
				sink.Add(c.PathParam(n))
			}
			return nil, nil
		})
	}
	return s.Mux
}

func fuegoItemController[B fuegoItem | fuegoValidItem](c fuego.ContextWithBody[B]) (*ItemReply, error) {
	id, err := c.PathParamIntErr("id")
	if err != nil {
		return nil, err
	}
	body, err := c.Body()
	if err != nil {
		return nil, err
	}
	// B is one of two structs with the same fields.
	item := fuegoItem(body)
	return &ItemReply{ID: id, Title: item.Title, Count: item.Count, Verbose: c.QueryParamBool("verbose")}, nil
}

func buildFuego(id ID) (http.Handler, error) {
	s := newFuego()
	switch id {
	case Static, NotFound, GitHubAll:
		return fuegoRoutes(routes.GitHub), nil
	case ParseAll:
		return fuegoRoutes(routes.Parse), nil
	case GPlusAll:
		return fuegoRoutes(routes.GPlus), nil
	case Param1:
		fuego.Get(s, "/user/{name}", func(c fuego.ContextNoBody) (any, error) {
			sink.Add(c.PathParam("name"))
			return nil, nil
		}, option.DefaultStatusCode(http.StatusNoContent))
	case Param5, Param20:
		names := letters(5)
		if id == Param20 {
			names = letters(20)
		}
		fuego.Get(s, "/{"+strings.Join(names, "}/{")+"}", func(c fuego.ContextNoBody) (any, error) {
			for _, n := range names {
				sink.Add(c.PathParam(n))
			}
			return nil, nil
		}, option.DefaultStatusCode(http.StatusNoContent))
	case Typed:
		fuego.Post(s, "/items/{id}", fuegoItemController[fuegoItem],
			option.QueryBool("verbose", "Answer verbosely"))
	case TypedValidated:
		fuego.Post(s, "/items/{id}", fuegoItemController[fuegoValidItem],
			option.QueryBool("verbose", "Answer verbosely"))
	case Form:
		fuego.Post(s, "/form", func(c fuego.ContextWithBody[fuegoForm]) (*FormReply, error) {
			f, err := c.Body()
			if err != nil {
				return nil, err
			}
			return &FormReply{Name: f.Name, Email: f.Email, Age: f.Age}, nil
		})
	case Multipart:
		// fuego decodes a body only when Content-Type is exactly
		// "multipart/form-data", which a real multipart request (with its
		// boundary parameter) never is: the upload reads the request.
		fuego.Post(s, "/upload", func(c fuego.ContextNoBody) (*UploadReply, error) {
			r := c.Request()
			f, fh, err := r.FormFile("file")
			if err != nil {
				return nil, fuego.BadRequestError{Detail: "missing file", Err: err}
			}
			defer f.Close()
			n, err := io.Copy(io.Discard, f)
			if err != nil {
				return nil, fuego.BadRequestError{Detail: "reading the file failed", Err: err}
			}
			return &UploadReply{Name: r.FormValue("name"), Filename: fh.Filename, Size: n}, nil
		})
	default:
		return nil, unknown("fuego", id)
	}
	return s.Mux, nil
}
