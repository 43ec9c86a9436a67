package itty

// This file lets an app run behind reverse proxies (nginx, a load
// balancer). TrustedProxies names the addresses the proxies connect from.
// Only for a request whose immediate peer (RemoteAddr) is one of them are
// the X-Forwarded-For, X-Forwarded-Proto and X-Forwarded-Host headers
// believed, by Request.ClientIP, IsSecure, BaseURL and AbsoluteURL. For any
// other peer, and for an app without the option, the headers are ignored:
// a client that talks to the app directly cannot claim another address,
// scheme or host. Nothing is computed unless a handler asks.

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// proxyConfig is the TrustedProxies setting of an app.
type proxyConfig struct {
	trusted []netip.Prefix
}

// contains reports whether ip is the address of a trusted proxy.
func (pc *proxyConfig) contains(ip netip.Addr) bool {
	if !ip.IsValid() {
		return false
	}
	ip = ip.Unmap()
	for _, p := range pc.trusted {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// TrustedProxies names the reverse proxies in front of the app, each as an
// IP address ("127.0.0.1", "::1") or a CIDR prefix ("10.0.0.0/8"). A
// request whose peer address is in one of them has its X-Forwarded-For,
// X-Forwarded-Proto and X-Forwarded-Host headers taken into account by
// Request.ClientIP, IsSecure, BaseURL and AbsoluteURL; the headers of any
// other request are ignored. Options given more than once add up.
//
// TrustedProxies panics if an entry is neither an address nor a prefix, so
// that a typo stops the program at start-up; use TrustedPrefixes for
// values that are parsed elsewhere, such as from a flag.
func TrustedProxies(cidrs ...string) Option {
	prefixes := make([]netip.Prefix, 0, len(cidrs))
	for _, s := range cidrs {
		p, err := ParseProxy(s)
		if err != nil {
			panic(err)
		}
		prefixes = append(prefixes, p)
	}
	return TrustedPrefixes(prefixes...)
}

// TrustedPrefixes is TrustedProxies for prefixes that are already parsed.
// Invalid prefixes (the zero netip.Prefix) are ignored.
func TrustedPrefixes(prefixes ...netip.Prefix) Option {
	var valid []netip.Prefix
	for _, p := range prefixes {
		if p.IsValid() {
			if p.Addr().Is4In6() && p.Bits() >= 96 {
				p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
			}
			valid = append(valid, p.Masked())
		}
	}
	return func(c *config) {
		c.proxies.trusted = append(c.proxies.trusted[:len(c.proxies.trusted):len(c.proxies.trusted)], valid...)
	}
}

// ParseProxy parses one TrustedProxies entry: a CIDR prefix, or an IP
// address, which is taken as the prefix of that address alone.
func ParseProxy(s string) (netip.Prefix, error) {
	s = strings.TrimSpace(s)
	if p, err := netip.ParsePrefix(s); err == nil {
		return p, nil
	}
	if a, err := netip.ParseAddr(s); err == nil && a.Zone() == "" {
		return netip.PrefixFrom(a, a.BitLen()), nil
	}
	return netip.Prefix{}, fmt.Errorf("itty: trusted proxy %q is neither an IP address nor a CIDR prefix", s)
}

// peerIP returns the address of the request's immediate peer, or the zero
// Addr when RemoteAddr holds none.
func (req *Request) peerIP() netip.Addr {
	if req.Request == nil {
		return netip.Addr{}
	}
	if ap, err := netip.ParseAddrPort(req.RemoteAddr); err == nil {
		return ap.Addr().Unmap()
	}
	if a, err := netip.ParseAddr(req.RemoteAddr); err == nil {
		return a.Unmap()
	}
	return netip.Addr{}
}

// fromTrustedProxy reports whether the request's peer is a trusted proxy.
func (req *Request) fromTrustedProxy() bool {
	return req.app != nil && len(req.app.cfg.proxies.trusted) > 0 && req.app.cfg.proxies.contains(req.peerIP())
}

// ClientIP returns the address of the client. It is the peer's address
// (from RemoteAddr) unless the peer is a trusted proxy (see
// TrustedProxies): then X-Forwarded-For is read from right to left,
// skipping the addresses of trusted proxies, and the first other address
// is the client. If every address in the header is trusted, the leftmost
// is the client; an entry that is not an address ends the walk, and the
// last trusted hop before it is returned. ClientIP returns the zero Addr
// when RemoteAddr holds no address (as for a Unix socket).
func (req *Request) ClientIP() netip.Addr {
	ip := req.peerIP()
	if !req.fromTrustedProxy() {
		return ip
	}
	hops := forwardedList(req.Header, "X-Forwarded-For")
	for i := len(hops) - 1; i >= 0 && req.app.cfg.proxies.contains(ip); i-- {
		hop, ok := parseHop(hops[i])
		if !ok {
			break
		}
		ip = hop
	}
	return ip
}

// proxySecure returns what a trusted proxy says about the client's scheme:
// ok is false when the request did not come through a trusted proxy or the
// last X-Forwarded-Proto value is neither "http" nor "https".
func (req *Request) proxySecure() (secure, ok bool) {
	if !req.fromTrustedProxy() {
		return false, false
	}
	v := lastForwarded(req.Header, "X-Forwarded-Proto")
	switch {
	case strings.EqualFold(v, "https"):
		return true, true
	case strings.EqualFold(v, "http"):
		return false, true
	}
	return false, false
}

// BaseURL returns the scheme and host the client used, such as
// "https://example.com" or "http://127.0.0.1:8000", with no trailing
// slash. The scheme follows IsSecure. The host is the request's Host,
// unless a trusted proxy sent a valid X-Forwarded-Host (the last value
// counts); when the request has no Host, the address the server received
// it on is used.
func (req *Request) BaseURL() string {
	scheme := "http"
	if req.IsSecure() {
		scheme = "https"
	}
	return scheme + "://" + req.publicHost()
}

// AbsoluteURL returns path (an absolute path, with an optional query, such
// as "/done/1/?undo=true") joined to BaseURL, for links that leave the
// site: e-mails, feeds, OAuth callbacks. A path without its leading "/" is
// given one.
func (req *Request) AbsoluteURL(path string) string {
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	return req.BaseURL() + path
}

// publicHost returns the host (and port) the client addressed.
func (req *Request) publicHost() string {
	if req.fromTrustedProxy() {
		if h := lastForwarded(req.Header, "X-Forwarded-Host"); validHost(h) {
			return h
		}
	}
	if req.Request != nil && validHost(req.Host) {
		return req.Host
	}
	if req.Request != nil {
		if a, ok := localAddr(req.Context()); ok {
			return a
		}
	}
	return "localhost"
}

// localAddr returns the address the server received the request on.
func localAddr(ctx context.Context) (string, bool) {
	a, ok := ctx.Value(http.LocalAddrContextKey).(net.Addr)
	if !ok || a == nil {
		return "", false
	}
	ap, err := netip.ParseAddrPort(a.String())
	if err != nil {
		return "", false
	}
	return ap.String(), true
}

// forwardedList returns the comma-separated values of every line of the
// header name, in order, trimmed.
func forwardedList(h http.Header, name string) []string {
	var out []string
	for _, line := range h.Values(name) {
		for v := range strings.SplitSeq(line, ",") {
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}

// lastForwarded returns the last comma-separated value of the header name:
// the one set by the nearest proxy.
func lastForwarded(h http.Header, name string) string {
	vs := h.Values(name)
	if len(vs) == 0 {
		return ""
	}
	v := vs[len(vs)-1]
	if i := strings.LastIndexByte(v, ','); i >= 0 {
		v = v[i+1:]
	}
	return strings.TrimSpace(v)
}

// parseHop parses one X-Forwarded-For entry: an address, optionally with a
// port ("192.0.2.1:4711", "[2001:db8::1]:4711").
func parseHop(s string) (netip.Addr, bool) {
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap(), true
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap(), true
	}
	return netip.Addr{}, false
}

// validHost reports whether h is a plausible host[:port]: non-empty, at
// most 255 bytes, of letters, digits and ".-_:[]" only, so that it cannot
// add a path, user information or another header to a URL.
func validHost(h string) bool {
	if h == "" || len(h) > 255 {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '.' || c == '-' || c == '_' || c == ':' || c == '[' || c == ']':
		default:
			return false
		}
	}
	return true
}
