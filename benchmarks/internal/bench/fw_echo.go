package bench

// labstack/echo v4, echo.New() with no middleware: "/user/:name",
// c.Param, c.Bind into a struct with param and json tags, and a validator
// (go-playground/validator) plugged in as echo's documentation shows.

import (
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"

	"github.com/ittygo/itty/benchmarks/internal/routelist"
	"github.com/ittygo/itty/benchmarks/internal/routes"
	"github.com/ittygo/itty/benchmarks/internal/sink"
)

type echoItem struct {
	ID    int    `param:"id" json:"-"`
	Title string `json:"title"`
	Count int    `json:"count"`
}

type echoValidItem struct {
	ID    int    `param:"id" json:"-"`
	Title string `json:"title" validate:"min=1"`
	Count int    `json:"count" validate:"min=0"`
}

type echoForm struct {
	Name  string `form:"name"`
	Email string `form:"email"`
	Age   int    `form:"age"`
}

// echoValidator adapts go-playground/validator to echo.Validator.
type echoValidator struct{ v *validator.Validate }

func (ev *echoValidator) Validate(i any) error {
	if err := ev.v.Struct(i); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	return nil
}

func echoRoutes(rts []routelist.Route) *echo.Echo {
	e := echo.New()
	for _, rt := range rts {
		names := rt.Params
		e.Add(rt.Method, rt.Colon(), func(c echo.Context) error {
			for _, n := range names {
				sink.Add(c.Param(n))
			}
			return c.NoContent(http.StatusNoContent)
		})
	}
	return e
}

func buildEcho(id ID) (http.Handler, error) {
	e := echo.New()
	switch id {
	case Static, NotFound, GitHubAll:
		return echoRoutes(routes.GitHub), nil
	case ParseAll:
		return echoRoutes(routes.Parse), nil
	case GPlusAll:
		return echoRoutes(routes.GPlus), nil
	case Param1:
		e.GET("/user/:name", func(c echo.Context) error {
			sink.Add(c.Param("name"))
			return c.NoContent(http.StatusNoContent)
		})
	case Param5, Param20:
		names := letters(5)
		if id == Param20 {
			names = letters(20)
		}
		e.GET("/:"+strings.Join(names, "/:"), func(c echo.Context) error {
			for _, n := range names {
				sink.Add(c.Param(n))
			}
			return c.NoContent(http.StatusNoContent)
		})
	case Typed:
		e.POST("/items/:id", func(c echo.Context) error {
			var in echoItem
			if err := c.Bind(&in); err != nil {
				return err
			}
			verbose, _ := strconv.ParseBool(c.QueryParam("verbose"))
			return c.JSON(http.StatusOK, ItemReply{ID: in.ID, Title: in.Title, Count: in.Count, Verbose: verbose})
		})
	case TypedValidated:
		e.Validator = &echoValidator{v: validator.New()}
		e.POST("/items/:id", func(c echo.Context) error {
			var in echoValidItem
			if err := c.Bind(&in); err != nil {
				return err
			}
			if err := c.Validate(&in); err != nil {
				return err
			}
			verbose, _ := strconv.ParseBool(c.QueryParam("verbose"))
			return c.JSON(http.StatusOK, ItemReply{ID: in.ID, Title: in.Title, Count: in.Count, Verbose: verbose})
		})
	case Form:
		e.POST("/form", func(c echo.Context) error {
			var f echoForm
			if err := c.Bind(&f); err != nil {
				return err
			}
			return c.JSON(http.StatusOK, FormReply(f))
		})
	case Multipart:
		e.POST("/upload", func(c echo.Context) error {
			fh, err := c.FormFile("file")
			if err != nil {
				return echo.NewHTTPError(http.StatusBadRequest, err.Error())
			}
			f, err := fh.Open()
			if err != nil {
				return err
			}
			defer f.Close()
			n, err := io.Copy(io.Discard, f)
			if err != nil {
				return err
			}
			return c.JSON(http.StatusOK, UploadReply{Name: c.FormValue("name"), Filename: fh.Filename, Size: n})
		})
	default:
		return nil, unknown("echo", id)
	}
	return e, nil
}
