package app

import (
	"context"
	"sync"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/privacy"
)

// retentionCheckEvery is how often the open app asks whether the daily retention run is due; the stored
// time of the last run (against the session's clock) decides, so a laptop that slept catches up.
const retentionCheckEvery = time.Hour

// retentionActor is who the automatic run acts as: the schedule itself, with the admin role every area's
// purge needs. The audit log names it, and the operator who unlocked in the entry's details.
func retentionActor(unlockedBy actor.Actor) actor.Actor {
	return actor.Actor{ID: "system:retention", Name: "retention schedule (unlocked by " + unlockedBy.Name + ")", Role: actor.Admin}
}

// dailyRetention applies the retention schedule at unlock when the last run is older than a day, and
// again whenever a day has passed while the session stays unlocked.
type dailyRetention struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// startDailyRetention starts the runner for a freshly unlocked session; check is called at once and then
// on every tick, and emit reports each run to the UI.
func startDailyRetention(p *privacy.Service, by actor.Actor, tick <-chan time.Time, emit Emitter) *dailyRetention {
	ctx, cancel := context.WithCancel(actor.With(context.Background(), retentionActor(by)))
	d := &dailyRetention{cancel: cancel}
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		for {
			if rep, ran, err := p.RunIfDue(ctx); ran && err == nil && emit != nil {
				emit.Emit("privacy:retention", rep)
			}
			select {
			case <-ctx.Done():
				return
			case <-tick:
			}
		}
	}()
	return d
}

// stop ends the runner and waits for a run in progress to give up.
func (d *dailyRetention) stop() {
	if d == nil {
		return
	}
	d.cancel()
	d.wg.Wait()
}
