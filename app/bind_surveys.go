package app

import (
	"context"
	"encoding/base64"

	"staffdesk/backend/apperr"
	"staffdesk/backend/surveys"
)

// SurveyWorkbook is a survey's Excel export, sent as base64 for the UI to save.
type SurveyWorkbook struct {
	FileName      string `json:"fileName"`
	ContentBase64 string `json:"contentBase64"`
	Rows          int    `json:"rows"`
}

// SurveysAPI keeps surveys, imports their responses, shows their results and exports them to Excel.
type SurveysAPI struct {
	ctx     context.Context
	session *Session
}

// do runs fn with the surveys service, through the session.
func (a *SurveysAPI) do(fn func(ctx context.Context, svc *surveys.Service) error) error {
	return uiError(a.session.Do(a.ctx, func(ctx context.Context, svc *Services) error { return fn(ctx, svc.Surveys) }))
}

// List returns every survey.
func (a *SurveysAPI) List() (out []surveys.Survey, err error) {
	err = a.do(func(ctx context.Context, s *surveys.Service) (err error) { out, err = s.List(ctx); return })
	return
}

// Get returns one survey.
func (a *SurveysAPI) Get(id string) (out surveys.Survey, err error) {
	err = a.do(func(ctx context.Context, s *surveys.Service) (err error) { out, err = s.Get(ctx, id); return })
	return
}

// Create adds a survey.
func (a *SurveysAPI) Create(d surveys.Details) (out surveys.Survey, err error) {
	err = a.do(func(ctx context.Context, s *surveys.Service) (err error) { out, err = s.Create(ctx, d); return })
	return
}

// Update changes a survey's details and questions.
func (a *SurveysAPI) Update(id string, d surveys.Details) (out surveys.Survey, err error) {
	err = a.do(func(ctx context.Context, s *surveys.Service) (err error) { out, err = s.Update(ctx, id, d); return })
	return
}

// Delete removes a survey and its responses, and returns the surveys left.
func (a *SurveysAPI) Delete(id string) (out []surveys.Survey, err error) {
	err = a.do(func(ctx context.Context, s *surveys.Service) error {
		if err := s.Delete(ctx, id); err != nil {
			return err
		}
		out, err = s.List(ctx)
		return err
	})
	return
}

func decodeUpload(contentBase64 string) ([]byte, error) {
	data, err := base64.StdEncoding.DecodeString(contentBase64)
	if err != nil {
		return nil, uiError(apperr.New(apperr.Invalid, "the file did not arrive whole: try again"))
	}
	return data, nil
}

// Preview reads a file's header and first rows, sent as base64, and proposes a column mapping.
func (a *SurveysAPI) Preview(id, format, contentBase64 string) (out surveys.ImportPreview, err error) {
	data, err := decodeUpload(contentBase64)
	if err != nil {
		return out, err
	}
	err = a.do(func(ctx context.Context, s *surveys.Service) (err error) {
		out, err = s.Preview(ctx, id, format, data)
		return
	})
	return
}

// Import stores a file's responses under the given mapping (file heading to target) and saves the mapping.
func (a *SurveysAPI) Import(id, fileName, format, contentBase64 string, mapping map[string]string) (out surveys.ImportReport, err error) {
	data, err := decodeUpload(contentBase64)
	if err != nil {
		return out, err
	}
	err = a.do(func(ctx context.Context, s *surveys.Service) (err error) {
		out, err = s.Import(ctx, id, fileName, format, data, mapping)
		return
	})
	return
}

// Imports lists a survey's import reports, newest first.
func (a *SurveysAPI) Imports(id string) (out []surveys.ImportReport, err error) {
	err = a.do(func(ctx context.Context, s *surveys.Service) (err error) { out, err = s.Imports(ctx, id); return })
	return
}

// Results computes a survey's results for the respondents the filter keeps.
func (a *SurveysAPI) Results(id string, f surveys.Filter) (out surveys.Results, err error) {
	err = a.do(func(ctx context.Context, s *surveys.Service) (err error) { out, err = s.Results(ctx, id, f); return })
	return
}

// Export builds the Excel workbook of a survey's results and responses.
func (a *SurveysAPI) Export(id string, f surveys.Filter) (out SurveyWorkbook, err error) {
	err = a.do(func(ctx context.Context, s *surveys.Service) error {
		wb, err := s.ExportXLSX(ctx, id, f)
		out = SurveyWorkbook{FileName: wb.FileName, ContentBase64: base64.StdEncoding.EncodeToString(wb.Data), Rows: wb.Rows}
		return err
	})
	return
}
