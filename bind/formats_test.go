package bind_test

// Tests of the format rule: valid and invalid text for every format.

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/ittygo/itty/bind"
)

func TestFormats(t *testing.T) {
	cases := map[string]struct{ valid, invalid []string }{
		"email":     {[]string{"a@b.co", "first.last+tag@example.com"}, []string{"a", "<a@b.co>", "Ann <a@b.co>", "a@", ""}},
		"uri":       {[]string{"https://example.com/x?y#z", "urn:isbn:0451450523", "mailto:a@b.co"}, []string{"/relative", "http://a b", "no scheme", "http://x/\x01", ""}},
		"uuid":      {[]string{"6ba7b810-9dad-11d1-80b4-00c04fd430c8", "6BA7B810-9DAD-11D1-80B4-00C04FD430C8"}, []string{"6ba7b8109dad11d180b400c04fd430c8", "{6ba7b810-9dad-11d1-80b4-00c04fd430c8}", ""}},
		"date-time": {[]string{"2026-01-02T03:04:05Z", "2026-01-02T03:04:05.123+01:00"}, []string{"2026-01-02", "2026-01-02 03:04:05Z", "2026-13-02T03:04:05Z"}},
		"date":      {[]string{"2026-01-02", "2024-02-29"}, []string{"2026-1-2", "2026-02-30", "02/01/2026"}},
		"time":      {[]string{"03:04:05Z", "23:59:59.5+02:00"}, []string{"03:04", "03:04:05", "25:00:00Z"}},
		"ipv4":      {[]string{"192.0.2.1", "0.0.0.0"}, []string{"256.1.1.1", "01.2.3.4", "::1", "1.2.3"}},
		"ipv6":      {[]string{"::1", "2001:db8::1", "::ffff:192.0.2.1"}, []string{"192.0.2.1", "fe80::1%eth0", "2001:db8:::1"}},
		"hostname":  {[]string{"example.com", "a-b.c", "localhost", "x1", strings.Repeat("a", 63) + ".com"}, []string{"-a.com", "a..b", "a_b.com", "a.com.", strings.Repeat("a", 64) + ".com", ""}},
	}
	msgs := map[string]string{
		"email": "must be an email address", "uri": "must be an absolute URI", "uuid": "must be a UUID",
		"date-time": "must be an RFC 3339 date-time", "date": "must be a date (YYYY-MM-DD)",
		"time": "must be a time of day with a time zone (HH:MM:SSZ)", "ipv4": "must be an IPv4 address",
		"ipv6": "must be an IPv6 address", "hostname": "must be a hostname",
	}
	plan := mustPlan[formatsP](t)
	for _, name := range bind.Formats() {
		c := cases[name]
		for i, vals := range [][]string{c.valid, c.invalid} {
			for _, v := range vals {
				lit, _ := json.Marshal(v)
				_, err := bindWith(t, plan, postJSON("/", `{"`+name+`":`+string(lit)+`}`), bind.Limits{})
				if i == 0 && err != nil {
					t.Errorf("format %s: %q refused: %v", name, v, err)
				}
				if want := []string{"body." + name + "=" + msgs[name] + "|" + v}; i == 1 && (err == nil || !reflect.DeepEqual(problems(t, err), want)) {
					t.Errorf("format %s: %q: err = %v, want %q", name, v, err, want)
				}
			}
		}
	}
}

type formatsP struct {
	Email    string `json:"email" format:"email"`
	URI      string `json:"uri" format:"uri"`
	UUID     string `json:"uuid" format:"uuid"`
	DateTime string `json:"date-time" format:"date-time"`
	Date     string `json:"date" format:"date"`
	Time     string `json:"time" format:"time"`
	IPv4     string `json:"ipv4" format:"ipv4"`
	IPv6     string `json:"ipv6" format:"ipv6"`
	Hostname string `json:"hostname" format:"hostname"`
}
