package openapi_test

// The feature app: one app that uses everything the document describes —
// every segment kind, every source, every validation tag, bodies of every
// media type, the JSON handler forms with generic and recursive types,
// declared responses, metadata, security, hidden and deprecated routes,
// groups and static files. Its document is validated by independent
// libraries and kept as a golden file.

import (
	"encoding/json"
	"mime/multipart"
	"net"
	"testing/fstest"
	"time"

	"github.com/google/uuid"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/openapi"
	"github.com/ittygo/itty/respond"
)

// Color is a named string with a fixed set of values.
type Color string

// Address is a struct shared by several bodies.
type Address struct {
	Street string `json:"street" required:"true" minLength:"1" doc:"Street and number."`
	City   string `json:"city" required:"true" example:"Lyon"`
	Zip    string `json:"zip" pattern:"^[0-9]{5}$" example:"69001"`
}

// Tree is recursive.
type Tree struct {
	Name     string `json:"name" required:"true"`
	Children []Tree `json:"children"`
	Parent   *Tree  `json:"parent,omitempty"`
}

// Pair is generic with two parameters.
type Pair[K comparable, V any] struct {
	Key   K `json:"key"`
	Value V `json:"value"`
}

// Page is generic.
type Page[T any] struct {
	Items []T     `json:"items"`
	Next  *string `json:"next" doc:"The cursor of the next page, null on the last."`
}

// Item is listed, read and written.
type Item struct {
	ID      int       `json:"id" minimum:"1"`
	Name    string    `json:"name" minLength:"1" maxLength:"50"`
	Color   Color     `json:"color" enum:"red,green,blue"`
	Address *Address  `json:"address,omitempty"`
	Created time.Time `json:"created"`
}

// Shared is used by requests and responses, which see it differently.
type Shared struct {
	ID     *int   `json:"id" required:"true"`
	Note   string `json:"note,omitempty" maxLength:"10"`
	Secret string // untagged: written by encoding/json, never read
}

// Base is embedded.
type Base struct {
	Version int `json:"version" minimum:"0" default:"1"`
}

// Kinds holds a field of every kind the JSON decoder takes.
type Kinds struct {
	Base
	When     time.Time           `json:"when"`
	UUID     uuid.UUID           `json:"uuid"`
	IP       net.IP              `json:"ip" doc:"An IP address in text form."`
	Raw      json.RawMessage     `json:"raw"`
	Extra    map[string]int      `json:"extra"`
	Any      any                 `json:"any"`
	Bytes    []byte              `json:"bytes"`
	Count    uint8               `json:"count,string"`
	Ratio    float32             `json:"ratio" exclusiveMinimum:"0" exclusiveMaximum:"1"`
	Step     int                 `json:"step" multipleOf:"5"`
	Flags    []bool              `json:"flags" minItems:"1" maxItems:"3"`
	Unique   []int               `json:"unique" uniqueItems:"true" minimum:"0"`
	Email    string              `json:"email" format:"email"`
	Grid     [2][2]int           `json:"grid"`
	Pairs    []Pair[string, int] `json:"pairs"`
	Lookup   map[string]Address  `json:"lookup"`
	Ignored  string              `json:"-"`
	internal string
}

// searchParams uses every non-body source and every rule.
type searchParams struct {
	Q       string     `query:"q" required:"true" minLength:"2" maxLength:"40" doc:"What to look for." example:"pen"`
	Page    int        `query:"page" default:"1" minimum:"1" maximum:"1000"`
	Size    int8       `query:"size" default:"10" exclusiveMinimum:"0" exclusiveMaximum:"100" multipleOf:"5"`
	Sort    string     `query:"sort" enum:"name,-name,created" default:"name"`
	Colors  []Color    `query:"color" enum:"red,green,blue" maxItems:"3" uniqueItems:"true"`
	IDs     []int      `query:"id" minItems:"1" minimum:"1"`
	Email   string     `query:"email" format:"email"`
	Since   *time.Time `query:"since"`
	Exact   *bool      `query:"exact"`
	Ratio   float64    `query:"ratio" minimum:"0" maximum:"1"`
	Code    string     `query:"code" pattern:"^[A-Z]{3}$"`
	Token   string     `header:"X-Token" required:"true" description:"An access token."`
	Trace   []string   `header:"X-Trace"`
	Session int        `cookie:"session" minimum:"1"`
	Prefs   []string   `cookie:"pref"`
	Skipped string
}

// Validate makes searchParams check itself.
func (p searchParams) Validate() error { return nil }

// jsonFieldsParams reads json fields of P.
type jsonFieldsParams struct {
	ID      uuid.UUID `path:"id"`
	Name    string    `json:"name" required:"true" minLength:"1"`
	Color   Color     `json:"color" enum:"red,green,blue" default:"red"`
	Address Address   `json:"address"`
	Tags    []string  `json:"tags" maxItems:"5"`
	Kinds   *Kinds    `json:"kinds"`
	Shared  Shared    `json:"shared"`
}

// formParams reads a form with files and nested keys.
type formParams struct {
	Title   string                  `form:"title" required:"true" maxLength:"80"`
	Count   int                     `form:"count" default:"1" minimum:"1"`
	Tags    []string                `form:"tag" maxItems:"4"`
	File    *multipart.FileHeader   `form:"file" required:"true"`
	Extra   []*multipart.FileHeader `form:"extra" maxItems:"2"`
	Address formAddress             `form:"address"`
	Lines   []formLine              `form:"lines"`
}

type formAddress struct {
	Street string `form:"street" required:"true"`
	Zip    string `form:"zip" pattern:"^[0-9]{5}$"`
}

type formLine struct {
	Qty int `form:"qty" minimum:"1"`
}

// urlencodedParams reads a form without files.
type urlencodedParams struct {
	Name  string  `form:"name" required:"true"`
	Score float32 `form:"score" minimum:"0"`
}

// featureApp builds the feature app.
func featureApp() *itty.App {
	app := itty.New(itty.MaxBodyBytes(64 << 10))
	api := app.Group("/api")

	itty.GetJSON(api, "/items", func(r *itty.Request, p searchParams) (Page[Item], error) {
		return Page[Item]{}, nil
	}, itty.Summary("Search items"), itty.Description("Searches the items.\n\nEvery rule of the query is enforced."),
		itty.Tags("items"), itty.Security("bearer", "items:read"), itty.Security("key"))

	itty.GetJSON(api, "/items/<int:id>", func(r *itty.Request, p struct {
		ID int8 `path:"id" doc:"A small id." example:"7"`
	}) (Item, error) {
		return Item{}, errors.NotFound()
	}, itty.Tags("items"), itty.Returns(404, (*itty.Error)(nil), "No such item."), itty.Returns(304, nil, "Not modified."))

	itty.PutJSON(api, "/items/<uuid:id>", func(r *itty.Request, p jsonFieldsParams) (Shared, error) {
		return Shared{}, nil
	}, itty.Tags("items"), itty.SecurityAll(itty.SecurityRequirement{"bearer": {"items:write"}, "key": nil}))

	itty.PostJSON(api, "/items/<uuid:id>/strict", func(r *itty.Request, p jsonFieldsParams) (Shared, error) {
		return Shared{}, nil
	}, itty.Tags("items"), itty.RouteStrictJSON(true), itty.SuccessStatus(201))

	itty.PostJSON(api, "/trees/<slug:name>", func(r *itty.Request, p struct {
		Name string `path:"name"`
		Tree Tree   `body:"" required:"true"`
	}) (Tree, error) {
		return p.Tree, nil
	}, itty.OperationID("plantTree"), itty.Tags("trees"))

	itty.PatchJSON(api, "/pairs/<float:weight>", func(r *itty.Request, p struct {
		Weight float32             `path:"weight"`
		Pairs  []Pair[string, int] `body:"" minItems:"1"`
	}) (map[string]Pair[string, int], error) {
		return nil, nil
	}, itty.Deprecated())

	itty.DeleteJSON(api, "/files/<path:rest>", func(r *itty.Request, p struct {
		Rest string `path:"rest"`
	}) (struct{}, error) {
		return struct{}{}, nil
	}, itty.SuccessStatus(204), itty.NoSecurity())

	itty.Post(api, "/uploads/<str:kind>", func(r *itty.Request, p struct {
		Kind string `path:"kind"`
		formParams
	}) itty.Response {
		return respond.NoContent()
	}, itty.Returns(204, nil, "Stored."))

	itty.Put(api, "/scores", func(r *itty.Request, p urlencodedParams) itty.Response {
		return respond.Text("ok")
	}, itty.Returns(200, "", "The word ok."))

	itty.Post(api, "/raw", func(r *itty.Request, p struct {
		Data []byte `body:""`
	}) itty.Response {
		return respond.Bytes("application/octet-stream", p.Data)
	}, itty.Returns(200, []byte(nil), "The bytes back."), itty.ReturnsContent(202, "text/csv", "", "A CSV report."))

	itty.Post(api, "/kinds", func(r *itty.Request, p struct {
		Kinds Kinds `body:""`
	}) itty.Response {
		return respond.JSON(p.Kinds)
	}, itty.Returns(200, Kinds{}, "The kinds back."))

	itty.Get(app, "/", func(r *itty.Request, p struct{}) itty.Response {
		return respond.HTML("<p>home</p>")
	}, itty.Summary("The home page"))

	itty.Get(app, "/internal/health", func(r *itty.Request, p struct{}) itty.Response {
		return respond.Text("ok")
	}, itty.Hidden())

	itty.HandleJSON(app, "PURGE", "/cache", func(r *itty.Request, p struct{}) (int, error) { return 0, nil }, itty.Hidden())

	if err := app.StaticFS("/static/", fstest.MapFS{"a.txt": {Data: []byte("a")}}); err != nil {
		panic(err)
	}
	return app
}

// featureInfo and featureOptions describe the feature app's document.
func featureInfo() openapi.Info {
	return openapi.Info{
		Title: "Features", Version: "2.0.0", Summary: "Everything itty describes.",
		Description: "The feature app of the tests.", TermsOfService: "https://example.com/terms",
		Contact: &openapi.Contact{Name: "API team", URL: "https://example.com", Email: "api@example.com"},
		License: &openapi.License{Name: "Apache 2.0", URL: "https://www.apache.org/licenses/LICENSE-2.0"},
	}
}

func featureOptions() []openapi.Option {
	return []openapi.Option{
		openapi.WithServer("https://api.example.com", "Production"),
		openapi.WithServer("/", ""),
		openapi.WithSecurityScheme("bearer", openapi.BearerAuth("JWT")),
		openapi.WithSecurityScheme("key", openapi.APIKeyAuth("header", "X-API-Key")),
		openapi.WithSecurityScheme("basic", openapi.BasicAuth()),
		openapi.WithSecurity("basic"),
		openapi.WithTag("items", "Items of the catalogue."),
	}
}
