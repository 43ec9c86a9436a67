package bench

// itty: typed handlers func(*itty.Request, P) itty.Response, P's fields
// tagged with their source (path, query, json, form), patterns with typed
// segments (<str:name>, <int:id>); a nil Response answers 204.

import (
	"io"
	"mime/multipart"
	"net/http"
	"strings"

	ittyerrors "github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"

	"github.com/ittygo/itty/benchmarks/internal/routes"
	"github.com/ittygo/itty/benchmarks/internal/sink"
)

type ittyUser struct {
	Name string `path:"name"`
}

type ittyItem struct {
	ID      int    `path:"id"`
	Verbose bool   `query:"verbose"`
	Title   string `json:"title"`
	Count   int    `json:"count"`
}

type ittyValidItem struct {
	ID      int    `path:"id"`
	Verbose bool   `query:"verbose"`
	Title   string `json:"title" minLength:"1"`
	Count   int    `json:"count" minimum:"0"`
}

type ittyForm struct {
	Name  string `form:"name"`
	Email string `form:"email"`
	Age   int    `form:"age"`
}

type ittyUpload struct {
	Name string                `form:"name"`
	File *multipart.FileHeader `form:"file"`
}

func buildItty(id ID) (http.Handler, error) {
	app := itty.New()
	switch id {
	case Static, NotFound, GitHubAll:
		routes.RegisterGitHubItty(app)
	case ParseAll:
		routes.RegisterParseItty(app)
	case GPlusAll:
		routes.RegisterGPlusItty(app)
	case Param1:
		itty.Get(app, "/user/<str:name>", func(_ *itty.Request, p ittyUser) itty.Response {
			sink.Add(p.Name)
			return nil
		})
	case Param5:
		itty.Get(app, "/<str:"+strings.Join(letters(5), ">/<str:")+">", func(_ *itty.Request, p fiveParams) itty.Response {
			p.read()
			return nil
		})
	case Param20:
		itty.Get(app, "/<str:"+strings.Join(letters(20), ">/<str:")+">", func(_ *itty.Request, p twentyParams) itty.Response {
			p.read()
			return nil
		})
	case Typed:
		itty.Post(app, "/items/<int:id>", func(_ *itty.Request, p ittyItem) itty.Response {
			return respond.JSON(ItemReply{ID: p.ID, Title: p.Title, Count: p.Count, Verbose: p.Verbose})
		})
	case TypedValidated:
		itty.Post(app, "/items/<int:id>", func(_ *itty.Request, p ittyValidItem) itty.Response {
			return respond.JSON(ItemReply{ID: p.ID, Title: p.Title, Count: p.Count, Verbose: p.Verbose})
		})
	case Form:
		itty.Post(app, "/form", func(_ *itty.Request, p ittyForm) itty.Response {
			return respond.JSON(FormReply(p))
		})
	case Multipart:
		itty.Post(app, "/upload", func(_ *itty.Request, p ittyUpload) itty.Response {
			f, err := p.File.Open()
			if err != nil {
				return ittyerrors.BadRequest("the file cannot be read", err)
			}
			defer f.Close()
			n, err := io.Copy(io.Discard, f)
			if err != nil {
				return ittyerrors.BadRequest("the file cannot be read", err)
			}
			return respond.JSON(UploadReply{Name: p.Name, Filename: p.File.Filename, Size: n})
		})
	default:
		return nil, unknown("itty", id)
	}
	return app, nil
}
