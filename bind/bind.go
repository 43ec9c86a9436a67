package bind

// This file is the request path: it follows a compiled plan. Path values are
// stored by position; the raw query is scanned once, pair by pair, against
// the plan's short list of names (no url.Values map); headers are read by
// their canonical key; cookies are scanned in the Cookie header without
// building http.Cookie values.

import (
	"net/http"
	"strings"
	"unsafe"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/params"
)

func (c *compiled) bind(r *http.Request, pathValues []string, body *RequestBody, base unsafe.Pointer) error {
	if offs := c.strOffsets; offs != nil {
		for i, off := range offs {
			*(*string)(unsafe.Add(base, off)) = pathValues[i]
		}
		return nil
	}
	for i := range c.path {
		s := &c.path[i]
		if s.str {
			*(*string)(unsafe.Add(base, s.offset)) = pathValues[i]
			continue
		}
		s.set(unsafe.Add(base, s.offset), pathValues[i])
	}
	var errs []errors.FieldError
	if len(c.query) > 0 {
		errs = c.bindQuery(r.URL.RawQuery, base, errs)
	}
	if len(c.header) > 0 {
		errs = bindHeaders(c.header, r.Header, base, errs)
	}
	if len(c.cookie) > 0 {
		errs = bindCookies(c.cookie, r.Header["Cookie"], base, errs)
	}
	if c.extra != nil {
		return c.bindExtra(r, body, base, errs)
	}
	if len(errs) > 0 {
		return errors.Unprocessable(errs...)
	}
	return nil
}

// seenSet remembers which slots already have a value, without allocating
// for plans of up to 64 slots.
type seenSet struct {
	bits uint64
	more []bool
}

func newSeenSet(n int) seenSet {
	if n > 64 {
		return seenSet{more: make([]bool, n)}
	}
	return seenSet{}
}

func (s *seenSet) has(i int) bool {
	if s.more != nil {
		return s.more[i]
	}
	return s.bits&(1<<uint(i)) != 0
}

func (s *seenSet) add(i int) {
	if s.more != nil {
		s.more[i] = true
		return
	}
	s.bits |= 1 << uint(i)
}

// collector gathers the values of slice fields until the scan ends.
type collector [][]string

func (c *collector) add(n, i int, v string) {
	if *c == nil {
		*c = make([][]string, n)
	}
	(*c)[i] = append((*c)[i], v)
}

func (c collector) get(i int) []string {
	if c == nil {
		return nil
	}
	return c[i]
}

func (c *compiled) queryLookup(key string) int {
	if c.queryIdx != nil {
		if i, ok := c.queryIdx[key]; ok {
			return i
		}
		return -1
	}
	for i := range c.query {
		if c.query[i].name == key {
			return i
		}
	}
	return -1
}

func (c *compiled) bindQuery(raw string, base unsafe.Pointer, errs []errors.FieldError) []errors.FieldError {
	seen := newSeenSet(len(c.query))
	var multi collector
	for raw != "" {
		var k, v string
		k, v, raw = params.NextPair(raw)
		i := c.queryLookup(params.Unescape(k))
		if i < 0 {
			continue
		}
		errs = offer(c.query, i, params.Unescape(v), base, &seen, &multi, errs)
	}
	return finish(c.query, base, &seen, multi, errs)
}

// offer gives slot i one value from the request: slices collect every value,
// scalars keep the first; a blank value of a non-string type is no value.
func offer(slots []valueSlot, i int, val string, base unsafe.Pointer, seen *seenSet, multi *collector, errs []errors.FieldError) []errors.FieldError {
	s := &slots[i]
	if val == "" && s.blankIsNil {
		return errs
	}
	if s.bind.multi {
		multi.add(len(slots), i, val)
		return errs
	}
	if seen.has(i) {
		return errs
	}
	seen.add(i)
	if err := s.bind.one(unsafe.Add(base, s.offset), val); err != nil {
		errs = append(errs, s.fieldError(val, err))
	}
	return errs
}

// finish stores collected slices and applies defaults to absent fields.
func finish(slots []valueSlot, base unsafe.Pointer, seen *seenSet, multi collector, errs []errors.FieldError) []errors.FieldError {
	for i := range slots {
		s := &slots[i]
		if s.bind.multi {
			if vals := multi.get(i); len(vals) > 0 {
				if err := s.bind.many(unsafe.Add(base, s.offset), vals); err != nil {
					errs = append(errs, s.fieldError(strings.Join(vals, ","), err))
				}
				continue
			}
		} else if seen.has(i) {
			continue
		}
		if s.hasDef {
			// The default converted at registration; it cannot fail here.
			_ = s.set(unsafe.Add(base, s.offset), []string{s.def})
		}
	}
	return errs
}

func bindHeaders(slots []valueSlot, h http.Header, base unsafe.Pointer, errs []errors.FieldError) []errors.FieldError {
	seen := newSeenSet(len(slots))
	var multi collector
	for i := range slots {
		for _, v := range h[slots[i].name] {
			errs = offer(slots, i, v, base, &seen, &multi, errs)
		}
	}
	return finish(slots, base, &seen, multi, errs)
}

func bindCookies(slots []valueSlot, lines []string, base unsafe.Pointer, errs []errors.FieldError) []errors.FieldError {
	seen := newSeenSet(len(slots))
	var multi collector
	for _, line := range lines {
		for line != "" {
			var part string
			part, line, _ = strings.Cut(line, ";")
			name, val, _ := strings.Cut(strings.TrimSpace(part), "=")
			if len(val) >= 2 && val[0] == '"' && val[len(val)-1] == '"' {
				val = val[1 : len(val)-1]
			}
			for i := range slots {
				if slots[i].name == name {
					errs = offer(slots, i, val, base, &seen, &multi, errs)
					break
				}
			}
		}
	}
	return finish(slots, base, &seen, multi, errs)
}
