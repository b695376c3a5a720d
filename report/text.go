package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/rules"
)

// TextOptions tune the text report.
type TextOptions struct {
	// Color colors severities and the summary's headings. The caller
	// decides (a terminal, NO_COLOR, --color); Text never looks at the
	// environment.
	Color bool
}

// palette holds the colors of one report; each color is enabled or disabled
// explicitly so the report never depends on fatih/color's global state.
type palette struct {
	sev  map[rules.Severity]*color.Color
	bold *color.Color
}

func newPalette(on bool) palette {
	p := palette{
		sev: map[rules.Severity]*color.Color{
			rules.Error:   color.New(color.FgRed, color.Bold),
			rules.Warning: color.New(color.FgYellow, color.Bold),
			rules.Info:    color.New(color.FgCyan),
		},
		bold: color.New(color.Bold),
	}
	for _, c := range append([]*color.Color{p.bold}, p.sev[rules.Error], p.sev[rules.Warning], p.sev[rules.Info]) {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

func (p palette) severity(s rules.Severity) string {
	if c := p.sev[s]; c != nil {
		return c.Sprint(s)
	}
	return string(s)
}

// Text writes one line a finding, `path:line:col: severity [rule] message`,
// then one line a file error, `path: error: message`, then a summary: files
// scanned, findings by severity and by v1 operation, file errors, and how
// many findings a fix could handle.
func Text(w io.Writer, res *analyzer.Result, opt TextOptions) error {
	bw := bufio.NewWriter(w)
	p := newPalette(opt.Color)
	for _, f := range res.Findings {
		fmt.Fprintf(bw, "%s:%d:%d: %s [%s] %s\n", f.Path, f.Line, f.Column, p.severity(f.Severity), f.Rule, oneLine(f.Message))
	}
	for _, e := range res.Errors {
		fmt.Fprintf(bw, "%s: %s: %s\n", e.Path, p.severity(rules.Error), oneLine(e.Message))
	}
	for _, n := range res.Notes {
		fmt.Fprintf(bw, "%s: %s: %s\n", n.Path, p.sev[rules.Info].Sprint("note"), oneLine(n.Message))
	}
	writeSummary(bw, Summarize(res), p)
	return bw.Flush()
}

func writeSummary(w io.Writer, s Summary, p palette) {
	if s.Findings > 0 || s.Errors > 0 {
		fmt.Fprintln(w)
	}
	line := fmt.Sprintf("%s scanned: ", plural(s.Files, "file", "files"))
	if s.Findings == 0 {
		line += "no v1 calls found"
	} else {
		var parts []string
		for _, c := range []struct {
			sev       rules.Severity
			n         int
			one, many string
		}{
			{rules.Error, s.BySeverity.Error, "error", "errors"},
			{rules.Warning, s.BySeverity.Warning, "warning", "warnings"},
			{rules.Info, s.BySeverity.Info, "info", "info"},
		} {
			if c.n > 0 {
				word := c.many
				if c.n == 1 {
					word = c.one
				}
				parts = append(parts, fmt.Sprintf("%d %s", c.n, p.sev[c.sev].Sprint(word)))
			}
		}
		line += fmt.Sprintf("%s (%s)", plural(s.Findings, "finding", "findings"), strings.Join(parts, ", "))
	}
	if s.Errors > 0 {
		line += fmt.Sprintf(", %s could not be read", plural(s.Errors, "file", "files"))
	}
	fmt.Fprintln(w, line)
	if s.Findings == 0 {
		return
	}
	fmt.Fprintln(w, p.bold.Sprint("by v1 operation:"))
	width := 0
	for _, c := range s.ByOperation {
		width = max(width, len(opLabel(c.Operation)))
	}
	for _, c := range s.ByOperation {
		fmt.Fprintf(w, "  %-*s %4d\n", width, opLabel(c.Operation), c.Count)
	}
	fmt.Fprintf(w, "automatic fix available for %d of %d\n", s.Fixable, s.Findings)
}

func opLabel(op string) string {
	if op == "" {
		return NoGuide
	}
	return op
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// oneLine keeps a message on its line so each finding stays one line that
// editors and grep can use.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
