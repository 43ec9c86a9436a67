package itty_test

import (
	stderrors "errors"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/ittygo/itty/bind"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/params"
	"github.com/ittygo/itty/respond"
)

// mustRouteError registers fn and returns the *RouteError it must fail with.
func mustRouteError[P any](t *testing.T, pattern string, fn func(*itty.Request, P) itty.Response) *itty.RouteError {
	t.Helper()
	_, err := itty.Register(itty.New(), "GET", pattern, fn)
	var re *itty.RouteError
	if !stderrors.As(err, &re) {
		t.Fatalf("Register(%q) = %v, want a *RouteError", pattern, err)
	}
	if re.Method != "GET" || re.Pattern != pattern || !strings.Contains(re.Where, "register_test.go:") {
		t.Errorf("RouteError location = %s %s %s", re.Method, re.Pattern, re.Where)
	}
	return re
}

func TestRegistrationErrors(t *testing.T) {
	cases := []struct {
		name  string
		err   func(t *testing.T) *itty.RouteError
		wants []string // substrings of the message: route, field, reason
	}{
		{"segment without field", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/done/<int:offset>/", func(r *itty.Request, p struct {
				Ofset int `path:"ofset"`
			}) itty.Response {
				return nil
			})
		}, []string{"route GET /done/<int:offset>/", "Ofset", `path:"ofset"`, `no segment named "ofset"`}},
		{"field missing for segment", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/done/<int:offset>/", func(r *itty.Request, p struct{}) itty.Response { return nil })
		}, []string{"route GET /done/<int:offset>/", `<int:offset> has no field tagged path:"offset"`}},
		{"string for int", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/done/<int:offset>/", func(r *itty.Request, p struct {
				Offset string `path:"offset"`
			}) itty.Response {
				return nil
			})
		}, []string{"field Offset", "needs an integer field, not string"}},
		{"int for str", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/u/<str:name>", func(r *itty.Request, p struct {
				Name int `path:"name"`
			}) itty.Response {
				return nil
			})
		}, []string{"field Name", "needs a string field, not int"}},
		{"int for float", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/f/<float:x>", func(r *itty.Request, p struct {
				X int `path:"x"`
			}) itty.Response {
				return nil
			})
		}, []string{"field X", "float32 or float64"}},
		{"int for uuid", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/u/<uuid:id>", func(r *itty.Request, p struct {
				ID int `path:"id"`
			}) itty.Response {
				return nil
			})
		}, []string{"field ID", "uuid.UUID or string"}},
		{"map from query", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/q", func(r *itty.Request, p struct {
				M map[string]string `query:"m"`
			}) itty.Response {
				return nil
			})
		}, []string{"field M", "cannot be bound from text"}},
		{"struct from header", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/q", func(r *itty.Request, p struct {
				H struct{ A int } `header:"X-A"`
			}) itty.Response {
				return nil
			})
		}, []string{"field H", "cannot be bound from text"}},
		{"name bound twice", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/q", func(r *itty.Request, p struct {
				A string `query:"a"`
				B int    `query:"a"`
			}) itty.Response {
				return nil
			})
		}, []string{"field B", `query "a" is already bound to field A`}},
		{"header bound twice in other case", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/q", func(r *itty.Request, p struct {
				A string `header:"x-token"`
				B string `header:"X-TOKEN"`
			}) itty.Response {
				return nil
			})
		}, []string{"field B", `header "X-Token" is already bound`}},
		{"not a struct", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/q", func(r *itty.Request, p int) itty.Response { return nil })
		}, []string{"route GET /q", "not a struct"}},
		{"pointer to struct", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/q", func(r *itty.Request, p *struct{}) itty.Response { return nil })
		}, []string{"not a struct"}},
		{"unexported", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/q", func(r *itty.Request, p struct {
				page int `query:"page"`
			}) itty.Response {
				return nil
			})
		}, []string{"field page", "unexported"}},
		{"default does not convert", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/q", func(r *itty.Request, p struct {
				Page int8 `query:"page" default:"300"`
			}) itty.Response {
				return nil
			})
		}, []string{"field Page", `default "300" does not convert`}},
		{"default on path", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/p/<int:id>", func(r *itty.Request, p struct {
				ID int `path:"id" default:"1"`
			}) itty.Response {
				return nil
			})
		}, []string{"field ID", "cannot have a default"}},
		{"two sources", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/q", func(r *itty.Request, p struct {
				A string `query:"a" header:"A"`
			}) itty.Response {
				return nil
			})
		}, []string{"field A", "two sources"}},
		{"empty name", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/q", func(r *itty.Request, p struct {
				A string `query:""`
			}) itty.Response {
				return nil
			})
		}, []string{"field A", "needs a name"}},
		{"unknown kind", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/q/<integer:x>", func(r *itty.Request, p struct{}) itty.Response { return nil })
		}, []string{"route GET /q/<integer:x>", "integer"}},
		{"path kind not last", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/q/<path:x>/more", func(r *itty.Request, p struct{}) itty.Response { return nil })
		}, []string{"route GET /q/<path:x>/more"}},
		{"text type accepted but chan refused", func(t *testing.T) *itty.RouteError {
			return mustRouteError(t, "/q", func(r *itty.Request, p struct {
				D net.IP   `query:"d"`
				C chan int `query:"c"`
			}) itty.Response {
				return nil
			})
		}, []string{"field C", "cannot be bound from text"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			re := c.err(t)
			msg := re.Error()
			if !strings.HasPrefix(msg, "itty: route ") {
				t.Errorf("message %q does not start with \"itty: route \"", msg)
			}
			for _, w := range c.wants {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
		})
	}
}

func TestRegistrationErrorTypes(t *testing.T) {
	re := mustRouteError(t, "/q/<int:x", func(r *itty.Request, p struct{}) itty.Response { return nil })
	var pe *params.PatternError
	if !stderrors.As(re, &pe) {
		t.Errorf("a bad pattern should wrap *params.PatternError, got %T", re.Err)
	}
	re = mustRouteError(t, "/q/<int:x>", func(r *itty.Request, p struct {
		X string `path:"x"`
	}) itty.Response {
		return nil
	})
	var plan *bind.PlanError
	if !stderrors.As(re, &plan) || plan.Field != "X" {
		t.Errorf("a bad field should wrap *bind.PlanError naming X, got %#v", re.Err)
	}
}

func TestGetPanicsWithErrorValue(t *testing.T) {
	defer func() {
		v := recover()
		err, ok := v.(error)
		if !ok {
			t.Fatalf("panic value %#v is not an error", v)
		}
		var re *itty.RouteError
		if !stderrors.As(err, &re) || !strings.Contains(err.Error(), "Offset") {
			t.Errorf("panic error = %v", err)
		}
	}()
	itty.Get(itty.New(), "/done/<int:offset>/", func(r *itty.Request, p struct {
		Offset string `path:"offset"`
	}) itty.Response {
		return nil
	})
	t.Fatal("Get did not panic")
}

func TestRegistrationRefusedAfterServing(t *testing.T) {
	a := itty.New()
	itty.Get(a, "/", func(r *itty.Request, p struct{}) itty.Response { return respond.Text("hi") })
	mustServe(t, a, "GET", "/")
	_, err := itty.Register(a, "GET", "/late", func(r *itty.Request, p struct{}) itty.Response { return nil })
	if !stderrors.Is(err, itty.ErrServed) {
		t.Errorf("late Register = %v, want ErrServed", err)
	}
	func() {
		defer func() {
			if v := recover(); v != itty.ErrServed {
				t.Errorf("late Use panicked with %v, want ErrServed", v)
			}
		}()
		a.Use(func(h http.Handler) http.Handler { return h })
	}()
	if w := mustServe(t, a, "GET", "/late"); w.Code != 404 {
		t.Errorf("late route served: %d", w.Code)
	}
}

func TestInvalidMethod(t *testing.T) {
	_, err := itty.Register(itty.New(), "GE T", "/", func(r *itty.Request, p struct{}) itty.Response { return nil })
	if err == nil || !strings.Contains(err.Error(), "not a valid method") {
		t.Errorf("err = %v", err)
	}
}

func TestRoutesListsRegistrations(t *testing.T) {
	a := itty.New()
	itty.Get(a, "/a", func(r *itty.Request, p struct{}) itty.Response { return nil })
	g := a.Group("/api")
	itty.Post(g, "/b/<int:id>", func(r *itty.Request, p struct {
		ID int `path:"id"`
	}) itty.Response {
		return nil
	})
	got := a.Routes()
	if len(got) != 2 || got[0].Pattern != "/a" || got[1].Pattern != "/api/b/<int:id>" || got[1].Method != "POST" ||
		!strings.Contains(got[1].Where, "register_test.go:") {
		t.Errorf("Routes() = %+v", got)
	}
}

func TestGroupPatternsStartWithSlash(t *testing.T) {
	noop := func(r *itty.Request, p struct{}) itty.Response { return nil }
	cases := []struct {
		name    string
		group   func(a *itty.App) *itty.Group
		pattern string
		want    string // the route registered, or the error's reason
	}{
		{"pattern with slash", func(a *itty.App) *itty.Group { return a.Group("/api/") }, "/items", "/api/items"},
		{"empty pattern is the prefix", func(a *itty.App) *itty.Group { return a.Group("/api") }, "", "/api"},
		{"root group", func(a *itty.App) *itty.Group { return a.Group("") }, "/items", "/items"},
		{"pattern without slash", func(a *itty.App) *itty.Group { return a.Group("/api/") }, "items", `pattern "items": at offset 0: pattern must start with "/"`},
		{"prefix without slash", func(a *itty.App) *itty.Group { return a.Group("api") }, "/items", `pattern "api": at offset 0: a group prefix must start with "/"`},
		{"nested prefix without slash", func(a *itty.App) *itty.Group { return a.Group("/api").Group("v1") }, "/items", `pattern "v1": at offset 0: a group prefix must start with "/"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := itty.New()
			_, err := itty.Register(c.group(a), "GET", c.pattern, noop)
			if err != nil {
				var pe *params.PatternError
				if !stderrors.As(err, &pe) || !strings.HasSuffix(err.Error(), c.want) {
					t.Errorf("Register(%q) = %v, want a *params.PatternError ending %q", c.pattern, err, c.want)
				}
				return
			}
			if rs := a.Routes(); len(rs) != 1 || rs[0].Pattern != c.want {
				t.Errorf("Register(%q) registered %v, want %s", c.pattern, rs, c.want)
			}
		})
	}
}
