package store

import "path/filepath"

// Layout names the files of one data folder: the encrypted database and the key slots beside it.
type Layout struct {
	Dir string
}

// DBPath is the encrypted database file.
func (l Layout) DBPath() string { return filepath.Join(l.Dir, "staffdesk.db") }

// SlotsDir is the folder of operators' key slots.
func (l Layout) SlotsDir() string { return filepath.Join(l.Dir, "keyslots") }
