// Routes the code serves are not calls: decorators, annotations, ASP.NET
// attributes, router methods given a handler, Rails and Sinatra routes.

package text

import "strings"

// serverReceivers name the objects whose verb methods declare routes
// (app.get, router.put, r.Get, e.PUT, Route::put) when given a handler.
var serverReceivers = map[string]bool{
	"app": true, "router": true, "r": true, "e": true, "mux": true, "server": true, "srv": true, "bp": true,
	"blueprint": true, "engine": true, "g": true, "group": true, "v1": true, "routes": true, "route": true,
	"fastify": true, "web": true, "rg": true, "echo": true, "api_router": true, "subrouter": true, "Route": true,
}

// serverNames are calls that always declare a route.
var serverNames = map[string]bool{
	"HandleFunc": true, "Handle": true, "HandlerFunc": true, "add_url_rule": true, "MapGet": true, "MapPost": true,
	"MapPut": true, "MapDelete": true, "MapPatch": true, "MapMethods": true, "re_path": true, "add_route": true,
	// aiohttp: app.router.add_get("/x", handler)
	"add_get": true, "add_post": true, "add_put": true, "add_patch": true, "add_delete": true, "add_head": true,
}

// isServer reports whether call c declares a route the code serves.
func (a *analysis) isServer(c *call, url string) bool {
	toks := a.toks
	if strings.Contains(url, "://") {
		return false
	}
	if c.cf > 0 && toks[c.cf-1].is("@") {
		return true // a decorator or annotation
	}
	if c.cf > 0 && (toks[c.cf-1].is("[") || toks[c.cf-1].is(",")) && (strings.HasPrefix(c.name, "Http") || c.name == "Route") {
		return true // an ASP.NET attribute
	}
	if serverNames[c.name] {
		return true
	}
	first := ""
	if c.receiver != "" {
		first = toks[c.cf].text
	}
	if (c.name == "path" || c.name == "url") && first == "" && len(c.args) >= 2 {
		return true // Django
	}
	if first == "Route" {
		return true // Laravel
	}
	routeVerb := verbName(c.name) != "" || c.name == "all" || c.name == "use" || c.name == "route" || c.name == "match" || c.name == "any" || c.name == "Any"
	if !routeVerb {
		return false
	}
	// a router in any variable: mock.get("/x", (req, res) => …)
	if c.receiver != "" && !c.parenless {
		for n, r := range c.args {
			if n > 0 && a.inlineHandler(r[0], r[1]) {
				return true
			}
		}
	}
	lr := strings.ToLower(c.receiver)
	if serverReceivers[first] || strings.HasSuffix(lr, "router") || strings.HasSuffix(lr, "app") {
		for n, r := range c.args {
			if n == 0 {
				continue
			}
			if a.handlerLike(r[0], r[1]) {
				return true
			}
		}
	}
	// Rails and Sinatra: get '/x', to: 'users#index' / get '/x' do
	if c.parenless && c.receiver == "" {
		for j := c.ct; j < c.end; j++ {
			t := &toks[j]
			if t.kind == kIdent && (t.text == "to" || t.text == "controller" || t.text == "do") || t.is("=>") {
				return true
			}
		}
		if c.end < len(toks) && toks[c.end].kind == kIdent && toks[c.end].text == "do" {
			return true
		}
	}
	return false
}

// handlerLike reports whether an argument looks like a route handler.
func (a *analysis) handlerLike(vf, vt int) bool {
	toks := a.toks
	for j := vf; j < vt; j++ {
		t := &toks[j]
		if t.is("=>") || t.kind == kIdent && (t.text == "function" || t.text == "lambda" || t.text == "func" || t.text == "async") {
			return true
		}
	}
	if toks[vf].is("[") {
		return true // [Controller::class, 'method']
	}
	if vt-vf == 1 && toks[vf].kind == kString && len(toks[vf].parts) == 1 && strings.ContainsAny(toks[vf].parts[0].lit, "@#") {
		return true
	}
	e := a.operandEnd(vf)
	return e == vt && isRefText(a.text(vf, vt))
}

// inlineHandler reports whether the argument at tokens [vf, vt) is a
// function written in place: (req, res) => …, req => …, function (…) {…},
// async (…) => …, lambda r: …. An object or call merely holding an arrow
// function (a client's options) is not.
func (a *analysis) inlineHandler(vf, vt int) bool {
	toks := a.toks
	if vf >= vt {
		return false
	}
	t := &toks[vf]
	if t.kind == kIdent && (t.text == "function" || t.text == "lambda" || t.text == "async" || t.text == "func") {
		return true
	}
	if t.kind == kIdent && vf+1 < vt && toks[vf+1].is("=>") {
		return true
	}
	if t.is("(") {
		depth := 0
		for j := vf; j < vt; j++ {
			switch {
			case toks[j].is("("):
				depth++
			case toks[j].is(")"):
				depth--
				if depth == 0 {
					// (req, res) => or (req: Request, res: Response): void =>
					for k := j + 1; k < vt && k < j+6; k++ {
						if toks[k].is("=>") {
							return true
						}
						if toks[k].is("{") || toks[k].is("(") {
							return false
						}
					}
					return false
				}
			}
		}
	}
	return false
}

// comparedPath reports whether the string at tokens [from, to) is compared
// with (==, ===, !=) or is a case label: a server matching the request path
// against its own route.
func (a *analysis) comparedPath(from, to int, url string) bool {
	if strings.Contains(url, "://") {
		return false
	}
	toks := a.toks
	cmp := func(t *token) bool {
		return t.is("==") || t.is("===") || t.is("!=") || t.is("!==")
	}
	if from > 0 && (cmp(&toks[from-1]) || toks[from-1].kind == kIdent && (toks[from-1].text == "case" || toks[from-1].text == "when")) {
		return true
	}
	return to < len(toks) && cmp(&toks[to])
}
