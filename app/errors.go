package app

import (
	"errors"

	"staffdesk/backend/apperr"
)

// uiError turns err into what the UI shows: an application error's own message (its cause stays out of
// sight unless it is internal), or the whole text of an unexpected error.
func uiError(err error) error {
	if err == nil {
		return nil
	}
	var e *apperr.Error
	if errors.As(err, &e) && e.Code != apperr.Internal {
		return &apperr.Error{Code: e.Code, Message: e.Message}
	}
	return &apperr.Error{Code: apperr.Internal, Message: err.Error()}
}
