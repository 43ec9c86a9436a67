package bench

// danielgtaylor/huma v2 on net/http's ServeMux through its humago adapter,
// with huma.DefaultConfig: typed input structs (path, query, Body),
// validation tags from JSON Schema (minLength, minimum), output structs with
// a Body.

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"github.com/ittygo/itty/benchmarks/internal/routes"
	"github.com/ittygo/itty/benchmarks/internal/sink"
)

type humaUserInput struct {
	Name string `path:"name"`
}

type humaItemInput struct {
	ID      int  `path:"id"`
	Verbose bool `query:"verbose"`
	Body    struct {
		Title string `json:"title"`
		Count int    `json:"count"`
	}
}

type humaValidItemInput struct {
	ID      int  `path:"id"`
	Verbose bool `query:"verbose"`
	Body    struct {
		Title string `json:"title" minLength:"1"`
		Count int    `json:"count" minimum:"0"`
	}
}

type humaItemOutput struct {
	Body ItemReply
}

type humaFormInput struct {
	RawBody []byte `contentType:"application/x-www-form-urlencoded"`
}

type humaFormOutput struct {
	Body FormReply
}

type humaUploadInput struct {
	RawBody huma.MultipartFormFiles[struct {
		Name string        `form:"name"`
		File huma.FormFile `form:"file" contentType:"application/octet-stream" required:"true"`
	}]
}

type humaUploadOutput struct {
	Body UploadReply
}

func newHuma() (*http.ServeMux, huma.API) {
	mux := http.NewServeMux()
	return mux, humago.New(mux, huma.DefaultConfig("itty benchmarks", "1.0.0"))
}

func buildHuma(id ID) (http.Handler, error) {
	mux, api := newHuma()
	switch id {
	case Static, NotFound, GitHubAll:
		routes.RegisterGitHubHuma(api)
	case ParseAll:
		routes.RegisterParseHuma(api)
	case GPlusAll:
		routes.RegisterGPlusHuma(api)
	case Param1:
		huma.Get(api, "/user/{name}", func(_ context.Context, in *humaUserInput) (*struct{}, error) {
			sink.Add(in.Name)
			return nil, nil
		})
	case Param5:
		huma.Get(api, "/{"+strings.Join(letters(5), "}/{")+"}", func(_ context.Context, in *fiveParams) (*struct{}, error) {
			in.read()
			return nil, nil
		})
	case Param20:
		huma.Get(api, "/{"+strings.Join(letters(20), "}/{")+"}", func(_ context.Context, in *twentyParams) (*struct{}, error) {
			in.read()
			return nil, nil
		})
	case Typed:
		huma.Post(api, "/items/{id}", func(_ context.Context, in *humaItemInput) (*humaItemOutput, error) {
			return &humaItemOutput{Body: ItemReply{ID: in.ID, Title: in.Body.Title, Count: in.Body.Count, Verbose: in.Verbose}}, nil
		})
	case TypedValidated:
		huma.Post(api, "/items/{id}", func(_ context.Context, in *humaValidItemInput) (*humaItemOutput, error) {
			return &humaItemOutput{Body: ItemReply{ID: in.ID, Title: in.Body.Title, Count: in.Body.Count, Verbose: in.Verbose}}, nil
		})
	case Form:
		huma.Post(api, "/form", func(_ context.Context, in *humaFormInput) (*humaFormOutput, error) {
			form, err := url.ParseQuery(string(in.RawBody))
			if err != nil {
				return nil, huma.Error400BadRequest("invalid form", err)
			}
			age, err := strconv.Atoi(form.Get("age"))
			if err != nil {
				return nil, huma.Error422UnprocessableEntity("age must be an integer")
			}
			return &humaFormOutput{Body: FormReply{Name: form.Get("name"), Email: form.Get("email"), Age: age}}, nil
		})
	case Multipart:
		huma.Post(api, "/upload", func(_ context.Context, in *humaUploadInput) (*humaUploadOutput, error) {
			d := in.RawBody.Data()
			n, err := io.Copy(io.Discard, d.File)
			if err != nil {
				return nil, huma.Error400BadRequest("reading the file failed", err)
			}
			return &humaUploadOutput{Body: UploadReply{Name: d.Name, Filename: d.File.Filename, Size: n}}, nil
		})
	default:
		return nil, unknown("huma", id)
	}
	return mux, nil
}
