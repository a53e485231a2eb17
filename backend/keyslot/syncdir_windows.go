package keyslot

// syncDir does nothing on Windows: a folder cannot be flushed there (FlushFileBuffers on a directory
// handle fails with "Access is denied"), and NTFS journals the rename itself.
func syncDir(string) error { return nil }
