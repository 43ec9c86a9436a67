package bind_test

// Tests of plan compilation: what embedding can and cannot bind.

import (
	"bytes"
	"net/http"
	"testing"
)

type pagingRules struct {
	Page int `query:"page"`
	Size int `minimum:"1"` // a rule with no source
}

type tagged struct {
	ID int `query:"id"`
}

type deeper struct {
	*tagged
}

type selfRef struct {
	*selfRef
	Name string
}

// Registration refuses what would never be bound: rules on fields with
// no source, wherever they are embedded, and tagged fields behind an
// embedded pointer, which a plan never allocates.
func TestEmbeddingPlanErrors(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{compileErr[struct {
			pagingRules
			Q string `query:"q"`
		}](), `itty: field pagingRules.Size: the field has validation rules but no source tag, so it is never bound`},
		{compileErr[struct {
			Note string `maxLength:"3"`
		}](), `itty: field Note: the field has validation rules but no source tag, so it is never bound`},
		{compileErr[struct {
			*tagged
			Q string `query:"q"`
		}](), `itty: field tagged: an embedded pointer is never allocated, so the tagged fields of bind_test.tagged are never bound (embed the struct itself)`},
		{compileErr[struct {
			deeper
		}](), `itty: field deeper.tagged: an embedded pointer is never allocated, so the tagged fields of bind_test.tagged are never bound (embed the struct itself)`},
		{compileErr[struct {
			*deeper
		}](), `itty: field deeper: an embedded pointer is never allocated, so the tagged fields of bind_test.deeper are never bound (embed the struct itself)`},

		// Embedded pointers without tags are the caller's business.
		{compileErr[struct {
			*http.Request
			*bytes.Buffer
			*selfRef
			Q string `query:"q"`
		}](), ""},
	}
	for _, c := range cases {
		if got := errOrEmpty(c.err); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}
