package app

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"staffdesk/backend/apperr"
)

// passphraseSource reads passphrases from a file, an environment variable, or the terminal without echo.
type passphraseSource struct {
	file   string
	envVar string
	stdin  *os.File
	stderr io.Writer
}

// read returns the passphrase, prompting with prompt on a terminal; confirm asks twice.
func (p passphraseSource) read(prompt string, confirm bool) (string, error) {
	if p.file != "" {
		b, err := os.ReadFile(p.file)
		if err != nil {
			return "", apperr.Wrap(apperr.Invalid, err, "cannot read passphrase file %s", p.file)
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
	if v, ok := os.LookupEnv(p.envVar); ok {
		return v, nil
	}
	fd := int(p.stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", apperr.New(apperr.Invalid, "no passphrase given: use --passphrase-file, %s, or run in a terminal", p.envVar)
	}
	first, err := prompted(fd, p.stderr, prompt)
	if err != nil || !confirm {
		return first, err
	}
	again, err := prompted(fd, p.stderr, "Repeat it: ")
	if err != nil {
		return "", err
	}
	if again != first {
		return "", apperr.New(apperr.Invalid, "the two passphrases differ")
	}
	return first, nil
}

func prompted(fd int, w io.Writer, prompt string) (string, error) {
	fmt.Fprint(w, prompt)
	b, err := term.ReadPassword(fd)
	fmt.Fprintln(w)
	if err != nil {
		return "", fmt.Errorf("read passphrase: %w", err)
	}
	return string(b), nil
}
