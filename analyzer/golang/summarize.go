package golang

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"
)

// factParam is a parameter a helper always sends (credentials it adds to
// every request).
type factParam struct {
	Name string
	In   string
}

// paramIndex maps a function's parameters to their 1-based positions.
func (c *checker) paramIndex(fd *ast.FuncDecl) map[*types.Var]int {
	fn, ok := c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	m := map[*types.Var]int{}
	for i := 0; i < sig.Params().Len(); i++ {
		m[sig.Params().At(i)] = i + 1
	}
	return m
}

// hasParam reports whether a URL holds a helper parameter.
func hasParam(parts []part) bool {
	for _, p := range parts {
		if p.param > 0 {
			return true
		}
	}
	return false
}

// helperShaped reports whether a URL built from parameters is a helper's: the
// parameters carry the path, so what the call does is only known where the
// helper is called (base + path). A URL whose literal text already names an
// endpoint under /api/v1/ (base + "/users/" + email) is a call of its own.
func helperShaped(parts []part) bool {
	if !hasParam(parts) {
		return false
	}
	var b strings.Builder
	for _, p := range parts {
		switch {
		case p.param > 0:
			b.WriteByte(0)
		case p.Hole != "":
			b.WriteByte(1)
		default:
			b.WriteString(p.Lit)
		}
	}
	s := b.String()
	if j := strings.IndexByte(s, 0); j >= 0 && strings.Contains(s[:j], "/api/v") && !strings.Contains(s[:j], "/api/v1") {
		return false // another API version, written before the parameters
	}
	i := strings.Index(s, "/api/v1")
	if i < 0 {
		return true
	}
	rest := s[i+len("/api/v1"):]
	if j := strings.IndexByte(rest, 0); j >= 0 {
		rest = rest[:j]
	}
	return strings.Trim(rest, "/") == ""
}

// summarize finds this package's helpers, to a fixed point so that helpers
// calling helpers are summarised too, and exports their facts.
func (c *checker) summarize() {
	var decls []*ast.FuncDecl
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				decls = append(decls, fd)
			}
		}
	}
	for round := 0; round < 4; round++ {
		changed := false
		for _, fd := range decls {
			fn, ok := c.info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			params := c.paramIndex(fd)
			var found *helperFact
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if found != nil {
					return false
				}
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				en := summaryEnv(params)
				s := c.request(call, en)
				if s == nil || !helperShaped(s.url) {
					return true
				}
				found = c.summary(s)
				return false
			})
			if found != nil && !reflect.DeepEqual(c.helpers[fn], found) {
				c.helpers[fn] = found
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for fn, h := range c.helpers {
		c.pass.ExportObjectFact(fn, h)
	}
}

// summary turns a request built from parameters into a helper fact.
func (c *checker) summary(s *site) *helperFact {
	h := &helperFact{
		Method: s.method, MethodParam: s.methodParam,
		BodyParam: s.bodyParam, BodyForm: s.bodyForm,
		QueryParam: s.queryParam, OutParam: s.outParam,
		Bearer: s.bearer,
	}
	for _, p := range s.url {
		switch {
		case p.param > 0:
			h.URL = append(h.URL, tmplPart{Param: p.param})
		case p.Hole != "":
			h.URL = append(h.URL, tmplPart{Hole: p.Hole})
		default:
			if n := len(h.URL); n > 0 && h.URL[n-1].Param == 0 && h.URL[n-1].Hole == "" {
				h.URL[n-1].Lit += p.Lit
				continue
			}
			h.URL = append(h.URL, tmplPart{Lit: p.Lit})
		}
	}
	for _, p := range s.params {
		h.Params = append(h.Params, factParam{Name: p.Name, In: string(p.In)})
	}
	return h
}
