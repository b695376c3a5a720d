package text

// configCallVerb takes the method from the verb a call is named after when
// its first argument is the request config holding the URL:
// request.post({ url, form }), got.put({ url, json }), $.get({ url }).
// A method written in the config itself wins (read before).
func (a *analysis) configCallVerb(e *ev, c *call, obj int) {
	if e.method != "" || len(c.args) == 0 || c.args[0][0] != obj || c.args[0][1] != a.match[obj]+1 {
		return
	}
	m := verbName(c.name)
	if m == "" || notClients[e.receiver] {
		return
	}
	e.http, e.method, e.mspan = true, m, a.toks[c.nameTok].spanOf()
}
