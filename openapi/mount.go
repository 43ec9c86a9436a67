package openapi

// This file serves the document and the docs page from the app itself. The
// routes are registered like any other (so they sit behind the app's
// middleware) and are Hidden, so the document does not list them. The docs
// page is Swagger UI, whose assets github.com/swaggest/swgui embeds in the
// binary: the page loads nothing from any other host.

import (
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/swaggest/swgui"
	"github.com/swaggest/swgui/v5emb"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// Mount registers on app the GET routes that serve its OpenAPI document as
// JSON (default /openapi.json), as YAML beside it (/openapi.yaml, unless
// WithoutYAML) and the docs page (default /docs, its assets under /docs/).
// It builds the document once to report any route that cannot be
// described, and builds it again, once, when the first request asks for
// it, so routes registered after Mount are listed too. Call it before the
// app serves: it returns the *itty.RouteError of a route that cannot be
// registered, which wraps itty.ErrServed once the app has served.
func Mount(app *itty.App, info Info, opts ...Option) error {
	cfg := newConfig(opts)
	for _, p := range []string{cfg.specPath, cfg.docsPath} {
		if !strings.HasPrefix(p, "/") || strings.HasSuffix(p, "/") || strings.ContainsAny(p, "<>") {
			return fmt.Errorf("itty: openapi: %q is not a path to serve at: it must start with '/', not end with one, and hold no parameter", p)
		}
	}
	if _, err := build(app, info, cfg); err != nil {
		return err
	}
	s := &docServer{app: app, info: info, cfg: cfg}
	hidden := itty.Hidden()
	if _, err := itty.Register(app, http.MethodGet, cfg.specPath, s.serveJSON, hidden); err != nil {
		return err
	}
	if cfg.yaml {
		if _, err := itty.Register(app, http.MethodGet, yamlPath(cfg.specPath), s.serveYAML, hidden); err != nil {
			return err
		}
	}
	ui := v5emb.NewHandlerWithConfig(swgui.Config{
		Title:       info.Title,
		SwaggerJSON: cfg.specPath,
		BasePath:    cfg.docsPath + "/",
		SettingsUI:  map[string]string{"defaultModelsExpandDepth": "1"},
	})
	page := func(r *itty.Request, p struct{}) itty.Response { return handlerResponse{ui} }
	if _, err := itty.Register(app, http.MethodGet, cfg.docsPath, page, hidden); err != nil {
		return err
	}
	asset := func(r *itty.Request, p struct {
		Asset string `path:"asset"`
	}) itty.Response {
		return handlerResponse{ui}
	}
	_, err := itty.Register(app, http.MethodGet, cfg.docsPath+"/<path:asset>", asset, hidden)
	return err
}

// yamlPath is the path of the YAML document beside the JSON one.
func yamlPath(jsonPath string) string {
	return strings.TrimSuffix(jsonPath, ".json") + ".yaml"
}

// docServer serves the document, built once.
type docServer struct {
	app  *itty.App
	info Info
	cfg  *config

	once     sync.Once
	json     []byte
	yaml     []byte
	buildErr error
}

func (s *docServer) load() {
	s.once.Do(func() {
		s.json, s.buildErr = build(s.app, s.info, s.cfg)
		if s.buildErr == nil && s.cfg.yaml {
			s.yaml, s.buildErr = toYAML(s.json)
		}
	})
}

func (s *docServer) serveJSON(r *itty.Request, p struct{}) itty.Response {
	s.load()
	if s.buildErr != nil {
		return errors.Internal(s.buildErr)
	}
	return respond.Bytes("application/json", s.json)
}

func (s *docServer) serveYAML(r *itty.Request, p struct{}) itty.Response {
	s.load()
	if s.buildErr != nil {
		return errors.Internal(s.buildErr)
	}
	return respond.Bytes("application/yaml", s.yaml)
}

// handlerResponse answers a request with an http.Handler.
type handlerResponse struct{ h http.Handler }

// WriteResponse serves r with the handler.
func (h handlerResponse) WriteResponse(w http.ResponseWriter, r *http.Request) error {
	h.h.ServeHTTP(w, r)
	return nil
}
