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
