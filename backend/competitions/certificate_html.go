package competitions

import (
	"html/template"
	"time"
)

func whenLondon(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(london).Format("2 Jan 2006 15:04:05 MST")
}

var certificateTemplate = template.Must(template.New("certificate").Funcs(template.FuncMap{
	"when": whenLondon,
	"inc":  func(i int) int { return i + 1 },
}).Parse(certificateHTML))

const certificateHTML = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Draw certificate: {{.R.Title}}</title>
<style>
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; max-width: 820px; margin: 24px auto; padding: 0 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 24px 0 8px; border-bottom: 2px solid #111; padding-bottom: 4px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #ccc; vertical-align: top; }
th { width: 34%; font-weight: 600; } code { font: 13px/1.4 ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
.lede { color: #444; margin: 0 0 16px; } .ref { font-size: 13px; color: #444; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
</style>
</head>
<body>
<h1>Draw certificate</h1>
<p class="lede">{{.R.Title}}: the winners were drawn by a verifiable random computer process, {{.R.Algorithm}}.</p>
<p class="ref">Competition {{.R.CompetitionID}} · certificate format {{.R.Format}}</p>

<h2>Competition</h2>
<table>
<tr><th>Title</th><td>{{.R.Title}}</td></tr>
<tr><th>Sponsor</th><td>{{.R.Sponsor}}</td></tr>
<tr><th>Prize</th><td>{{.R.Prize}}</td></tr>
<tr><th>Open</th><td>{{when .R.OpensAt}} to {{when .R.ClosesAt}}</td></tr>
<tr><th>Winners and reserves</th><td>{{.R.WinnersWanted}} winner(s), {{.R.ReservesWanted}} reserve(s)</td></tr>
</table>

<h2>Rules</h2>
<ul>{{range .R.Rules}}
<li>{{.}}</li>{{end}}
</ul>

<h2>Entries</h2>
<table>
<tr><th>Entries read</th><td>{{.R.Counts.Entries}}</td></tr>
<tr><th>Rows that could not be read</th><td>{{.R.Counts.Invalid}}</td></tr>{{range .R.Counts.Duplicates}}
<tr><th>Set aside: {{.Reason}}</th><td>{{.Count}}</td></tr>{{end}}{{range .R.Counts.Ineligible}}
<tr><th>Ineligible: {{.Reason}}</th><td>{{.Count}}</td></tr>{{end}}
<tr><th>Eligible entries in the draw</th><td>{{.R.Entries}} (total weight {{.R.TotalWeight}})</td></tr>
</table>

<h2>Commitment, published before the draw</h2>
<table>
<tr><th>List hash (SHA-256 of the frozen list)</th><td><code>{{.R.ListHash}}</code></td></tr>
<tr><th>Commitment (SHA-256 of the seed)</th><td><code>{{.R.Commitment}}</code></td></tr>
<tr><th>Committed</th><td>{{when .R.CommittedAt}} by {{.R.CommittedBy}}</td></tr>
</table>

<h2>Draw</h2>
<table>
<tr><th>Public value</th><td>{{if .R.PublicValue}}<code>{{.R.PublicValue}}</code> (recorded {{when .R.PublicValueAt}}){{else}}none{{end}}</td></tr>
<tr><th>Revealed seed</th><td><code>{{.R.Seed}}</code></td></tr>
<tr><th>Algorithm</th><td>{{.R.Algorithm}}</td></tr>
<tr><th>Drawn</th><td>{{when .R.DrawnAt}} by {{.R.DrawnBy}}</td></tr>
</table>

<h2>Winners, in the order drawn</h2>
<table>{{range $i, $id := .R.Winners}}
<tr><th>Winner {{inc $i}}</th><td><code>{{$id}}</code></td></tr>{{end}}
</table>

<h2>Reserves, in the order drawn</h2>
<table>{{range $i, $id := .R.Reserves}}
<tr><th>Reserve {{inc $i}}</th><td><code>{{$id}}</code></td></tr>{{else}}
<tr><td>No reserves were drawn.</td></tr>{{end}}
</table>

<h2>How to check this certificate</h2>
<p>Keep this file with the frozen list <code>draw-entries-{{.R.CompetitionID}}.txt</code>, whose SHA-256 is the list hash above. Then run
<code>staffdesk draw verify --certificate draw-certificate-{{.R.CompetitionID}}.html --entries draw-entries-{{.R.CompetitionID}}.txt</code>,
or follow the published algorithm {{.R.Algorithm}} with any other program: it recomputes the list hash, checks the seed against the
commitment, and repeats the draw from the seed and the public value.</p>
<script type="application/json" id="staffdesk-draw-record">{{.JSON}}</script>
</body>
</html>
`
