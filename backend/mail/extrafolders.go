package mail

import "context"

// FolderSource names folders of a mailbox to sync besides the mailbox's own list, such as the folders
// linked to competitions.
type FolderSource interface {
	LinkedFolders(ctx context.Context, mailbox string) ([]string, error)
}

// SyncFolders makes every later sync also sync the folders src names for each mailbox.
func (s *Service) SyncFolders(src FolderSource) { s.extra = src }

// foldersOf returns the folders a sync of a visits: its own, then the extra ones, then its Sent folder.
func (s *Service) foldersOf(ctx context.Context, a account) ([]string, error) {
	folders := append([]string{}, a.Folders...)
	if s.extra != nil {
		more, err := s.extra.LinkedFolders(ctx, a.Name)
		if err != nil {
			return nil, err
		}
		for _, f := range more {
			if !contains(folders, f) {
				folders = append(folders, f)
			}
		}
	}
	if a.SentFolder != "" && !contains(folders, a.SentFolder) {
		folders = append(folders, a.SentFolder)
	}
	return folders, nil
}
