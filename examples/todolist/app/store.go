package app

// This file keeps the TODO list in a JSON file, as the tutorial does, but
// safely: every change is a read-modify-write under a mutex, and the new
// content is written to a temporary file in the same directory and renamed
// over the old one, so a reader (or a crash) sees the old list or the new
// one, never half of either, and concurrent requests lose no item.

import (
	"encoding/json"
	stderrors "errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Data is the content of data.json.
type Data struct {
	Items []string `json:"items"`
	Done  []string `json:"done,omitempty"`
}

// Store is the TODO list kept in one JSON file.
type Store struct {
	mu   sync.Mutex
	path string
}

// NewStore returns the store kept in the file at path. The file need not
// exist yet (the list is then empty), but if it does it must hold a valid
// list.
func NewStore(path string) (*Store, error) {
	s := &Store{path: path}
	if _, err := s.read(); err != nil {
		return nil, err
	}
	return s, nil
}

// Load returns the current list.
func (s *Store) Load() (Data, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.read()
}

// Update reads the list, lets change modify it and writes it back,
// atomically and with no other Update in between. If change returns an
// error, nothing is written and Update returns that error.
func (s *Store) Update(change func(*Data) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.read()
	if err != nil {
		return err
	}
	if err := change(&d); err != nil {
		return err
	}
	return s.write(d)
}

// read loads the file; a missing file is an empty list.
func (s *Store) read() (Data, error) {
	var d Data
	b, err := os.ReadFile(s.path)
	if stderrors.Is(err, fs.ErrNotExist) {
		return Data{Items: []string{}}, nil
	}
	if err != nil {
		return d, fmt.Errorf("todolist: %w", err)
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return d, fmt.Errorf("todolist: %s is not a TODO list: %w", s.path, err)
	}
	if d.Items == nil {
		d.Items = []string{}
	}
	return d, nil
}

// write replaces the file with d: a temporary file in the same directory,
// synced, then renamed over the old one.
func (s *Store) write(d Data) error {
	b, err := json.MarshalIndent(d, "", "    ")
	if err != nil {
		return fmt.Errorf("todolist: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.path), ".data-*.tmp")
	if err != nil {
		return fmt.Errorf("todolist: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("todolist: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("todolist: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("todolist: %w", err)
	}
	if err := os.Rename(tmp.Name(), s.path); err != nil {
		return fmt.Errorf("todolist: %w", err)
	}
	return nil
}
