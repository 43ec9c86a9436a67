package bench

import (
	"net/http"
	"strings"
	"testing"

	"github.com/ittygo/itty/benchmarks/internal/sink"
)

// The checks must catch wrong answers, or the correctness test proves
// nothing.
func TestCheckCatchesWrongAnswers(t *testing.T) {
	wrong := map[string]struct {
		id ID
		h  http.HandlerFunc
	}{
		"status": {Param1, func(w http.ResponseWriter, r *http.Request) {
			sink.Add("gordon")
		}},
		"body": {Param1, func(w http.ResponseWriter, r *http.Request) {
			sink.Add("gordon")
			w.WriteHeader(http.StatusNoContent)
			_, _ = w.Write([]byte("x"))
		}},
		"param value": {Param1, func(w http.ResponseWriter, r *http.Request) {
			sink.Add("gordo")
			w.WriteHeader(http.StatusNoContent)
		}},
		"param not read": {Param5, func(w http.ResponseWriter, r *http.Request) {
			for range 4 {
				sink.Add("test")
			}
			w.WriteHeader(http.StatusNoContent)
		}},
		"JSON value": {Typed, func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, ItemReply{ID: 42, Title: "x", Count: 3})
		}},
		"JSON extra key": {Typed, func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, map[string]any{"id": 42, "title": "x", "count": 3, "verbose": true, "more": 1})
		}},
		"content type": {Typed, func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte(`{"id":42,"title":"x","count":3,"verbose":true}`))
		}},
		"accepts invalid input": {TypedValidated, func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, ItemReply{ID: 42, Title: "x", Count: 3, Verbose: true})
		}},
	}
	for name, c := range wrong {
		fw := &Framework{Name: "wrong", build: func(ID) (http.Handler, error) { return c.h, nil }}
		if err := Check(fw, ScenarioByID(c.id)); err == nil {
			t.Errorf("%s: a wrong %s passed the check", c.id, name)
		}
	}
}

// Every scenario has cases, and every framework names a build function.
func TestScenariosAndFrameworks(t *testing.T) {
	seen := map[ID]bool{}
	for _, sc := range Scenarios() {
		if len(sc.Cases) == 0 || sc.Doc == "" || seen[sc.ID] {
			t.Errorf("scenario %q: no cases, no doc, or listed twice", sc.ID)
		}
		seen[sc.ID] = true
	}
	for _, fw := range Frameworks() {
		if fw.build == nil || strings.TrimSpace(fw.Name) == "" {
			t.Errorf("framework %q is incomplete", fw.Name)
		}
	}
}

// The recorder keeps its memory across resets: serving a request costs
// only what the handler allocates.
func TestRecorderReuse(t *testing.T) {
	rec := NewRecorder()
	ct := []string{"text/plain"}
	h := func() {
		rec.Reset()
		rec.Header()["Content-Type"] = ct
		rec.WriteHeader(http.StatusTeapot)
		_, _ = rec.WriteString("hello")
	}
	h()
	if rec.Status() != http.StatusTeapot || string(rec.Body()) != "hello" {
		t.Fatalf("recorded %d %q", rec.Status(), rec.Body())
	}
	if n := testing.AllocsPerRun(100, h); n != 0 {
		t.Errorf("a reused recorder allocates %v times per response", n)
	}
}

// Replaying a prepared request allocates nothing and rewinds its body.
func TestReplay(t *testing.T) {
	c := &ScenarioByID(Typed).Cases[0]
	p := newPrepared(c)
	var got []byte
	buf := make([]byte, 64)
	read := func() {
		r := p.next()
		got = got[:0]
		for {
			n, err := r.Body.Read(buf)
			got = append(got, buf[:n]...)
			if err != nil {
				break
			}
		}
	}
	read()
	read()
	if string(got) != string(c.Body) {
		t.Fatalf("replayed body %q, want %q", got, c.Body)
	}
	got = make([]byte, 0, 256)
	if n := testing.AllocsPerRun(100, read); n != 0 {
		t.Errorf("replaying a request allocates %v times", n)
	}
}
