package bench

// gin-gonic/gin in release mode, gin.New() (no logger or recovery
// middleware): "/user/:name", c.Param, ShouldBindJSON with binding tags.

import (
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/ittygo/itty/benchmarks/internal/routelist"
	"github.com/ittygo/itty/benchmarks/internal/routes"
	"github.com/ittygo/itty/benchmarks/internal/sink"
)

func init() { gin.SetMode(gin.ReleaseMode) }

type ginItem struct {
	Title string `json:"title"`
	Count int    `json:"count"`
}

type ginValidItem struct {
	Title string `json:"title" binding:"min=1"`
	Count int    `json:"count" binding:"min=0"`
}

type ginForm struct {
	Name  string `form:"name"`
	Email string `form:"email"`
	Age   int    `form:"age"`
}

func ginRoutes(rts []routelist.Route) *gin.Engine {
	r := gin.New()
	for _, rt := range rts {
		names := rt.Params
		r.Handle(rt.Method, rt.Colon(), func(c *gin.Context) {
			for _, n := range names {
				sink.Add(c.Param(n))
			}
			c.Status(http.StatusNoContent)
		})
	}
	return r
}

func ginItemHandler[B ginItem | ginValidItem](c *gin.Context) {
	id, err := strconv.Atoi(c.Param("id"))
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "id must be an integer"})
		return
	}
	verbose, _ := strconv.ParseBool(c.Query("verbose"))
	var body B
	if err := c.ShouldBindJSON(&body); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	// B is one of two structs with the same fields.
	item := ginItem(body)
	c.JSON(http.StatusOK, ItemReply{ID: id, Title: item.Title, Count: item.Count, Verbose: verbose})
}

func buildGin(id ID) (http.Handler, error) {
	r := gin.New()
	switch id {
	case Static, NotFound, GitHubAll:
		return ginRoutes(routes.GitHub), nil
	case ParseAll:
		return ginRoutes(routes.Parse), nil
	case GPlusAll:
		return ginRoutes(routes.GPlus), nil
	case Param1:
		r.GET("/user/:name", func(c *gin.Context) {
			sink.Add(c.Param("name"))
			c.Status(http.StatusNoContent)
		})
	case Param5, Param20:
		names := letters(5)
		if id == Param20 {
			names = letters(20)
		}
		r.GET("/:"+strings.Join(names, "/:"), func(c *gin.Context) {
			for _, n := range names {
				sink.Add(c.Param(n))
			}
			c.Status(http.StatusNoContent)
		})
	case Typed:
		r.POST("/items/:id", ginItemHandler[ginItem])
	case TypedValidated:
		r.POST("/items/:id", ginItemHandler[ginValidItem])
	case Form:
		r.POST("/form", func(c *gin.Context) {
			var f ginForm
			if err := c.ShouldBind(&f); err != nil {
				c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
				return
			}
			c.JSON(http.StatusOK, FormReply(f))
		})
	case Multipart:
		r.POST("/upload", func(c *gin.Context) {
			fh, err := c.FormFile("file")
			if err != nil {
				c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
				return
			}
			f, err := fh.Open()
			if err != nil {
				c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
				return
			}
			defer f.Close()
			n, err := io.Copy(io.Discard, f)
			if err != nil {
				c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
				return
			}
			c.JSON(http.StatusOK, UploadReply{Name: c.PostForm("name"), Filename: fh.Filename, Size: n})
		})
	default:
		return nil, unknown("gin", id)
	}
	return r, nil
}
