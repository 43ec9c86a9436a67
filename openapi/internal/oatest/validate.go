// Package oatest holds what the tests of package openapi and of its
// example share: checking documents with libraries other than the ones
// that generate them, and driving a headless browser. Only tests import
// it, so its libraries never reach a program's build.
package oatest

// This file checks documents. libopenapi-validator validates a document
// against the official OpenAPI 3.1 schema (which ships inside
// github.com/pb33f/libopenapi: nothing is fetched), and every Schema
// Object in it is compiled as a JSON Schema 2020-12 by
// github.com/santhosh-tekuri/jsonschema/v6, which checks it against the
// draft's meta-schema (bundled too).

import (
	"bytes"
	"errors"
	"fmt"
	"sort"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"github.com/pb33f/libopenapi/datamodel"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// docURL is the name the document is known by while compiling schemas.
const docURL = "urn:itty:openapi"

// Validate returns every problem found in doc: against the OpenAPI 3.1
// schema, and in each of its schemas.
func Validate(doc []byte) []string {
	var out []string
	d, err := NewDocument(doc)
	if err != nil {
		return []string{"parse: " + err.Error()}
	}
	v, errs := validator.NewValidator(d)
	for _, e := range errs {
		out = append(out, "validator: "+e.Error())
	}
	if v != nil {
		if ok, verrs := v.ValidateDocument(); !ok {
			for _, e := range verrs {
				out = append(out, fmt.Sprintf("document: %s: %s (line %d)", e.Message, e.Reason, e.SpecLine))
				for _, se := range e.SchemaValidationErrors {
					out = append(out, fmt.Sprintf("  at %s (%s): %s", se.FieldPath, se.KeywordLocation, se.Reason))
				}
			}
		}
	}
	c, tree, err := compiler(doc)
	if err != nil {
		return append(out, err.Error())
	}
	for _, ptr := range SchemaPointers(tree) {
		if _, err := c.Compile(docURL + "#" + ptr); err != nil {
			out = append(out, fmt.Sprintf("schema %s: %v", ptr, err))
		}
	}
	return out
}

// NewDocument parses doc with libopenapi. Its model refuses what it takes
// for endless recursion: a $ref cycle through required properties. It
// exempts arrays (which may be empty) only when the array's type is the
// single word "array", so it misreads a nullable array (type [array,
// null]) of a recursive type, such as a tree's children, as endless. Both
// of its exemptions are on, which turns the heuristic off; the
// recursion's validity is checked by compiling the schemas (Validate).
func NewDocument(doc []byte) (libopenapi.Document, error) {
	return libopenapi.NewDocumentWithConfiguration(doc, &datamodel.DocumentConfiguration{
		IgnoreArrayCircularReferences:       true,
		IgnorePolymorphicCircularReferences: true,
	})
}

// NewValidator returns a request and response validator for doc.
func NewValidator(doc []byte) (validator.Validator, error) {
	d, err := NewDocument(doc)
	if err != nil {
		return nil, err
	}
	v, errs := validator.NewValidator(d)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return v, nil
}

// compiler returns a JSON Schema compiler that knows doc.
func compiler(doc []byte) (*jsonschema.Compiler, any, error) {
	tree, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return nil, nil, fmt.Errorf("decode: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(docURL, tree); err != nil {
		return nil, nil, fmt.Errorf("add resource: %v", err)
	}
	return c, tree, nil
}

// Schema compiles the schema at the JSON pointer ptr of doc.
func Schema(doc []byte, ptr string) (*jsonschema.Schema, error) {
	c, _, err := compiler(doc)
	if err != nil {
		return nil, err
	}
	return c.Compile(docURL + "#" + ptr)
}

// SchemaPointers lists the JSON pointers of the Schema Objects of an
// OpenAPI document, sorted: the component schemas, and the "schema" of
// every parameter, header and media type.
func SchemaPointers(tree any) []string {
	var out []string
	var walk func(v any, ptr string, parentKey string)
	walk = func(v any, ptr string, parentKey string) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				p := ptr + "/" + escape(k)
				if k == "schema" && parentKey != "properties" {
					if _, ok := e.(map[string]any); ok {
						out = append(out, p)
						continue
					}
				}
				if parentKey == "schemas" && ptr == "/components/schemas" {
					out = append(out, p)
					continue
				}
				walk(e, p, k)
			}
		case []any:
			for i, e := range x {
				walk(e, fmt.Sprintf("%s/%d", ptr, i), parentKey)
			}
		}
	}
	walk(tree, "", "")
	sort.Strings(out)
	return out
}

func escape(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '~':
			b.WriteString("~0")
		case '/':
			b.WriteString("~1")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
