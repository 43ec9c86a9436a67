package app

// This file keeps the wiki's pages: one file TITLE.txt per page in one
// directory. Titles are checked here as well as by the routes' pattern
// tags, so no title can name a file outside the directory, a hidden file
// or a temporary one. A save writes a temporary file in the directory and
// renames it over the page, so a reader sees the old text or the new one,
// never a mix, and a failed save leaves the old page intact.

import (
	stderrors "errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// TitlePattern is the form of a page title: 1 to 64 letters, digits,
// underscores and hyphens. It is the pattern tag of every title field.
const TitlePattern = `^[A-Za-z0-9_-]{1,64}$`

var titleRE = regexp.MustCompile(TitlePattern)

// ValidTitle reports whether title matches TitlePattern.
func ValidTitle(title string) bool { return titleRE.MatchString(title) }

// Pages is a directory of wiki pages.
type Pages struct {
	dir string
}

// NewPages returns the pages kept in dir, which is created if it does not
// exist.
func NewPages(dir string) (*Pages, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("wiki: %w", err)
	}
	return &Pages{dir: dir}, nil
}

// path returns the file of a page, or an error for an invalid title.
func (p *Pages) path(title string) (string, error) {
	if !ValidTitle(title) {
		return "", fmt.Errorf("wiki: %q is not a valid page title", title)
	}
	return filepath.Join(p.dir, title+".txt"), nil
}

// Load returns the text of a page, and false when it does not exist.
func (p *Pages) Load(title string) (string, bool, error) {
	name, err := p.path(title)
	if err != nil {
		return "", false, err
	}
	b, err := os.ReadFile(name)
	if stderrors.Is(err, fs.ErrNotExist) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("wiki: %w", err)
	}
	return string(b), true, nil
}

// Save replaces the text of a page, creating it if needed. Line endings
// are stored as "\n".
func (p *Pages) Save(title, text string) error {
	name, err := p.path(title)
	if err != nil {
		return err
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	tmp, err := os.CreateTemp(p.dir, "."+title+"-*.tmp")
	if err != nil {
		return fmt.Errorf("wiki: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.WriteString(text); err != nil {
		tmp.Close()
		return fmt.Errorf("wiki: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("wiki: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("wiki: %w", err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("wiki: %w", err)
	}
	return nil
}

// List returns the titles of the pages, sorted. Files that are not pages
// (other extensions, temporary files, invalid titles) are left out.
func (p *Pages) List() ([]string, error) {
	entries, err := os.ReadDir(p.dir)
	if err != nil {
		return nil, fmt.Errorf("wiki: %w", err)
	}
	var titles []string
	for _, e := range entries {
		title, ok := strings.CutSuffix(e.Name(), ".txt")
		if ok && e.Type().IsRegular() && ValidTitle(title) {
			titles = append(titles, title)
		}
	}
	sort.Strings(titles)
	return titles, nil
}
