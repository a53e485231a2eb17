package exports

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/mail"
	"strings"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

// PartnerInput is what a manager fills in for a partner.
type PartnerInput struct {
	Name         string      `json:"name"`
	ContactName  string      `json:"contactName"`
	ContactEmail string      `json:"contactEmail"`
	Fields       []string    `json:"fields"`
	Sources      []SourceRef `json:"sources"`
}

// Partner is a sponsor who may receive members' data. Its id is privacy.PartnerKey of its name, the key
// of the per-partner consent purpose "sponsor_sharing:<id>".
type Partner struct {
	ID           string      `json:"id"`
	Name         string      `json:"name"`
	ContactName  string      `json:"contactName"`
	ContactEmail string      `json:"contactEmail"`
	Fields       []string    `json:"fields"`
	Sources      []SourceRef `json:"sources"`
	Purpose      string      `json:"purpose"`
}

// Partners lists every partner by name.
func (s *Service) Partners(ctx context.Context) ([]Partner, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return nil, err
	}
	out := []Partner{}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		list, err := store.Collect("partners", scanPartner)(tx.QueryContext(ctx, selectPartner+` ORDER BY name, id`))
		if err != nil {
			return err
		}
		for _, p := range list {
			if p.Sources, err = partnerSources(ctx, tx, p.ID); err != nil {
				return err
			}
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// AddPartner adds a partner; a partner of the same name exists at most once.
func (s *Service) AddPartner(ctx context.Context, in PartnerInput) (Partner, error) {
	return s.savePartner(ctx, "", in)
}

// UpdatePartner changes a partner's contact, entitled fields and sponsored sources (not its name's key).
func (s *Service) UpdatePartner(ctx context.Context, id string, in PartnerInput) (Partner, error) {
	return s.savePartner(ctx, id, in)
}

func (s *Service) savePartner(ctx context.Context, id string, in PartnerInput) (Partner, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return Partner{}, err
	}
	p, err := s.checkPartner(ctx, in)
	if err != nil {
		return Partner{}, err
	}
	if id != "" {
		p.ID, p.Purpose = id, privacy.SponsorSharing(id)
	}
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		fields, _ := json.Marshal(p.Fields)
		now := ts(s.clock.Now())
		var res sql.Result
		if id == "" {
			res, err = tx.ExecContext(ctx, `INSERT INTO exports_partners (id, name, contact_name, contact_email, fields, created_at,
				updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`, p.ID, p.Name, p.ContactName, p.ContactEmail,
				string(fields), now, now)
		} else {
			res, err = tx.ExecContext(ctx, `UPDATE exports_partners SET name = ?, contact_name = ?, contact_email = ?, fields = ?,
				updated_at = ? WHERE id = ?`, p.Name, p.ContactName, p.ContactEmail, string(fields), now, id)
		}
		if err != nil {
			return fmt.Errorf("save partner: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 && id == "" {
			return apperr.New(apperr.Conflict, "a partner named %s already exists", p.Name)
		} else if n == 0 {
			return apperr.New(apperr.NotFound, "no partner %s", id)
		}
		if err := saveSources(ctx, tx, p); err != nil {
			return err
		}
		action := "partner.add"
		if id != "" {
			action = "partner.update"
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: action, ObjectType: "partner", ObjectID: p.ID,
			Details: map[string]string{"fields": strings.Join(p.Fields, ","), "sources": fmt.Sprint(len(p.Sources))}})
	})
	return p, err
}

// checkPartner validates the input and fills each source's title from its area.
func (s *Service) checkPartner(ctx context.Context, in PartnerInput) (Partner, error) {
	p := Partner{Name: strings.TrimSpace(in.Name), ContactName: strings.TrimSpace(in.ContactName),
		ContactEmail: strings.TrimSpace(in.ContactEmail), Fields: []string{}, Sources: []SourceRef{}}
	p.ID = privacy.PartnerKey(p.Name)
	p.Purpose = privacy.SponsorSharing(p.ID)
	if p.ID == "" || len(p.Name) > 100 {
		return p, apperr.New(apperr.Invalid, "give the partner a name of 1 to 100 characters, with letters or digits")
	}
	if p.ContactEmail != "" {
		if _, err := mail.ParseAddress(p.ContactEmail); err != nil {
			return p, apperr.New(apperr.Invalid, "the contact email %q is not an email address", p.ContactEmail)
		}
	}
	fields, err := catalogueFields(in.Fields)
	if err != nil {
		return p, err
	}
	if len(fields) == 0 {
		return p, apperr.New(apperr.Invalid, "choose at least one field the partner may receive")
	}
	p.Fields = fields
	seen := map[string]bool{}
	for _, ref := range in.Sources {
		if seen[ref.String()] {
			continue
		}
		seen[ref.String()] = true
		src, ok := s.sources[ref.Kind]
		if !ok {
			return p, apperr.New(apperr.Invalid, "%q is not a competition or survey", ref.String())
		}
		if ref.Title, err = src.Title(ctx, ref.ID); err != nil {
			return p, err
		}
		p.Sources = append(p.Sources, ref)
	}
	return p, nil
}

// catalogueFields checks every key is in the catalogue and returns them in catalogue order, once each.
func catalogueFields(keys []string) ([]string, error) {
	want := map[string]bool{}
	for _, k := range keys {
		k = strings.TrimSpace(k)
		if _, ok := fieldLabel(k); !ok {
			return nil, apperr.New(apperr.Invalid, "%q is not a field of the catalogue", k)
		}
		want[k] = true
	}
	out := []string{}
	for _, f := range Catalogue {
		if want[f.Key] {
			out = append(out, f.Key)
		}
	}
	return out, nil
}

func saveSources(ctx context.Context, tx *sql.Tx, p Partner) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM exports_partner_sources WHERE partner_id = ?`, p.ID); err != nil {
		return fmt.Errorf("save partner's sources: %w", err)
	}
	for _, r := range p.Sources {
		if _, err := tx.ExecContext(ctx, `INSERT INTO exports_partner_sources (partner_id, source_kind, source_id, title)
			VALUES (?, ?, ?, ?)`, p.ID, r.Kind, r.ID, r.Title); err != nil {
			return fmt.Errorf("save partner's sources: %w", err)
		}
	}
	return nil
}

const selectPartner = `SELECT id, name, contact_name, contact_email, fields FROM exports_partners`

func scanPartner(r store.Scanner) (Partner, error) {
	var p Partner
	var fields string
	if err := r.Scan(&p.ID, &p.Name, &p.ContactName, &p.ContactEmail, &fields); err != nil {
		return p, fmt.Errorf("read partner: %w", err)
	}
	_ = json.Unmarshal([]byte(fields), &p.Fields)
	p.Purpose = privacy.SponsorSharing(p.ID)
	return p, nil
}

func partnerSources(ctx context.Context, tx *sql.Tx, id string) ([]SourceRef, error) {
	list, err := store.Collect("partner sources", func(r store.Scanner) (SourceRef, error) {
		var ref SourceRef
		err := r.Scan(&ref.Kind, &ref.ID, &ref.Title)
		return ref, err
	})(tx.QueryContext(ctx, `SELECT source_kind, source_id, title FROM exports_partner_sources WHERE partner_id = ?
		ORDER BY source_kind, title, source_id`, id))
	if list == nil {
		list = []SourceRef{}
	}
	return list, err
}

// loadPartner reads one partner with its sources.
func loadPartner(ctx context.Context, tx *sql.Tx, id string) (Partner, error) {
	p, err := scanPartner(tx.QueryRowContext(ctx, selectPartner+` WHERE id = ?`, id))
	if err != nil {
		return p, apperr.New(apperr.NotFound, "no partner %s", id)
	}
	p.Sources, err = partnerSources(ctx, tx, id)
	return p, err
}
