package mail

import (
	"context"
	"crypto/tls"
	"fmt"
	"mime"
	"net"
	"strconv"
	"time"

	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-message/charset"

	"staffdesk/backend/apperr"
	"staffdesk/backend/mail/smtpsend"
)

// dialFunc connects and signs in, returning the client and the connection under it, whose silence the
// worker watches.
type dialFunc func(ctx context.Context, onNew func()) (*imapclient.Client, *watchedConn, error)

// dialer returns how to connect and sign in to the account's IMAP server.
func (s *Service) dialer(a account) dialFunc {
	return func(ctx context.Context, onNew func()) (*imapclient.Client, *watchedConn, error) {
		return dialIMAP(ctx, a, s.tlsFor(a.Host), onNew, s.stall)
	}
}

// dialIMAP connects to the account's server with its security mode and signs in; a server that stays
// silent for stall during the sign-in is dropped.
func dialIMAP(ctx context.Context, a account, tlsCfg *tls.Config, onNew func(), stall time.Duration) (*imapclient.Client, *watchedConn, error) {
	if a.Security == "plain" && !a.AllowInsecure && !smtpsend.IsLoopback(a.Host) {
		return nil, nil, apperr.New(apperr.Invalid, "plain imap to %s refused: only to a loopback host unless allow insecure is set", a.Host)
	}
	addr := net.JoinHostPort(a.Host, strconv.Itoa(a.Port))
	opts := &imapclient.Options{
		TLSConfig:   tlsCfg,
		WordDecoder: &mime.WordDecoder{CharsetReader: charset.Reader},
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{Mailbox: func(d *imapclient.UnilateralDataMailbox) {
			if d.NumMessages != nil && onNew != nil {
				onNew()
			}
		}},
	}
	c, wc, err := connect(ctx, addr, a.Security, opts)
	if err != nil {
		return nil, nil, apperr.Wrap(apperr.Conflict, err, "cannot reach imap server %s (%s)", addr, a.Security)
	}
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	quiet := wc.watch(stall, func() { c.Close() })
	err = c.Login(a.User, a.password).Wait()
	if quiet() {
		c.Close()
		return nil, nil, stalled(stall, err)
	}
	if err != nil {
		c.Close()
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		return nil, nil, apperr.Wrap(apperr.Forbidden, err, "imap server %s refused the sign-in of %s", addr, a.User)
	}
	return c, wc, nil
}

// connect opens the connection to addr under security (imaps, starttls or plain) and reads the greeting.
func connect(ctx context.Context, addr, security string, opts *imapclient.Options) (*imapclient.Client, *watchedConn, error) {
	d := &net.Dialer{Timeout: 15 * time.Second, KeepAlive: 30 * time.Second}
	raw, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, nil, err
	}
	wc := &watchedConn{Conn: raw}
	switch security {
	case "imaps":
		cfg := opts.TLSConfig.Clone()
		if cfg.NextProtos == nil {
			cfg.NextProtos = []string{"imap"}
		}
		tc := tls.Client(wc, cfg)
		hctx, cancel := context.WithTimeout(ctx, d.Timeout)
		defer cancel()
		if err := tc.HandshakeContext(hctx); err != nil {
			raw.Close()
			return nil, nil, err
		}
		return imapclient.New(tc, opts), wc, nil
	case "starttls":
		c, err := imapclient.NewStartTLS(wc, opts)
		return c, wc, err
	default:
		return imapclient.New(wc, opts), wc, nil
	}
}

// stalled is the error for a command the server left unanswered for limit.
func stalled(limit time.Duration, err error) error {
	if err == nil {
		err = fmt.Errorf("no answer for %s", limit)
	}
	return apperr.Wrap(apperr.Conflict, err, "the imap server stopped answering (nothing for %s): connection dropped, the next sync reconnects", limit)
}
