package text

import (
	"sort"
	"strings"
	"sync"

	"github.com/migaudit/migaudit/rules"
)

// analysis is the state of reading one source text.
type analysis struct {
	file  string
	src   string
	fam   *family
	toks  []token
	match []int // the matching bracket of each bracket token, else -1
	// objDepth is how many names objectNamed is following at the moment.
	objDepth int
	parent   []int // the innermost open bracket enclosing each token, else -1
	found    *rules.Found
	// defs are names assigned a URL, by rules.BaseKey of the name.
	defs map[string][]*def
	// objs are names assigned an object literal (a payload), by name.
	objs map[string][]int
	// vals are the values (first tokens) assigned to names, by name.
	vals map[string][]int
	// byName indexes identifier tokens by text, for finding uses.
	byName map[string][]int
	exprs  []*expr
	// defAt marks tokens a definition's value starts at; defaults are the
	// clients' default bases.
	defAt    map[int]bool
	defaults []*def
}

// def is a name given a URL in the file.
type def struct {
	name string
	key  string
	// path is a nested object key's dotted path (config.lms.baseURL).
	path  string
	at    int // token index of the value's start
	value *expr
	// deflt marks a client's default base (axios baseURL, base_uri, …);
	// owner is the key of the client it belongs to ("" when unknown).
	deflt bool
	owner string
	used  bool
	// alias marks a name given another name rather than a URL expression.
	alias bool
}

func newAnalysis(file, src string, fam *family) *analysis {
	a := &analysis{file: file, src: src, fam: fam, found: &rules.Found{},
		defs: map[string][]*def{}, defAt: map[int]bool{}, objs: map[string][]int{}, vals: map[string][]int{}, byName: map[string][]int{}}
	a.toks = lex(src, fam)
	a.brackets()
	for i := range a.toks {
		if a.toks[i].kind == kIdent {
			a.byName[a.toks[i].text] = append(a.byName[a.toks[i].text], i)
		}
	}
	return a
}

// brackets pairs (), [] and {} and records each token's enclosing bracket.
func (a *analysis) brackets() {
	n := len(a.toks)
	a.match = make([]int, n)
	a.parent = make([]int, n)
	var stack []int
	for i := range a.toks {
		a.match[i] = -1
		if len(stack) > 0 {
			a.parent[i] = stack[len(stack)-1]
		} else {
			a.parent[i] = -1
		}
		t := &a.toks[i]
		if t.kind != kPunct {
			continue
		}
		switch t.text {
		case "(", "[", "{":
			stack = append(stack, i)
		case ")", "]", "}":
			open := "("
			if t.text == "]" {
				open = "["
			} else if t.text == "}" {
				open = "{"
			}
			// unwind to the matching opener, tolerating stray brackets
			for k := len(stack) - 1; k >= 0; k-- {
				if a.toks[stack[k]].text == open {
					a.match[stack[k]] = i
					a.match[i] = stack[k]
					stack = stack[:k]
					break
				}
			}
			if len(stack) > 0 {
				a.parent[i] = stack[len(stack)-1]
			} else {
				a.parent[i] = -1
			}
		}
	}
}

// anchor reports whether a string token may start a URL expression.
func (a *analysis) anchor(t *token, second bool) bool {
	if t.kind != kString || t.doc || len(t.parts) == 0 {
		return false
	}
	for _, p := range t.parts {
		if p.hole == "" && (strings.Contains(p.lit, "api/v1") || strings.Contains(p.lit, "api/v2/") || strings.Contains(p.lit, "://")) {
			return true
		}
	}
	first := 0
	for first < len(t.parts) && t.parts[first].hole != "" {
		first++
	}
	if first < len(t.parts) && resourcePath(stripPlaceholder(t.parts[first].lit)) {
		return true
	}
	if second && t.parts[0].hole != "" && a.defs[rules.BaseKey(t.parts[0].hole)] != nil && isRefText(t.parts[0].hole) {
		return true
	}
	return false
}

// knownResources are the first path segments of 360Learning's v1 API.
var knownResources = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	if cat, err := rules.Default(); err == nil {
		for k := range cat.Resources {
			m[k] = true
		}
	}
	return m
})

// resourcePath reports whether s starts with a path under a v1 resource
// ("/users/", "groups/", "/users?").
func resourcePath(s string) bool {
	slash := strings.HasPrefix(s, "/")
	s = strings.TrimPrefix(s, "/")
	end := strings.IndexAny(s, "/?#")
	seg := s
	if end >= 0 {
		seg = s[:end]
	}
	return knownResources()[seg] && (slash || end >= 0)
}

// stripPlaceholder removes a leading format placeholder (%s, {}, {0},
// {base}) so that "%s/users" reads as a path under a resource.
func stripPlaceholder(s string) string {
	switch {
	case strings.HasPrefix(s, "%s"):
		return s[2:]
	case strings.HasPrefix(s, "{"):
		if i := strings.IndexByte(s, '}'); i > 0 && !strings.ContainsAny(s[1:i], "/ ") {
			return s[i+1:]
		}
	}
	return s
}

// run finds the file's URL expressions and turns them into calls, bases
// and pending calls.
func (a *analysis) run() {
	covered := make([]bool, len(a.toks))
	collect := func(second bool) {
		for i := range a.toks {
			if covered[i] || !(a.anchor(&a.toks[i], second) || !second && a.bareResource(i)) {
				continue
			}
			e := a.buildExpr(i)
			if !second || a.startsWithDef(e) {
				for k := e.from; k < e.to; k++ {
					covered[k] = true
				}
				a.exprs = append(a.exprs, e)
			}
		}
	}
	collect(false)
	for _, e := range a.exprs {
		a.assignment(e)
	}
	a.aliases()
	a.configDefs()
	n := len(a.exprs)
	collect(true)
	for _, e := range a.exprs[n:] {
		a.assignment(e)
	}
	sort.SliceStable(a.exprs, func(i, j int) bool { return a.exprs[i].from < a.exprs[j].from })
	a.sortDefs()
	for _, e := range a.exprs {
		e.resolved = a.substitute(e.items, e.from, 0)
	}
	for _, list := range a.defs {
		for _, d := range list {
			if d.value != nil && d.value.resolved == nil {
				d.value.resolved = a.substitute(d.value.items, d.value.from, 0)
			}
		}
	}
	for _, e := range a.exprs {
		a.classify(e)
	}
	a.uses()
	a.unusedDefs()
	a.aliasDefaults()
	a.wrapperBases()
}

// aliasDefaults emits the default bases clients take from a name
// (axios.create({ baseURL: config.lmsBaseUrl })): resolved in the file when
// it defines the name, else as a base that is itself a reference, for the
// project's bases to complete.
func (a *analysis) aliasDefaults() {
	for _, d := range a.defaults {
		e := d.value
		if e == nil || !d.alias {
			continue
		}
		items := a.substitute(e.items, e.from, 0)
		if isBase(shapeOf(items)) || len(items) == 1 && items[0].ref {
			a.found.Bases = append(a.found.Bases, rules.Base{Name: "", URL: toParts(items), File: a.file})
			if d.owner != "" {
				a.found.Bases = append(a.found.Bases, rules.Base{Name: a.ownerName(d), URL: toParts(items), File: a.file})
			}
		}
	}
}

func (a *analysis) startsWithDef(e *expr) bool {
	if len(e.items) == 0 || !e.items[0].ref {
		return false
	}
	return a.defs[rules.BaseKey(e.items[0].hole)] != nil
}

// lookup returns the definition of key nearest before token at, else the
// first after it; nil when the file has none. Definitions are kept in
// token order (see sortDefs).
func (a *analysis) lookup(key string, at int) *def {
	list := a.defs[key]
	if len(list) == 0 {
		return nil
	}
	i := sort.Search(len(list), func(i int) bool { return list[i].at > at })
	if i == 0 {
		return list[0]
	}
	return list[i-1]
}

func (a *analysis) sortDefs() {
	for _, list := range a.defs {
		sort.SliceStable(list, func(i, j int) bool { return list[i].at < list[j].at })
	}
}

// substitute replaces a leading reference by its same-file definition.
func (a *analysis) substitute(items []item, at int, depth int) []item {
	if len(items) == 0 || !items[0].ref || depth > 4 {
		return items
	}
	d := a.lookup(rules.BaseKey(items[0].hole), at)
	if d == nil || d.value == nil || d.deflt && d.name == "" {
		return items
	}
	if d.value.from <= at && at < d.value.to {
		return items // the definition itself
	}
	val := a.substitute(d.value.items, d.value.from, depth+1)
	sp := items[0].span
	out := make([]item, 0, len(val)+len(items)-1)
	for _, v := range val {
		v.span, v.raw = sp, false
		out = append(out, v)
	}
	return append(out, items[1:]...)
}

// urlText renders items, holes as \x00.
func urlText(items []item) string {
	var b strings.Builder
	for _, it := range items {
		if it.isHole() {
			b.WriteByte(0)
		} else {
			b.WriteString(it.lit)
		}
	}
	return b.String()
}

// shape describes what a URL expression is.
type shape struct {
	v1      bool // holds /api/v1
	segs    bool // and a path after it
	host360 bool // names a 360Learning host
	rel     bool // a relative path under a v1 resource
	lead    bool // an unknown reference followed by a relative resource path
	api     bool // holds /api/v (any version)
	// v2 reports /api/v2 with a path after it: a call already migrated
	// (or fixed), read so that a fix can be verified.
	v2 bool
}

func shapeOf(items []item) shape {
	var s shape
	t := urlText(items)
	if i := v1Index(t); i >= 0 {
		s.v1 = true
		rest := strings.TrimLeft(t[i+len("api/v1"):], "/")
		s.segs = rest != "" && rest[0] != '?' && rest[0] != '#'
	}
	if i := v2Index(t); i >= 0 && !s.v1 {
		rest := strings.TrimLeft(t[i+len("api/v2"):], "/")
		s.v2 = rest != "" && rest[0] != '?' && rest[0] != '#'
	}
	lower := strings.ToLower(t)
	s.api = strings.Contains(t, "/api/v")
	s.host360 = strings.Contains(lower, "360learning.com") || strings.Contains(lower, "360learning-dev.com")
	if s.v1 || strings.Contains(t, "://") {
		return s
	}
	if len(items) > 0 && !items[0].isHole() && resourcePath(items[0].lit) || bareShape(items) {
		s.rel = true
	}
	if len(items) > 1 && items[0].ref && !items[1].isHole() && strings.HasPrefix(items[1].lit, "/") && resourcePath(items[1].lit) {
		s.lead = true
	}
	return s
}

// v1Index finds "api/v1" followed by the end, '/', '?', '#' or a hole.
func v1Index(t string) int { return versionIndex(t, "api/v1") }

// v2Index finds "api/v2" the same way.
func v2Index(t string) int { return versionIndex(t, "api/v2") }

func versionIndex(t, v string) int {
	for off := 0; ; {
		i := strings.Index(t[off:], v)
		if i < 0 {
			return -1
		}
		i += off
		after := i + len(v)
		if after == len(t) || strings.IndexByte("/?#\x00\"'", t[after]) >= 0 {
			return i
		}
		off = i + 1
	}
}

func toParts(items []item) []rules.URLPart {
	out := make([]rules.URLPart, 0, len(items))
	for _, it := range items {
		if it.isHole() {
			out = append(out, rules.URLPart{Hole: it.hole, Span: it.span})
		} else {
			out = append(out, rules.URLPart{Lit: it.lit, Span: it.span, Raw: it.raw && it.span.End-it.span.Start == len(it.lit)})
		}
	}
	return out
}
