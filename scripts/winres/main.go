// Command winres turns the Windows assets in build/windows/ into what a Windows build needs, without the
// Wails CLI: the .syso resource object that `go build` links into the exe (icon, manifest, version
// information), the NSIS defines the installer takes from wails.json, and a check that a built exe really
// carries those resources.
//
//	go run ./scripts/winres syso OUT.syso   icon.ico + wails.exe.manifest + info.json -> COFF object (amd64)
//	go run ./scripts/winres nsh OUT.nsh     !define INFO_* lines for build/windows/installer/project.nsi
//	go run ./scripts/winres check EXE       prints the exe's version strings; fails if icon, manifest or
//	                                        version information is missing
//
// build/windows/info.json and wails.exe.manifest are Go text/templates filled from wails.json exactly as
// `wails build` fills them ({{.Name}}, {{.Info.ProductVersion}}, ...), so wails.json stays the one place
// for names and versions. Flags: -wails FILE (default wails.json), -assets DIR (default build/windows).
// Run it from the repository root.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"
)

// appIconID is the resource ID of the app's icon group. The Wails v2 Windows runtime loads the window icon
// from resource 3 (winc.AppIconID), and Explorer shows the first icon group, which this is.
const appIconID = winres.ID(3)

// project is the part of wails.json the templates use, in the shape Wails passes to them.
type project struct {
	Name string `json:"name"`
	Info struct {
		CompanyName    string `json:"companyName"`
		ProductName    string `json:"productName"`
		ProductVersion string `json:"productVersion"`
		Copyright      string `json:"copyright"`
		Comments       string `json:"comments"`
	} `json:"info"`
}

func main() {
	fs := flag.NewFlagSet("winres", flag.ContinueOnError)
	wailsJSON := fs.String("wails", "wails.json", "Wails project `file` with name and info")
	assets := fs.String("assets", "build/windows", "`folder` with icon.ico, info.json and wails.exe.manifest")
	fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: winres [-wails wails.json] [-assets build/windows] syso OUT.syso | nsh OUT.nsh | check EXE")
	}
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if fs.NArg() != 2 {
		fs.Usage()
		os.Exit(2)
	}
	var err error
	switch cmd, arg := fs.Arg(0), fs.Arg(1); cmd {
	case "syso":
		err = writeSyso(*wailsJSON, *assets, arg)
	case "nsh":
		err = writeNSH(*wailsJSON, arg)
	case "check":
		err = check(arg)
	default:
		fs.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "winres: %v\n", err)
		os.Exit(1)
	}
}

func loadProject(path string) (*project, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var p project
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for name, v := range map[string]string{"name": p.Name, "info.companyName": p.Info.CompanyName,
		"info.productName": p.Info.ProductName, "info.productVersion": p.Info.ProductVersion} {
		if strings.TrimSpace(v) == "" {
			return nil, fmt.Errorf("%s: %s is empty", path, name)
		}
	}
	return &p, nil
}

// render fills a build/windows template the way `wails build` does.
func render(p *project, path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	t, err := template.New(filepath.Base(path)).Option("missingkey=error").Parse(string(b))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := t.Execute(&out, p); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func writeSyso(wailsJSON, assets, out string) error {
	p, err := loadProject(wailsJSON)
	if err != nil {
		return err
	}
	rs := winres.ResourceSet{}

	f, err := os.Open(filepath.Join(assets, "icon.ico"))
	if err != nil {
		return err
	}
	defer f.Close()
	ico, err := winres.LoadICO(f)
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name(), err)
	}
	if err := rs.SetIcon(appIconID, ico); err != nil {
		return err
	}

	manifest, err := render(p, filepath.Join(assets, "wails.exe.manifest"))
	if err != nil {
		return err
	}
	m, err := winres.AppManifestFromXML(manifest)
	if err != nil {
		return fmt.Errorf("wails.exe.manifest: %w", err)
	}
	rs.SetManifest(m)

	info, err := render(p, filepath.Join(assets, "info.json"))
	if err != nil {
		return err
	}
	var vi version.Info
	if err := vi.UnmarshalJSON(info); err != nil {
		return fmt.Errorf("info.json: %w", err)
	}
	rs.SetVersionInfo(vi)

	var buf bytes.Buffer
	if err := rs.WriteObject(&buf, winres.ArchAMD64); err != nil {
		return err
	}
	if err := writeAtomic(out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Printf("winres: wrote %s (icon, manifest, version %s)\n", out, p.Info.ProductVersion)
	return nil
}

// nsisString quotes s for an NSIS script: $ and " are escaped, newlines are not allowed.
func nsisString(s string) (string, error) {
	if strings.ContainsAny(s, "\r\n") {
		return "", fmt.Errorf("newline in %q", s)
	}
	s = strings.ReplaceAll(s, "$", "$$")
	s = strings.ReplaceAll(s, `"`, `$\"`)
	return `"` + s + `"`, nil
}

func writeNSH(wailsJSON, out string) error {
	p, err := loadProject(wailsJSON)
	if err != nil {
		return err
	}
	// VIProductVersion needs four numbers: productVersion must be one to four of them.
	parts := strings.Split(p.Info.ProductVersion, ".")
	if len(parts) > 4 {
		return fmt.Errorf("info.productVersion %q: more than four parts", p.Info.ProductVersion)
	}
	for _, n := range parts {
		if n == "" || strings.Trim(n, "0123456789") != "" {
			return fmt.Errorf("info.productVersion %q: Windows needs numbers only (like 1.2.3)", p.Info.ProductVersion)
		}
	}
	for len(parts) < 4 {
		parts = append(parts, "0")
	}
	defs := [][2]string{
		{"INFO_PROJECTNAME", p.Name},
		{"INFO_COMPANYNAME", p.Info.CompanyName},
		{"INFO_PRODUCTNAME", p.Info.ProductName},
		{"INFO_PRODUCTVERSION", p.Info.ProductVersion},
		{"INFO_PRODUCTVERSION4", strings.Join(parts, ".")},
		{"INFO_COPYRIGHT", p.Info.Copyright},
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Generated by scripts/winres from %s: do not edit.\n", wailsJSON)
	for _, d := range defs {
		q, err := nsisString(d[1])
		if err != nil {
			return fmt.Errorf("%s: %w", d[0], err)
		}
		fmt.Fprintf(&b, "!define %s %s\n", d[0], q)
	}
	if err := writeAtomic(out, []byte(b.String())); err != nil {
		return err
	}
	fmt.Printf("winres: wrote %s\n", out)
	return nil
}

// check prints the version strings of a built exe and fails unless it has the app icon, a manifest and
// version information.
func check(exe string) error {
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	rs, err := winres.LoadFromEXE(f)
	if err != nil {
		return fmt.Errorf("%s: %w", exe, err)
	}
	var problems []string
	if _, err := rs.GetIcon(appIconID); err != nil {
		problems = append(problems, fmt.Sprintf("no app icon (icon group %d): %v", appIconID, err))
	}
	if countType(rs, winres.RT_MANIFEST) == 0 {
		problems = append(problems, "no manifest")
	}
	var vi *version.Info
	rs.WalkType(winres.RT_VERSION, func(_ winres.Identifier, _ uint16, data []byte) bool {
		vi, err = version.FromBytes(data)
		return false
	})
	switch {
	case vi == nil && err == nil:
		problems = append(problems, "no version information")
	case err != nil:
		problems = append(problems, "unreadable version information: "+err.Error())
	default:
		j, err := vi.MarshalJSON()
		if err != nil {
			return err
		}
		var parsed struct {
			Fixed map[string]any               `json:"fixed"`
			Info  map[string]map[string]string `json:"info"`
		}
		if err := json.Unmarshal(j, &parsed); err != nil {
			return err
		}
		fmt.Printf("winres: %s: file_version %v\n", exe, parsed.Fixed["file_version"])
		for lang, kv := range parsed.Info {
			keys := make([]string, 0, len(kv))
			for k := range kv {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				fmt.Printf("winres: %s: [%s] %s = %s\n", exe, lang, k, kv[k])
			}
		}
	}
	if len(problems) > 0 {
		return errors.New(exe + ": " + strings.Join(problems, "; "))
	}
	fmt.Printf("winres: %s: icon, manifest and version information present\n", exe)
	return nil
}

func countType(rs *winres.ResourceSet, typeID winres.Identifier) int {
	n := 0
	rs.WalkType(typeID, func(winres.Identifier, uint16, []byte) bool { n++; return true })
	return n
}

func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
