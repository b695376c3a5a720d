package text

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// Spring Cloud OpenFeign declares calls as interface methods annotated like
// a controller's routes: @FeignClient(url = "${lms.url}") on the
// interface, @GetMapping("/api/v1/users") on a method. In a @FeignClient
// interface those annotations are calls made to the client's url; in a
// controller they stay routes the code serves.

// feignMappings are the mapping annotations and the method each implies
// ("" when it comes from a method = argument).
var feignMappings = map[string]string{
	"GetMapping": "GET", "PutMapping": "PUT", "PostMapping": "POST", "DeleteMapping": "DELETE",
	"PatchMapping": "PATCH", "RequestMapping": "",
}

// feignEvidence reads a mapping annotation c on a method of a @FeignClient
// interface as a call: its method, the client's base, the method's
// @RequestParam query parameters. It reports false when c is no such
// annotation.
func (a *analysis) feignEvidence(e *ev, c *call) bool {
	toks := a.toks
	m, ok := feignMappings[c.name]
	if !ok || a.fam != famJava && a.fam != famKotlin || c.cf == 0 || !toks[c.cf-1].is("@") || c.open < 0 {
		return false
	}
	client := a.feignClient(c.cf)
	if client < 0 {
		return false
	}
	e.http, e.server = true, false
	e.method, e.mspan = m, toks[c.nameTok].spanOf()
	if m == "" {
		for _, r := range c.args {
			if r[1]-r[0] >= 3 && toks[r[0]].text == "method" && toks[r[0]+1].is("=") {
				if mv, sp := a.methodValue(r[0]+2, r[1]); mv != "" {
					e.method, e.mspan = mv, sp
				}
			}
		}
	}
	e.base = a.feignBase(client)
	a.feignParams(e, c.end)
	return true
}

// feignClient returns the '(' of the @FeignClient annotation on the
// interface whose body holds token at, else -1.
func (a *analysis) feignClient(at int) int {
	toks := a.toks
	p := a.parent[at]
	if p < 0 || !toks[p].is("{") {
		return -1
	}
	iface := false
	for k := p - 1; k > 1 && p-k < 80; k-- {
		t := &toks[k]
		if t.is(";") || t.is("{") || t.is("}") && a.match[k] < k {
			return -1
		}
		if t.kind == kIdent && t.text == "interface" {
			iface = true
		}
		if t.is(")") && a.match[k] >= 0 && a.match[k] < k {
			o := a.match[k]
			if iface && o >= 2 && toks[o-1].text == "FeignClient" && toks[o-2].is("@") {
				return o
			}
			k = o
		}
	}
	return -1
}

// feignBase returns the base a @FeignClient's url attribute gives its
// calls: a configuration key ("${lms.url}") as a reference for the
// project's configuration to complete, or the literal URL; nil without one.
func (a *analysis) feignBase(open int) []item {
	toks := a.toks
	for _, r := range a.args(open) {
		if r[1]-r[0] != 3 || toks[r[0]].text != "url" || !toks[r[0]+1].is("=") {
			continue
		}
		s := &toks[r[0]+2]
		if s.kind != kString || len(s.parts) != 1 || s.parts[0].hole != "" {
			return nil
		}
		lit, sp := s.parts[0].lit, s.parts[0].span
		if strings.HasPrefix(lit, "${") {
			end := strings.IndexByte(lit, '}')
			if end < 0 {
				return nil
			}
			key := springProperty(lit[:end+1])
			if key == "" {
				return nil
			}
			out := []item{{hole: key, ref: true, span: rules.Span{Start: sp.Start + 2, End: sp.Start + 2 + len(key)}}}
			if rest := lit[end+1:]; rest != "" {
				out = append(out, item{lit: rest, span: sp})
			}
			return out
		}
		return stringItems(s)
	}
	return nil
}

// maxFeignGap bounds how far after its annotation a Feign method's
// parameter list is looked for.
const maxFeignGap = 40

// feignParams reads the parameter list of the method declared after the
// annotation ending before token k: @RequestParam("deleted") (or
// @RequestParam(name = …), or the parameter's own name) is a query
// parameter.
func (a *analysis) feignParams(e *ev, k int) {
	toks := a.toks
	for n := 0; k < len(toks) && n < maxFeignGap; n++ {
		if toks[k].is("@") && k+2 < len(toks) && toks[k+2].is("(") && a.match[k+2] > k {
			k = a.match[k+2] + 1 // a further annotation with arguments
			continue
		}
		if toks[k].is("(") || toks[k].is(";") || toks[k].is("{") {
			break
		}
		k++
	}
	if k >= len(toks) || !toks[k].is("(") || a.match[k] < 0 {
		return
	}
	for _, r := range a.args(k) {
		vf, vt := r[0], r[1]
		if vt-vf < 3 || !toks[vf].is("@") || toks[vf+1].text != "RequestParam" {
			continue
		}
		name, sp := "", rules.Span{}
		if vf+2 < vt && toks[vf+2].is("(") && a.match[vf+2] > vf+2 {
			for _, ar := range a.args(vf + 2) {
				s := ar[0]
				if ar[1]-ar[0] == 3 && (toks[s].text == "value" || toks[s].text == "name") && toks[s+1].is("=") {
					s += 2
				}
				if toks[s].kind == kString {
					name, sp = a.keyName(s)
					break
				}
			}
		}
		if name == "" && toks[vt-1].kind == kIdent {
			name, sp = toks[vt-1].text, toks[vt-1].spanOf()
		}
		if name != "" {
			e.params = append(e.params, rules.Param{Name: name, In: rules.InQuery, Span: a.span(vf, vt), NameSpan: sp})
		}
	}
}
