package text

import (
	"sort"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// connectionClasses construct a connection to one host, the host of every
// request made on it (Python's http.client / httplib).
var connectionClasses = []string{"HTTPConnection", "HTTPSConnection"}

// foreignConnection reports whether a host-less URL is requested on a
// connection opened, before the call, to a host written out in full that
// is not 360Learning's: conn = http.client.HTTPConnection('intranet.acme.internal')
// then conn.request('POST', '/api/v1/users/…').
func (a *analysis) foreignConnection(items []item, receiver string, at int) bool {
	if receiver == "" || len(items) == 0 || items[0].isHole() || !strings.HasPrefix(items[0].lit, "/") {
		return false
	}
	var host string
	best := -1
	for _, cls := range connectionClasses {
		pos := a.byName[cls]
		// the nearest construction before the call that is assigned to receiver
		for k := sort.SearchInts(pos, at) - 1; k >= 0; k-- {
			p := pos[k]
			if p <= best {
				break
			}
			if p+1 >= len(a.toks) || !a.toks[p+1].is("(") {
				continue
			}
			s := a.operandStart(p)
			if s < 0 {
				continue
			}
			name, _, _ := a.nameBefore(s)
			if rules.BaseKey(name) != receiver {
				continue
			}
			best, host = p, ""
			if vf, vt, ok := a.firstArg(p + 1); ok && vt-vf == 1 && a.toks[vf].kind == kString {
				if its := stringItems(&a.toks[vf]); len(its) == 1 && !its[0].isHole() {
					host = its[0].lit
				}
			}
			break
		}
	}
	if best < 0 || host == "" {
		return false // no connection seen, or its host is not written out
	}
	h := strings.ToLower(host)
	if i := strings.Index(h, "://"); i >= 0 {
		h = h[i+3:]
	}
	return !strings.Contains(h, "360learning") && !strings.ContainsAny(h, "{}$%<>")
}
