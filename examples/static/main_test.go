package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/ittygo/itty/examples/internal/servetest"
)

// mustServe runs the command on a free loopback port; see servetest.
func mustServe(t *testing.T, args ...string) (string, func()) {
	t.Helper()
	return servetest.MustServe(t, run, args...)
}

func TestRunServesAssets(t *testing.T) {
	for _, args := range [][]string{nil, {"-static", "app/static_media"}} {
		base, stop := mustServe(t, args...)
		resp, err := http.Get(base + "/static/css/default.css")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(string(body), "/* The stylesheet of the static example") {
			t.Errorf("%q: GET the stylesheet: %d\n%s", args, resp.StatusCode, body)
		}
		stop()
	}
}

func TestRunRefusesBadArguments(t *testing.T) {
	cases := []struct {
		args []string
		err  string
	}{
		{[]string{"-static", "no/such/dir"}, "itty: static /static/: "},
		{[]string{"-nope"}, "flag provided but not defined: -nope"},
		{[]string{"extra"}, `static: unexpected argument "extra"`},
		{[]string{"-addr", "127.0.0.1:99999"}, `itty: invalid listen address "127.0.0.1:99999"`},
	}
	for _, c := range cases {
		var out bytes.Buffer
		err := run(context.Background(), c.args, &out)
		if err == nil || !strings.HasPrefix(err.Error(), c.err) {
			t.Errorf("run %q = %v, want an error starting %q", c.args, err, c.err)
		}
	}
}
