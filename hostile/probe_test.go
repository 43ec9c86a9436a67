package hostile_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestProbe(t *testing.T) {
	f := newFixture(t)
	js := "application/json"
	show := func(method, target, ctype, body string) {
		hdr := []string{"Accept", "application/json"}
		if ctype != "" {
			hdr = append(hdr, "Content-Type", ctype)
		}
		w := mustServe(t, f.app, method, target, strings.NewReader(body), hdr...)
		b := body
		if len(b) > 60 { b = b[:60] }
		o := outcome(t, w)
		if len(o) > 300 { o = o[:300] }
		fmt.Printf("%s %s %q\n   => %s %v\n", method, target, b, o, w.Header())
	}
	show("POST", "/json", js, "")
	show("POST", "/json", js, "null")
	show("POST", "/json", js, "{\"name\":\"\xff\"}")
	show("GET", "/cookie?name=sid&value=abc", "", "")
	show("GET", "/cookie?name=a%0D%0Ab&value=abc", "", "")
	show("GET", "/cookie?name=a&value=a%0D%0Ab", "", "")
	show("GET", "/cookie?name=a&value=b&path=/%0D%0Ax", "", "")
	show("GET", "/cookie?name=a&value=a;b", "", "")
	show("GET", "/cookie?name=a%20b&value=a", "", "")
	show("GET", "/cookie?name=a=b&value=a", "", "")
	show("GET", "/cookie?name=a&value=b&path=/a;b", "", "")
	show("GET", "/cookie?name=a&value=%C3%A9", "", "")
	show("GET", "/cookie?name=a&value=%00", "", "")
	show("GET", "/cookie?name=&value=x", "", "")
	show("GET", "/header?value=a%0D%0ASet-Cookie:%20x=1", "", "")
	show("GET", "/header?value=a%0Ab", "", "")
	show("GET", "/header?value=a%00b", "", "")
	show("GET", "/header?value=a%09b", "", "")
	show("GET", "/header?value=%C3%A9", "", "")
	show("GET", "/header?name=X%20Y&value=a", "", "")
	show("GET", "/header?name=X:Y&value=a", "", "")
	show("GET", "/header?name=&value=a", "", "")
	show("GET", "/goto?to=/a%0D%0ALocation:%20//evil", "", "")
	show("GET", "/goto?to=//evil.com", "", "")
	addr := mustListen(t, f.app)
	for _, tg := range []string{"/<script>alert(1)</script>", "/static/sub", "/static/a.txt", "/static/x.unknownext", "/static/%c0%ae%c0%ae/secret.txt", "/static/pct%2541.txt", "/static/space%20name.txt", "/static/space name.txt"} {
		got := mustRaw(t, addr, get(tg), 2*time.Second)
		for _, r := range got.responses {
			b := r.body
			if len(b) > 100 { b = b[:100] }
			fmt.Printf("GET %s => %d %v %q\n", tg, r.status, r.header, b)
		}
		fmt.Println(got.end)
	}
}
