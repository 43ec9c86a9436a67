package bench

import (
	"bytes"
	"net/http"
	"net/http/httptest"
)

// replayBody is a request body that can be read again after a reset.
type replayBody struct{ bytes.Reader }

func (*replayBody) Close() error { return nil }

// prepared is one request, replayed as often as needed without allocating:
// each use copies the template into a working request (so whatever a
// framework stored in the request last time, such as a parsed form or
// path values, is gone) and rewinds the body.
type prepared struct {
	tmpl http.Request
	work http.Request
	body []byte
	rd   replayBody
	c    *Case
}

func newPrepared(c *Case) *prepared {
	r := httptest.NewRequest(c.Method, c.Target, nil)
	for k, v := range c.Header {
		r.Header[k] = v
	}
	p := &prepared{tmpl: *r, body: c.Body, c: c}
	p.tmpl.Body = http.NoBody
	p.tmpl.ContentLength = int64(len(c.Body))
	if c.Body != nil {
		p.tmpl.GetBody = nil
	}
	return p
}

// next returns the request, fresh.
func (p *prepared) next() *http.Request {
	p.work = p.tmpl
	if p.body != nil {
		p.rd.Reset(p.body)
		p.work.Body = &p.rd
	}
	return &p.work
}

// Runner serves the requests of one scenario to one app, over and over.
type Runner struct {
	h    http.Handler
	reqs []*prepared
	rec  *Recorder
}

// NewRunner prepares the requests of sc for h.
func NewRunner(h http.Handler, sc *Scenario) *Runner {
	r := &Runner{h: h, rec: NewRecorder()}
	for i := range sc.Cases {
		r.reqs = append(r.reqs, newPrepared(&sc.Cases[i]))
	}
	return r
}

// Op serves every request of the scenario once: one benchmark operation.
func (r *Runner) Op() {
	for _, p := range r.reqs {
		r.rec.Reset()
		r.h.ServeHTTP(r.rec, p.next())
	}
}

// Verify serves every request of the scenario once and checks each reply.
func (r *Runner) Verify() error {
	for _, p := range r.reqs {
		if err := serveAndCheck(r.h, r.rec, p); err != nil {
			return err
		}
	}
	return nil
}
