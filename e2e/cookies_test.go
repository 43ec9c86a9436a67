package e2e

import (
	"math"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	cookies "github.com/ittygo/itty/examples/cookies/app"
)

// TestCookiesInBrowser sets a username through the form, is greeted by it
// (also after a reload), checks the cookie the browser keeps, and logs out.
func TestCookiesInBrowser(t *testing.T) {
	base := serveApp(t, cookies.New())
	b := mustBrowser(t, "cookies")
	greeting := `document.querySelector('#greeting')?.textContent`

	b.do(chromedp.Navigate(base + "/"))
	b.waitFor(greeting + ` === 'Hello, unknown!'`)
	b.screenshot("unknown")

	b.do(
		chromedp.SendKeys(chromedp.CSS("#id_username"), "Zoë Smith"),
		chromedp.Click(chromedp.CSS("#set")),
	)
	b.waitFor(greeting + ` === 'Hello, Zoë Smith!' && location.pathname === '/'`)
	b.screenshot("greeted")
	b.do(chromedp.Navigate(base + "/"))
	b.waitFor(greeting + ` === 'Hello, Zoë Smith!'`)

	res, err := chromedp.Call(b.ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{base + "/"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Cookies) != 1 {
		t.Fatalf("browser keeps %d cookies, want 1", len(res.Cookies))
	}
	c := res.Cookies[0]
	wantExpiry := float64(time.Now().Add(cookies.TwoWeeks * time.Second).Unix())
	if c.Name != "username" || c.Value != "Zo%C3%AB+Smith" || c.Path != "/" || !c.HTTPOnly || c.Session || math.Abs(c.Expires-wantExpiry) > 120 {
		t.Errorf("cookie %+v; want username=Zo%%C3%%AB+Smith, HttpOnly, expiring in two weeks (%v)", c, wantExpiry)
	}
	if js := eval[string](b, `document.cookie`); js != "" {
		t.Errorf("script can read the HttpOnly cookie: %q", js)
	}

	b.do(chromedp.Click(chromedp.CSS("#logout")))
	b.waitFor(greeting + ` === 'Hello, unknown!' && location.pathname === '/'`)
	b.screenshot("logged-out")
	res, err = chromedp.Call(b.ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{base + "/"}})
	if err != nil || len(res.Cookies) != 0 {
		t.Errorf("after logout the browser keeps %d cookies (%v)", len(res.Cookies), err)
	}
	b.mustNoDialogs()
}
