package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"

	static "github.com/ittygo/itty/examples/static/app"
)

// TestStaticInBrowser loads the page of the static example, with its
// assets embedded and from the directory, and checks that the stylesheet
// applies (computed styles) and that the script ran.
func TestStaticInBrowser(t *testing.T) {
	for _, c := range []struct{ name, root string }{
		{"embedded", ""},
		{"directory", "../examples/static/app/static_media"},
	} {
		t.Run(c.name, func(t *testing.T) {
			app, err := static.New(c.root)
			if err != nil {
				t.Fatal(err)
			}
			base := serveApp(t, app)
			b := mustBrowser(t, "static-"+c.name)
			b.do(chromedp.Navigate(base + "/"))
			b.waitFor(`document.querySelector('#js-status')?.textContent === 'index.js ran'`)
			b.screenshot("page")
			styles := eval[map[string]string](b, `(() => {
				const h1 = getComputedStyle(document.querySelector('h1'));
				const body = getComputedStyle(document.body);
				const status = getComputedStyle(document.querySelector('#js-status'));
				return {h1: h1.color, h1size: h1.fontSize, body: body.backgroundColor, status: status.color, weight: status.fontWeight};
			})()`)
			want := map[string]string{
				"h1": "rgb(0, 102, 153)", "h1size": "32px", "body": "rgb(250, 246, 238)",
				"status": "rgb(0, 128, 0)", "weight": "700",
			}
			for k, v := range want {
				if styles[k] != v {
					t.Errorf("computed %s = %q, want %q", k, styles[k], v)
				}
			}
			b.mustNoDialogs()
		})
	}
}
