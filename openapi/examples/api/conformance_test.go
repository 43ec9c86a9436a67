package main

// The conformance test checks that the document tells the truth about the
// app. For each operation it reads from the document alone:
//
//   - a request built from the parameters' and properties' examples,
//     defaults, enums and bounds, which the app must accept with the
//     documented success status;
//   - for every rule the document states — required, type, minimum,
//     maximum, enum, pattern, lengths, item counts, the media types, a body
//     that does not parse or is too large — a request that breaks only
//     that rule, which the app must answer with a 4xx the operation
//     documents (404 for a path segment, 422 for values, 400, 413, 415);
//
// and every response is validated against the response the document
// gives for its status. libopenapi-validator checks requests and
// responses; it does not read multipart bodies, so their fields are
// checked against the document's schema with santhosh-tekuri/jsonschema.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	validator "github.com/pb33f/libopenapi-validator"

	"github.com/ittygo/itty/openapi/internal/oatest"
)

// conformance holds the document and its validator.
type conformance struct {
	t    *testing.T
	doc  []byte
	tree map[string]any
	v    validator.Validator
}

// call is one request built from the document.
type call struct {
	name     string // what it breaks, or "valid"
	path     map[string]string
	query    url.Values
	header   http.Header
	ctype    string
	body     []byte
	form     map[string]any // multipart fields, for the schema check
	want     int            // the status expected; 0: the success status
	checkDoc bool           // the document must call the request invalid
}

func TestConformance(t *testing.T) {
	doc := mustDocument(t)
	v, err := oatest.NewValidator(doc)
	if err != nil {
		t.Fatal(err)
	}
	c := &conformance{t: t, doc: doc, v: v}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber() // bounds such as 9223372036854775807 stay exact
	if err := dec.Decode(&c.tree); err != nil {
		t.Fatal(err)
	}
	paths := c.tree["paths"].(map[string]any)
	var keys []string
	for p := range paths {
		keys = append(keys, p)
	}
	sort.Strings(keys)
	operations, requests := 0, 0
	for _, p := range keys {
		item := paths[p].(map[string]any)
		for _, method := range []string{"get", "post", "put", "patch", "delete"} {
			op, ok := item[method].(map[string]any)
			if !ok {
				continue
			}
			operations++
			t.Run(strings.ToUpper(method)+" "+p, func(t *testing.T) {
				c.t = t
				for _, cl := range c.calls(op) {
					c.check(strings.ToUpper(method), p, op, cl)
					requests++
				}
			})
		}
	}
	if operations != 6 {
		t.Errorf("%d operations checked, want 6", operations)
	}
	t.Logf("%d operations, %d requests", operations, requests)
}

// calls builds the valid request of op and one request per rule to break.
func (c *conformance) calls(op map[string]any) []call {
	valid := call{name: "valid", path: map[string]string{}, query: url.Values{}, header: http.Header{}}
	params, _ := op["parameters"].([]any)
	for _, raw := range params {
		p := raw.(map[string]any)
		val, ok := p["example"]
		if !ok {
			val = c.sample(p["schema"].(map[string]any))
		}
		c.setParam(&valid, p, val)
	}
	var mediaType string
	var bodySchema map[string]any
	if rb, ok := op["requestBody"].(map[string]any); ok {
		content := rb["content"].(map[string]any)
		for _, mt := range []string{"application/json", "multipart/form-data"} {
			if m, ok := content[mt].(map[string]any); ok {
				mediaType, bodySchema = mt, m["schema"].(map[string]any)
				break
			}
		}
		if mediaType == "" {
			c.t.Fatalf("no media type this test can build among %v", content)
		}
		c.setBody(&valid, mediaType, c.sample(bodySchema).(map[string]any))
	}
	out := []call{valid}

	// Parameters.
	for _, raw := range params {
		p := raw.(map[string]any)
		name, in := p["name"].(string), p["in"].(string)
		want := 422
		if in == "path" {
			want = 404 // a segment that does not fit matches no route
		}
		if p["required"] == true && in != "path" {
			cl := clone(valid)
			cl.name = "without " + in + " " + name
			delete(cl.query, name)
			cl.want, cl.checkDoc = want, true
			out = append(out, cl)
		}
		for _, bad := range violations(c.resolve(p["schema"].(map[string]any))) {
			cl := clone(valid)
			cl.name = in + " " + name + " " + bad.rule
			c.setParam(&cl, p, bad.value)
			cl.want, cl.checkDoc = want, true
			out = append(out, cl)
		}
	}

	// The body.
	if bodySchema != nil {
		obj := c.resolve(bodySchema)
		props, _ := obj["properties"].(map[string]any)
		var names []string
		for n := range props {
			names = append(names, n)
		}
		sort.Strings(names)
		base := c.sample(bodySchema).(map[string]any)
		for _, n := range stringsOf(obj["required"]) {
			body := copyMap(base)
			delete(body, n)
			cl := clone(valid)
			cl.name = "body without " + n
			c.setBody(&cl, mediaType, body)
			cl.want, cl.checkDoc = 422, true
			out = append(out, cl)
		}
		for _, n := range names {
			for _, bad := range violations(c.resolve(props[n].(map[string]any))) {
				if mediaType != "application/json" && bad.rule == "type" {
					continue // form values are text: a wrong JSON type cannot be sent
				}
				body := copyMap(base)
				body[n] = bad.value
				cl := clone(valid)
				cl.name = "body " + n + " " + bad.rule
				c.setBody(&cl, mediaType, body)
				cl.want, cl.checkDoc = 422, true
				out = append(out, cl)
			}
		}
		wrong := clone(valid)
		wrong.name, wrong.ctype, wrong.body, wrong.form, wrong.want, wrong.checkDoc = "media type", "text/plain", []byte("hello"), nil, 415, true
		out = append(out, wrong)
		broken := clone(valid)
		broken.name, broken.want = "body that does not parse", 400
		if mediaType == "application/json" {
			broken.body, broken.checkDoc = []byte(`{"name":`), true
		} else {
			broken.body = []byte("--nothing-like-the-boundary\r\n")
		}
		broken.form = nil
		out = append(out, broken)
		large := clone(valid)
		large.name, large.want, large.form = "body over the limit", 413, nil
		large.body = append([]byte(`"`), bytes.Repeat([]byte("a"), 2<<20)...)
		out = append(out, large)
	}
	return out
}

// check sends cl to a fresh app and checks the answer and the document.
func (c *conformance) check(method, template string, op map[string]any, cl call) {
	t := c.t
	t.Helper()
	req := func() *http.Request {
		target := template
		for k, v := range cl.path {
			target = strings.ReplaceAll(target, "{"+k+"}", url.PathEscape(v))
		}
		if q := cl.query.Encode(); q != "" {
			target += "?" + q
		}
		r := httptest.NewRequest(method, target, bytes.NewReader(cl.body))
		for k, v := range cl.header {
			r.Header[k] = v
		}
		if cl.ctype != "" {
			r.Header.Set("Content-Type", cl.ctype)
		}
		r.Header.Set("Accept", "application/json")
		return r
	}
	responses := op["responses"].(map[string]any)
	want := cl.want
	if want == 0 {
		want = successStatus(responses)
	}
	if _, documented := responses[strconv.Itoa(want)]; !documented {
		t.Errorf("%s: status %d is not documented", cl.name, want)
	}

	// What the document says of the request.
	docOK, errs := c.v.ValidateHttpRequest(req())
	if cl.form != nil {
		docOK = docOK && c.formValid(method, template, cl.form)
	}
	switch {
	case cl.want == 0 && !docOK:
		t.Errorf("%s: the request built from the document breaks it: %v", cl.name, messages(errs))
	case cl.checkDoc && docOK:
		t.Errorf("%s: the document does not call the request invalid", cl.name)
	}

	// What the app answers.
	w := httptest.NewRecorder()
	r := req()
	mustApp(t).ServeHTTP(w, r)
	if w.Code != want {
		t.Errorf("%s: %s %s answered %d %s, want %d", cl.name, method, r.URL, w.Code, w.Body.String(), want)
	}
	resp := w.Result()
	if ok, errs := c.v.ValidateHttpResponse(req(), resp); !ok {
		t.Errorf("%s: the %d response does not match the document: %v\n%s", cl.name, w.Code, messages(errs), w.Body.String())
	}
}

// formValid checks multipart fields against the form schema of the
// operation at method and template.
func (c *conformance) formValid(method, template string, form map[string]any) bool {
	ptr := "/paths/" + strings.ReplaceAll(strings.ReplaceAll(template, "~", "~0"), "/", "~1") + "/" +
		strings.ToLower(method) + "/requestBody/content/multipart~1form-data/schema"
	sch, err := oatest.Schema(c.doc, ptr)
	if err != nil {
		c.t.Fatalf("compiling %s: %v", ptr, err)
	}
	return sch.Validate(form) == nil
}

// setParam puts a parameter's value in cl.
func (c *conformance) setParam(cl *call, p map[string]any, val any) {
	name := p["name"].(string)
	text := func(v any) string {
		if s, ok := v.(string); ok {
			return s
		}
		b, _ := json.Marshal(v)
		return string(b)
	}
	switch p["in"] {
	case "path":
		cl.path[name] = text(val)
	case "query":
		cl.query.Del(name)
		if list, ok := val.([]any); ok {
			for _, e := range list {
				cl.query.Add(name, text(e))
			}
		} else {
			cl.query.Set(name, text(val))
		}
	case "header":
		cl.header.Set(name, text(val))
	}
}

// setBody encodes body with the media type.
func (c *conformance) setBody(cl *call, mediaType string, body map[string]any) {
	if mediaType == "application/json" {
		b, err := json.Marshal(body)
		if err != nil {
			c.t.Fatal(err)
		}
		cl.ctype, cl.body, cl.form = mediaType, b, nil
		return
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	var keys []string
	for k := range body {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	form := map[string]any{}
	for _, k := range keys {
		switch v := body[k].(type) {
		case fileValue:
			fw, _ := mw.CreateFormFile(k, "image.png")
			fw.Write([]byte(v))
			form[k] = string(v)
		default:
			s := fmt.Sprint(v)
			mw.WriteField(k, s)
			form[k] = s
		}
	}
	mw.Close()
	cl.ctype, cl.body, cl.form = mw.FormDataContentType(), buf.Bytes(), form
}

// fileValue is the content of a file part.
type fileValue string

// resolve follows a $ref to its component.
func (c *conformance) resolve(s map[string]any) map[string]any {
	for {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		name := strings.TrimPrefix(ref, "#/components/schemas/")
		s = c.tree["components"].(map[string]any)["schemas"].(map[string]any)[name].(map[string]any)
	}
}

// sample returns a value the schema accepts: its example, default or first
// enum value, else one built from its type and bounds.
func (c *conformance) sample(s map[string]any) any {
	s = c.resolve(s)
	if ex, ok := s["examples"].([]any); ok && len(ex) > 0 {
		return ex[0]
	}
	if d, ok := s["default"]; ok {
		return d
	}
	if e, ok := s["enum"].([]any); ok {
		return e[0]
	}
	if s["format"] == "binary" {
		return fileValue("\x89PNG not really")
	}
	switch typeOf(s) {
	case "object":
		out := map[string]any{}
		props, _ := s["properties"].(map[string]any)
		for _, n := range stringsOf(s["required"]) {
			out[n] = c.sample(props[n].(map[string]any))
		}
		for n, p := range props {
			if _, has := c.resolve(p.(map[string]any))["examples"]; has {
				out[n] = c.sample(p.(map[string]any))
			}
		}
		return out
	case "array":
		n := 1
		if m := intOf(s["minItems"]); m > n {
			n = m
		}
		out := make([]any, n)
		for i := range out {
			out[i] = c.sample(s["items"].(map[string]any))
		}
		return out
	case "integer", "number":
		if m, ok := s["minimum"].(json.Number); ok {
			return m
		}
		return 1
	case "boolean":
		return true
	case "string":
		if _, ok := s["pattern"]; ok {
			c.t.Fatalf("a patterned string has no example to build requests from: %v", s)
		}
		return strings.Repeat("a", max(intOf(s["minLength"]), 1))
	}
	return nil
}

// violation is a value that breaks one rule of a schema.
type violation struct {
	rule  string
	value any
}

// violations returns a value breaking each rule of s that a value alone
// can break.
func violations(s map[string]any) []violation {
	var out []violation
	types := typesOf(s)
	switch {
	case types["integer"] || types["number"]:
		out = append(out, violation{"type", "abc"})
	case types["string"]:
		out = append(out, violation{"type", 12345})
	case types["array"]:
		out = append(out, violation{"type", "abc"})
	}
	if m, ok := s["minimum"].(json.Number); ok {
		out = append(out, violation{"minimum", below(s, m)})
	}
	if m, ok := s["maximum"].(json.Number); ok {
		out = append(out, violation{"maximum", above(s, m)})
	}
	if e, ok := s["enum"].([]any); ok {
		out = append(out, violation{"enum", "not-" + fmt.Sprint(e[0])})
	}
	if p, ok := s["pattern"].(string); ok {
		bad := "NOT a match!"
		if regexp.MustCompile(p).MatchString(bad) {
			panic("the bad value matches " + p)
		}
		out = append(out, violation{"pattern", bad})
	}
	if m := intOf(s["minLength"]); m > 0 {
		out = append(out, violation{"minLength", strings.Repeat("a", m-1)})
	}
	if _, ok := s["maxLength"]; ok {
		out = append(out, violation{"maxLength", strings.Repeat("a", intOf(s["maxLength"])+1)})
	}
	if _, ok := s["maxItems"]; ok {
		list := make([]any, intOf(s["maxItems"])+1)
		for i := range list {
			list[i] = fmt.Sprintf("x%c", 'a'+i%26)
		}
		if items, ok := s["items"].(map[string]any); ok {
			if ex, ok := items["examples"].([]any); ok {
				for i := range list {
					list[i] = ex[0]
				}
			}
		}
		out = append(out, violation{"maxItems", list})
	}
	if items, ok := s["items"].(map[string]any); ok {
		for _, v := range violations(items) {
			out = append(out, violation{"items " + v.rule, []any{v.value}})
		}
	}
	return out
}

// below and above return the nearest values outside a bound, exactly
// (bounds such as 9223372036854775807 do not fit a float64).
func below(s map[string]any, m json.Number) any {
	if typeOf(s) == "integer" {
		return json.Number(offset(m, -1))
	}
	f, _ := m.Float64()
	return f - 0.5
}

func above(s map[string]any, m json.Number) any {
	if typeOf(s) == "integer" {
		return json.Number(offset(m, 1))
	}
	f, _ := m.Float64()
	return f + 0.5
}

// offset returns the integer m+d, exactly.
func offset(m json.Number, d int64) string {
	i, ok := new(big.Int).SetString(string(m), 10)
	if !ok {
		panic("not an integer bound: " + m)
	}
	return i.Add(i, big.NewInt(d)).String()
}

// intOf reads a JSON number as an int; 0 when absent.
func intOf(v any) int {
	n, _ := v.(json.Number)
	i, _ := strconv.Atoi(string(n))
	return i
}

func typeOf(s map[string]any) string {
	switch t := s["type"].(type) {
	case string:
		return t
	case []any:
		for _, x := range t {
			if x != "null" {
				return x.(string)
			}
		}
	}
	return ""
}

func typesOf(s map[string]any) map[string]bool {
	out := map[string]bool{}
	switch t := s["type"].(type) {
	case string:
		out[t] = true
	case []any:
		for _, x := range t {
			out[x.(string)] = true
		}
	}
	return out
}

// successStatus is the lowest 2xx status of a responses object.
func successStatus(responses map[string]any) int {
	best := 0
	for k := range responses {
		if n, err := strconv.Atoi(k); err == nil && n >= 200 && n < 300 && (best == 0 || n < best) {
			best = n
		}
	}
	return best
}

func stringsOf(v any) []string {
	list, _ := v.([]any)
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = x.(string)
	}
	return out
}

func copyMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func clone(cl call) call {
	out := cl
	out.path = map[string]string{}
	for k, v := range cl.path {
		out.path[k] = v
	}
	out.query = url.Values{}
	for k, v := range cl.query {
		out.query[k] = append([]string(nil), v...)
	}
	out.header = cl.header.Clone()
	out.body = append([]byte(nil), cl.body...)
	return out
}

func messages(errs any) string {
	b, _ := json.Marshal(errs)
	if len(b) > 600 {
		b = append(b[:600], "…"...)
	}
	return string(b)
}
