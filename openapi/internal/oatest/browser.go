package oatest

// This file renders a docs page in headless Chromium (Debian's, driven by
// github.com/chromedp/chromedp) with no network but loopback: the browser
// sends every request for another host to a proxy address where nothing
// listens, and every URL the page asks for is recorded, so a test can
// check that the page needed nothing from elsewhere.

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// ChromiumPath is the browser the tests drive: $ITTY_CHROMIUM, or
// Debian's /usr/bin/chromium.
func ChromiumPath() string {
	if p := os.Getenv("ITTY_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// Page is what the browser showed of a Swagger UI page.
type Page struct {
	Title      string   // the API's title as shown
	Operations []string // "GET /items/{id}" for each operation shown, sorted
	Requests   []string // every URL the page requested, sorted
	Screenshot []byte   // a PNG of the whole page
}

// RenderDocs opens url in a fresh headless Chromium (profile in dir) and
// waits, for at most timeout once the page has loaded, until Swagger UI
// shows at least want operations. Starting the browser and loading the
// page have a minute of their own, for busy machines.
func RenderDocs(url, dir string, want int, timeout time.Duration) (*Page, error) {
	exe := ChromiumPath()
	if _, err := os.Stat(exe); err != nil {
		return nil, fmt.Errorf("chromium is needed to render the docs page (apt-get install -y chromium): %v", err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(1280, 1024),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		// Loopback is reached directly (Chromium never proxies it); any
		// other host goes to a port where nothing listens.
		chromedp.Flag("proxy-server", "http://127.0.0.1:9"),
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout+90*time.Second)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelTab := chromedp.NewContext(actx)
	defer cancelTab()

	var mu sync.Mutex
	seen := map[string]bool{}
	if err := chromedp.Listen(bctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			seen[e.Request.URL] = true
			mu.Unlock()
		}
	}); err != nil {
		return nil, fmt.Errorf("starting chromium: %v", err)
	}
	if err := chromedp.Do(bctx, chromedp.Navigate(url)); err != nil {
		return nil, fmt.Errorf("opening %s: %v", url, err)
	}
	p := &Page{}
	count := fmt.Sprintf("document.querySelectorAll('.opblock').length >= %d", want)
	deadline := time.Now().Add(timeout)
	for {
		ok, err := chromedp.Run(bctx, chromedp.Evaluate[bool](count))
		if err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			p.Screenshot, _ = chromedp.Run(bctx, chromedp.FullScreenshot(100))
			return p, fmt.Errorf("the page did not show %d operations in %s (last error: %v)", want, timeout, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	ops, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('.opblock')).map(b =>
		b.querySelector('.opblock-summary-method').textContent + ' ' +
		b.querySelector('.opblock-summary-path').textContent.replace(/\u200b/g, ''))`))
	if err != nil {
		return nil, fmt.Errorf("reading the operations: %v", err)
	}
	sort.Strings(ops)
	p.Operations = ops
	if p.Title, err = chromedp.Run(bctx, chromedp.Evaluate[string](`(document.querySelector('.info .title') || {textContent: ''}).textContent`)); err != nil {
		return nil, fmt.Errorf("reading the title: %v", err)
	}
	p.Title = strings.TrimSpace(p.Title)
	if p.Screenshot, err = chromedp.Run(bctx, chromedp.FullScreenshot(100)); err != nil {
		return nil, fmt.Errorf("taking a screenshot: %v", err)
	}
	mu.Lock()
	for u := range seen {
		p.Requests = append(p.Requests, u)
	}
	mu.Unlock()
	sort.Strings(p.Requests)
	return p, nil
}
