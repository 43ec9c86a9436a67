// Command vulncheck reads govulncheck's JSON stream (-format json) on standard
// input and decides whether a module of this repository passes.
//
// Design: govulncheck reports findings at three levels, module (a required
// module has a vulnerable version), package (a vulnerable package is
// imported) and symbol (a vulnerable function is reachable). For a module of
// ours every finding in a third-party module fails the check at any level,
// unless the allow file names that vulnerability for that module with a
// reason. Findings in the standard library belong to the Go toolchain that
// builds the code, not to a dependency: with -stdlib=report they are printed
// as advisories for that toolchain; with -stdlib=fail they fail too (the check
// run under the newest toolchain CI can install).
//
// It is CI tooling, run as `go run .ci/vulncheck/main.go`; it imports only the
// standard library.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

type frame struct {
	Module   string `json:"module"`
	Version  string `json:"version"`
	Package  string `json:"package"`
	Function string `json:"function"`
	Receiver string `json:"receiver"`
}

type finding struct {
	OSV          string  `json:"osv"`
	FixedVersion string  `json:"fixed_version"`
	Trace        []frame `json:"trace"`
}

type osvEntry struct {
	ID      string `json:"id"`
	Summary string `json:"summary"`
}

type message struct {
	Config *struct {
		GoVersion string `json:"go_version"`
		DB        string `json:"db"`
	} `json:"config"`
	OSV     *osvEntry `json:"osv"`
	Finding *finding  `json:"finding"`
}

// vuln is one vulnerability in one module, at the deepest level seen.
type vuln struct {
	id, module, version, fixed, summary string
	level                               int // 0 module, 1 package, 2 symbol
	example                             string
}

var levels = [...]string{"required module", "imported package", "called symbol"}

func main() {
	module := flag.String("module", ".", "the repository module being checked (for the allow file)")
	allowFile := flag.String("allow", "", "file of `ID module reason` lines allowed to remain")
	stdlib := flag.String("stdlib", "report", "standard-library findings: report or fail")
	flag.Parse()
	if err := run(os.Stdin, os.Stdout, *module, *allowFile, *stdlib); err != nil {
		fmt.Fprintln(os.Stderr, "vulncheck:", err)
		os.Exit(1)
	}
}

func run(in io.Reader, out io.Writer, module, allowFile, stdlib string) error {
	allowed, err := readAllow(allowFile, module)
	if err != nil {
		return err
	}
	goVersion, vulns, err := parse(in)
	if err != nil {
		return err
	}
	var failed []string
	for _, v := range vulns {
		where := v.module + "@" + v.version
		verdict := "FAIL"
		switch {
		case v.module == "stdlib" && stdlib == "report":
			verdict = "toolchain " + goVersion
		case allowed[v.id] != "":
			verdict = "allowed: " + allowed[v.id]
		default:
			failed = append(failed, v.id)
		}
		fmt.Fprintf(out, "  %s %s (%s; fixed in %s) %s\n      %s\n", v.id, where, levels[v.level],
			orNone(v.fixed), v.example, v.summary)
		fmt.Fprintf(out, "      -> %s\n", verdict)
	}
	if len(vulns) == 0 {
		fmt.Fprintf(out, "  module %s: no known vulnerability (%s)\n", module, goVersion)
	}
	if len(failed) > 0 {
		return fmt.Errorf("module %s: %d vulnerabilities not allowed: %s", module, len(failed), strings.Join(failed, " "))
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "no release"
	}
	return s
}

func parse(in io.Reader) (goVersion string, out []vuln, err error) {
	dec := json.NewDecoder(bufio.NewReader(in))
	summaries := map[string]string{}
	byKey := map[string]*vuln{}
	for {
		var m message
		if err := dec.Decode(&m); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return "", nil, fmt.Errorf("reading govulncheck output: %w", err)
		}
		switch {
		case m.Config != nil:
			goVersion = m.Config.GoVersion
		case m.OSV != nil:
			summaries[m.OSV.ID] = m.OSV.Summary
		case m.Finding != nil && len(m.Finding.Trace) > 0:
			f := m.Finding
			top := f.Trace[0]
			level, example := 0, ""
			switch {
			case top.Function != "":
				level, example = 2, top.Package+"."+top.Function
				if len(f.Trace) > 1 {
					caller := f.Trace[len(f.Trace)-1]
					example = "reached from " + caller.Package + "." + caller.Function
				}
			case top.Package != "":
				level, example = 1, top.Package
			}
			key := f.OSV + " " + top.Module
			v := byKey[key]
			if v == nil {
				v = &vuln{id: f.OSV, module: top.Module, version: top.Version, fixed: f.FixedVersion, level: -1}
				byKey[key] = v
			}
			if level > v.level {
				v.level, v.example = level, example
			}
		}
	}
	if goVersion == "" {
		return "", nil, errors.New("no config message: is this govulncheck -format json output?")
	}
	for _, v := range byKey {
		v.summary = summaries[v.id]
		out = append(out, *v)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].module != out[j].module {
			return out[i].module < out[j].module
		}
		return out[i].id < out[j].id
	})
	return goVersion, out, nil
}

// readAllow reads lines "ID module reason..." and keeps those for module.
func readAllow(path, module string) (map[string]string, error) {
	allowed := map[string]string{}
	if path == "" {
		return allowed, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 3 {
			return nil, fmt.Errorf("%s:%d: want `ID module reason`", path, n+1)
		}
		if fields[1] == module {
			allowed[fields[0]] = strings.Join(fields[2:], " ")
		}
	}
	return allowed, nil
}
