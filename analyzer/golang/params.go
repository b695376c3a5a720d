package golang

import (
	"encoding/json"
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// pparam is a parameter a request sends, with what a fix would edit to stop
// sending it.
type pparam struct {
	rules.Param
	// stmt is the q.Set/q.Add statement that adds it.
	stmt *ast.ExprStmt
	// lit and elt are the composite literal element that holds it.
	lit *ast.CompositeLit
	elt ast.Expr
	// tag is the struct tag that names it in JSON, and tagName the span of
	// the tag's json value ("primaryGroupId,omitempty" with its quotes).
	tag     *ast.BasicLit
	tagName rules.Span
	// field is the struct field that sends it, and owner the struct type
	// the request sends (a named type, or the struct itself).
	field *types.Var
	owner types.Type
	// link is the go-resty chain call that sets it (SetQueryParam(k, v),
	// SetQueryParams(map…)), which a fix may drop from the chain.
	link *ast.CallExpr
	// helper names the helper that sends it, when the call's own code does not.
	helper string
}

// constString returns the constant string value of e.
func (c *checker) constString(e ast.Expr) (string, bool) {
	tv := c.info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// constText returns the text of a constant value (a string's value, true,
// 42), or "" when e is not constant.
func (c *checker) constText(e ast.Expr) string {
	tv := c.info.Types[e]
	if tv.Value == nil {
		return ""
	}
	if tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value)
	}
	return tv.Value.ExactString()
}

// keyParam is a parameter named by a constant key argument of a call
// (q.Set(k, v)), with v's value when it is constant.
func (c *checker) keyParam(key ast.Expr, call *ast.CallExpr, in rules.Location) (pparam, bool) {
	name, ok := c.constString(key)
	if !ok {
		return pparam{}, false
	}
	p := pparam{Param: rules.Param{Name: name, In: in, Span: c.span(call), NameSpan: c.span(key)}}
	if len(call.Args) == 2 {
		p.Value = c.constText(call.Args[1])
	}
	return p, true
}

// mapKeys returns the constant keys of a map composite literal (or of the
// one literal a local variable was given).
func (c *checker) mapKeys(e ast.Expr, in rules.Location) []pparam {
	lit := c.literalOf(e)
	if lit == nil {
		return nil
	}
	if _, ok := c.info.TypeOf(lit).Underlying().(*types.Map); !ok {
		return nil
	}
	var out []pparam
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		name, ok := c.constString(kv.Key)
		if !ok {
			continue
		}
		out = append(out, pparam{
			Param: rules.Param{Name: name, Value: c.constText(kv.Value), In: in, Span: c.span(kv), NameSpan: c.span(kv.Key)},
			lit:   lit, elt: kv,
		})
	}
	return out
}

// literalOf returns the composite literal e is (through & and parentheses),
// or the one a local variable was given.
func (c *checker) literalOf(e ast.Expr) *ast.CompositeLit {
	e = stripAddr(e)
	if lit, ok := e.(*ast.CompositeLit); ok {
		return lit
	}
	if v := c.varOf(e); v != nil && !v.IsField() && c.local(v) {
		if vals := c.assigns[v]; len(vals) == 1 {
			if lit, ok := stripAddr(vals[0]).(*ast.CompositeLit); ok {
				return lit
			}
		}
	}
	return nil
}

// valuesParams returns the parameters of a url.Values: its literal and the
// Set and Add calls on its variable. A helper parameter sets *param.
func (c *checker) valuesParams(e ast.Expr, in rules.Location, en *env, param *int) []pparam {
	e = ast.Unparen(e)
	v := c.varOf(e)
	if v != nil && en.arg(v) > 0 {
		*param = en.arg(v)
		return nil
	}
	if v == nil || v.IsField() {
		return c.mapKeys(e, in)
	}
	return c.valuesVar(v, in)
}

// valuesVar returns the parameters of a url.Values variable: its literal
// and the Set and Add calls on it.
func (c *checker) valuesVar(v *types.Var, in rules.Location) []pparam {
	var out []pparam
	if vals := c.assigns[v]; len(vals) == 1 && c.local(v) {
		out = c.mapKeys(vals[0], in)
	}
	for _, vc := range c.calls[v] {
		if len(vc.path) != 1 || (vc.path[0] != "Set" && vc.path[0] != "Add") || len(vc.call.Args) != 2 {
			continue
		}
		if fn := c.callee(vc.call); !methodIs(fn, "net/url", "Values", "Set", "Add") {
			continue
		}
		if p, ok := c.keyParam(vc.call.Args[0], vc.call, in); ok {
			p.stmt = vc.stmt
			out = append(out, p)
		}
	}
	return out
}

// form records the url.Values sent as a form body.
func (c *checker) form(s *site, e ast.Expr, en *env) {
	idx := 0
	s.params = append(s.params, c.valuesParams(e, rules.InForm, en, &idx)...)
	if idx > 0 {
		s.bodyParam, s.bodyForm = idx, true
	}
}

// body reads a request body (an io.Reader, bytes, a string, a value).
func (c *checker) body(s *site, e ast.Expr, en *env) {
	c.payload(s, e, en, 0)
}

func (c *checker) payload(s *site, e ast.Expr, en *env, depth int) {
	if depth > maxDepth {
		return
	}
	e = ast.Unparen(e)
	t := c.info.TypeOf(e)
	if v := c.varOf(stripAddr(e)); v != nil {
		if i := en.arg(v); i > 0 {
			s.bodyParam = i
			s.bodyForm = isNamed(v.Type(), "net/url", "Values")
			return
		}
		if xs := c.encodes[v]; len(xs) > 0 {
			for _, x := range xs {
				c.jsonBody(s, x, en)
			}
			return
		}
		if isNamed(v.Type(), "net/url", "Values") {
			c.form(s, e, en)
			return
		}
		if vals := c.assigns[v]; len(vals) == 1 && !v.IsField() && c.local(v) {
			if _, isLit := stripAddr(vals[0]).(*ast.CompositeLit); !isLit {
				c.payload(s, vals[0], en, depth+1)
				return
			}
		}
	}
	if lit, ok := e.(*ast.BasicLit); ok {
		s.params = append(s.params, c.jsonLiteralKeys(lit)...)
		return
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		if tv := c.info.Types[e.Fun]; tv.IsType() && len(e.Args) == 1 {
			c.payload(s, e.Args[0], en, depth+1) // []byte(s), string(b)
			return
		}
		fn := c.callee(e)
		switch {
		case (funcIs(fn, "bytes", "NewReader", "NewBuffer", "NewBufferString") || funcIs(fn, "strings", "NewReader")) && len(e.Args) == 1:
			c.payload(s, e.Args[0], en, depth+1)
			return
		case funcIs(fn, "encoding/json", "Marshal", "MarshalIndent") && len(e.Args) >= 1:
			c.jsonBody(s, e.Args[0], en)
			return
		case methodIs(fn, "net/url", "Values", "Encode"):
			if sel, ok := e.Fun.(*ast.SelectorExpr); ok {
				c.form(s, sel.X, en)
			}
			return
		}
		return
	case *ast.Ident:
		if e.Name == "nil" {
			return
		}
	}
	if t == nil {
		return
	}
	if isNamed(t, "net/url", "Values") {
		c.form(s, e, en)
		return
	}
	if isJSONShaped(t) {
		c.jsonBody(s, e, en)
	}
}

// isJSONShaped reports whether t is a struct or a map (or a pointer to one).
func isJSONShaped(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t.Underlying().(type) {
	case *types.Struct, *types.Map:
		return true
	}
	return false
}

// jsonBody records the keys of a value sent as JSON: the keys of a map
// literal, or the json names of a struct's fields.
func (c *checker) jsonBody(s *site, e ast.Expr, en *env) {
	if v := c.varOf(stripAddr(e)); v != nil && en.arg(v) > 0 {
		s.bodyParam = en.arg(v)
		return
	}
	t := c.info.TypeOf(stripAddr(e))
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		s.params = append(s.params, c.mapKeys(e, rules.InBody)...)
	case *types.Struct:
		ps := c.structParams(u, c.literalOf(e), e)
		for i := range ps {
			ps[i].owner = t
		}
		s.params = append(s.params, ps...)
	}
}

// jsonName returns the JSON name of a struct field and whether it has
// omitempty; "" for a field JSON skips.
func jsonName(f *types.Var, tag string) (name string, omitempty bool) {
	if !f.Exported() {
		return "", false
	}
	t, ok := reflect.StructTag(tag).Lookup("json")
	if !ok {
		return f.Name(), false
	}
	name, opts, _ := strings.Cut(t, ",")
	if name == "-" && opts == "" {
		return "", false
	}
	if name == "" {
		name = f.Name()
	}
	return name, strings.Contains(","+opts+",", ",omitempty,") || strings.Contains(","+opts+",", ",omitzero,")
}

// structParams returns the JSON keys a struct sends: each one where the code
// writes it (the literal's field), else at its tag when that is in the
// file of use, else at the use.
func (c *checker) structParams(st *types.Struct, lit *ast.CompositeLit, use ast.Expr) []pparam {
	set := map[*types.Var]*ast.KeyValueExpr{}
	if lit != nil {
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := c.info.Uses[id].(*types.Var); ok {
						set[f] = kv
					}
				}
			}
		}
	}
	var out []pparam
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Embedded() {
			continue
		}
		name, omitempty := jsonName(f, st.Tag(i))
		if name == "" {
			continue
		}
		kv := set[f]
		if omitempty && lit != nil && kv == nil && !c.fieldAssigned[f] {
			continue // never set, so never sent
		}
		p := pparam{Param: rules.Param{Name: name, In: rules.InBody}, field: f}
		if kv != nil {
			p.Value = c.constText(kv.Value)
		}
		tag := c.tags[f]
		if tag != nil {
			p.tag = tag
			p.tagName = c.tagValueSpan(tag)
		}
		switch {
		case kv != nil && c.sameFile(kv.Pos(), use.Pos()):
			p.Span, p.NameSpan = c.span(kv), c.span(kv.Key)
		case tag != nil && c.sameFile(tag.Pos(), use.Pos()) && !p.tagName.IsZero():
			p.Span, p.NameSpan = p.tagName, p.tagName
		default:
			p.Span, p.NameSpan = c.span(use), c.span(use)
		}
		out = append(out, p)
	}
	return out
}

// tagValueSpan returns the span of the quoted json value in a raw struct
// tag (`json:"primaryGroupId,omitempty"` → "primaryGroupId,omitempty"), or
// a zero span when the tag is not written that way.
func (c *checker) tagValueSpan(tag *ast.BasicLit) rules.Span {
	raw := tag.Value
	if !strings.HasPrefix(raw, "`") {
		return rules.Span{}
	}
	i := strings.Index(raw, `json:"`)
	if i < 0 || (i > 1 && raw[i-1] != ' ') {
		return rules.Span{}
	}
	start := i + len(`json:`)
	end := strings.IndexByte(raw[start+1:], '"')
	if end < 0 {
		return rules.Span{}
	}
	sp := c.span(tag)
	return rules.Span{Start: sp.Start + start, End: sp.Start + start + 1 + end + 1}
}

// rawQuery adds the query attached to a request variable
// (req.URL.RawQuery = q.Encode()).
func (c *checker) rawQuery(s *site, en *env) {
	for _, val := range c.rawQueries[s.reqVar] {
		sub := newEnv(en.params)
		sub.summary = en.summary
		c.eval(val, sub)
		if len(sub.query) == 0 {
			s.rawQueryOpaque = true
		}
		for _, v := range sub.query {
			s.params = append(s.params, c.valuesVar(v, rules.InQuery)...)
		}
		if sub.queryParam > 0 {
			s.queryParam = sub.queryParam
		}
	}
}

// jsonLiteralKeys returns the top-level keys of a JSON object written as a
// string literal (`{"primaryGroupId": "g1"}`), each at its quoted name when
// the literal is raw, else at the literal.
func (c *checker) jsonLiteralKeys(lit *ast.BasicLit) []pparam {
	text, ok := c.constString(lit)
	if !ok {
		return nil
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal([]byte(text), &obj) != nil {
		return nil
	}
	sp := c.span(lit)
	raw := len(lit.Value) >= 2 && lit.Value[1:len(lit.Value)-1] == text
	names := make([]string, 0, len(obj))
	for k := range obj {
		names = append(names, k)
	}
	sort.Strings(names)
	var out []pparam
	for _, k := range names {
		at := sp
		if i := strings.Index(text, strconv.Quote(k)); raw && i >= 0 {
			at = rules.Span{Start: sp.Start + 1 + i, End: sp.Start + 1 + i + len(strconv.Quote(k))}
		}
		out = append(out, pparam{Param: rules.Param{Name: k, In: rules.InBody, Span: at, NameSpan: at}})
	}
	return out
}
