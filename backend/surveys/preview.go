package surveys

import (
	"context"
	"database/sql"
	"io"
	"strings"

	"staffdesk/backend/actor"
)

// MappedColumn is one heading of an import file and where its columns go.
type MappedColumn struct {
	Heading string   `json:"heading"`
	Subs    []string `json:"subs"`
	Sample  string   `json:"sample"`
	Target  string   `json:"target"`
	Auto    bool     `json:"auto"`
}

// ImportPreview is what a file holds and how it would be mapped, before anything is stored.
type ImportPreview struct {
	Format  string         `json:"format"`
	Columns []MappedColumn `json:"columns"`
	Targets []TargetOption `json:"targets"`
}

const sampleRows = 5

// Preview reads a file's header and first rows and proposes a mapping: the saved one where the survey
// has it, guessed by question text elsewhere. format may be "" to detect it.
func (s *Service) Preview(ctx context.Context, id, format string, data []byte) (ImportPreview, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return ImportPreview{}, err
	}
	var sv Survey
	if err := s.db.View(ctx, func(tx *sql.Tx) (err error) { sv, err = load(ctx, tx, id); return }); err != nil {
		return ImportPreview{}, err
	}
	src, xlsx, err := openSource(data)
	if err != nil {
		return ImportPreview{}, err
	}
	defer src.close()
	pb := &pushback{source: src}
	lay, err := readLayout(pb, format, xlsx)
	if err != nil {
		return ImportPreview{}, err
	}
	targets, auto := resolveMapping(lay, sv.Details.Questions, sv.Mapping, nil)
	p := ImportPreview{Format: lay.format, Columns: make([]MappedColumn, len(lay.groups)), Targets: targetOptions(sv.Details.Questions)}
	samples := make([][]string, len(lay.groups))
	for n := 0; n < sampleRows; n++ {
		fields, _, err := pb.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return ImportPreview{}, err
		}
		for i, g := range lay.groups {
			for _, col := range g.cols {
				if v := strings.TrimSpace(cell(fields, col)); v != "" && len(samples[i]) < 3 {
					samples[i] = append(samples[i], v)
					break
				}
			}
		}
	}
	for i, g := range lay.groups {
		p.Columns[i] = MappedColumn{Heading: g.heading, Subs: g.subs, Target: targets[i], Auto: auto[i],
			Sample: sampleText(samples[i], targets[i])}
	}
	return p, nil
}

// sampleText shows a few values of a column, but never personal fields or consent answers.
func sampleText(vals []string, target string) string {
	if strings.HasPrefix(target, fieldPrefix) && target != fieldPrefix+fieldRespondent && target != fieldPrefix+fieldSubmitted {
		return "(personal data, not shown)"
	}
	s := strings.Join(vals, " · ")
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return strings.ToValidUTF8(s, "")
}
