// Package apperr defines the one application error type. Its message is written for staff and may be
// shown by the UI as is; its code lets the doors (desktop, browser, CLI) map it to a status.
package apperr

import (
	"errors"
	"fmt"
)

// Code classifies an application error.
type Code string

// The error codes every area uses.
const (
	NotFound  Code = "not_found"
	Invalid   Code = "invalid"
	Conflict  Code = "conflict"
	Forbidden Code = "forbidden"
	Locked    Code = "locked"
	Internal  Code = "internal"
)

// Error is an error whose Message can be shown to staff as is.
type Error struct {
	Code    Code
	Message string
	Err     error
}

// Error returns the message, followed by the wrapped cause when there is one.
func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the wrapped cause.
func (e *Error) Unwrap() error { return e.Err }

// New returns an application error with a formatted message.
func New(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an application error with a message and a wrapped cause.
func Wrap(code Code, err error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: err}
}

// CodeOf returns the code of the first application error in err's chain, or Internal.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// Is reports whether err carries an application error with the given code.
func Is(err error, code Code) bool { return err != nil && CodeOf(err) == code }
