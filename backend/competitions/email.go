package competitions

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
)

// FolderLink is the mailbox folder a competition takes entries from by email.
type FolderLink struct {
	CompetitionID string `json:"competitionId"`
	Mailbox       string `json:"mailbox"`
	Folder        string `json:"folder"`
}

// MailEntry is one mail found in a linked folder, as the mail sync hands it over.
type MailEntry struct {
	Mailbox     string
	Folder      string
	MessageID   string
	ContentHash string
	FromName    string
	FromEmail   string
	Date        time.Time
	Text        string
}

// MailOutcome says what became of a mail: "accepted", "duplicate", "ineligible", "invalid" or "known"
// (already taken), with the reason or problem.
type MailOutcome struct {
	CompetitionID string `json:"competitionId"`
	EntryID       string `json:"entryId"`
	Outcome       string `json:"outcome"`
	Reason        string `json:"reason"`
}

// mailSource is the source column of entries that came by email.
const mailSource = "email"

// LinkFolder links competition id to a mailbox folder, so the sync turns the mails there into entries.
// A folder feeds one competition; linking again moves the competition's link.
func (s *Service) LinkFolder(ctx context.Context, id, mailbox, folder string) (FolderLink, error) {
	a, err := actor.Require(ctx, managers...)
	if err != nil {
		return FolderLink{}, err
	}
	mailbox, folder = strings.TrimSpace(mailbox), strings.TrimSpace(folder)
	if mailbox == "" || folder == "" {
		return FolderLink{}, apperr.New(apperr.Invalid, "a folder link needs a mailbox and a folder")
	}
	link := FolderLink{CompetitionID: id, Mailbox: mailbox, Folder: folder}
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		if _, err := s.load(ctx, tx, id); err != nil {
			return err
		}
		var other string
		err := tx.QueryRowContext(ctx, `SELECT competition_id FROM competition_mail_folders WHERE mailbox = ? AND folder = ?`,
			mailbox, folder).Scan(&other)
		if err == nil && other != id {
			return apperr.New(apperr.Conflict, "folder %s of mailbox %s already feeds competition %s", folder, mailbox, other)
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("read folder link: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO competition_mail_folders (competition_id, mailbox, folder, linked_at, linked_by)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (competition_id) DO UPDATE SET mailbox = excluded.mailbox, folder = excluded.folder,
			linked_at = excluded.linked_at, linked_by = excluded.linked_by`, id, mailbox, folder, ts(s.clock.Now()), a.Name); err != nil {
			return fmt.Errorf("save folder link: %w", err)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "competition.link_folder", ObjectType: "competition", ObjectID: id,
			Details: map[string]string{"mailbox": mailbox, "folder": folder}})
	})
	return link, err
}

// FolderLinkOf returns the mailbox folder competition id takes entries from, an empty link when it has none.
func (s *Service) FolderLinkOf(ctx context.Context, id string) (FolderLink, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return FolderLink{}, err
	}
	var link FolderLink
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		if _, err := s.load(ctx, tx, id); err != nil {
			return err
		}
		var err error
		link, err = folderLinkTx(ctx, tx, id)
		return err
	})
	return link, err
}

// UnlinkFolder stops competition id taking entries from its mailbox folder. Entries already taken stay;
// unlinking a competition without a link changes nothing.
func (s *Service) UnlinkFolder(ctx context.Context, id string) error {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *sql.Tx) error {
		if _, err := s.load(ctx, tx, id); err != nil {
			return err
		}
		link, err := folderLinkTx(ctx, tx, id)
		if err != nil || link.Mailbox == "" {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM competition_mail_folders WHERE competition_id = ?`, id); err != nil {
			return fmt.Errorf("remove folder link: %w", err)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "competition.unlink_folder", ObjectType: "competition", ObjectID: id,
			Details: map[string]string{"mailbox": link.Mailbox, "folder": link.Folder}})
	})
}

// folderLinkTx reads competition id's folder link inside tx, an empty link when it has none.
func folderLinkTx(ctx context.Context, tx *sql.Tx, id string) (FolderLink, error) {
	link := FolderLink{CompetitionID: id}
	err := tx.QueryRowContext(ctx, `SELECT mailbox, folder FROM competition_mail_folders WHERE competition_id = ?`, id).
		Scan(&link.Mailbox, &link.Folder)
	if errors.Is(err, sql.ErrNoRows) {
		return FolderLink{}, nil
	}
	if err != nil {
		return FolderLink{}, fmt.Errorf("read folder link: %w", err)
	}
	return link, nil
}

// LinkedFolders returns the folders of mailbox linked to a competition, for the mail sync to sync too.
func (s *Service) LinkedFolders(ctx context.Context, mailbox string) ([]string, error) {
	out := []string{}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT folder FROM competition_mail_folders WHERE mailbox = ? ORDER BY folder`, mailbox)
		if err != nil {
			return fmt.Errorf("list linked folders: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var f string
			if err := rows.Scan(&f); err != nil {
				return fmt.Errorf("read linked folder: %w", err)
			}
			out = append(out, f)
		}
		return rows.Err()
	})
	return out, err
}

// LinkedTx returns the competition linked to a mailbox folder inside tx, "" when none is.
func (s *Service) LinkedTx(ctx context.Context, tx *sql.Tx, mailbox, folder string) (string, error) {
	var id string
	err := tx.QueryRowContext(ctx, `SELECT competition_id FROM competition_mail_folders WHERE mailbox = ? AND folder = ?`,
		mailbox, folder).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read folder link: %w", err)
	}
	return id, nil
}

// DeliverMailTx turns a mail from a linked folder into an entry of competition id inside the mail sync's
// transaction, through the import rules (dedupe, eligibility, open window, consents). A mail already
// taken (same Message-ID, or same content when it has none) changes nothing. A mail that arrives once the
// competition's entry list is committed is recorded as "closed", not entered: failing would roll back the
// sync's whole batch, and the folder would never sync again.
func (s *Service) DeliverMailTx(ctx context.Context, tx *sql.Tx, id string, m MailEntry) (MailOutcome, error) {
	key := mailKey(m)
	out := MailOutcome{CompetitionID: id, EntryID: "mail-" + key[:20], Outcome: "known"}
	var known int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM competition_mail_entries WHERE competition_id = ? AND message_key = ?`,
		id, key).Scan(&known); err != nil {
		return out, fmt.Errorf("look up mail entry: %w", err)
	}
	if known > 0 {
		return out, nil
	}
	c, err := s.load(ctx, tx, id)
	if err != nil {
		return out, err
	}
	if !c.Status.editable() {
		out.Outcome, out.Reason = "closed", fmt.Sprintf("competition %s is %s: it takes no more entries", id, c.Status)
		return out, s.recordMailOutcome(ctx, tx, id, key, out, s.clock.Now().UTC())
	}
	rs, _, err := openRecords("mail.csv", mailCSV(out.EntryID, m))
	if err != nil {
		return out, err
	}
	cols, err := readHeader(rs)
	if err != nil {
		return out, err
	}
	rep := ImportReport{FileName: "email from " + m.Mailbox + "/" + m.Folder, Format: "email", At: s.clock.Now().UTC(),
		Operator: "mail sync", ByReason: []ReasonCount{}, Groups: []DuplicateGroup{}, Ineligibles: []IneligibleEntry{}, InvalidRows: []InvalidRow{}}
	if err := s.importTx(ctx, tx, id, rs, cols, &rep, 1); err != nil {
		return out, err
	}
	out.Outcome, out.Reason = mailResult(rep)
	return out, s.recordMailOutcome(ctx, tx, id, key, out, rep.At)
}

// recordMailOutcome remembers what became of a mail, so that a resync does not deliver it again.
func (s *Service) recordMailOutcome(ctx context.Context, tx *sql.Tx, id, key string, out MailOutcome, at time.Time) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO competition_mail_entries (competition_id, message_key, entry_id, outcome, at)
		VALUES (?, ?, ?, ?, ?)`, id, key, out.EntryID, out.Outcome, ts(at)); err != nil {
		return fmt.Errorf("record mail entry: %w", err)
	}
	return nil
}

// mailResult names the outcome of a one-entry import.
func mailResult(rep ImportReport) (string, string) {
	switch {
	case rep.Invalid > 0:
		return "invalid", rep.InvalidRows[0].Problem
	case rep.Ineligible > 0:
		return "ineligible", rep.Ineligibles[0].Reason
	case rep.Duplicates > 0:
		return "duplicate", rep.Groups[0].Reason
	}
	return "accepted", ""
}

// mailKey is the hex SHA-256 of the mail's Message-ID, or of its content hash when it has none.
func mailKey(m MailEntry) string {
	src := "id:" + strings.ToLower(strings.TrimSpace(m.MessageID))
	if strings.TrimSpace(m.MessageID) == "" {
		src = "content:" + m.ContentHash
	}
	sum := sha256.Sum256([]byte(src))
	return hex.EncodeToString(sum[:])
}

// mailCSV writes the mail as a one-row entries file, so it goes through the same parsing and rules as an
// imported file.
func mailCSV(entryID string, m MailEntry) []byte {
	f := mailFields(m.Text)
	first, surname := splitName(m.FromName, f["first name"], f["surname"])
	country := f["country"]
	if country == "" {
		country = "United Kingdom"
	}
	optIn := f["sponsor opt-in"]
	if optIn == "" {
		optIn = "no"
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(requiredColumns)
	w.Write([]string{entryID, m.Date.UTC().Format(time.RFC3339), first, surname, m.FromEmail, f["date of birth"],
		f["postcode"], f["county"], country, f["answer"], optIn, mailSource})
	w.Flush()
	return buf.Bytes()
}
