// Package e2e holds the tests that need more than Go: the example apps
// driven by a real browser (Debian's chromium, headless, through
// chromedp) and the TODO app served behind a real nginx. It is a module of
// its own so that the library's go.mod stays lean, and so that a plain
// `go test ./...` at the repository root needs neither program.
//
// The tests fail, never skip, when chromium or nginx is missing:
//
//	apt-get install -y --no-install-recommends chromium nginx
//	cd e2e && go test ./...
//
// Screenshots are written to $ARTIFACTS_DIR, or to e2e/artifacts/.
package e2e
