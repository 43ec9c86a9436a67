package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"strings"
	"testing"

	"github.com/ittygo/itty/itty"
)

func TestRunArguments(t *testing.T) {
	setup := func(fs *flag.FlagSet) Build {
		fs.String("data", "data.json", "the data file")
		return func(opts ...itty.Option) (*itty.App, error) { return itty.New(opts...), nil }
	}
	for _, c := range []struct {
		args    []string
		err     string // "" for flag.ErrHelp
		printed string
	}{
		{[]string{"-h"}, "", "-data string"},
		{[]string{"-nope"}, "flag provided but not defined: -nope", "-addr string"},
		{[]string{"stray"}, `x: unexpected argument "stray"`, ""},
	} {
		var out bytes.Buffer
		err := Run(context.Background(), c.args, &out, "x", setup)
		switch {
		case c.err == "" && !errors.Is(err, flag.ErrHelp):
			t.Errorf("%q: err = %v, want flag.ErrHelp (Main exits 0)", c.args, err)
		case c.err != "" && (err == nil || err.Error() != c.err):
			t.Errorf("%q: err = %v, want %s", c.args, err, c.err)
		}
		if !strings.Contains(out.String(), c.printed) {
			t.Errorf("%q: printed %q, want it to hold %q", c.args, out.String(), c.printed)
		}
	}
}
