// Design: negotiation is a pure function of the Accept header(s), so it is
// a table of headers and verdicts, plus a fuzz target that only asserts
// the parser never panics on arbitrary input.

package errors

import (
	"net/http/httptest"
	"testing"
)

func TestPrefersJSON(t *testing.T) {
	tests := []struct {
		accept []string // each element is one Accept header line
		want   bool
	}{
		{nil, false},
		{[]string{""}, false},
		{[]string{"*/*"}, false},
		{[]string{"application/json"}, true},
		{[]string{"application/problem+json"}, true},
		{[]string{"application/vnd.api+json"}, true},
		{[]string{"application/ld+json;q=0.5"}, true},
		{[]string{"APPLICATION/JSON"}, true},
		{[]string{"application/json; charset=utf-8"}, true},
		{[]string{"application/json;q=0"}, false},
		{[]string{"application/+json"}, false},
		{[]string{"application/*"}, false},
		{[]string{"text/json"}, false},
		{[]string{"application/xml"}, false},
		{[]string{"text/html"}, false},
		{[]string{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}, false}, // a browser
		{[]string{"application/json, text/plain, */*"}, false},                               // axios: a tie, HTML wins
		{[]string{"application/json, */*"}, false},                                           // equal: HTML wins
		{[]string{"application/json, text/html"}, false},
		{[]string{"application/json, text/html;q=0.9"}, true},
		{[]string{"text/html;q=0.9, application/json"}, true},
		{[]string{"application/json;q=0.5, */*;q=0.4"}, true},
		{[]string{"application/json;q=0.5, text/*;q=0.6"}, false},
		{[]string{"application/json;q=0.5, text/*;q=0.4, */*"}, true},  // text/* is more specific than */*
		{[]string{"text/html;q=0, application/json;q=0.1, */*"}, true}, // text/html itself is refused
		{[]string{"text/html;q=0.2, text/html;q=0.8, application/json;q=0.5"}, false},
		{[]string{"application/json;q=0.9, application/problem+json;q=0.1, text/html;q=0.5"}, true},
		{[]string{"application/json;level=1;q=0.3, text/html;q=0.2"}, true},
		{[]string{"application/json;q=0.3;ext=1, text/html;q=0.2"}, true},
		{[]string{"application/json;Q=0.3, text/html;q=0.2"}, true},
		{[]string{"text/html;q=0.5", "application/json"}, true}, // two header lines
		{[]string{"application/json", "*/*"}, false},
		// Malformed input is handled leniently.
		{[]string{"application/json;q=abc"}, false},
		{[]string{"application/json;q=2"}, false},
		{[]string{"application/json;q=-1"}, false},
		{[]string{"application/json;q=NaN"}, false},
		{[]string{"application/json;q=abc, application/json;q=0.4"}, true},
		{[]string{"text/html;q=bogus, application/json"}, true},
		{[]string{",,, application/json ,"}, true},
		{[]string{"json"}, false},
		{[]string{"/json, application/"}, false},
		{[]string{`text/html;foo="a,application/json", */*;q=0.1`}, false},
		{[]string{`text/html;foo="a,b";q=0.1, application/json`}, true},
		{[]string{`application/json;x="unterminated, text/html`}, true},
		{[]string{`text/html;x="a\"b,c";q=0.1, application/json`}, true},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		for _, a := range tt.accept {
			r.Header.Add("Accept", a)
		}
		if got := PrefersJSON(r); got != tt.want {
			t.Errorf("PrefersJSON(Accept: %q) = %v, want %v", tt.accept, got, tt.want)
		}
	}
	if PrefersJSON(nil) {
		t.Errorf("PrefersJSON(nil) = true, want false")
	}
}

func TestPrefersJSONAllocs(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Accept", `text/html;q=0.8, application/json;q=0.9;x="a,b", */*;q=0.1`)
	allocs := testing.AllocsPerRun(100, func() { PrefersJSON(r) })
	if allocs != 0 {
		t.Errorf("PrefersJSON allocates %v times per call, want 0", allocs)
	}
}

func FuzzPrefersJSON(f *testing.F) {
	for _, s := range []string{
		"", "*/*", "application/json", "text/html;q=0.9, application/json",
		`a/b;q="1,2";x=\"`, "application/json;q=0.5e0", ";;,,/;q=", "text/*;q=.5",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, accept string) {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header["Accept"] = []string{accept}
		got := PrefersJSON(r)
		// Adding "*/*" with a lower quality than everything else cannot
		// make an HTML preference flip to JSON.
		r.Header["Accept"] = []string{accept, "*/*;q=0"}
		if !got && PrefersJSON(r) {
			t.Errorf("adding */*;q=0 to %q made JSON preferred", accept)
		}
	})
}
