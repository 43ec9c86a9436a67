package openapi

// Tests of the document options: security schemes and their checks.

import "testing"

func TestSecuritySchemeModel(t *testing.T) {
	cases := []struct {
		s    SecurityScheme
		want string // JSON, or the error
	}{
		{BearerAuth("JWT"), `{"bearerFormat":"JWT","scheme":"bearer","type":"http"}`},
		{BearerAuth(""), `{"scheme":"bearer","type":"http"}`},
		{BasicAuth(), `{"scheme":"basic","type":"http"}`},
		{APIKeyAuth("cookie", "sid"), `{"in":"cookie","name":"sid","type":"apiKey"}`},
		{SecurityScheme{Type: "openIdConnect", OpenIDConnectURL: "https://id.example.com/.well-known/openid-configuration", Description: "SSO"},
			`{"description":"SSO","openIdConnectUrl":"https://id.example.com/.well-known/openid-configuration","type":"openIdConnect"}`},
		{SecurityScheme{Type: "mutualTLS"}, `{"type":"mutualTLS"}`},
		{SecurityScheme{Type: "http"}, "an http scheme needs its Scheme (bearer, basic, ...)"},
		{APIKeyAuth("body", "k"), `an apiKey scheme is sent in a header, query or cookie, not "body"`},
		{APIKeyAuth("header", ""), "an apiKey scheme needs the Name of its header"},
		{SecurityScheme{Type: "openIdConnect"}, "an openIdConnect scheme needs its OpenIDConnectURL"},
		{SecurityScheme{Type: "oauth2"}, `type "oauth2" is not one of http, apiKey, openIdConnect, mutualTLS`},
	}
	for _, c := range cases {
		m, err := c.s.model()
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = mustJSON(t, m)
		}
		if got != c.want {
			t.Errorf("%+v: %s, want %s", c.s, got, c.want)
		}
	}
}

func TestConfigDefaults(t *testing.T) {
	c := newConfig([]Option{WithSpecPath("/api.json"), WithoutYAML(), WithServer("/v1", "v1"), WithTag("a", "A"), WithSecurity("k", "s1")})
	if c.specPath != "/api.json" || c.docsPath != "/docs" || c.yaml || len(c.servers) != 1 || c.tags[0] != (tag{"a", "A"}) || c.security[0]["k"][0] != "s1" {
		t.Errorf("config = %+v", c)
	}
}
