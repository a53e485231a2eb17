// Package keyslot keeps one key slot per operator beside the database: the store's data key wrapped with
// AES-256-GCM under a key derived by Argon2id from the operator's passphrase, as LUKS and password managers
// do. A wrong passphrase fails the unwrap before the database is touched.
package keyslot

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/crypto/argon2"
)

// KeySize is the size of the store's data key in bytes.
const KeySize = 32

// ErrWrongPassphrase is returned when a slot does not open with the passphrase given.
var ErrWrongPassphrase = errors.New("wrong passphrase")

// ErrNoSlot is returned when no slot exists for the operator named.
var ErrNoSlot = errors.New("no key slot")

// Params are the Argon2id cost parameters of a slot.
type Params struct {
	Time      uint32 `json:"time"`
	MemoryKiB uint32 `json:"memory_kib"`
	Threads   uint8  `json:"threads"`
}

// DefaultParams are the costs used for real slots (about a third of a second here).
var DefaultParams = Params{Time: 3, MemoryKiB: 64 * 1024, Threads: 2}

// Slot is one operator's key slot as stored on disk. Nothing in it is personal data: the operator's
// name is their login name, needed in clear to choose whom to unlock as.
type Slot struct {
	Version    int    `json:"version"`
	OperatorID string `json:"operator_id"`
	Name       string `json:"name"`
	RoleHint   string `json:"role_hint"`
	Created    int64  `json:"created"`
	KDF        string `json:"kdf"`
	Params     Params `json:"params"`
	Salt       []byte `json:"salt"`
	AEAD       string `json:"aead"`
	Nonce      []byte `json:"nonce"`
	Wrapped    []byte `json:"wrapped"`
}

// Dir is the folder of key slots of one store.
type Dir struct {
	path   string
	params Params
}

// NewDir returns the slot folder at path, creating new slots with the given costs.
func NewDir(path string, params Params) *Dir { return &Dir{path: path, params: params} }

// NewDataKey returns a fresh random data key.
func NewDataKey() ([]byte, error) {
	k := make([]byte, KeySize)
	if _, err := rand.Read(k); err != nil {
		return nil, fmt.Errorf("read random data key: %w", err)
	}
	return k, nil
}

// Create writes a new slot for the operator wrapping dataKey under passphrase. It refuses to overwrite.
// roleHint only helps choose a default operator before unlocking; the database decides roles.
func (d *Dir) Create(operatorID, name, roleHint, passphrase string, dataKey []byte) error {
	if _, err := os.Stat(d.file(operatorID)); err == nil {
		return fmt.Errorf("key slot for %s already exists", name)
	}
	return d.write(operatorID, name, roleHint, passphrase, dataKey, time.Now().UnixNano())
}

// Rewrap replaces the operator's slot with one wrapping dataKey under newPassphrase. The old file is
// replaced by an atomic rename, so a crash leaves either the old slot or the new one, never neither.
func (d *Dir) Rewrap(operatorID, name, roleHint, newPassphrase string, dataKey []byte) error {
	old, err := d.Find(name)
	if err != nil {
		return err
	}
	return d.write(operatorID, name, roleHint, newPassphrase, dataKey, old.Created)
}

// Unwrap finds the slot of the operator named and returns its operator id and the data key.
func (d *Dir) Unwrap(name, passphrase string) (string, []byte, error) {
	s, err := d.Find(name)
	if err != nil {
		return "", nil, err
	}
	if s.Params.MemoryKiB > 1<<20 || s.Params.Time > 64 || s.Params.Time == 0 || s.Params.Threads == 0 {
		return "", nil, fmt.Errorf("key slot for %s has unusable parameters", name)
	}
	aead, err := newAEAD(passphrase, s.Salt, s.Params)
	if err != nil {
		return "", nil, err
	}
	key, err := aead.Open(nil, s.Nonce, s.Wrapped, additionalData(s.OperatorID, s.Name))
	if err != nil || len(key) != KeySize {
		return "", nil, ErrWrongPassphrase
	}
	return s.OperatorID, key, nil
}

// Find returns the slot of the operator named.
func (d *Dir) Find(name string) (Slot, error) {
	slots, err := d.List()
	if err != nil {
		return Slot{}, err
	}
	for _, s := range slots {
		if s.Name == name {
			return s, nil
		}
	}
	return Slot{}, fmt.Errorf("%w for operator %q", ErrNoSlot, name)
}

// List returns every readable slot, oldest first. Temporary files are ignored.
func (d *Dir) List() ([]Slot, error) {
	entries, err := os.ReadDir(d.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read key slots: %w", err)
	}
	var out []Slot
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(d.path, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read key slot %s: %w", e.Name(), err)
		}
		var s Slot
		if err := json.Unmarshal(b, &s); err != nil {
			return nil, fmt.Errorf("key slot %s is damaged: %w", e.Name(), err)
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Created < out[j].Created })
	return out, nil
}

// Remove deletes the operator's slot.
func (d *Dir) Remove(operatorID string) error {
	if err := os.Remove(d.file(operatorID)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove key slot: %w", err)
	}
	return syncDir(d.path)
}

func (d *Dir) file(operatorID string) string {
	return filepath.Join(d.path, operatorID+".json")
}

func (d *Dir) write(operatorID, name, roleHint, passphrase string, dataKey []byte, created int64) error {
	if len(dataKey) != KeySize {
		return fmt.Errorf("data key must be %d bytes", KeySize)
	}
	if strings.ContainsAny(operatorID, `/\.`) || operatorID == "" {
		return fmt.Errorf("invalid operator id %q", operatorID)
	}
	s := Slot{Version: 1, OperatorID: operatorID, Name: name, RoleHint: roleHint, Created: created, KDF: "argon2id", Params: d.params, AEAD: "aes-256-gcm",
		Salt: make([]byte, 16), Nonce: make([]byte, 12)}
	if _, err := rand.Read(s.Salt); err != nil {
		return fmt.Errorf("read random salt: %w", err)
	}
	if _, err := rand.Read(s.Nonce); err != nil {
		return fmt.Errorf("read random nonce: %w", err)
	}
	aead, err := newAEAD(passphrase, s.Salt, s.Params)
	if err != nil {
		return err
	}
	s.Wrapped = aead.Seal(nil, s.Nonce, dataKey, additionalData(operatorID, name))
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("encode key slot: %w", err)
	}
	if err := os.MkdirAll(d.path, 0o700); err != nil {
		return fmt.Errorf("create key slot folder: %w", err)
	}
	return WriteFileAtomic(d.file(operatorID), b)
}

func newAEAD(passphrase string, salt []byte, p Params) (cipher.AEAD, error) {
	kek := argon2.IDKey([]byte(passphrase), salt, p.Time, p.MemoryKiB, p.Threads, 32)
	block, err := aes.NewCipher(kek)
	if err != nil {
		return nil, fmt.Errorf("key slot cipher: %w", err)
	}
	return cipher.NewGCM(block)
}

func additionalData(operatorID, name string) []byte {
	return []byte("staffdesk-keyslot-v1\x00" + operatorID + "\x00" + name)
}
