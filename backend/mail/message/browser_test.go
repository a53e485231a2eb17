package message

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// browserJS loads each document (JSON on stdin) in headless Chromium, aborts every request but data:,
// clicks and hovers, and prints one JSON line: per document, whether window.__xss was set in any frame,
// which requests tried to leave and whether the page navigated away (a fresh page is then used).
const browserJS = `
import { chromium } from 'PLAYWRIGHT';
import { readFileSync } from 'node:fs';
const docs = JSON.parse(readFileSync(0, 'utf8'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const results = [];
const watch = async (page) => {
  const requests = [];
  await page.route('**/*', (r) => {
    const u = r.request().url();
    if (!u.startsWith('data:') && !u.startsWith('about:')) requests.push(u);
    r.abort().catch(() => {});
  });
  return requests;
};
const flag = async (page) => {
  let fired = false;
  for (const f of page.frames()) {
    try { if (await f.evaluate(() => window.__xss === 1)) fired = true; } catch {}
  }
  return fired;
};
try {
  let shared = null;
  let sharedRequests = [];
  for (const d of docs) {
    if (!shared || shared.url() !== 'about:blank') {
      if (shared) await shared.close().catch(() => {});
      shared = await browser.newPage();
      sharedRequests = await watch(shared);
    }
    const page = d.control ? await browser.newPage() : shared;
    const requests = d.control ? await watch(page) : sharedRequests;
    requests.length = 0;
    try {
      await page.evaluate(() => { window.__xss = undefined; });
      if (d.frame) {
        await page.setContent('<iframe id="f" sandbox="" style="width:800px;height:600px"></iframe>');
        await page.evaluate((doc) => { document.getElementById('f').srcdoc = doc; }, d.html);
      } else {
        await page.setContent('<!DOCTYPE html><html><body>' + d.html + '</body></html>');
      }
      await page.waitForTimeout(100);
      await page.mouse.click(40, 40);
      await page.mouse.move(120, 120);
      await page.waitForTimeout(50);
    } catch {
      // a page that navigated away is reported below
    }
    results.push({ fired: await flag(page), requests: [...requests], navigated: page.url() !== 'about:blank' });
    if (d.control) await page.close().catch(() => {});
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(results));
`

// TestSanitizeXSSInBrowser shows every XSS fixture in a real browser: the sanitised HTML alone in an
// ordinary page (scripts allowed, no CSP, no sandbox), and FrameDocument in a sandboxed frame (for
// remote-images.eml also with remote images allowed). No payload may set window.__xss, and no request
// may leave the page unless remote images were allowed. The raw HTML is shown too, as a control that
// the payloads are live. About 10 s on an idle machine; skipped with -short or without the tools.
func TestSanitizeXSSInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	node, chromium, pw := browserTools(t)
	docs := xssDocuments(t)
	script := strings.ReplaceAll(browserJS, "PLAYWRIGHT", "file://"+filepath.ToSlash(filepath.Join(pw, "index.mjs")))
	in, err := json.Marshal(docs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "--input-type=module", "-e", script)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("browser run: %v\n%s", err, out)
	}
	var results []browserResult
	if err := json.Unmarshal(out[bytes.LastIndexByte(bytes.TrimSpace(out), '\n')+1:], &results); err != nil {
		t.Fatalf("browser output: %v\n%s", err, out)
	}
	checkBrowserResults(t, docs, results)
}

// browserDoc is one page to show: its HTML, whether it is a frame document, whether remote images are
// allowed in it, and whether it is the unsanitised control.
type browserDoc struct {
	Name    string `json:"name"`
	HTML    string `json:"html"`
	Frame   bool   `json:"frame"`
	Remote  bool   `json:"remote"`
	Control bool   `json:"control"`
}

type browserResult struct {
	Fired     bool     `json:"fired"`
	Requests  []string `json:"requests"`
	Navigated bool     `json:"navigated"`
}

func xssDocuments(t *testing.T) []browserDoc {
	files, err := filepath.Glob("testdata/xss/*.eml")
	if err != nil || len(files) == 0 {
		t.Fatalf("xss fixtures: %v", err)
	}
	var docs []browserDoc
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		docs = append(docs, browserDoc{Name: name + " (raw control)", HTML: m.HTML, Control: true})
		for _, remote := range []bool{false, true} {
			if remote && name != "remote-images.eml" {
				continue
			}
			s := Sanitize(m.HTML, SanitizeOptions{AllowRemoteImages: remote})
			docs = append(docs, browserDoc{Name: name, HTML: s.HTML, Remote: remote},
				browserDoc{Name: name + " (frame)", HTML: FrameDocument(s), Frame: true, Remote: remote})
		}
	}
	return docs
}

func checkBrowserResults(t *testing.T, docs []browserDoc, results []browserResult) {
	t.Helper()
	if len(results) != len(docs) {
		t.Fatalf("%d results for %d documents", len(results), len(docs))
	}
	live := 0
	for i, d := range docs {
		r := results[i]
		if d.Control {
			if r.Fired {
				live++
			}
			continue
		}
		if r.Fired {
			t.Errorf("%s (remote %v): injected script ran", d.Name, d.Remote)
		}
		if r.Navigated {
			t.Errorf("%s (remote %v): the page navigated away", d.Name, d.Remote)
		}
		if !d.Remote && len(r.Requests) > 0 {
			t.Errorf("%s: requests left the page: %v", d.Name, r.Requests)
		}
	}
	if live < 3 {
		t.Errorf("only %d raw fixtures ran their script in the browser: the check may be blind", live)
	}
}

// browserTools finds node, Chromium and playwright-core (the frontend's), or skips.
func browserTools(t *testing.T) (node, chromium, playwright string) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed: make deps-test installs it")
	}
	chromium, err = exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed: make deps-test installs it")
	}
	playwright, err = filepath.Abs("../../../frontend/node_modules/playwright-core")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(playwright, "index.mjs")); err != nil {
		t.Skip("frontend/node_modules/playwright-core missing: run npm ci in frontend")
	}
	return node, chromium, playwright
}
