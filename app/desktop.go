package app

import (
	"context"
	"io/fs"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// wailsEmitter sends events through the Wails runtime once the window has started.
type wailsEmitter struct{ ctx context.Context }

func (e *wailsEmitter) Emit(name string, data any) {
	if e.ctx != nil {
		runtime.EventsEmit(e.ctx, name, data)
	}
}

// RunDesktop opens the desktop window on the built UI in assets, bound to a session on cfg's store.
func RunDesktop(assets fs.FS, icon []byte, cfg Config) error {
	em := &wailsEmitter{}
	cfg.DailyRetention = cfg.DemoPassphrase == ""
	cfg.MailBackground = true
	s := NewSession(cfg, em)
	b := NewBindings(context.Background(), s, cfg)
	return wails.Run(&options.App{
		Title:       "Staffdesk",
		Width:       1280,
		Height:      820,
		MinWidth:    900,
		MinHeight:   600,
		AssetServer: &assetserver.Options{Assets: assets},
		OnStartup: func(ctx context.Context) {
			em.ctx = ctx
			b.setContext(ctx)
		},
		OnShutdown: func(context.Context) { s.Lock() },
		Bind:       b.All(),
		Linux:      &linux.Options{ProgramName: "staffdesk", Icon: icon},
	})
}
