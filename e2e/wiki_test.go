package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	wiki "github.com/ittygo/itty/examples/wiki/app"
)

// TestWikiInBrowser creates a page through the "go to" form, saves it with
// a link to a second page, follows the link, writes that page, edits the
// first one again, and checks the index, the stylesheet and the files.
func TestWikiInBrowser(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pages")
	app, err := wiki.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	base := serveApp(t, app)
	b := mustBrowser(t, "wiki")

	b.do(chromedp.Navigate(base + "/"))
	b.waitFor(`document.querySelector('#pages li.empty') !== null`)
	b.do(
		chromedp.SendKeys(chromedp.CSS("#id_page"), "FrontPage"),
		chromedp.Click(chromedp.CSS("#go")),
	)
	b.waitFor(`location.pathname === '/edit/FrontPage' && document.querySelector('#id_body') !== null`)
	b.screenshot("create")

	b.do(
		chromedp.SendKeys(chromedp.CSS("#id_body"), "Welcome to the wiki.\nSee [SecondPage] & <b>this</b>."),
		chromedp.Click(chromedp.CSS("#save")),
	)
	b.waitFor(`location.pathname === '/view/FrontPage' && document.querySelector('#body') !== null`)
	b.screenshot("view")
	if got, want := eval[string](b, `document.querySelector('#body').textContent`), "Welcome to the wiki.\nSee SecondPage & <b>this</b>."; got != want {
		t.Errorf("page text %q, want %q", got, want)
	}
	if n := eval[int](b, `document.querySelectorAll('#body b').length`); n != 0 {
		t.Errorf("the page's <b> became an element")
	}
	if color := eval[string](b, `getComputedStyle(document.querySelector('#menu a')).color`); color != "rgb(120, 40, 140)" {
		t.Errorf("menu link color %q: /file/style.css did not apply", color)
	}

	// The page link leads to the editor of the new page.
	b.do(chromedp.Click(chromedp.CSS(`#body a[href="/view/SecondPage"]`)))
	b.waitFor(`location.pathname === '/edit/SecondPage' && document.querySelector('#id_body') !== null`)
	b.do(
		chromedp.SendKeys(chromedp.CSS("#id_body"), "The second page."),
		chromedp.Click(chromedp.CSS("#save")),
	)
	b.waitFor(`location.pathname === '/view/SecondPage' && document.querySelector('#body')?.textContent === 'The second page.'`)

	// Edit the first page again.
	b.do(chromedp.Navigate(base + "/view/FrontPage"))
	b.waitFor(`document.querySelector('#edit') !== null`)
	b.do(chromedp.Click(chromedp.CSS("#edit")))
	b.waitFor(`location.pathname === '/edit/FrontPage' && document.querySelector('#id_body') !== null`)
	if got := eval[string](b, `document.querySelector('#id_body').value`); got != "Welcome to the wiki.\nSee [SecondPage] & <b>this</b>." {
		t.Errorf("editor holds %q", got)
	}
	b.do(
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#id_body').value = ''`),
		chromedp.SendKeys(chromedp.CSS("#id_body"), "Rewritten."),
		chromedp.Click(chromedp.CSS("#save")),
	)
	b.waitFor(`location.pathname === '/view/FrontPage' && document.querySelector('#body')?.textContent === 'Rewritten.'`)

	b.do(chromedp.Navigate(base + "/"))
	b.waitFor(`document.querySelectorAll('#pages li a').length === 2`)
	b.screenshot("index")
	if got := eval[[]string](b, `[...document.querySelectorAll('#pages li a')].map(a => a.getAttribute('href'))`); len(got) != 2 || got[0] != "/view/FrontPage" || got[1] != "/view/SecondPage" {
		t.Errorf("index links %q", got)
	}
	for name, want := range map[string]string{"FrontPage.txt": "Rewritten.", "SecondPage.txt": "The second page."} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(b) != want {
			t.Errorf("%s = %q, %v; want %q", name, b, err, want)
		}
	}
	b.mustNoDialogs()
}
