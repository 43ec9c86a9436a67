package e2e

// This file runs the TODO app behind Debian's nginx, which terminates TLS
// and forwards to the app with X-Forwarded-* headers, as docs/deploying.md
// describes. nginx connects from 127.0.0.2, the one address the app
// trusts (TrustedProxies); the test's own requests come from 127.0.0.1.

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"text/template"
	"time"

	todolist "github.com/ittygo/itty/examples/todolist/app"
	"github.com/ittygo/itty/itty"
	"github.com/ittygo/itty/respond"
)

// whoami is what the test route reports about a request.
type whoami struct {
	Client string `json:"client"`
	Secure bool   `json:"secure"`
	Base   string `json:"base"`
	Host   string `json:"host"`
}

// nginxPath finds Debian's nginx.
func nginxPath(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx"
	}
	t.Fatal("nginx is needed for the proxy tests (apt-get install -y nginx)")
	return ""
}

// mustCert writes a self-signed certificate for 127.0.0.1 to dir and
// returns a pool that trusts it.
func mustCert(t *testing.T, dir string) *x509.CertPool {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "itty e2e"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	if err := os.WriteFile(filepath.Join(dir, "cert.pem"), certPEM, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "key.pem"), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600); err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(certPEM)
	return pool
}

// freePort returns a loopback port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// mustNginx writes the configuration from testdata/nginx.conf.tmpl into
// dir and starts nginx in the foreground; it is stopped when the test
// ends. It returns once both ports accept connections.
func mustNginx(t *testing.T, dir, upstream string, httpPort, httpsPort int) {
	t.Helper()
	exe := nginxPath(t)
	tmpl, err := template.ParseFiles(filepath.Join("testdata", "nginx.conf.tmpl"))
	if err != nil {
		t.Fatal(err)
	}
	user := ""
	if os.Geteuid() == 0 {
		user = "root" // workers must reach the test's private temporary directory
	}
	var conf bytes.Buffer
	if err := tmpl.Execute(&conf, map[string]any{
		"Dir": dir, "Upstream": upstream, "HTTPPort": httpPort, "HTTPSPort": httpsPort, "User": user,
	}); err != nil {
		t.Fatal(err)
	}
	confPath := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confPath, conf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd := exec.Command(exe, "-p", dir, "-c", confPath, "-e", filepath.Join(dir, "error.log"))
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting nginx: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGQUIT) // graceful stop
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
			t.Error("nginx did not stop on SIGQUIT within 10s")
		}
	})
	deadline := time.Now().Add(15 * time.Second)
	for _, port := range []int{httpPort, httpsPort} {
		for {
			c, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), time.Second)
			if err == nil {
				c.Close()
				break
			}
			select {
			case err := <-exited:
				log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
				t.Fatalf("nginx exited (%v):\n%s\n%s", err, out.String(), log)
			default:
			}
			if time.Now().After(deadline) {
				log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
				t.Fatalf("nginx does not listen on %d after 15s:\n%s\n%s", port, out.String(), log)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
}

// mustTodoBehindNginx serves the TODO app, with a test route that reports
// what the app sees, on a loopback port, trusting only 127.0.0.2, and
// puts nginx in front of it. It returns the app's address, nginx's http
// and https base URLs and an https client that trusts nginx.
func mustTodoBehindNginx(t *testing.T) (appAddr, httpBase, httpsBase string, client *http.Client) {
	t.Helper()
	dir := t.TempDir()
	app, err := todolist.New(filepath.Join(dir, "data.json"), itty.TrustedProxies("127.0.0.2"))
	if err != nil {
		t.Fatal(err)
	}
	itty.Get(app, "/_test/whoami", func(r *itty.Request, p struct{}) itty.Response {
		return respond.JSON(whoami{Client: r.ClientIP().String(), Secure: r.IsSecure(), Base: r.BaseURL(), Host: r.Host})
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := app.Server()
	go srv.Serve(ln) //nolint:errcheck // ends with Shutdown
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("app shutdown: %v", err)
		}
	})
	httpPort, httpsPort := freePort(t), freePort(t)
	pool := mustCert(t, dir)
	mustNginx(t, dir, ln.Addr().String(), httpPort, httpsPort)
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}
	t.Cleanup(tr.CloseIdleConnections)
	return ln.Addr().String(),
		"http://127.0.0.1:" + strconv.Itoa(httpPort),
		"https://127.0.0.1:" + strconv.Itoa(httpsPort),
		&http.Client{Transport: tr, Timeout: 10 * time.Second}
}

// mustDo sends req and returns the final response's body and URL.
func mustDo(t *testing.T, c *http.Client, req *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// mustPost posts a form to target and follows the redirect.
func mustPost(t *testing.T, c *http.Client, target string, form url.Values) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("POST", target, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return mustDo(t, c, req)
}

func mustWhoami(t *testing.T, c *http.Client, target string, header ...string) whoami {
	t.Helper()
	req, err := http.NewRequest("GET", target+"/_test/whoami", nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, body := mustDo(t, c, req)
	var w whoami
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &w) != nil {
		t.Fatalf("GET %s/_test/whoami: %d %s", target, resp.StatusCode, body)
	}
	return w
}

func TestTodolistBehindNginx(t *testing.T) {
	appAddr, httpBase, httpsBase, client := mustTodoBehindNginx(t)

	// A full create/complete cycle through nginx over TLS.
	resp, body := mustDo(t, client, mustRequest(t, "GET", httpsBase+"/"))
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Server"), "nginx") || !strings.Contains(body, "Nothing to do!") {
		t.Fatalf("GET / through nginx: %d Server %q\n%s", resp.StatusCode, resp.Header.Get("Server"), body)
	}
	for _, todo := range []string{"Through nginx", "<script>alert(1)</script>"} {
		resp, body = mustPost(t, client, httpsBase+"/create/", url.Values{"todo": {todo}})
		if resp.StatusCode != 200 || resp.Request.URL.String() != httpsBase+"/" {
			t.Fatalf("create %q: %d at %s", todo, resp.StatusCode, resp.Request.URL)
		}
	}
	if !strings.Contains(body, `<span class="item">Through nginx</span>`) ||
		!strings.Contains(body, `<span class="item">&lt;script&gt;alert(1)&lt;/script&gt;</span>`) {
		t.Errorf("the list after two creates:\n%s", body)
	}
	resp, body = mustPost(t, client, httpsBase+"/done/0/", url.Values{})
	if resp.StatusCode != 200 || !strings.Contains(body, "<ul id=\"done\">\n  <li>Through nginx</li>\n</ul>") {
		t.Errorf("complete: %d\n%s", resp.StatusCode, body)
	}
	resp, _ = mustPost(t, client, httpsBase+"/done/5/", url.Values{})
	if resp.StatusCode != 404 {
		t.Errorf("complete past the end through nginx: %d, want 404", resp.StatusCode)
	}
	resp, body = mustDo(t, client, mustRequest(t, "GET", httpBase+"/"))
	if resp.StatusCode != 200 || strings.Count(body, `<span class="item">`) != 1 {
		t.Errorf("GET / over plain http: %d\n%s", resp.StatusCode, body)
	}

	cases := []struct {
		name   string
		client *http.Client
		target string
		header []string
		want   whoami
	}{
		{"through nginx over https", client, httpsBase, nil,
			whoami{Client: "127.0.0.1", Secure: true, Base: httpsBase, Host: strings.TrimPrefix(httpsBase, "https://")}},
		{"through nginx over http", client, httpBase, nil,
			whoami{Client: "127.0.0.1", Secure: false, Base: httpBase, Host: strings.TrimPrefix(httpBase, "http://")}},
		{"a client spoofing X-Forwarded-* to nginx", client, httpBase,
			[]string{"X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example"},
			whoami{Client: "127.0.0.1", Secure: false, Base: httpBase, Host: strings.TrimPrefix(httpBase, "http://")}},
		{"a client spoofing X-Forwarded-* to the app's port", http.DefaultClient, "http://" + appAddr,
			[]string{"X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example"},
			whoami{Client: "127.0.0.1", Secure: false, Base: "http://" + appAddr, Host: appAddr}},
		{"the trusted address itself (control)", fromAddr(t, "127.0.0.2"), "http://" + appAddr,
			[]string{"X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "todo.example"},
			whoami{Client: "203.0.113.9", Secure: true, Base: "https://todo.example", Host: appAddr}},
	}
	for _, c := range cases {
		if got := mustWhoami(t, c.client, c.target, c.header...); got != c.want {
			t.Errorf("%s: the app saw %+v, want %+v", c.name, got, c.want)
		}
	}
}

// fromAddr returns a client whose connections come from the loopback
// address local.
func fromAddr(t *testing.T, local string) *http.Client {
	t.Helper()
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: 5 * time.Second}
	tr := &http.Transport{DialContext: d.DialContext}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr, Timeout: 10 * time.Second}
}

func mustRequest(t *testing.T, method, target string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, target, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}
