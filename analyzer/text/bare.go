package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// bareResource reports whether the string token i is a v1 resource named
// without a slash ('users') as the path a client's verb method is called
// with (lms.get('users', …) on ky's prefixUrl, Faraday's
// conn.get("users", …)): relative to the client's base like '/users'.
func (a *analysis) bareResource(i int) bool {
	toks := a.toks
	t := &toks[i]
	if t.kind != kString || t.doc || len(t.parts) != 1 || t.parts[0].hole != "" || !knownResources()[t.parts[0].lit] {
		return false
	}
	c := a.callAt(a.parent[i])
	if c == nil || len(c.args) == 0 || c.args[0][0] != i || c.args[0][1] != i+1 || c.receiver == "" {
		return false
	}
	if verbs[c.name] == "" || c.name == "del" || notClients[strings.ToLower(rules.BaseKey(c.receiver))] {
		return false
	}
	return true
}

// bareShape reports whether items is one bare resource name ('users').
func bareShape(items []item) bool {
	return len(items) == 1 && !items[0].isHole() && knownResources()[items[0].lit]
}
