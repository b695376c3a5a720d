package text

import (
	"path"
	"strings"
)

// isBatch reports whether file is a Windows batch script (.cmd, .bat).
func isBatch(file string) bool {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(file, "\\", "/"))) {
	case ".cmd", ".bat":
		return true
	}
	return false
}

// batchComment reports whether offset at of a batch script lies on a
// comment line: REM (any case, optionally after @) or a :: label line.
// A URL quoted there is documentation, not a call.
func batchComment(src string, at int) bool {
	start := strings.LastIndexByte(src[:at], '\n') + 1
	line := strings.TrimLeft(src[start:at], " \t")
	line = strings.TrimPrefix(line, "@")
	if strings.HasPrefix(line, "::") {
		return true
	}
	if len(line) < 3 || !strings.EqualFold(line[:3], "rem") {
		return false
	}
	// REM alone, or followed by a blank or one of the separators cmd accepts
	return len(line) == 3 || strings.IndexByte(" \t:.,;=/\\(", line[3]) >= 0
}
