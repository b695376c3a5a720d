package report

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/migaudit/migaudit/analyzer"
	"github.com/migaudit/migaudit/rules"
)

// GitHub writes the result as GitHub Actions workflow commands, which the
// runner turns into annotations on the files: one line a finding,
// `::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE`
// (::warning for warnings, ::notice for info), then `::error file=PATH::MESSAGE`
// a file that could not be read, then the text report's summary on plain
// lines.
func GitHub(w io.Writer, res *analyzer.Result) error {
	bw := bufio.NewWriter(w)
	for _, f := range res.Findings {
		fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			githubCommand(f.Severity), githubProperty(filepath.ToSlash(f.Path)), f.Line, f.Column, f.EndLine, f.EndColumn,
			githubProperty(f.Rule), githubData(f.Message))
	}
	for _, e := range res.Errors {
		fmt.Fprintf(bw, "::error file=%s::%s\n", githubProperty(filepath.ToSlash(e.Path)), githubData(e.Message))
	}
	for _, n := range res.Notes {
		fmt.Fprintf(bw, "::notice file=%s::%s\n", githubProperty(filepath.ToSlash(n.Path)), githubData(n.Message))
	}
	writeSummary(bw, Summarize(res), newPalette(false))
	return bw.Flush()
}

// githubCommand is the workflow command of a severity.
func githubCommand(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}

// githubData escapes a command's message the way the runner unescapes it.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// githubProperty escapes a property value: also the separators of the
// property list.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace
