package golang

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
	"sort"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// site is a request the code makes, as far as one call shows it.
type site struct {
	// rawQueryOpaque reports a req.URL.RawQuery set from text the pass
	// cannot take apart (it may carry the v1 credentials).
	rawQueryOpaque bool
	call           *ast.CallExpr
	// method is the upper-case method, or ""; methodExpr is where it is
	// written in this call, if it is; methodParam is a helper parameter
	// giving it.
	method      string
	methodExpr  ast.Expr
	methodParam int
	url         []part
	urlExpr     ast.Expr // the URL argument, when the call takes one
	params      []pparam
	bodyParam   int
	bodyForm    bool
	queryParam  int
	outParam    int
	// reqVar is the *http.Request variable the call creates, if any.
	reqVar *types.Var
	// outs are the expressions the response is decoded into.
	outs   []ast.Expr
	bearer bool
	// authSet reports an Authorization header whose value is not known
	// here (a token from elsewhere): not proof of a bearer token, but no
	// sign of v1 either.
	authSet bool
	// viaHelper reports that the request is built by a helper function.
	viaHelper bool
}

var restyMethods = map[string]string{
	"Get": "GET", "Head": "HEAD", "Post": "POST", "Put": "PUT", "Patch": "PATCH",
	"Delete": "DELETE", "Options": "OPTIONS",
}

const restyPkg = "github.com/go-resty/resty/..."

// request recognises a call that makes an HTTP request, or returns nil.
func (c *checker) request(call *ast.CallExpr, en *env) *site {
	fn := c.callee(call)
	if fn == nil {
		return nil
	}
	s := &site{call: call}
	args := call.Args
	switch {
	case funcIs(fn, "net/http", "NewRequest") && len(args) == 3:
		c.setMethod(s, args[0], en)
		s.urlExpr = args[1]
		s.url = c.eval(args[1], en)
		c.body(s, args[2], en)
		c.requestVar(s, en)
	case funcIs(fn, "net/http", "NewRequestWithContext") && len(args) == 4:
		c.setMethod(s, args[1], en)
		s.urlExpr = args[2]
		s.url = c.eval(args[2], en)
		c.body(s, args[3], en)
		c.requestVar(s, en)
	case (funcIs(fn, "net/http", "Get", "Head") || methodIs(fn, "net/http", "Client", "Get", "Head")) && len(args) == 1:
		s.method = strings.ToUpper(fn.Name())
		s.urlExpr = args[0]
		s.url = c.eval(args[0], en)
		c.response(s, en)
	case (funcIs(fn, "net/http", "Post") || methodIs(fn, "net/http", "Client", "Post")) && len(args) == 3:
		s.method = http.MethodPost
		s.urlExpr = args[0]
		s.url = c.eval(args[0], en)
		c.body(s, args[2], en)
		c.response(s, en)
	case (funcIs(fn, "net/http", "PostForm") || methodIs(fn, "net/http", "Client", "PostForm")) && len(args) == 2:
		s.method = http.MethodPost
		s.urlExpr = args[0]
		s.url = c.eval(args[0], en)
		c.form(s, args[1], en)
		c.response(s, en)
	case methodIs(fn, restyPkg, "Request", "Get", "Head", "Post", "Put", "Patch", "Delete", "Options") && len(args) == 1:
		s.method = restyMethods[fn.Name()]
		s.urlExpr = args[0]
		s.url = c.eval(args[0], en)
		c.restyChain(s, call, en)
	case methodIs(fn, restyPkg, "Request", "Execute") && len(args) == 2:
		c.setMethod(s, args[0], en)
		s.urlExpr = args[1]
		s.url = c.eval(args[1], en)
		c.restyChain(s, call, en)
	default:
		h := c.helperOf(fn)
		if h == nil {
			return nil
		}
		c.callHelper(s, h, en)
	}
	if len(s.url) == 0 {
		return nil
	}
	c.finish(s, en)
	return s
}

// setMethod reads the method argument: a constant (http.MethodPut, "PUT")
// or a helper parameter.
func (c *checker) setMethod(s *site, e ast.Expr, en *env) {
	if tv := c.info.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.String {
		s.method = strings.ToUpper(constant.StringVal(tv.Value))
		s.methodExpr = e
		return
	}
	if v := c.varOf(e); v != nil && en.arg(v) > 0 {
		s.methodParam = en.arg(v)
	}
}

// requestVar finds the variable a new request is assigned to, and with it
// the headers set on it, the query attached to it and the response of
// sending it.
func (c *checker) requestVar(s *site, en *env) {
	vars := c.lhs[s.call]
	if len(vars) == 0 || vars[0] == nil {
		return
	}
	s.reqVar = vars[0]
	for _, vc := range c.calls[s.reqVar] {
		if len(vc.path) == 2 && vc.path[0] == "Header" && (vc.path[1] == "Set" || vc.path[1] == "Add") && len(vc.call.Args) == 2 {
			if isAuthBearer(c, vc.call.Args[0], vc.call.Args[1]) {
				s.bearer = true
			} else if isAuthUnknown(c, vc.call.Args[0], vc.call.Args[1]) {
				s.authSet = true
			}
			// Headers are parameters too: the plans look for the version header.
			if p, ok := c.keyParam(vc.call.Args[0], vc.call, rules.InHeader); ok {
				p.stmt = vc.stmt
				s.params = append(s.params, p)
			}
		}
	}
	c.rawQuery(s, en) // req.URL.RawQuery = q.Encode()
	// resp, err := client.Do(req)
	for call, vars := range c.lhs {
		// client.Do(req), whatever the client: *http.Client or an interface.
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Do" || len(call.Args) != 1 || c.varOf(call.Args[0]) != s.reqVar {
			continue
		}
		if len(vars) > 0 && vars[0] != nil {
			s.outs = append(s.outs, c.decodeTargets(vars[0])...)
		}
	}
}

// isAuthBearer reports whether a header set is Authorization: Bearer ….
func isAuthBearer(c *checker, name, value ast.Expr) bool {
	tv := c.info.Types[name]
	if tv.Value == nil || tv.Value.Kind() != constant.String || !strings.EqualFold(constant.StringVal(tv.Value), "Authorization") {
		return false
	}
	parts := c.eval(value, newEnv(nil))
	return len(parts) > 0 && parts[0].Hole == "" && strings.HasPrefix(strings.ToLower(parts[0].Lit), "bearer")
}

// isAuthUnknown reports whether a header set is Authorization with a value
// whose scheme is not written here (authz, tok.Type()+" "+tok.AccessToken).
func isAuthUnknown(c *checker, name, value ast.Expr) bool {
	tv := c.info.Types[name]
	if tv.Value == nil || tv.Value.Kind() != constant.String || !strings.EqualFold(constant.StringVal(tv.Value), "Authorization") {
		return false
	}
	parts := c.eval(value, newEnv(nil))
	return len(parts) > 0 && parts[0].Hole != ""
}

// response finds where the response of a direct send (http.Get, …) is decoded.
func (c *checker) response(s *site, en *env) {
	vars := c.lhs[s.call]
	if len(vars) > 0 && vars[0] != nil {
		s.outs = append(s.outs, c.decodeTargets(vars[0])...)
	}
}

// restyChain reads the settings of a go-resty request chain:
// client.R().SetBody(x).SetQueryParam(k, v).SetResult(&out).Put(url).
func (c *checker) restyChain(s *site, call *ast.CallExpr, en *env) {
	// The chain is read from its end: give its parameters in source order.
	start := len(s.params)
	defer func() {
		ps := s.params[start:]
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].Span.Start < ps[j].Span.Start })
	}()
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	for x := ast.Unparen(sel.X); ; {
		inner, ok := x.(*ast.CallExpr)
		if !ok {
			return
		}
		fn := c.callee(inner)
		isel, ok := inner.Fun.(*ast.SelectorExpr)
		if ok && methodIs(fn, restyPkg, "Client", "R") {
			c.restyBase(s, isel.X, call)
			return
		}
		if !ok || fn == nil || !methodIs(fn, restyPkg, "Request", fn.Name()) {
			return
		}
		args := inner.Args
		switch fn.Name() {
		case "SetBody":
			if len(args) == 1 {
				c.jsonBody(s, args[0], en)
			}
		case "SetQueryParam", "SetHeader":
			in := rules.InQuery
			if fn.Name() == "SetHeader" {
				in = rules.InHeader
			}
			if len(args) == 2 {
				if p, ok := c.keyParam(args[0], inner, in); ok {
					// At the link itself, not the chain that leads to it.
					p.Span = c.spanOf(isel.Sel.Pos(), inner.End())
					p.link = inner
					s.params = append(s.params, p)
				}
			}
		case "SetQueryParams", "SetFormData", "SetHeaders":
			in := rules.InQuery
			switch fn.Name() {
			case "SetFormData":
				in = rules.InForm
			case "SetHeaders":
				in = rules.InHeader
			}
			if len(args) == 1 {
				ps := c.mapKeys(args[0], in)
				for i := range ps {
					ps[i].link = inner
				}
				s.params = append(s.params, ps...)
			}
		case "SetQueryParamsFromValues":
			if len(args) == 1 {
				s.params = append(s.params, c.valuesParams(args[0], rules.InQuery, en, &s.queryParam)...)
			}
		case "SetFormDataFromValues":
			if len(args) == 1 {
				s.params = append(s.params, c.valuesParams(args[0], rules.InForm, en, &s.queryParam)...)
			}
		case "SetResult":
			if len(args) == 1 {
				if v := c.varOf(stripAddr(args[0])); v != nil && en.arg(v) > 0 {
					s.outParam = en.arg(v)
				} else {
					s.outs = append(s.outs, args[0])
				}
			}
		case "SetAuthToken":
			s.bearer = true
			sp := c.spanOf(isel.Sel.Pos(), inner.End())
			s.params = append(s.params, pparam{Param: rules.Param{Name: "Authorization", In: rules.InHeader, Span: sp, NameSpan: sp}})
		}
		if fn.Name() == "SetHeader" && len(args) == 2 {
			if isAuthBearer(c, args[0], args[1]) {
				s.bearer = true
			} else if isAuthUnknown(c, args[0], args[1]) {
				s.authSet = true
			}
		}
		x = ast.Unparen(isel.X)
	}
}

func stripAddr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return ast.Unparen(u.X)
	}
	return e
}

// helperOf returns the summary of a helper function, from this package or a fact.
func (c *checker) helperOf(fn *types.Func) *helperFact {
	fn = fn.Origin() // a generic helper's instances share its summary
	if h, ok := c.helpers[fn]; ok {
		return h
	}
	if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg {
		var f helperFact
		if c.pass.ImportObjectFact(fn, &f) {
			return &f
		}
	}
	return nil
}

// callHelper builds the request a helper call makes: the helper's URL with
// the call's arguments in place of its parameters.
func (c *checker) callHelper(s *site, h *helperFact, en *env) {
	s.viaHelper = true
	args := s.call.Args
	arg := func(i int) ast.Expr {
		if i < 1 || i > len(args) {
			return nil
		}
		return args[i-1]
	}
	// The helper's own text sits zero-width where the argument that
	// follows it starts (base + path: at the path), so the finding covers
	// the arguments that make the URL.
	at := zeroAt(c.span(s.call.Fun).End)
	for _, tp := range h.URL {
		if tp.Param > 0 {
			if a := arg(tp.Param); a != nil {
				at = zeroAt(c.span(a).Start)
			}
			break
		}
	}
	for _, tp := range h.URL {
		switch {
		case tp.Param > 0:
			a := arg(tp.Param)
			if a == nil {
				s.url = append(s.url, part{URLPart: rules.URLPart{Hole: "…", Span: at}})
				continue
			}
			ps := c.eval(a, en)
			s.url = append(s.url, ps...)
			at = zeroAt(c.span(a).End)
		case tp.Hole != "":
			s.url = append(s.url, part{URLPart: rules.URLPart{Hole: tp.Hole, Span: at}})
		default:
			s.url = append(s.url, part{URLPart: rules.URLPart{Lit: tp.Lit, Span: at}})
		}
	}
	s.method = h.Method
	s.bearer = h.Bearer
	for _, p := range h.Params {
		sp := c.span(s.call.Fun)
		s.params = append(s.params, pparam{
			Param:  rules.Param{Name: p.Name, In: rules.Location(p.In), Span: sp, NameSpan: sp},
			helper: c.text(s.call.Fun),
		})
	}
	if a := arg(h.MethodParam); a != nil {
		c.setMethod(s, a, en)
	}
	if a := arg(h.BodyParam); a != nil {
		if h.BodyForm {
			c.form(s, a, en)
		} else {
			c.jsonBody(s, a, en)
		}
	}
	if a := arg(h.QueryParam); a != nil {
		s.params = append(s.params, c.valuesParams(a, rules.InQuery, en, &s.queryParam)...)
	}
	if a := arg(h.OutParam); a != nil {
		if v := c.varOf(stripAddr(a)); v != nil && en.arg(v) > 0 {
			s.outParam = en.arg(v)
		} else {
			s.outs = append(s.outs, a)
		}
	}
	// The helper's result may be the response, decoded by the caller.
	c.response(s, en)
}

// restyBase puts the client's base URL (SetBaseURL) in front of a relative
// request URL.
func (c *checker) restyBase(s *site, client ast.Expr, call *ast.CallExpr) {
	if len(s.url) == 0 || s.url[0].Hole != "" || strings.Contains(s.url[0].Lit, "://") {
		return
	}
	base, ok := "", false
	if v := c.varOf(client); v != nil {
		if base, ok = c.baseOf(v); !ok && !v.IsField() && c.local(v) {
			if vals := c.assigns[v]; len(vals) == 1 {
				base, ok = c.restyBaseOf(vals[0])
			}
		}
	}
	if !ok || base == "" {
		return
	}
	at := zeroAt(s.url[0].Span.Start)
	lit := strings.TrimSuffix(base, "/")
	if !strings.HasPrefix(s.url[0].Lit, "/") {
		lit += "/"
	}
	s.url = append([]part{{URLPart: rules.URLPart{Lit: lit, Span: at}}}, s.url...)
}

// restyBaseOf returns the constant base URL a resty client chain sets
// (resty.New().SetBaseURL(base)).
func (c *checker) restyBaseOf(e ast.Expr) (string, bool) {
	for i := 0; i < maxDepth; i++ {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return "", false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return "", false
		}
		fn := c.callee(call)
		if methodIs(fn, restyPkg, "Client", "SetBaseURL", "SetHostURL") && len(call.Args) == 1 {
			return c.constString(call.Args[0])
		}
		e = sel.X
	}
	return "", false
}
