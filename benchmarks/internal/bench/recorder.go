package bench

import "net/http"

// Recorder is a minimal http.ResponseWriter that keeps the status and the
// body and is reset between operations, so that serving a request in a
// benchmark costs only what the framework itself allocates.
type Recorder struct {
	header http.Header
	status int
	body   []byte
}

// NewRecorder returns an empty Recorder.
func NewRecorder() *Recorder { return &Recorder{header: make(http.Header)} }

// Reset forgets the previous response, keeping the memory it used.
func (w *Recorder) Reset() {
	clear(w.header)
	w.status = 0
	w.body = w.body[:0]
}

// Header returns the response header map.
func (w *Recorder) Header() http.Header { return w.header }

// WriteHeader records the first final status.
func (w *Recorder) WriteHeader(code int) {
	if w.status == 0 && code >= 200 {
		w.status = code
	}
}

// Write appends p to the body.
func (w *Recorder) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.body = append(w.body, p...)
	return len(p), nil
}

// WriteString appends s to the body, as net/http's own writer allows.
func (w *Recorder) WriteString(s string) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.body = append(w.body, s...)
	return len(s), nil
}

// Flush does nothing: everything is already "sent".
func (w *Recorder) Flush() {}

// Status returns the status sent, 200 when the handler wrote nothing (as
// net/http answers).
func (w *Recorder) Status() int {
	if w.status == 0 {
		return http.StatusOK
	}
	return w.status
}

// Body returns the body written so far. It is valid until the next Reset.
func (w *Recorder) Body() []byte { return w.body }
