package e2e

import (
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	todolist "github.com/ittygo/itty/examples/todolist/app"
)

// TestTodolistInBrowser adds two items and a hostile one, completes the
// first, and checks that the hostile item is shown as text and runs no
// script.
func TestTodolistInBrowser(t *testing.T) {
	app, err := todolist.New(filepath.Join(t.TempDir(), "data.json"))
	if err != nil {
		t.Fatal(err)
	}
	base := serveApp(t, app)
	b := mustBrowser(t, "todolist")

	b.do(chromedp.Navigate(base + "/"))
	b.waitFor(`document.querySelector('#items li.empty')?.textContent === 'Nothing to do!'`)
	b.screenshot("empty")

	add := func(text string, count int) {
		b.do(
			chromedp.SendKeys(chromedp.CSS("#id_todo"), text),
			chromedp.Click(chromedp.CSS("#create")),
		)
		b.waitFor(`document.querySelectorAll('#items span.item').length === ` + strconv.Itoa(count))
	}
	add("Buy milk", 1)
	add("Water the plants", 2)
	add("<script>alert(1)</script>", 3)
	b.screenshot("three-items")

	items := eval[[]string](b, `[...document.querySelectorAll('#items span.item')].map(e => e.textContent)`)
	if want := []string{"Buy milk", "Water the plants", "<script>alert(1)</script>"}; !slices.Equal(items, want) {
		t.Errorf("items %q, want %q", items, want)
	}
	if n := eval[int](b, `document.querySelectorAll('#items script').length`); n != 0 {
		t.Errorf("%d script elements in the list", n)
	}

	b.do(chromedp.Click(chromedp.CSS(`#items li:first-child button`)))
	b.waitFor(`document.querySelectorAll('#done li').length === 1`)
	b.screenshot("one-done")
	items = eval[[]string](b, `[...document.querySelectorAll('#items span.item')].map(e => e.textContent)`)
	if want := []string{"Water the plants", "<script>alert(1)</script>"}; !slices.Equal(items, want) {
		t.Errorf("items after completing one: %q, want %q", items, want)
	}
	if done := eval[string](b, `document.querySelector('#done li').textContent`); done != "Buy milk" {
		t.Errorf("done %q, want Buy milk", done)
	}
	if path := eval[string](b, `location.pathname`); path != "/" {
		t.Errorf("after the redirect the page is %s, want /", path)
	}
	b.mustNoDialogs()
	b.mustSeeProbeDialog()
}
