// Design: the error model is data, so these tests are tables of values and
// the exact strings and fields they must produce. One test parses the
// package source to guard the rule that no Is/As/New/Unwrap functions are
// exported (they would shadow the standard library's meanings).

package errors

import (
	stderrors "errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestErrorString(t *testing.T) {
	cause := stderrors.New("disk on fire")
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"not found", NotFound(), "itty: 404 not found"},
		{"detail", Status(409, "the name is taken"), "itty: 409 conflict: the name is taken"},
		{"cause", Internal(cause), "itty: 500 internal error: disk on fire"},
		{"detail and cause", BadRequest("bad JSON", cause), "itty: 400 bad request: bad JSON: disk on fire"},
		{"custom title", &Error{Status: 418, Title: "Short And Stout"}, "itty: 418 short and stout"},
		{"unknown status", Status(599, ""), "itty: 599 error"},
		{"panic cause", Internal(&PanicError{Value: "boom"}), "itty: 500 internal error: itty: panic: boom"},
		{"nil", nil, "itty: <nil error>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFieldError(t *testing.T) {
	tests := []struct {
		f        FieldError
		location string
		str      string
	}{
		{FieldError{Source: "query", Name: "page", Message: "must be an integer", Value: "abc"},
			"query.page", `itty: query.page: must be an integer (got "abc")`},
		{FieldError{Source: "body", Name: "email", Message: "is required"},
			"body.email", `itty: body.email: is required`},
		{FieldError{Source: "header", Name: "X-N", Message: "must be short", Value: "a\"b\n"},
			"header.X-N", `itty: header.X-N: must be short (got "a\"b\n")`},
		{FieldError{Name: "id", Message: "bad"}, "id", `itty: id: bad`},
		{FieldError{Source: "body", Message: "bad"}, "body", `itty: body: bad`},
	}
	for _, tt := range tests {
		if got := tt.f.Location(); got != tt.location {
			t.Errorf("%+v: Location() = %q, want %q", tt.f, got, tt.location)
		}
		if got := tt.f.Error(); got != tt.str {
			t.Errorf("%+v: Error() = %q, want %q", tt.f, got, tt.str)
		}
	}
}

func TestUnwrap(t *testing.T) {
	inner := stderrors.New("inner")
	fe := &FieldError{Source: "query", Name: "n", Message: "bad", Err: inner}
	if !stderrors.Is(fe, inner) {
		t.Errorf("errors.Is(FieldError, inner) = false, want true")
	}
	e := BadRequest("x", fmt.Errorf("wrapped: %w", inner))
	if !stderrors.Is(e, inner) {
		t.Errorf("errors.Is(*Error, inner) = false, want true")
	}
	p := &PanicError{Value: 42}
	var got *PanicError
	if !stderrors.As(Internal(p), &got) || got != p {
		t.Errorf("errors.As(*Error, *PanicError) did not find the panic")
	}
	if (*Error)(nil).Unwrap() != nil {
		t.Errorf("nil Unwrap != nil")
	}
}

func TestPanicError(t *testing.T) {
	tests := []struct {
		value any
		want  string
	}{
		{"boom", "itty: panic: boom"},
		{42, "itty: panic: 42"},
		{stderrors.New("oops"), "itty: panic: oops"},
		{nil, "itty: panic: <nil>"},
	}
	for _, tt := range tests {
		if got := (&PanicError{Value: tt.value}).Error(); got != tt.want {
			t.Errorf("PanicError{%v}.Error() = %q, want %q", tt.value, got, tt.want)
		}
	}
}

func TestConstructors(t *testing.T) {
	cause := stderrors.New("c")
	fields := []FieldError{{Source: "query", Name: "page", Message: "must be an integer", Value: "x"}}
	tests := []struct {
		name string
		got  *Error
		want *Error
	}{
		{"Status", Status(410, "gone for good"), &Error{Status: 410, Detail: "gone for good"}},
		{"NotFound", NotFound(), &Error{Status: 404}},
		{"MethodNotAllowed", MethodNotAllowed("GET", "HEAD"),
			&Error{Status: 405, Header: http.Header{"Allow": {"GET, HEAD"}}}},
		{"MethodNotAllowed none", MethodNotAllowed(), &Error{Status: 405, Header: http.Header{"Allow": {""}}}},
		{"BadRequest", BadRequest("nope", cause), &Error{Status: 400, Detail: "nope", Cause: cause}},
		{"Unprocessable", Unprocessable(fields...),
			&Error{Status: 422, Detail: "the request has invalid values", Fields: fields}},
		{"Internal", Internal(cause), &Error{Status: 500, Cause: cause}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !reflect.DeepEqual(tt.got, tt.want) {
				t.Errorf("got %#v, want %#v", tt.got, tt.want)
			}
		})
	}

	// Unprocessable copies its arguments.
	in := []FieldError{{Name: "a"}}
	e := Unprocessable(in...)
	in[0].Name = "changed"
	if e.Fields[0].Name != "a" {
		t.Errorf("Unprocessable shares the caller's slice")
	}
}

func TestFrom(t *testing.T) {
	nf := NotFound()
	plain := stderrors.New("plain")
	tests := []struct {
		name string
		in   error
		want *Error
	}{
		{"nil", nil, nil},
		{"itself", nf, nf},
		{"wrapped", fmt.Errorf("ctx: %w", nf), nf},
		{"joined", stderrors.Join(plain, nf), nf},
		{"plain", plain, &Error{Status: 500, Cause: plain}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := From(tt.in)
			if tt.want == nf {
				if got != nf {
					t.Errorf("From = %p, want the same *Error %p", got, nf)
				}
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("From = %#v, want %#v", got, tt.want)
			}
		})
	}
}

// TestNoShadowingFuncs guards the package API: the standard library's
// Is, As, New and Unwrap must not be redefined here.
func TestNoShadowingFuncs(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, ent := range entries {
		name := ent.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		t.Fatal("no source files found")
	}
	banned := map[string]bool{"Is": true, "As": true, "New": true, "Unwrap": true, "Join": true}
	for _, f := range files {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && banned[fn.Name.Name] {
				t.Errorf("package function %s is exported; it would shadow the standard library", fn.Name.Name)
			}
		}
	}
}
