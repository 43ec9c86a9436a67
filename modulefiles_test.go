package itty_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestModuleFilePaths checks that every file of the module has a name the
// Go module zip format accepts, so that the module can be fetched with
// go get: no element may be a name Windows reserves (NUL, CON, COM1, ...,
// before the first dot), and only letters, digits and a few punctuation
// marks may appear. Nested modules and dot-directories are not part of the
// module's zip and are skipped.
func TestModuleFilePaths(t *testing.T) {
	reserved := map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true}
	for i := '1'; i <= '9'; i++ {
		reserved["COM"+string(i)], reserved["LPT"+string(i)] = true, true
	}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == "." {
			return err
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // a nested module
			}
		}
		name := d.Name()
		short, _, _ := strings.Cut(name, ".")
		if reserved[strings.ToUpper(short)] {
			t.Errorf("%s: %q is a reserved name on Windows", path, name)
		}
		for _, r := range name {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("!#$%&()+,-.=@[]^_{}~ ", r) {
				t.Errorf("%s: %q holds %q, which a module zip refuses", path, name, r)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
