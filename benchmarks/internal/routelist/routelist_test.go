package routelist

import (
	"slices"
	"strings"
	"testing"
)

func TestParseAndSyntaxes(t *testing.T) {
	rts, err := Parse(strings.NewReader("# comment\n\nGET /user/repos\nDELETE /repos/:owner/:repo\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rts) != 2 || rts[0].Params != nil || !slices.Equal(rts[1].Params, []string{"owner", "repo"}) {
		t.Fatalf("parsed %+v", rts)
	}
	rt := rts[1]
	if got := rt.Brace(); got != "/repos/{owner}/{repo}" {
		t.Errorf("Brace() = %q", got)
	}
	if got := rt.Itty(); got != "/repos/<str:owner>/<str:repo>" {
		t.Errorf("Itty() = %q", got)
	}
	target, vals := rt.Target()
	if target != "/repos/x-owner/x-repo" || !slices.Equal(vals, []string{"x-owner", "x-repo"}) {
		t.Errorf("Target() = %q, %q", target, vals)
	}
	for _, bad := range []string{"GET", "GET user", "GET /a/:/b"} {
		if _, err := Parse(strings.NewReader(bad)); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
}
