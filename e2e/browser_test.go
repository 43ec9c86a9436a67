package e2e

// This file starts Debian's chromium, headless, for one test, and gives the
// tests a few steps on top of chromedp: wait for a JavaScript condition
// (across page loads), read a value, take a screenshot, and count the
// JavaScript dialogs that open (none may, in these apps).

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromiumPath is the browser the tests drive: $ITTY_CHROMIUM, or Debian's.
func chromiumPath() string {
	if p := os.Getenv("ITTY_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// browser is one headless chromium tab and what the test saw in it.
type browser struct {
	t       *testing.T
	ctx     context.Context
	name    string        // prefix of screenshot files
	shots   int           // screenshots taken
	dialogs atomic.Int32  // JavaScript dialogs opened
	handle  chan struct{} // dialogs to dismiss
}

// mustBrowser starts chromium with a fresh profile and returns a tab. The
// test fails, and does not skip, when chromium is missing.
func mustBrowser(t *testing.T, name string) *browser {
	t.Helper()
	exe := chromiumPath()
	if _, err := os.Stat(exe); err != nil {
		t.Fatalf("chromium is needed for the browser tests (apt-get install -y chromium): %v", err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1024, 768),
		// This machine has no network but loopback: keep chromium from
		// trying to reach its services.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("no-proxy-server", true),
	}
	ctx, cancelTimeout := context.WithTimeout(context.Background(), 90*time.Second)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelTab := chromedp.NewContext(actx)
	b := &browser{t: t, ctx: bctx, name: name, handle: make(chan struct{}, 8)}
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
		cancelTimeout()
	})
	if err := chromedp.Listen(bctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			b.dialogs.Add(1)
			select {
			case b.handle <- struct{}{}:
			default:
			}
		}
	}); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	go func() { // dismiss dialogs, so a failing test does not hang on one
		for {
			select {
			case <-b.handle:
				_, _ = chromedp.Call(bctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
			case <-bctx.Done():
				return
			}
		}
	}()
	return b
}

// do runs steps, failing the test on error.
func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.screenshot("failed")
		b.t.Fatalf("browser: %v", err)
	}
}

// eval returns the value of a JavaScript expression.
func eval[T any](b *browser, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.t.Fatalf("browser: evaluating %s: %v", js, err)
	}
	return v
}

// waitFor polls the JavaScript condition js until it is true, through page
// loads (an evaluation that fails because the page is changing is
// retried), for at most 15 seconds.
func (b *browser) waitFor(js string) {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(50 * time.Millisecond)
	}
	b.screenshot("timeout")
	b.t.Fatalf("browser: waited 15s for %s (last error: %v)", js, last)
}

// screenshot writes the page as PNG to the artifacts directory.
func (b *browser) screenshot(step string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Logf("screenshot %s: %v", step, err)
		return
	}
	b.shots++
	dir := artifactsDir(b.t)
	name := filepath.Join(dir, fmt.Sprintf("%s-%02d-%s.png", b.name, b.shots, step))
	if err := os.WriteFile(name, png, 0o644); err != nil {
		b.t.Errorf("writing %s: %v", name, err)
	}
}

// mustNoDialogs fails the test if a JavaScript dialog opened.
func (b *browser) mustNoDialogs() {
	b.t.Helper()
	if n := b.dialogs.Load(); n != 0 {
		b.t.Errorf("%d JavaScript dialog(s) opened", n)
	}
}

// mustSeeProbeDialog opens an alert on purpose and fails the test unless
// the dialog is seen: it proves that mustNoDialogs would notice one.
func (b *browser) mustSeeProbeDialog() {
	b.t.Helper()
	before := b.dialogs.Load()
	b.do(chromedp.Evaluate[chromedp.Void](`setTimeout(() => alert('probe'), 0)`))
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if b.dialogs.Load() > before {
			return
		}
	}
	b.t.Fatal("an alert opened on purpose was not seen: dialog detection does not work")
}

// artifactsDir returns $ARTIFACTS_DIR, or e2e/artifacts, created.
func artifactsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("ARTIFACTS_DIR")
	if dir == "" {
		dir = "artifacts"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// serveApp serves h on a loopback port for the test and returns its URL.
func serveApp(t *testing.T, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`).Replace(s) + "'"
}
