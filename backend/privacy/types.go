package privacy

import "time"

// Consent purposes. Per-partner, per-survey and per-competition purposes carry the id after a colon;
// build them with SponsorSharing, SurveySharing, SurveySensitive and CompetitionEntry.
const (
	PurposeNewsletter    = "newsletter"
	PurposePartnerEmails = "partner_emails"
)

// SponsorSharing is the purpose "share my details with this partner".
func SponsorSharing(partnerID string) string { return "sponsor_sharing:" + partnerID }

// SurveySharing is the purpose "share my survey answers with the survey's third party".
func SurveySharing(surveyID string) string { return "survey_sharing:" + surveyID }

// SurveySensitive is the explicit consent to store answers to a survey's special-category questions.
func SurveySensitive(surveyID string) string { return "survey_sensitive:" + surveyID }

// CompetitionEntry is the consent to use entry data for running that competition.
func CompetitionEntry(competitionID string) string { return "competition_entry:" + competitionID }

// ConsentInput is one consent given or withdrawn, as an importer or an operator records it.
type ConsentInput struct {
	Email          string    `json:"email"`
	Purpose        string    `json:"purpose"`
	Given          bool      `json:"given"`
	SourceKind     string    `json:"sourceKind"`
	SourceRef      string    `json:"sourceRef"`
	Wording        string    `json:"wording"`
	WordingVersion string    `json:"wordingVersion"`
	At             time.Time `json:"at"`
}

// AreaRecords is what one area holds about a person, as a table, for access and portability.
type AreaRecords struct {
	Area    string     `json:"area"`
	Columns []string   `json:"columns"`
	Rows    [][]string `json:"rows"`
}

// ErasureCount is what one area did to erase a person.
type ErasureCount struct {
	Area       string `json:"area"`
	Deleted    int    `json:"deleted"`
	Anonymised int    `json:"anonymised"`
	Redacted   int    `json:"redacted"`
	// Kept counts records kept on purpose after the erasure (a consent withdrawal kept as a suppression).
	Kept int `json:"kept"`
	// Found counts the person's records in an area that cannot say beforehand what erasing would do
	// (dry runs only).
	Found int `json:"found"`
}

// RetentionLine is one row of the retention schedule and what applying it did or would do.
type RetentionLine struct {
	Category string `json:"category"`
	Period   string `json:"period"`
	Reason   string `json:"reason"`
	Action   string `json:"action"`
	Due      int    `json:"due"`
	Done     int    `json:"done"`
	// Source names the areas that carry out this line; empty when no connected area keeps such records.
	Source string `json:"source"`
}

// The retention schedule's categories. Areas name their RetentionLine.Category with these, so the one
// schedule shows each category once whichever areas carry it out.
const (
	CategoryCompetitionEntries = "Competition entries"
	CategorySurveyResponses    = "Survey responses"
	CategorySolvedTickets      = "Solved tickets"
	CategoryExpiredListings    = "Expired listings and events"
	CategoryExportFiles        = "Old export files"
	CategoryInactiveMembers    = "Members inactive three years"
)
