package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"

	"github.com/ittygo/itty/benchmarks/internal/sink"
)

// serveAndCheck serves p once and checks the reply against its case.
func serveAndCheck(h http.Handler, rec *Recorder, p *prepared) error {
	sink.Reset()
	rec.Reset()
	h.ServeHTTP(rec, p.next())
	if err := checkReply(rec, p.c.Want); err != nil {
		return fmt.Errorf("%s %s: %w", p.c.Method, p.c.Target, err)
	}
	return nil
}

// checkReply compares what the recorder and the sink got with want.
func checkReply(rec *Recorder, want Expect) error {
	return CheckResponse(rec.Status(), rec.Header(), rec.Body(), want)
}

// CheckResponse compares a reply with want. The parameters a handler read
// are taken from package sink, so want.Params can only be checked for a
// request served in this process, one at a time.
func CheckResponse(status int, header http.Header, body []byte, want Expect) error {
	if want.AnyOf != nil {
		if !slices.Contains(want.AnyOf, status) {
			return fmt.Errorf("status %d, want one of %v (body %q)", status, want.AnyOf, clip(body))
		}
	} else if status != want.Status {
		return fmt.Errorf("status %d, want %d (body %q)", status, want.Status, clip(body))
	}
	if want.Empty && len(body) > 0 {
		return fmt.Errorf("body %q, want none", clip(body))
	}
	if want.Params != nil {
		got, ok := sink.Values()
		if !ok {
			return fmt.Errorf("the handler read too many parameters")
		}
		if !slices.Equal(got, want.Params) {
			return fmt.Errorf("parameters read %q, want %q", got, want.Params)
		}
	}
	if want.JSON != nil {
		ct := header.Get("Content-Type")
		if !strings.HasPrefix(ct, "application/json") {
			return fmt.Errorf("Content-Type %q, want application/json", ct)
		}
		var got map[string]any
		dec := json.NewDecoder(bytes.NewReader(body))
		if err := dec.Decode(&got); err != nil {
			return fmt.Errorf("reply %q is not a JSON object: %v", clip(body), err)
		}
		if dec.More() {
			return fmt.Errorf("reply %q holds more than one JSON value", clip(body))
		}
		// huma's default configuration links every reply to its schema.
		delete(got, "$schema")
		if !reflect.DeepEqual(got, want.JSON) {
			return fmt.Errorf("reply %s, want %v", clip(body), want.JSON)
		}
	}
	return nil
}

func clip(b []byte) string {
	if len(b) > 200 {
		return string(b[:200]) + "…"
	}
	return string(b)
}

// Check builds the app of fw for sc and verifies every case and every
// reject of sc. It returns the error of Build unchanged, so callers can
// tell ErrNotApplicable apart.
func Check(fw *Framework, sc *Scenario) error {
	h, err := fw.Build(sc.ID)
	if err != nil {
		return err
	}
	r := NewRunner(h, sc)
	if err := r.Verify(); err != nil {
		return err
	}
	// Serve the cases a second time: an app must answer the same way once
	// warm (pools, lazily built state).
	if err := r.Verify(); err != nil {
		return fmt.Errorf("second round: %w", err)
	}
	rec := NewRecorder()
	for i := range sc.Rejects {
		if err := serveAndCheck(h, rec, newPrepared(&sc.Rejects[i])); err != nil {
			return fmt.Errorf("invalid input: %w", err)
		}
	}
	return nil
}
