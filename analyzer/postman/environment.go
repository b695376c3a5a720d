package postman

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// readEnvironment turns the enabled variables of an environment (or globals)
// export that hold a v1 URL or a 360Learning host into Bases, named by their
// key, so that collection requests starting from {{key}} can be completed.
func readEnvironment(file string, src []byte, root *node) *rules.Found {
	w := &walker{file: file, src: src, found: &rules.Found{}}
	for _, v := range root.get("values").elems {
		if v.kind != kObject || v.isDisabled() {
			continue
		}
		key, val := v.text("key"), v.get("value")
		if key == "" || val == nil || val.kind != kString || !isBaseValue(val.str) {
			continue
		}
		s, offs := w.strMap(val)
		w.found.Bases = append(w.found.Bases, rules.Base{Name: key, URL: partsOf(s, offs, nil, nil), File: file})
	}
	return w.found
}

// isBaseValue reports whether a variable's value looks like a base for v1
// calls: it holds /api/v1 or a 360Learning host.
func isBaseValue(v string) bool {
	l := strings.ToLower(v)
	return strings.Contains(l, "/api/v1") || strings.Contains(l, "360learning.com") || strings.Contains(l, "360learning-dev.com")
}
