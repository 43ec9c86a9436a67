package main

import (
	"strings"
	"testing"
	"time"
)

func TestLuaString(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", `""`},
		{"POST", `"POST"`},
		{`{"title":"x"}`, `"{\034title\034:\034x\034}"`},
		{"a\\b\nc", `"a\092b\010c"`},
		{"é", `"\195\169"`},
		{"]]", `"]]"`},
	} {
		if got := luaString(tt.in); got != tt.want {
			t.Errorf("luaString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseWrk(t *testing.T) {
	const banner = "Running 3s test @ http://127.0.0.1:1/items/42\n  1 threads and 8 connections\nRequests/sec:  30256.12\n"
	for _, tt := range []struct {
		name, out string
		want      result
		err       string
	}{
		{
			name: "report",
			out:  banner + wrkReport + " requests=90000 elapsed_us=3000000 p50_us=220 p99_us=4810 status_errors=0 socket_errors=0\n",
			want: result{n: 90000, rps: 30000, p50: 220 * time.Microsecond, p99: 4810 * time.Microsecond},
		},
		{
			name: "status errors",
			out:  wrkReport + " requests=10 elapsed_us=1000000 p50_us=1 p99_us=2 status_errors=3 socket_errors=0\n",
			err:  "3 replies with an error status",
		},
		{
			name: "socket errors",
			out:  wrkReport + " requests=10 elapsed_us=1000000 p50_us=1 p99_us=2 status_errors=0 socket_errors=1\n",
			err:  "1 socket errors",
		},
		{name: "no report", out: banner, err: "no report line"},
		{name: "malformed", out: wrkReport + " requests=x\n", err: "wrk report"},
		{
			name: "no time",
			out:  wrkReport + " requests=0 elapsed_us=0 p50_us=0 p99_us=0 status_errors=0 socket_errors=0\n",
			err:  "no elapsed time",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseWrk([]byte(tt.out))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("parseWrk: error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("parseWrk = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestNewWrkWholeSeconds(t *testing.T) {
	if _, err := newWrk("wrk", 1, 500*time.Millisecond, time.Second); err == nil {
		t.Error("newWrk accepted a warm-up of 500ms")
	}
}
