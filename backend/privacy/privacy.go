// Package privacy is the privacy notice in code: the consent ledger, members' rights of access,
// portability and erasure, and the retention schedule. It reaches other areas only through the small
// interfaces it declares (MemberArea, RetentionArea), so it imports no area package.
package privacy

import (
	"embed"

	"staffdesk/backend/store"
)

//go:embed migrations/*.sql
var migrationsFS embed.FS

// Migrations are the privacy area's schema.
var Migrations = store.Migrations{Area: "privacy", FS: migrationsFS}
