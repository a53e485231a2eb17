package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"
)

// checkpointRetry is how long the checkpointer waits before trying again when a checkpoint could not
// copy the whole WAL into the database because a reader still needed older pages.
const checkpointRetry = 250 * time.Millisecond

// Back-pressure: a writer that keeps committing can starve the checkpointer, since the WAL restarts from
// its beginning only when a write starts after a checkpoint copied all of it. So once the WAL file is past
// walSizeLimit for more than overLimitCommits write transactions in a row, the next one first waits, at
// most checkpointWait, for a checkpoint that starts after it asks. One large import followed by a few commits never
// waits: its WAL is copied in the background while they run.
const (
	overLimitCommits = 4
	checkpointWait   = 2 * time.Second
)

// bulkWALLimit takes walSizeLimit's place in the back-pressure while a bulk write (DB.Bulk) runs.
const bulkWALLimit = 256 << 20

// checkpointer copies committed pages from the WAL into the database on its own read-write connection,
// so that the writer never does it inside a commit (its automatic checkpoint is off). It runs PASSIVE
// checkpoints, which never wait for and never block a reader or the writer, whenever a commit nudges it,
// and again while a reader held the WAL back. Close stops it and runs a TRUNCATE checkpoint.
type checkpointer struct {
	conn  *sql.DB
	nudge chan struct{}
	stop  chan struct{}
	done  chan struct{}
	mu    sync.Mutex
	err   error
	runs  int
	idle  bool // the last checkpoint copied the whole WAL
	over  int  // write transactions in a row that found the WAL past walSizeLimit
	bulk  int  // bulk writes (DB.Bulk) under way: commits do not nudge
	// asked counts the nudges, covered the nudges the last finished checkpoint started after.
	asked, covered uint64
}

// newCheckpointer starts the background checkpoints on conn, which it owns and closes.
func newCheckpointer(conn *sql.DB) *checkpointer {
	conn.SetMaxOpenConns(1)
	c := &checkpointer{conn: conn, nudge: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c
}

// poke asks for a checkpoint without waiting, and returns the nudge's number; nudges that arrive while
// one is pending merge into it.
func (c *checkpointer) poke() uint64 {
	c.mu.Lock()
	c.asked++
	gen := c.asked
	c.mu.Unlock()
	select {
	case c.nudge <- struct{}{}:
	default:
	}
	return gen
}

func (c *checkpointer) run() {
	defer close(c.done)
	var retry <-chan time.Time
	for {
		select {
		case <-c.stop:
			return
		case <-c.nudge:
		case <-retry:
		}
		retry = nil
		gen := c.start()
		complete, err := c.checkpoint("PASSIVE")
		c.record(gen, complete, err)
		if err == nil && !complete {
			retry = time.After(checkpointRetry)
		}
	}
}

// checkpoint runs one checkpoint of the given mode and reports whether every frame of the WAL is now in
// the database.
func (c *checkpointer) checkpoint(mode string) (bool, error) {
	var busy, logFrames, copied int
	err := c.conn.QueryRowContext(context.Background(), "PRAGMA wal_checkpoint("+mode+")").Scan(&busy, &logFrames, &copied)
	if err != nil {
		return false, fmt.Errorf("%s checkpoint: %w", mode, err)
	}
	return busy == 0 && copied >= logFrames, nil
}

// start marks a checkpoint as running and returns the nudges it covers.
func (c *checkpointer) start() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.idle = false
	return c.asked
}

func (c *checkpointer) record(gen uint64, complete bool, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.runs++
	c.idle, c.covered = complete, gen
	if err != nil && c.err == nil {
		c.err = err
	}
}

// stats returns how many checkpoints ran and the first error one met.
func (c *checkpointer) stats() (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.runs, c.err
}

// throttle is called before each write transaction with the WAL file's size, and waits for the
// checkpointer when the WAL has stayed too large (see overLimitCommits).
func (c *checkpointer) throttle(ctx context.Context, walSize int64) error {
	c.mu.Lock()
	limit := int64(walSizeLimit)
	if c.bulk > 0 {
		limit = bulkWALLimit
	}
	if walSize <= limit {
		c.over = 0
	} else {
		c.over++
	}
	wait := c.over > overLimitCommits
	c.mu.Unlock()
	if !wait {
		return nil
	}
	gen := c.poke()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	timeout := time.After(checkpointWait)
	defer c.resetOver()
	for !c.covers(gen) {
		select {
		case <-ctx.Done():
			return fmt.Errorf("wait for checkpoint: %w", ctx.Err())
		case <-timeout:
			return nil
		case <-tick.C:
		}
	}
	return nil
}

// committed is told of each commit, and nudges unless a bulk write holds the checkpoints back.
func (c *checkpointer) committed() {
	c.mu.Lock()
	held := c.bulk > 0
	c.mu.Unlock()
	if !held {
		c.poke()
	}
}

// hold starts a bulk write; the function it returns ends it, once, and nudges when it was the last.
func (c *checkpointer) hold() func() {
	c.mu.Lock()
	c.bulk++
	c.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			c.mu.Lock()
			c.bulk--
			last := c.bulk == 0
			c.mu.Unlock()
			if last {
				c.poke()
			}
		})
	}
}

func (c *checkpointer) resetOver() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.over = 0
}

// covers reports whether a checkpoint that started after nudge gen has finished. Whether it copied the
// whole WAL or a reader held part of it back, waiting longer would not help the writer.
func (c *checkpointer) covers(gen uint64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.covered >= gen
}

// halt stops the background checkpoints and returns the first error any of them met.
func (c *checkpointer) halt() error {
	close(c.stop)
	<-c.done
	_, err := c.stats()
	if err != nil {
		return fmt.Errorf("background checkpoint: %w", err)
	}
	return nil
}

// finish runs the closing TRUNCATE checkpoint, once this store's other connections are closed, and
// closes the checkpointer's connection. It does not wait for another process still reading the database:
// that one's own close checkpoints what is left.
func (c *checkpointer) finish() error {
	_, err := c.conn.ExecContext(context.Background(), `PRAGMA busy_timeout=0`)
	if err == nil {
		_, err = c.checkpoint("TRUNCATE")
	}
	return errors.Join(err, c.conn.Close())
}
