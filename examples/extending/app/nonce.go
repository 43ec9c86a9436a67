package app

// This file is a custom request check. itty3's Extending guide subclasses
// its request to verify a nonce header; in itty a check that needs state
// (here, the nonces issued and not used yet) is a middleware around the
// routes it guards. Each nonce is good for one request within its
// lifetime. A check that needs only the request's own values belongs on
// the parameter struct instead: see span.Validate in app.go.

import (
	"crypto/rand"
	"net/http"
	"sync"
	"time"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/itty"
)

// NonceHeader is the request header that carries a nonce.
const NonceHeader = "X-Secure-Nonce"

// maxNonces bounds the nonces waiting to be used.
const maxNonces = 10_000

// NonceStore issues single-use nonces that expire.
type NonceStore struct {
	ttl time.Duration
	now func() time.Time

	mu     sync.Mutex
	issued map[string]time.Time // nonce → expiry
}

// NewNonceStore returns a store whose nonces live for ttl, by the clock
// now (time.Now when nil).
func NewNonceStore(ttl time.Duration, now func() time.Time) *NonceStore {
	if now == nil {
		now = time.Now
	}
	return &NonceStore{ttl: ttl, now: now, issued: map[string]time.Time{}}
}

// Issue returns a new nonce. It fails when too many nonces are waiting.
func (s *NonceStore) Issue() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if len(s.issued) >= maxNonces { // full: drop the expired ones first
		for n, exp := range s.issued {
			if !now.Before(exp) {
				delete(s.issued, n)
			}
		}
	}
	if len(s.issued) >= maxNonces {
		return "", errors.Status(http.StatusServiceUnavailable, "too many nonces are waiting; try again later")
	}
	n := rand.Text()
	s.issued[n] = now.Add(s.ttl)
	return n, nil
}

// Use consumes nonce: it reports whether nonce was issued, is not expired
// and was not used before.
func (s *NonceStore) Use(nonce string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	exp, ok := s.issued[nonce]
	if !ok {
		return false
	}
	delete(s.issued, nonce)
	return s.now().Before(exp)
}

// RequireNonce returns middleware that lets a request through only with a
// valid nonce in its X-Secure-Nonce header, and answers 403 otherwise.
func RequireNonce(s *NonceStore) itty.Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !s.Use(r.Header.Get(NonceHeader)) {
				e := errors.Status(http.StatusForbidden, "a valid, unused "+NonceHeader+" header is required")
				_ = e.WriteResponse(w, r)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
