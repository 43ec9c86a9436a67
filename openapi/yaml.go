package openapi

// This file writes the document as YAML. The JSON document is the source:
// it is decoded to plain values (numbers kept exact) and encoded with
// gopkg.in/yaml.v2, which the document model already depends on and which
// writes map keys sorted, so the YAML is as stable as the JSON.

import (
	"encoding/json"
	"fmt"
	"strconv"

	"gopkg.in/yaml.v2"
)

// toYAML converts a JSON document to YAML.
func toYAML(doc []byte) ([]byte, error) {
	v, err := toJSONValue(json.RawMessage(doc))
	if err != nil {
		return nil, fmt.Errorf("itty: openapi: %w", err)
	}
	out, err := yaml.Marshal(yamlValue(v))
	if err != nil {
		return nil, fmt.Errorf("itty: openapi: %w", err)
	}
	return out, nil
}

// yamlValue replaces JSON numbers with Go numbers YAML writes as numbers.
func yamlValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = yamlValue(e)
		}
	case []any:
		for i, e := range x {
			x[i] = yamlValue(e)
		}
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return i
		}
		if u, err := strconv.ParseUint(string(x), 10, 64); err == nil {
			return u
		}
		if f, err := x.Float64(); err == nil {
			return f
		}
	}
	return v
}
