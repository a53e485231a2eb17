package mail

import (
	"context"
	"sort"

	"github.com/emersion/go-imap/v2"

	"staffdesk/backend/actor"
)

// TestMailbox signs in to the mailbox's IMAP server and reports its capabilities, whether it keeps
// keywords, its Sent folder and each synced folder's message count. Admins only. A failure is a result
// with OK false and the error, not an error, so the UI can show it.
func (s *Service) TestMailbox(ctx context.Context, name string) (TestResult, error) {
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return TestResult{}, err
	}
	accts, err := s.accounts(ctx, name)
	if err != nil {
		return TestResult{}, err
	}
	a := accts[0]
	res := TestResult{Mailbox: a.Name}
	if err := s.probe(ctx, a, &res); err != nil {
		res.OK, res.Error = false, err.Error()
		return res, nil
	}
	res.OK = true
	return res, nil
}

func (s *Service) probe(ctx context.Context, a account, res *TestResult) (err error) {
	c, wc, err := dialIMAP(ctx, a, s.tlsFor(a.Host), nil, s.stall)
	if err != nil {
		return err
	}
	defer c.Close()
	defer c.Logout()
	quiet := wc.watch(s.stall, func() { c.Close() })
	defer func() {
		if quiet() {
			err = stalled(s.stall, err)
		}
	}()
	for cp := range c.Caps() {
		res.Capabilities = append(res.Capabilities, string(cp))
	}
	sort.Strings(res.Capabilities)
	res.CondStore = c.Caps().Has(imap.CapCondStore)
	list, err := c.List("", "*", &imap.ListOptions{ReturnSpecialUse: c.Caps().Has(imap.CapSpecialUse)}).Collect()
	if err != nil {
		return err
	}
	res.SentFolder = sentFolder(list)
	for i, f := range a.Folders {
		sel, err := c.Select(f, nil).Wait()
		if err != nil {
			return err
		}
		if i == 0 {
			res.KeywordsSupported = permitsKeywords(sel.PermanentFlags)
		}
		res.Folders = append(res.Folders, FolderStatus{Name: f, Messages: int(sel.NumMessages)})
	}
	return nil
}
