package bind

// This file reads multipart/form-data bodies. They are streamed through
// mime/multipart's ReadForm, never buffered whole: at most the configured
// memory holds file data and the rest spills to temporary files, which the
// Body removes on Release (itty calls it when the request ends, panics
// included). Text parts bind like urlencoded pairs; file parts bind to
// *multipart.FileHeader and []*multipart.FileHeader fields.

import (
	"bytes"
	stderrors "errors"
	"fmt"
	"io"
	"io/fs"
	"mime/multipart"
	"net/url"
	"os"
	"reflect"
	"sort"
	"unsafe"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/params"
)

var fileHeaderType = reflect.TypeFor[*multipart.FileHeader]()

// isFileType reports whether t takes uploaded files.
func isFileType(t reflect.Type) bool {
	return t == fileHeaderType || t.Kind() == reflect.Slice && t.Elem() == fileHeaderType
}

// fileSlot is a form field that takes uploaded files.
type fileSlot struct {
	name   string
	offset uintptr
	many   bool // []*multipart.FileHeader
	field  int
}

// multipart parses a multipart/form-data body once.
func (b *RequestBody) multipart() (*multipart.Form, *errors.Error) {
	if b.formDone {
		return b.mform, b.formErr
	}
	b.formDone = true
	if b.boundary == "" {
		b.formErr = errors.BadRequest("the multipart body has no boundary parameter", nil)
		return nil, b.formErr
	}
	limit := b.limits.MaxMultipartBytes
	var src io.Reader
	if b.readDone {
		// Already read whole, for a raw body field.
		if b.readErr != nil {
			b.formErr = b.readErr
			return nil, b.formErr
		}
		var raw []byte
		if b.buf != nil {
			raw = b.buf.Bytes()
		}
		src = bytes.NewReader(raw)
	} else {
		if b.r.ContentLength > limit {
			b.formErr = tooLarge(limit)
			return nil, b.formErr
		}
		// The stream is consumed: a later raw read cannot see it.
		b.readDone, b.readErr = true, errors.BadRequest("the multipart body was already read as a form", nil)
		b.lr = limitReader{r: b.r.Body, n: limit, limit: limit}
		src = &b.lr
	}
	f, err := multipart.NewReader(src, b.boundary).ReadForm(b.limits.MaxMultipartMemory)
	var pe *fs.PathError
	switch {
	case err == nil:
	case stderrors.As(err, &pe) && !stderrors.Is(err, os.ErrDeadlineExceeded):
		// A temporary file could not be created or written: the
		// server's disk failed, not the client's body.
		b.formErr = errors.Internal(fmt.Errorf("itty: a multipart upload could not be stored: %w", err))
		return nil, b.formErr
	default:
		b.formErr = readError(err, limit, "the multipart body is malformed or could not be read")
		return nil, b.formErr
	}
	b.mform = f
	return f, nil
}

// bindMultipart binds a multipart/form-data body.
func (bp *bodyPlan) bindMultipart(b *RequestBody, base unsafe.Pointer, st *decodeState) *errors.Error {
	mf, e := b.multipart()
	if e != nil {
		return e
	}
	seen := newSeenSet(len(bp.form))
	multi := st.collector(len(bp.form))
	for i := range bp.form {
		for _, v := range mf.Value[bp.form[i].name] {
			bp.offer(i, v, base, st, &seen, &multi)
		}
	}
	bp.finishForm(base, st, &seen, multi)
	for i := range bp.files {
		fs := &bp.files[i]
		hs := mf.File[fs.name]
		if len(hs) == 0 {
			continue
		}
		p := unsafe.Add(base, fs.offset)
		if fs.many {
			*(*[]*multipart.FileHeader)(p) = append([]*multipart.FileHeader(nil), hs...)
		} else {
			*(**multipart.FileHeader)(p) = hs[0]
		}
		st.present.add(fs.field)
	}
	if bp.nested != nil {
		var nested url.Values
		for k, vs := range mf.Value {
			if j := bp.nested.owner(k); j >= 0 {
				if nested == nil {
					nested = url.Values{}
				}
				nested[k] = vs
				st.present.add(bp.nested.fields[j].field)
			}
		}
		if nested != nil {
			bp.nested.bind(nested, base, st)
		}
	}
	return nil
}

// dictOf returns the text values of a multipart form as a QueryDict, keys
// sorted (the parser does not keep their order).
func dictOf(mf *multipart.Form) *params.QueryDict {
	keys := make([]string, 0, len(mf.Value))
	for k := range mf.Value {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	q := &params.QueryDict{}
	for _, k := range keys {
		q.SetList(k, mf.Value[k])
	}
	return q
}
