// Command api is a typed JSON CRUD API with its OpenAPI document and an
// offline docs page: items listed by page, read, created, replaced and
// deleted by <int:id>, and an image uploaded for an item.
//
//	cd openapi && go run ./examples/api            # serves on 127.0.0.1:8000
//	cd openapi && go run ./examples/api -addr :9000
//
// Then open http://127.0.0.1:8000/docs, or fetch /openapi.json.
package main

import (
	"flag"
	"log"
	"mime/multipart"
	"sort"
	"sync"
	"time"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/openapi"
)

// Item is an item of the catalogue.
type Item struct {
	ID      int       `json:"id" minimum:"1" example:"1"`
	Name    string    `json:"name" minLength:"1" maxLength:"100" example:"Fountain pen"`
	Price   float64   `json:"price" minimum:"0" example:"12.5"`
	Tags    []string  `json:"tags" maxItems:"10" example:"office"`
	Created time.Time `json:"created" doc:"When the item was created."`
	Image   *Image    `json:"image,omitempty" doc:"The item's image, once uploaded."`
}

// Image describes an uploaded image.
type Image struct {
	Filename    string `json:"filename" example:"pen.png"`
	ContentType string `json:"content_type" example:"image/png"`
	Size        int64  `json:"size" minimum:"0" example:"2048"`
}

// ItemInput is what a client sends to create or replace an item.
type ItemInput struct {
	Name  string   `json:"name" required:"true" minLength:"1" maxLength:"100" example:"Fountain pen"`
	Price float64  `json:"price" required:"true" minimum:"0" example:"12.5"`
	Tags  []string `json:"tags" maxItems:"10" pattern:"^[a-z]+$" maxLength:"20" doc:"Lower-case words." example:"office"`
}

// Page is one page of a list.
type Page[T any] struct {
	Items   []T `json:"items"`
	Total   int `json:"total" minimum:"0" doc:"How many there are in all."`
	Page    int `json:"page" minimum:"1"`
	PerPage int `json:"per_page" minimum:"1" maximum:"100"`
}

// listParams selects a page of items.
type listParams struct {
	Page    int    `query:"page" default:"1" minimum:"1" doc:"The page, from 1."`
	PerPage int    `query:"per_page" default:"20" minimum:"1" maximum:"100" doc:"Items per page."`
	Tag     string `query:"tag" pattern:"^[a-z]+$" doc:"Only items with this tag." example:"office"`
	Sort    string `query:"sort" default:"id" enum:"id,name,price" doc:"The order of the list."`
}

// itemRef names an item.
type itemRef struct {
	ID int `path:"id" doc:"The item's id." example:"1"`
}

// createParams is the body of a new item.
type createParams struct {
	Item ItemInput `body:"" required:"true"`
}

// replaceParams names an item and carries its new content.
type replaceParams struct {
	ID   int       `path:"id" doc:"The item's id." example:"1"`
	Item ItemInput `body:"" required:"true"`
}

// uploadParams carries an image for an item.
type uploadParams struct {
	ID      int                   `path:"id" doc:"The item's id." example:"1"`
	Image   *multipart.FileHeader `form:"image" required:"true" doc:"The image file."`
	Caption string                `form:"caption" maxLength:"200" doc:"A caption for the image." example:"The pen, capped."`
}

// store keeps the items in memory.
type store struct {
	mu    sync.Mutex
	next  int
	items map[int]Item
}

func newStore() *store {
	s := &store{next: 1, items: map[int]Item{}}
	created := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, in := range []ItemInput{
		{Name: "Fountain pen", Price: 12.5, Tags: []string{"office"}},
		{Name: "Notebook", Price: 4, Tags: []string{"office", "paper"}},
		{Name: "Desk lamp", Price: 30, Tags: []string{}},
	} {
		s.add(in, created)
	}
	return s
}

func (s *store) add(in ItemInput, created time.Time) Item {
	s.mu.Lock()
	defer s.mu.Unlock()
	it := Item{ID: s.next, Name: in.Name, Price: in.Price, Tags: tagsOf(in.Tags), Created: created}
	s.items[it.ID] = it
	s.next++
	return it
}

// tagsOf copies tags, never nil.
func tagsOf(tags []string) []string { return append([]string{}, tags...) }

// newApp builds the application; main runs it and the tests serve it.
func newApp(opts ...itty.Option) (*itty.App, error) {
	app := itty.New(opts...)
	s := newStore()
	notFound := itty.Returns(404, (*itty.Error)(nil), "No item has this id.")

	itty.GetJSON(app, "/items", func(r *itty.Request, p listParams) (Page[Item], error) {
		s.mu.Lock()
		defer s.mu.Unlock()
		var all []Item
		for _, it := range s.items {
			if p.Tag == "" || contains(it.Tags, p.Tag) {
				all = append(all, it)
			}
		}
		sort.Slice(all, func(i, j int) bool {
			a, b := all[i], all[j]
			switch p.Sort {
			case "name":
				return a.Name < b.Name || a.Name == b.Name && a.ID < b.ID
			case "price":
				return a.Price < b.Price || a.Price == b.Price && a.ID < b.ID
			}
			return a.ID < b.ID
		})
		page := Page[Item]{Items: []Item{}, Total: len(all), Page: p.Page, PerPage: p.PerPage}
		if start := (p.Page - 1) * p.PerPage; start < len(all) {
			page.Items = all[start:min(start+p.PerPage, len(all))]
		}
		return page, nil
	}, itty.Summary("List items"), itty.Tags("items"), itty.OperationID("listItems"))

	itty.GetJSON(app, "/items/<int:id>", func(r *itty.Request, p itemRef) (Item, error) {
		s.mu.Lock()
		defer s.mu.Unlock()
		it, ok := s.items[p.ID]
		if !ok {
			return Item{}, errors.NotFound()
		}
		return it, nil
	}, itty.Summary("Get an item"), itty.Tags("items"), itty.OperationID("getItem"), notFound)

	itty.PostJSON(app, "/items", func(r *itty.Request, p createParams) (Item, error) {
		return s.add(p.Item, time.Now().UTC().Truncate(time.Second)), nil
	}, itty.Summary("Create an item"), itty.Tags("items"), itty.OperationID("createItem"), itty.SuccessStatus(201))

	itty.PutJSON(app, "/items/<int:id>", func(r *itty.Request, p replaceParams) (Item, error) {
		s.mu.Lock()
		defer s.mu.Unlock()
		it, ok := s.items[p.ID]
		if !ok {
			return Item{}, errors.NotFound()
		}
		it.Name, it.Price, it.Tags = p.Item.Name, p.Item.Price, tagsOf(p.Item.Tags)
		s.items[p.ID] = it
		return it, nil
	}, itty.Summary("Replace an item"), itty.Tags("items"), itty.OperationID("replaceItem"), notFound)

	itty.DeleteJSON(app, "/items/<int:id>", func(r *itty.Request, p itemRef) (struct{}, error) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if _, ok := s.items[p.ID]; !ok {
			return struct{}{}, errors.NotFound()
		}
		delete(s.items, p.ID)
		return struct{}{}, nil
	}, itty.Summary("Delete an item"), itty.Tags("items"), itty.OperationID("deleteItem"), itty.SuccessStatus(204), notFound)

	itty.PostJSON(app, "/items/<int:id>/image", func(r *itty.Request, p uploadParams) (Image, error) {
		s.mu.Lock()
		defer s.mu.Unlock()
		it, ok := s.items[p.ID]
		if !ok {
			return Image{}, errors.NotFound()
		}
		img := Image{Filename: p.Image.Filename, ContentType: p.Image.Header.Get("Content-Type"), Size: p.Image.Size}
		if img.ContentType == "" {
			img.ContentType = "application/octet-stream"
		}
		it.Image = &img
		s.items[p.ID] = it
		return img, nil
	}, itty.Summary("Upload an item's image"), itty.Tags("images"), itty.OperationID("uploadImage"),
		itty.SuccessStatus(201), itty.RouteMaxMultipartBytes(1<<20), notFound)

	err := openapi.Mount(app, info(), docOptions()...)
	return app, err
}

// docOptions are the document's options: tags and server.
func docOptions() []openapi.Option {
	return []openapi.Option{
		openapi.WithTag("items", "The catalogue's items."),
		openapi.WithTag("images", "Images of items."),
		openapi.WithServer("/", "This server"),
	}
}

// info describes the API.
func info() openapi.Info {
	return openapi.Info{
		Title:       "Catalogue",
		Version:     "1.0.0",
		Description: "A typed JSON CRUD API served by itty, described from its handlers' types.",
		License:     &openapi.License{Name: "MIT", Identifier: "MIT"},
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "address to listen on")
	debug := flag.Bool("debug", false, "log every request and show 500 causes")
	flag.Parse()
	app, err := newApp(itty.Debug(*debug))
	if err != nil {
		log.Fatal(err)
	}
	if err := app.Run(itty.Addr(*addr)); err != nil {
		log.Fatal(err)
	}
}
