package bench

import (
	"errors"
	"fmt"
	"net/http"
)

// ErrNotApplicable is returned by Build when a scenario has no meaningful
// form in a framework: the hand-written baseline has no router, so it does
// not serve whole API route sets.
var ErrNotApplicable = errors.New("not applicable")

// Framework is one framework under test.
type Framework struct {
	Name  string
	build func(ID) (http.Handler, error)
}

// Build returns the app of the framework for scenario id.
func (fw *Framework) Build(id ID) (h http.Handler, err error) {
	defer func() {
		// Registration mistakes panic in most frameworks.
		if v := recover(); v != nil {
			h, err = nil, fmt.Errorf("%s: building %s panicked: %v", fw.Name, id, v)
		}
	}()
	return fw.build(id)
}

// Frameworks returns every framework, in report order: the baseline, the
// routers, the frameworks, itty last.
func Frameworks() []*Framework {
	return []*Framework{
		{"baseline", buildBaseline},
		{"servemux", buildServeMux},
		{"httprouter", buildHTTPRouter},
		{"chi", buildChi},
		{"gin", buildGin},
		{"echo", buildEcho},
		{"huma", buildHuma},
		{"fuego", buildFuego},
		{"itty", buildItty},
	}
}

// FrameworkByName returns the named framework, or nil.
func FrameworkByName(name string) *Framework {
	for _, fw := range Frameworks() {
		if fw.Name == name {
			return fw
		}
	}
	return nil
}

func unknown(fw string, id ID) error { return fmt.Errorf("%s: unknown scenario %s", fw, id) }
