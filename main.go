// Command staffdesk is the Staffdesk back office: with no arguments it opens the desktop window; with a
// command it runs that command (see staffdesk help), including "serve", the same UI in a browser.
package main

import (
	"embed"
	"io/fs"
	"os"

	"staffdesk/app"
	"staffdesk/backend/gctune"
)

//go:embed all:frontend/dist
var dist embed.FS

//go:embed build/appicon.png
var icon []byte

func main() {
	gctune.Apply()
	assets, err := fs.Sub(dist, "frontend/dist")
	if err != nil {
		panic(err)
	}
	os.Exit(app.Main(os.Args[1:], assets, icon))
}
