package loadtest

// This file runs the app under load in a child process, so that the server
// has its own memory, goroutines and signals. Start re-executes a binary
// (in tests, the test binary itself) with ChildEnv set; that binary's
// TestMain, or main, calls RunChild, which serves App with itty's Run on a
// free loopback port and reports, line by line on standard output, where
// it serves, what Run returned and how many temporary upload files are
// left in its TMPDIR. The parent reads those lines.

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/ittygo/itty/itty"
)

// ChildEnv is the environment variable that makes a binary act as the
// child: its value is the JSON of the Config to serve.
const ChildEnv = "ITTY_LOADTEST_CHILD"

// IsChild reports whether this process was started by Start.
func IsChild() bool { return os.Getenv(ChildEnv) != "" }

// RunChild serves App in this process until SIGTERM or SIGINT, as the child
// started by Start. It prints itty's start-up line, then "run returned:
// <error or nil>" and "temp files left: <n>" (multipart temporary files
// in the TMPDIR). It returns Run's error.
func RunChild() error {
	var cfg Config
	if err := json.Unmarshal([]byte(os.Getenv(ChildEnv)), &cfg); err != nil {
		return fmt.Errorf("loadtest: child config: %w", err)
	}
	if err := RaiseFileLimit(); err != nil {
		return err
	}
	app := App(cfg, itty.Logger(discardLogger()))
	opts := append(cfg.Options(), itty.Host("127.0.0.1"), itty.Port(0), itty.Output(os.Stdout))
	err := app.Run(opts...)
	fmt.Printf("run returned: %v\n", err)
	fmt.Printf("temp files left: %d\n", countTempFiles(os.TempDir()))
	return err
}

// countTempFiles counts mime/multipart's temporary files in dir.
func countTempFiles(dir string) int {
	names, _ := filepath.Glob(filepath.Join(dir, "multipart-*"))
	return len(names)
}

// RaiseFileLimit raises this process's open-file limit to its hard limit,
// for scenarios with thousands of connections. Children inherit it.
func RaiseFileLimit() error {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return fmt.Errorf("loadtest: open-file limit: %w", err)
	}
	if lim.Cur < lim.Max {
		lim.Cur = lim.Max
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
			return fmt.Errorf("loadtest: raising the open-file limit: %w", err)
		}
	}
	return nil
}

// Process is a running child.
type Process struct {
	Addr    string // host:port it serves on
	TempDir string // its TMPDIR, removed by Close

	cmd     *exec.Cmd
	lines   chan string   // its standard output, line by line
	exited  chan struct{} // closed when it has exited
	waitErr error         // cmd.Wait's result, set before exited is closed
}

var startLine = regexp.MustCompile(`^itty \S+: Now serving requests at http://(127\.0\.0\.1:\d+)\.\.\.$`)

// Start runs exe with args as a child serving App(cfg), and waits up to 30s
// for its start-up line. The child gets a TMPDIR of its own.
func Start(exe string, args []string, cfg Config) (*Process, error) {
	tmp, err := os.MkdirTemp("", "itty-loadtest-")
	if err != nil {
		return nil, fmt.Errorf("loadtest: %w", err)
	}
	conf, _ := json.Marshal(cfg)
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), ChildEnv+"="+string(conf), "TMPDIR="+tmp)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("loadtest: %w", err)
	}
	if err := cmd.Start(); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("loadtest: starting the child: %w", err)
	}
	p := &Process{TempDir: tmp, cmd: cmd, lines: make(chan string, 16), exited: make(chan struct{})}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
		close(p.lines)
		p.waitErr = cmd.Wait()
		close(p.exited)
	}()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case line, ok := <-p.lines:
			if !ok {
				p.Close()
				return nil, fmt.Errorf("loadtest: the child exited before serving")
			}
			if m := startLine.FindStringSubmatch(line); m != nil {
				p.Addr = m[1]
				return p, nil
			}
		case <-timeout:
			p.Close()
			return nil, fmt.Errorf("loadtest: the child did not start serving within 30s")
		}
	}
}

// Stats asks the child for its statistics, over a connection of its own.
func (p *Process) Stats() (Stats, error) {
	return FetchStats(p.Addr)
}

// FetchStats asks the app at addr for its statistics.
func FetchStats(addr string) (Stats, error) {
	var st Stats
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return st, err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, "GET /stats HTTP/1.1\r\nHost: loadtest\r\nConnection: close\r\n\r\n"); err != nil {
		return st, err
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return st, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return st, fmt.Errorf("loadtest: /stats answered %d", resp.StatusCode)
	}
	err = json.NewDecoder(resp.Body).Decode(&st)
	return st, err
}

// Terminate sends SIGTERM to the child.
func (p *Process) Terminate() error { return p.cmd.Process.Signal(syscall.SIGTERM) }

// Exit is how a child ended.
type Exit struct {
	RunReturned string // what Run returned, as printed ("<nil>" for a graceful shutdown)
	TempLeft    int    // temporary upload files left in its TMPDIR, as it counted them
	Code        int    // its exit code
}

// Wait waits up to timeout for the child to exit and returns how it ended.
func (p *Process) Wait(timeout time.Duration) (Exit, error) {
	ex := Exit{TempLeft: -1}
	deadline := time.After(timeout)
	for {
		select {
		case line, ok := <-p.lines:
			if !ok {
				<-p.exited
				var ee *exec.ExitError
				if errors.As(p.waitErr, &ee) {
					ex.Code = ee.ExitCode()
				} else if p.waitErr != nil {
					return ex, p.waitErr
				}
				return ex, nil
			}
			if v, ok := strings.CutPrefix(line, "run returned: "); ok {
				ex.RunReturned = v
			}
			if v, ok := strings.CutPrefix(line, "temp files left: "); ok {
				ex.TempLeft, _ = strconv.Atoi(v)
			}
		case <-deadline:
			return ex, fmt.Errorf("loadtest: the child did not exit within %v", timeout)
		}
	}
}

// Close kills the child if it still runs, waits for it to exit and
// removes its TMPDIR.
func (p *Process) Close() {
	select {
	case <-p.exited:
	default:
		_ = p.cmd.Process.Kill()
		for range p.lines {
		}
		<-p.exited
	}
	os.RemoveAll(p.TempDir)
}
