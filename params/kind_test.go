package params

// Tests for kind.go: the names of the kinds and ParseKind.

import "testing"

func TestKindString(t *testing.T) {
	tests := []struct {
		kind Kind
		want string
	}{
		{Literal, "literal"},
		{UUID, "uuid"},
		{Int, "int"},
		{Float, "float"},
		{Slug, "slug"},
		{Str, "str"},
		{Path, "path"},
		{Path + 1, "kind(7)"},
		{Kind(255), "kind(255)"},
	}
	for _, tt := range tests {
		if got := tt.kind.String(); got != tt.want {
			t.Errorf("Kind(%d).String() = %q, want %q", uint8(tt.kind), got, tt.want)
		}
	}
}

func TestKindPrecedence(t *testing.T) {
	order := []Kind{Literal, UUID, Int, Float, Slug, Str, Path}
	for i, k := range order {
		if int(k) != i {
			t.Errorf("%v = %d, want %d", k, k, i)
		}
	}
}

func TestParseKind(t *testing.T) {
	tests := []struct {
		in     string
		want   Kind
		wantOK bool
	}{
		{"uuid", UUID, true},
		{"int", Int, true},
		{"float", Float, true},
		{"slug", Slug, true},
		{"str", Str, true},
		{"path", Path, true},
		{"literal", Literal, false},
		{"", Literal, false},
		{"Int", Literal, false},
		{"INT", Literal, false},
		{" int", Literal, false},
		{"int ", Literal, false},
		{"string", Literal, false},
		{"integer", Literal, false},
	}
	for _, tt := range tests {
		got, ok := ParseKind(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ParseKind(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestParseKindRoundTrip(t *testing.T) {
	for k := UUID; k <= Path; k++ {
		got, ok := ParseKind(k.String())
		if !ok || got != k {
			t.Errorf("ParseKind(%q) = %v, %v; want %v, true", k.String(), got, ok, k)
		}
	}
}
