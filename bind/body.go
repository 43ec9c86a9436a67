package bind

// This file reads request bodies. A RequestBody is read at most once per request
// and caches what it read, so binding, Request.Form and Request.JSON share
// it. Bytes go into pooled buffers (a buffer above 64 KiB is dropped rather
// than pooled); values taken from a body are always copies, so a buffer can
// be reused as soon as its request ends. Limits are enforced while reading:
// a declared Content-Length above the limit is refused without reading, and
// a body that grows past it stops at the limit with *http.MaxBytesError.
//
// Which fields a body fills is decided by its media type (parsed with
// mime.ParseMediaType, so parameters such as charset and boundary are
// allowed): JSON media types feed json and decoded body fields, form media
// types feed form fields (on POST, PUT and PATCH only), and raw body fields
// ([]byte, string) take any type. A body P cannot take is answered 415.

import (
	"bytes"
	"encoding/json"
	stderrors "errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"github.com/ittygo/itty/errors"
	"github.com/ittygo/itty/params"
)

// The default body limits.
const (
	DefaultMaxBytes           = 1 << 20  // JSON, urlencoded and other bodies
	DefaultMaxMultipartBytes  = 32 << 20 // a whole multipart body
	DefaultMaxMultipartMemory = 8 << 20  // multipart file data kept in memory; the rest goes to temporary files
)

// maxLimit keeps limit arithmetic far from overflow.
const maxLimit = 1 << 62

// Limits bounds what reading one request body may consume. A zero or
// negative field means its default.
type Limits struct {
	MaxBytes           int64 // JSON, urlencoded and raw bodies (413 above it)
	MaxMultipartBytes  int64 // multipart bodies (413 above it)
	MaxMultipartMemory int64 // multipart file bytes held in memory before spilling to disk
	StrictJSON         bool  // unknown JSON object members are errors (422)
}

// DefaultLimits returns the default limits: 1 MiB for JSON, urlencoded and
// raw bodies, 32 MiB for multipart bodies with at most 8 MiB held in memory.
func DefaultLimits() Limits {
	return Limits{MaxBytes: DefaultMaxBytes, MaxMultipartBytes: DefaultMaxMultipartBytes, MaxMultipartMemory: DefaultMaxMultipartMemory}
}

func (l Limits) normalized() Limits {
	fix := func(v *int64, def int64) {
		switch {
		case *v <= 0:
			*v = def
		case *v > maxLimit:
			*v = maxLimit
		}
	}
	fix(&l.MaxBytes, DefaultMaxBytes)
	fix(&l.MaxMultipartBytes, DefaultMaxMultipartBytes)
	fix(&l.MaxMultipartMemory, DefaultMaxMultipartMemory)
	return l
}

// mediaKind is the class of a body's media type.
type mediaKind uint8

const (
	mediaUnparsed   mediaKind = iota
	mediaNone                 // no Content-Type
	mediaJSON                 // application/json, application/*+json
	mediaURLEncoded           // application/x-www-form-urlencoded
	mediaMultipart            // multipart/form-data
	mediaOther
)

// RequestBody is the body of one request, read at most once and cached.
// Get one with NewRequestBody and give it back with Release when the
// request ends: Release removes the temporary files of multipart uploads.
// A RequestBody is not safe for concurrent use.
type RequestBody struct {
	r        *http.Request
	limits   Limits
	media    mediaKind
	mt       string // the media type, lower case
	boundary string

	readDone bool
	buf      *bytes.Buffer // nil when the body is empty
	readErr  *errors.Error
	text     string // the body as a string, for urlencoded forms

	formDone bool
	mform    *multipart.Form
	formErr  *errors.Error
	dict     *params.QueryDict

	lr limitReader
}

var (
	bodyPool = sync.Pool{New: func() any { return new(RequestBody) }}
	bufPool  = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

// maxPooledBuffer is the largest buffer returned to the pool.
const maxPooledBuffer = 64 << 10

// NewRequestBody returns the body of r, to be read with the limits l, from
// a pool.
func NewRequestBody(r *http.Request, l Limits) *RequestBody {
	b := bodyPool.Get().(*RequestBody)
	b.r, b.limits = r, l.normalized()
	return b
}

// Release removes the temporary files of multipart uploads and returns the
// RequestBody and its buffer to their pools. Nothing read from it may be
// used after Release, except values bound into a parameter struct (which
// are copies; uploaded files stay readable only if they were held in
// memory).
func (b *RequestBody) Release() { b.release(true) }

// release ends b; removeFiles false leaves the uploads to r.MultipartForm.
func (b *RequestBody) release(removeFiles bool) {
	if b.mform != nil {
		if removeFiles {
			_ = b.mform.RemoveAll()
		} else if b.r.MultipartForm == nil {
			b.r.MultipartForm = b.mform
		}
	}
	if buf := b.buf; buf != nil && buf.Cap() <= maxPooledBuffer {
		buf.Reset()
		bufPool.Put(buf)
	}
	*b = RequestBody{}
	bodyPool.Put(b)
}

// empty reports whether the request has no body at all.
func (b *RequestBody) empty() bool {
	r := b.r
	return r.Body == nil || r.Body == http.NoBody || r.ContentLength == 0
}

// media parses the Content-Type once. A malformed one is mediaOther with
// an empty media type, which only raw body fields accept.
func (b *RequestBody) mediaType() mediaKind {
	if b.media != mediaUnparsed {
		return b.media
	}
	var ct string
	if v := b.r.Header["Content-Type"]; len(v) > 0 {
		ct = v[0]
	}
	switch ct {
	case "":
		b.media = mediaNone
		return b.media
	case "application/json", "application/json; charset=utf-8":
		b.media, b.mt = mediaJSON, "application/json"
		return b.media
	case "application/x-www-form-urlencoded":
		b.media, b.mt = mediaURLEncoded, ct
		return b.media
	}
	mt, ps, err := mime.ParseMediaType(ct)
	switch {
	case err != nil && !stderrors.Is(err, mime.ErrInvalidMediaParameter):
		b.media = mediaOther
	case mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"):
		b.media, b.mt = mediaJSON, mt
	case mt == "application/x-www-form-urlencoded":
		b.media, b.mt = mediaURLEncoded, mt
	case mt == "multipart/form-data":
		b.media, b.mt, b.boundary = mediaMultipart, mt, ps["boundary"]
	default:
		b.media, b.mt = mediaOther, mt
	}
	return b.media
}

// limit is the size limit for the body's media type.
func (b *RequestBody) limit() int64 {
	if b.mediaType() == mediaMultipart {
		return b.limits.MaxMultipartBytes
	}
	return b.limits.MaxBytes
}

// Bytes returns the whole body, read once with the limit for its media
// type; nil when the request has no body. The error is an *errors.Error:
// 413 over the limit, 400 when the body cannot be read. The bytes belong to
// the RequestBody: they must not be modified or kept after Release.
func (b *RequestBody) Bytes() ([]byte, error) {
	raw, e := b.bytes()
	if e != nil {
		return nil, e
	}
	return raw, nil
}

func (b *RequestBody) bytes() ([]byte, *errors.Error) {
	if !b.readDone {
		b.readDone = true
		b.readErr = b.readAll()
	}
	if b.readErr != nil {
		return nil, b.readErr
	}
	if b.buf == nil {
		return nil, nil
	}
	return b.buf.Bytes(), nil
}

func (b *RequestBody) readAll() *errors.Error {
	if b.empty() {
		return nil
	}
	limit := b.limit()
	if b.r.ContentLength > limit {
		return tooLarge(limit)
	}
	buf := bufPool.Get().(*bytes.Buffer)
	b.buf = buf
	if n := b.r.ContentLength; n > 0 {
		buf.Grow(int(n) + bytes.MinRead)
	}
	b.lr = limitReader{r: b.r.Body, n: limit, limit: limit}
	if _, err := buf.ReadFrom(&b.lr); err != nil {
		return readError(err, limit, "the request body could not be read")
	}
	return nil
}

// formText returns the body as a string, which form values alias.
func (b *RequestBody) formText() (string, *errors.Error) {
	if b.text == "" {
		raw, e := b.bytes()
		if e != nil {
			return "", e
		}
		b.text = string(raw)
	}
	return b.text, nil
}

// Form returns the fields of a form body (itty3's request.POST): the pairs
// of an application/x-www-form-urlencoded body, or the values of a
// multipart/form-data body (keys sorted, files left out). It is empty for
// other media types and for methods other than POST, PUT and PATCH, whose
// bodies are not read as forms. The query string is not merged in. The
// error is an *errors.Error (400 or 413).
func (b *RequestBody) Form() (*params.QueryDict, error) {
	if b.dict != nil {
		return b.dict, nil
	}
	if b.empty() || !readsForm(b.r.Method) {
		b.dict = &params.QueryDict{}
		return b.dict, nil
	}
	switch b.mediaType() {
	case mediaURLEncoded:
		text, e := b.formText()
		if e != nil {
			return nil, e
		}
		b.dict = params.ParseQuery(text)
	case mediaMultipart:
		mf, e := b.multipart()
		if e != nil {
			return nil, e
		}
		b.dict = dictOf(mf)
	default:
		b.dict = &params.QueryDict{}
	}
	return b.dict, nil
}

// JSON decodes a JSON body into v with encoding/json (itty3's
// request.json()), sharing the cached body. The error is an *errors.Error:
// 415 when the media type is not JSON, 413 over the limit, 400 when there
// is no body, the JSON is invalid or does not fit v, or data follows the
// value. With StrictJSON, unknown object members are invalid.
func (b *RequestBody) JSON(v any) error {
	if b.mediaType() != mediaJSON {
		var ct string
		if h := b.r.Header["Content-Type"]; len(h) > 0 {
			ct = h[0]
		}
		return errors.Status(http.StatusUnsupportedMediaType, fmt.Sprintf("request body is %q, not JSON", ct))
	}
	raw, e := b.bytes()
	if e != nil {
		return e
	}
	if len(raw) == 0 {
		return errors.BadRequest("request has no body", nil)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if b.limits.StrictJSON {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return errors.BadRequest("invalid JSON body: "+strings.TrimPrefix(err.Error(), "json: "), err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.BadRequest("invalid JSON body: data after the JSON value", nil)
	}
	return nil
}

// readsForm reports whether requests with method carry forms to bind.
func readsForm(method string) bool {
	return method == http.MethodPost || method == http.MethodPut || method == http.MethodPatch
}

// limitReader is http.MaxBytesReader without a ResponseWriter: it stops
// at limit bytes with *http.MaxBytesError.
type limitReader struct {
	r     io.Reader
	n     int64 // bytes still allowed
	limit int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return 0, &http.MaxBytesError{Limit: l.limit}
	}
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1]
	}
	n, err := l.r.Read(p)
	if int64(n) <= l.n {
		l.n -= int64(n)
		return n, err
	}
	n, l.n = int(l.n), -1
	return n, &http.MaxBytesError{Limit: l.limit}
}

func tooLarge(limit int64) *errors.Error {
	return errors.Status(http.StatusRequestEntityTooLarge, fmt.Sprintf("the request body is larger than the limit of %d bytes", limit))
}

// readError classifies a failure to read or parse a body: 413 when a limit
// was hit, 408 when the connection's read deadline passed (the body did
// not arrive in time), 400 otherwise.
func readError(err error, limit int64, detail string) *errors.Error {
	var mbe *http.MaxBytesError
	if stderrors.As(err, &mbe) {
		return tooLarge(mbe.Limit)
	}
	if stderrors.Is(err, os.ErrDeadlineExceeded) {
		return errors.Status(http.StatusRequestTimeout, "the request body did not arrive in time")
	}
	if stderrors.Is(err, multipart.ErrMessageTooLarge) {
		return errors.Status(http.StatusRequestEntityTooLarge, fmt.Sprintf("the multipart body has too many parts or too much data (limit %d bytes)", limit))
	}
	return errors.BadRequest(detail, err)
}

// bodyPlan is how P's form, json and body fields are filled.
type bodyPlan struct {
	jc      *jsonCompiler
	form    []valueSlot // flat form fields
	formIdx []int       // their field indexes
	files   []fileSlot  // multipart file fields
	nested  *nestedForm // form fields decoded by go-playground/form
	json    *jsonObject // P's json fields as one object
	decoded *bodyField  // a body:"" field decoded from JSON
	raw     *bodyField  // a body:"" []byte or string field
	defs    []bodyDefault
}

// bodyField is a body:"" field.
type bodyField struct {
	field  int
	offset uintptr
	dec    *jsonType
	str    bool // a string (raw fields)
}

// bodyDefault is the default of a form or json field.
type bodyDefault struct {
	field  int
	offset uintptr
	slot   valueSlot
}

func (bp *bodyPlan) takesForm() bool {
	return len(bp.form) > 0 || len(bp.files) > 0 || bp.nested != nil
}

func (bp *bodyPlan) takesJSON() bool { return bp.json != nil || bp.decoded != nil }

// accepted lists the media types P takes, for a 415's detail.
func (bp *bodyPlan) accepted() string {
	var kinds []string
	if bp.takesJSON() {
		kinds = append(kinds, "application/json")
	}
	if bp.takesForm() {
		kinds = append(kinds, "application/x-www-form-urlencoded", "multipart/form-data")
	}
	return strings.Join(kinds, " or ")
}

// addBodyField adds a form, json or body field to the plan; i is its index
// among the plan's fields.
func (c *compiled) addBodyField(f *Field, i int) error {
	bp := c.bodyPlan
	if bp == nil {
		bp = &bodyPlan{jc: newJSONCompiler()}
		c.bodyPlan = bp
	}
	switch f.Source {
	case Form:
		return bp.addForm(f, i)
	case JSON:
		return bp.addJSON(f, i)
	}
	if f.HasDefault {
		return fmt.Errorf("a body field cannot have a default")
	}
	t := f.Type
	if t.Kind() == reflect.String || t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
		bp.raw = &bodyField{field: i, offset: f.offset, str: t.Kind() == reflect.String}
		return nil
	}
	if bp.json != nil {
		return fmt.Errorf("a body field that decodes JSON cannot be combined with json fields: declare the members in the body's type")
	}
	jt, err := bp.jc.compile(t)
	if err != nil {
		return err
	}
	bp.decoded = &bodyField{field: i, offset: f.offset, dec: jt}
	return nil
}

// addDefault records the default of a form or json field, which must be
// text that converts to the field's type.
func (bp *bodyPlan) addDefault(f *Field, i int) error {
	vb, err := newValueBinder(f.Type)
	if err != nil {
		return fmt.Errorf("a default needs a field that binds from text: %v", err)
	}
	slot := valueSlot{bind: vb, def: f.Default, hasDef: true}
	if err := slot.set(reflect.New(f.Type).UnsafePointer(), []string{f.Default}); err != nil {
		return fmt.Errorf("default %q does not convert: %s", f.Default, err.Error())
	}
	bp.defs = append(bp.defs, bodyDefault{field: i, offset: f.offset, slot: slot})
	return nil
}

// BindBody is Bind with the request body read through body, which caches
// it for the rest of the request and owns its temporary files. With a nil
// body it behaves as Bind; plans that do not ReadsBody never touch it.
func (p *Plan[P]) BindBody(r *http.Request, pathValues []string, body *RequestBody, dst *P) error {
	return p.c.bind(r, pathValues, body, unsafe.Pointer(dst))
}

// ReadsBody reports whether P has form, json or body fields.
func (p *Plan[P]) ReadsBody() bool { return p.c.bodyPlan != nil }

// bindBody fills P's form, json and body fields. Without a body (a call of
// Bind), it reads one with the default limits and leaves uploaded files in
// r.MultipartForm, which net/http's server removes when the request ends.
func (c *compiled) bindBody(r *http.Request, b *RequestBody, base unsafe.Pointer, st *decodeState) *errors.Error {
	bp := c.bodyPlan
	if b == nil {
		b = NewRequestBody(r, Limits{})
		defer b.release(false)
	}
	st.strict = b.limits.StrictJSON
	formOK := bp.takesForm() && readsForm(r.Method)
	if !b.empty() && (formOK || bp.takesJSON() || bp.raw != nil) {
		if e := c.bindContent(b, base, st, formOK); e != nil {
			return e
		}
	}
	for i := range bp.defs {
		d := &bp.defs[i]
		if !st.present.has(d.field) && !st.failed.has(d.field) {
			_ = d.slot.set(unsafe.Add(base, d.offset), []string{d.slot.def})
		}
	}
	return nil
}

func (c *compiled) bindContent(b *RequestBody, base unsafe.Pointer, st *decodeState, formOK bool) *errors.Error {
	bp := c.bodyPlan
	kind := b.mediaType()
	isForm := kind == mediaURLEncoded || kind == mediaMultipart
	if bp.raw != nil {
		raw, e := b.bytes()
		if e != nil {
			return e
		}
		bp.setRaw(raw, base, st)
	}
	switch {
	case kind == mediaJSON && bp.takesJSON():
		raw, e := b.bytes()
		if e != nil {
			return e
		}
		return bp.bindJSON(raw, base, st)
	case isForm && formOK:
		if kind == mediaMultipart {
			return bp.bindMultipart(b, base, st)
		}
		return bp.bindURLEncoded(b, base, st)
	case bp.raw != nil, isForm && bp.takesForm():
		// Taken raw, or a form on a method whose forms are not read.
		return nil
	}
	if kind == mediaNone {
		return errors.Status(http.StatusUnsupportedMediaType, "a body without a Content-Type is not accepted here; send "+bp.accepted())
	}
	mt := b.mt
	if mt == "" {
		mt = b.r.Header.Get("Content-Type")
	}
	return errors.Status(http.StatusUnsupportedMediaType, fmt.Sprintf("a body of type %q is not accepted here; send %s", mt, bp.accepted()))
}

// setRaw copies the body into a []byte or string body field.
func (bp *bodyPlan) setRaw(raw []byte, base unsafe.Pointer, st *decodeState) {
	if len(raw) == 0 {
		return
	}
	p := unsafe.Add(base, bp.raw.offset)
	if bp.raw.str {
		*(*string)(p) = string(raw)
	} else {
		*(*[]byte)(p) = append([]byte(nil), raw...)
	}
	st.present.add(bp.raw.field)
}
