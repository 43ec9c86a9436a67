package itty_test

// Tests of TrustedProxies: which peers are believed, how X-Forwarded-For is
// walked, X-Forwarded-Proto and X-Forwarded-Host, and the fallbacks of
// ClientIP, IsSecure, BaseURL and AbsoluteURL.

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// whoamiApp answers GET /who with "client secure base absolute".
func whoamiApp(opts ...itty.Option) *itty.App {
	app := itty.New(opts...)
	itty.Get(app, "/who", func(r *itty.Request, p struct{}) itty.Response {
		return respond.Text(fmt.Sprintf("%v %v %s %s", r.ClientIP(), r.IsSecure(), r.BaseURL(), r.AbsoluteURL("done/1/?x=1")))
	})
	return app
}

// mustWho serves GET /who from peer with the given header pairs.
func mustWho(t *testing.T, app http.Handler, peer, host string, tlsOn bool, header ...string) string {
	t.Helper()
	r := httptest.NewRequest("GET", "/who", nil)
	r.RemoteAddr = peer
	r.Host = host
	if tlsOn {
		r.TLS = &tls.ConnectionState{}
	}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Add(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	app.ServeHTTP(w, r)
	if w.Code != 200 {
		t.Fatalf("GET /who: %d %s", w.Code, w.Body.String())
	}
	return w.Body.String()
}

func TestTrustedProxies(t *testing.T) {
	trusted := whoamiApp(itty.TrustedProxies("10.0.0.0/8", "192.0.2.1", "::1"))
	plain := whoamiApp()
	fwd := []string{"X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example"}
	cases := []struct {
		name   string
		app    http.Handler
		peer   string
		host   string
		tls    bool
		header []string
		want   string
	}{
		{"no option: headers ignored", plain, "10.1.2.3:5000", "app.local", false, fwd,
			"10.1.2.3 false http://app.local http://app.local/done/1/?x=1"},
		{"no option: TLS is secure", plain, "10.1.2.3:5000", "app.local", true, nil,
			"10.1.2.3 true https://app.local https://app.local/done/1/?x=1"},
		{"untrusted peer: headers ignored", trusted, "198.51.100.4:5000", "app.local:8000", false, fwd,
			"198.51.100.4 false http://app.local:8000 http://app.local:8000/done/1/?x=1"},
		{"trusted prefix", trusted, "10.9.9.9:5000", "app.local", false, fwd,
			"203.0.113.9 true https://shop.example https://shop.example/done/1/?x=1"},
		{"trusted single address", trusted, "192.0.2.1:80", "app.local", false, fwd,
			"203.0.113.9 true https://shop.example https://shop.example/done/1/?x=1"},
		{"neighbour of a single address is not trusted", trusted, "192.0.2.2:80", "app.local", false, fwd,
			"192.0.2.2 false http://app.local http://app.local/done/1/?x=1"},
		{"trusted IPv6 peer", trusted, "[::1]:80", "app.local", false, fwd,
			"203.0.113.9 true https://shop.example https://shop.example/done/1/?x=1"},
		{"IPv4-mapped peer", trusted, "[::ffff:10.0.0.1]:80", "app.local", false, fwd,
			"203.0.113.9 true https://shop.example https://shop.example/done/1/?x=1"},
		{"trusted peer, no headers", trusted, "10.0.0.1:80", "app.local", false, nil,
			"10.0.0.1 false http://app.local http://app.local/done/1/?x=1"},
		{"proxy says http over TLS", trusted, "10.0.0.1:80", "app.local", true, []string{"X-Forwarded-Proto", "http"},
			"10.0.0.1 false http://app.local http://app.local/done/1/?x=1"},
		{"unknown proto keeps TLS", trusted, "10.0.0.1:80", "app.local", true, []string{"X-Forwarded-Proto", "gopher"},
			"10.0.0.1 true https://app.local https://app.local/done/1/?x=1"},
		{"last proto wins", trusted, "10.0.0.1:80", "app.local", false, []string{"X-Forwarded-Proto", "http, HTTPS"},
			"10.0.0.1 true https://app.local https://app.local/done/1/?x=1"},
		{"client spoofs the left of the chain", trusted, "10.0.0.1:80", "app.local", false,
			[]string{"X-Forwarded-For", "1.1.1.1, 203.0.113.9"},
			"203.0.113.9 false http://app.local http://app.local/done/1/?x=1"},
		{"chain of trusted proxies", trusted, "10.0.0.1:80", "app.local", false,
			[]string{"X-Forwarded-For", "203.0.113.9, 10.0.0.7", "X-Forwarded-For", "192.0.2.1"},
			"203.0.113.9 false http://app.local http://app.local/done/1/?x=1"},
		{"every hop trusted: leftmost", trusted, "10.0.0.1:80", "app.local", false,
			[]string{"X-Forwarded-For", "10.0.0.3, 10.0.0.2"},
			"10.0.0.3 false http://app.local http://app.local/done/1/?x=1"},
		{"garbage hop ends the walk", trusted, "10.0.0.1:80", "app.local", false,
			[]string{"X-Forwarded-For", "203.0.113.9, not-an-ip, 10.0.0.2"},
			"10.0.0.2 false http://app.local http://app.local/done/1/?x=1"},
		{"hops with ports", trusted, "10.0.0.1:80", "app.local", false,
			[]string{"X-Forwarded-For", "[2001:db8::5]:4711, 10.0.0.2:80"},
			"2001:db8::5 false http://app.local http://app.local/done/1/?x=1"},
		{"invalid forwarded host ignored", trusted, "10.0.0.1:80", "app.local", false,
			[]string{"X-Forwarded-Host", "evil.example/path"},
			"10.0.0.1 false http://app.local http://app.local/done/1/?x=1"},
		{"forwarded host with user info ignored", trusted, "10.0.0.1:80", "app.local", false,
			[]string{"X-Forwarded-Host", "user@evil.example"},
			"10.0.0.1 false http://app.local http://app.local/done/1/?x=1"},
		{"last forwarded host wins", trusted, "10.0.0.1:80", "app.local", false,
			[]string{"X-Forwarded-Host", "a.example, b.example:8443"},
			"10.0.0.1 false http://b.example:8443 http://b.example:8443/done/1/?x=1"},
		{"peer without an address", trusted, "@", "app.local", false, fwd,
			"invalid IP false http://app.local http://app.local/done/1/?x=1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := mustWho(t, c.app, c.peer, c.host, c.tls, c.header...); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestBaseURLWithoutHost(t *testing.T) {
	app := whoamiApp()
	r := httptest.NewRequest("GET", "/who", nil)
	r.Host = ""
	ctx := context.WithValue(r.Context(), http.LocalAddrContextKey, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8000})
	w := httptest.NewRecorder()
	app.ServeHTTP(w, r.WithContext(ctx))
	if want := "192.0.2.1 false http://127.0.0.1:8000 http://127.0.0.1:8000/done/1/?x=1"; w.Body.String() != want {
		t.Errorf("got %q, want %q", w.Body.String(), want)
	}
	r = httptest.NewRequest("GET", "/who", nil)
	r.Host = ""
	w = httptest.NewRecorder()
	app.ServeHTTP(w, r)
	if want := "192.0.2.1 false http://localhost http://localhost/done/1/?x=1"; w.Body.String() != want {
		t.Errorf("got %q, want %q", w.Body.String(), want)
	}
}

func TestTrustedProxiesOptionsAddUp(t *testing.T) {
	app := whoamiApp(itty.TrustedProxies("10.0.0.1"), itty.TrustedPrefixes(netip.MustParsePrefix("10.0.0.2/32"), netip.Prefix{}))
	for _, peer := range []string{"10.0.0.1:1", "10.0.0.2:1"} {
		if got := mustWho(t, app, peer, "h", false, "X-Forwarded-For", "203.0.113.1"); !strings.HasPrefix(got, "203.0.113.1 ") {
			t.Errorf("peer %s: %q, want the forwarded client", peer, got)
		}
	}
	if got := mustWho(t, app, "10.0.0.3:1", "h", false, "X-Forwarded-For", "203.0.113.1"); !strings.HasPrefix(got, "10.0.0.3 ") {
		t.Errorf("peer 10.0.0.3: %q, want the peer", got)
	}
}

func TestParseProxy(t *testing.T) {
	cases := []struct {
		in, want, err string
	}{
		{"10.0.0.0/8", "10.0.0.0/8", ""},
		{" 127.0.0.1 ", "127.0.0.1/32", ""},
		{"::1", "::1/128", ""},
		{"2001:db8::/32", "2001:db8::/32", ""},
		{"10.0.0.0/33", "", `itty: trusted proxy "10.0.0.0/33" is neither an IP address nor a CIDR prefix`},
		{"localhost", "", `itty: trusted proxy "localhost" is neither an IP address nor a CIDR prefix`},
		{"fe80::1%eth0", "", `itty: trusted proxy "fe80::1%eth0" is neither an IP address nor a CIDR prefix`},
		{"", "", `itty: trusted proxy "" is neither an IP address nor a CIDR prefix`},
	}
	for _, c := range cases {
		p, err := itty.ParseProxy(c.in)
		switch {
		case c.err != "":
			if err == nil || err.Error() != c.err {
				t.Errorf("ParseProxy(%q) = %v, %v; want error %q", c.in, p, err, c.err)
			}
		case err != nil || p.String() != c.want:
			t.Errorf("ParseProxy(%q) = %v, %v; want %s", c.in, p, err, c.want)
		}
	}
}

func TestTrustedProxiesPanicsOnTypo(t *testing.T) {
	defer func() {
		v := recover()
		err, ok := v.(error)
		if !ok || err.Error() != `itty: trusted proxy "10.0.0.0/8x" is neither an IP address nor a CIDR prefix` {
			t.Errorf("recovered %v, want the parse error", v)
		}
	}()
	itty.TrustedProxies("127.0.0.1", "10.0.0.0/8x")
}

func TestRequestWithoutAppIgnoresForwarding(t *testing.T) {
	req := itty.NewRequest("GET", "/x", nil)
	req.Header.Set("X-Forwarded-For", "203.0.113.9")
	req.Header.Set("X-Forwarded-Proto", "https")
	if got := req.ClientIP().String(); got != "192.0.2.1" {
		t.Errorf("ClientIP = %s, want 192.0.2.1", got)
	}
	if req.IsSecure() {
		t.Error("IsSecure = true, want false")
	}
	if got := req.AbsoluteURL("/a"); got != "http://example.com/a" {
		t.Errorf("AbsoluteURL = %q", got)
	}
}
