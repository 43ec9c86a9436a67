package bind

// This file defines the names the format rule accepts — the JSON Schema
// formats an API most often needs — and how each is checked. Checks parse
// with the standard library (net/mail, net/url, net/netip, time) and accept
// exactly the standard text forms: an email address without a display
// name, an absolute URI, a hyphenated UUID, RFC 3339 date-times, dates and
// times of day, dotted IPv4, IPv6 without a zone, and RFC 1123 hostnames.

import (
	"net/mail"
	"net/netip"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/ittygo/itty/params"
)

// format is a named string format.
type format struct {
	msg   string
	valid func(string) bool
}

var formats = map[string]format{
	"email":     {"must be an email address", isEmail},
	"uri":       {"must be an absolute URI", isURI},
	"uuid":      {"must be a UUID", func(s string) bool { _, ok := params.ParseUUID(s); return ok }},
	"date-time": {"must be an RFC 3339 date-time", layoutCheck(time.RFC3339)},
	"date":      {"must be a date (YYYY-MM-DD)", layoutCheck(time.DateOnly)},
	"time":      {"must be a time of day with a time zone (HH:MM:SSZ)", layoutCheck("15:04:05Z07:00")},
	"ipv4":      {"must be an IPv4 address", func(s string) bool { a, err := netip.ParseAddr(s); return err == nil && a.Is4() }},
	"ipv6":      {"must be an IPv6 address", func(s string) bool { a, err := netip.ParseAddr(s); return err == nil && a.Is6() && a.Zone() == "" }},
	"hostname":  {"must be a hostname", isHostname},
}

// Formats lists the names the format rule accepts, sorted.
func Formats() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func layoutCheck(layout string) func(string) bool {
	return func(s string) bool {
		_, err := time.Parse(layout, s)
		return err == nil
	}
}

func isEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Name == "" && a.Address == s
}

func isURI(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] == 0x7f {
			return false
		}
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme != ""
}

// isHostname follows RFC 1123: dot-separated labels of letters, digits and
// hyphens, 1 to 63 bytes each, not starting or ending with a hyphen.
func isHostname(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
				return false
			}
		}
	}
	return true
}
