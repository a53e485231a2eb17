package surveys

import (
	"strings"
	"testing"
	"time"

	"staffdesk/backend/apperr"
)

func TestMemberRightsAndRetention(t *testing.T) {
	f := newFixture(t)
	sv := f.create(t, func(d *Details) { d.RetentionDays = 30 })
	if _, err := f.svc.Import(f.ctx, sv.ID, "r.csv", "", []byte(resultsFile), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.MemberRecords(f.ctx, "a@example.com"); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("a manager read a member's records: %v", err)
	}
	admin := adminCtx()
	t.Run("access", func(t *testing.T) {
		recs, err := f.svc.MemberRecords(admin, " A@Example.com ")
		if err != nil || len(recs.Rows) != 1 {
			t.Fatalf("%v %+v", err, recs)
		}
		if got := recs.Rows[0][10]; !strings.Contains(got, "How old is your youngest child?: Under 1") ||
			!strings.Contains(got, "Which of these do you use?: Forum; App") {
			t.Fatalf("answers %q", got)
		}
	})
	t.Run("erasure", func(t *testing.T) {
		c, err := f.svc.EraseMember(admin, "b@example.com")
		if err != nil || c.Deleted != 1 {
			t.Fatalf("%v %+v", err, c)
		}
		res, _ := f.svc.Results(f.ctx, sv.ID, Filter{})
		if res.Responses != 4 {
			t.Fatalf("responses after erasure %d", res.Responses)
		}
	})
	t.Run("retention", func(t *testing.T) {
		// 29 November: responses of 1 and 2 November are within 30 days until 1 and 2 December
		now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
		lines, err := f.svc.Retention(f.ctx, now, true)
		if err != nil || lines[0].Due != 2 || lines[0].Done != 0 {
			t.Fatalf("dry run %v %+v", err, lines)
		}
		lines, err = f.svc.Retention(f.ctx, now, false)
		if err != nil || lines[0].Done != 2 {
			t.Fatalf("run %v %+v", err, lines)
		}
		sv, _ := f.svc.Get(f.ctx, sv.ID)
		if sv.Responses != 2 {
			t.Fatalf("responses left %d", sv.Responses)
		}
	})
}

func TestRespondentsStream(t *testing.T) {
	f := newFixture(t)
	sv := f.create(t, nil)
	if _, err := f.svc.Import(f.ctx, sv.ID, "r.csv", "", []byte(resultsFile), nil); err != nil {
		t.Fatal(err)
	}
	var got []Respondent
	err := f.svc.Respondents(f.ctx, sv.ID, []string{"q1", "q2"}, func(r Respondent) error { got = append(got, r); return nil })
	if err != nil || len(got) != 5 {
		t.Fatalf("%v %d", err, len(got))
	}
	if got[0].RespondentID != "r1" || got[0].Answers["q2"] != "Forum; App" || len(got[0].Answers) != 2 || !got[0].SharingConsent {
		t.Fatalf("%+v", got[0])
	}
	if got[2].SharingConsent || got[1].SensitiveConsent {
		t.Fatalf("consents %+v %+v", got[2], got[1])
	}
}
