package helpdesk

import (
	"sort"
	"strings"
)

// Keyword prefixes of the ticket state kept on the server. Servers may change their case (some lowercase
// every keyword), so they are read case-insensitively.
const (
	kwPrefix   = "$SD_"
	kwAssigned = "$SD_Assigned_"
	kwPrio     = "$SD_Prio_"
)

// statusKeyword is the keyword of a status: $SD_New, $SD_Open, ...
func statusKeyword(status string) string {
	if status == "" {
		return ""
	}
	return kwPrefix + strings.ToUpper(status[:1]) + status[1:]
}

// Keywords returns the keywords that carry st; an unassigned ticket carries no $SD_Assigned_ keyword.
func (st State) Keywords() []string {
	out := []string{statusKeyword(st.Status)}
	if st.AssigneeID != "" {
		out = append(out, kwAssigned+st.AssigneeID)
	}
	if st.Priority != "" {
		out = append(out, kwPrio+st.Priority)
	}
	return out
}

// keywordDiff returns the keywords to add and remove so that a message holding have ends up holding
// exactly want's state keywords; keywords that are not ours are never touched.
func keywordDiff(have []string, want State) (add, remove []string) {
	wanted := map[string]bool{}
	for _, k := range want.Keywords() {
		wanted[strings.ToLower(k)] = true
		add = append(add, k)
	}
	for _, s := range Statuses {
		if k := statusKeyword(s); !wanted[strings.ToLower(k)] {
			remove = append(remove, k)
		}
	}
	for _, p := range Priorities {
		if k := kwPrio + p; !wanted[strings.ToLower(k)] {
			remove = append(remove, k)
		}
	}
	for _, k := range have {
		l := strings.ToLower(k)
		if strings.HasPrefix(l, strings.ToLower(kwAssigned)) && !wanted[l] {
			remove = append(remove, k)
		}
	}
	return add, remove
}

// parseState reads the ticket state from a message's keywords. ok is false when they carry no status:
// no laptop has stamped the message yet.
func parseState(keywords []string) (st State, ok bool) {
	st.Priority = "normal"
	for _, k := range keywords {
		l := strings.ToLower(k)
		switch {
		case strings.HasPrefix(l, strings.ToLower(kwAssigned)):
			st.AssigneeID = l[len(kwAssigned):]
		case strings.HasPrefix(l, strings.ToLower(kwPrio)):
			if p := l[len(kwPrio):]; validPriority(p) {
				st.Priority = p
			}
		case strings.HasPrefix(l, strings.ToLower(kwPrefix)):
			if s := l[len(kwPrefix):]; validStatus(s) {
				st.Status, ok = s, true
			}
		}
	}
	return st, ok
}

// stateKeywords keeps only our $SD_ keywords of a list, sorted, for storing a conflict.
func stateKeywords(keywords []string) []string {
	var out []string
	for _, k := range keywords {
		if strings.HasPrefix(strings.ToLower(k), strings.ToLower(kwPrefix)) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func validStatus(s string) bool { return contains(Statuses, s) }

func validPriority(p string) bool { return contains(Priorities, p) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
