package yaml

import (
	"fmt"
	"strings"

	yamlv3 "go.yaml.in/yaml/v3"

	"github.com/migaudit/migaudit/rules"
)

// defaultToken is the bearer token a fixed uri task sends unless the user
// gives another: a variable the play must define.
const defaultToken = "{{ access_token }}"

// uriFixer carries a plan out on an Ansible uri task: the URL and method
// are edited where written, removed body entries go (the whole body, and its
// body_format, when nothing is left), and the headers the request lacks are
// added to the task's headers: mapping, or in a new one.
type uriFixer struct {
	// refuse, when set, is why the task cannot be changed here.
	refuse string
	src    []byte
	eol    string
	// urlEnc encodes text for the url scalar, urlMid for text that does
	// not land at its start (urlStart).
	urlEnc, urlMid encoder
	urlStart       int

	// lists are the entry lists the fix may change: the option mappings
	// (the module's, the task's args:), the body and the headers.
	lists []entryList
	// args is the list of the mapping that holds url, where a new headers:
	// goes; argsFlow reports it is a flow mapping, and argsIndent and step
	// are the indentation of its keys and of one level more.
	args                   int
	argsIndent, childStep  string
	bodyOpt, bodyFormatOpt listRef // the body and body_format options; list -1 when absent
	// body is the list of the body's entries (-1 when the body is not
	// read), bodyAt maps where a body parameter starts to its entry.
	body   int
	bodyAt map[int]int
	// headers is the list of an existing headers: mapping (-1 when none),
	// headerNames its names (lower-case), headerIndent the indentation of
	// its keys (block style), headerOpen the offset just past '{' of an
	// empty flow mapping.
	headers      int
	headerNames  map[string]bool
	headerIndent string
	headerOpen   int
	headerWhy    string // why headers cannot be added (headers: from an expression)
}

// anchored reports whether a node carries an anchor (&name).
func anchored(n *yamlv3.Node) bool { return n != nil && n.Anchor != "" }

// anchorOf returns the first anchor of the nodes.
func anchorOf(ns ...*yamlv3.Node) string {
	for _, n := range ns {
		if anchored(n) {
			return n.Anchor
		}
	}
	return ""
}

// listRef names an entry of one of the fixer's lists.
type listRef struct{ list, index int }

// uriFixer builds the fixer of uri task m from the options read.
func (r *reader) uriFixer(m *yamlv3.Node, opts map[string]*option, body []rules.Param, freeFormArgs bool) *uriFixer {
	f := &uriFixer{src: r.src, eol: r.eol(), args: -1, body: -1, headers: -1, bodyOpt: listRef{-1, 0}, bodyFormatOpt: listRef{-1, 0}}
	url := opts["url"]
	if freeFormArgs || url == nil || url.parent == nil {
		f.refuse = "the uri task writes its arguments as a key=value string, which cannot carry headers: rewrite the task with a mapping of arguments first"
		return f
	}
	// A node with an anchor may be reused elsewhere (*name): changing it
	// here would change the other uses, which get no headers.
	for _, name := range []string{"url", "method", "body", "headers"} {
		if o := opts[name]; o != nil && (anchored(o.node) || anchored(o.parent)) {
			f.refuse = "the task's " + name + " is anchored (&" + anchorOf(o.node, o.parent) + ") and may be reused elsewhere: change every use by hand"
			return f
		}
	}
	for _, name := range []string{"url_username", "url_password", "force_basic_auth", "client_cert"} {
		if opts[name] != nil {
			f.refuse = "the task authenticates with " + name + ", which Ansible would send instead of (or beside) the bearer token: replace it by hand"
			return f
		}
	}
	if anchored(m) {
		f.refuse = "the task's arguments are anchored (&" + m.Anchor + ") and may be reused elsewhere: change every use by hand"
		return f
	}
	listOf := map[*yamlv3.Node]int{}
	mappingList := func(n *yamlv3.Node) int {
		if i, ok := listOf[n]; ok {
			return i
		}
		f.lists = append(f.lists, r.mappingEntries(n))
		listOf[n] = len(f.lists) - 1
		return len(f.lists) - 1
	}
	flow := url.parent.Style&yamlv3.FlowStyle != 0
	f.urlEnc, f.urlMid, f.urlStart = r.scalarEncoder(url.node, flow), r.scalarEncoder(url.node, flow), url.ms.m[0]
	if url.node.Style&(yamlv3.DoubleQuotedStyle|yamlv3.SingleQuotedStyle|yamlv3.LiteralStyle|yamlv3.FoldedStyle) == 0 {
		f.urlMid = plainEncoder(flow, false)
	}
	f.args = mappingList(url.parent)
	f.argsIndent, f.childStep = r.indentation(m, url.parent)
	if o := opts["body"]; o != nil && o.parent != nil {
		f.bodyOpt = listRef{mappingList(o.parent), o.index}
	}
	if o := opts["body_format"]; o != nil && o.parent != nil {
		f.bodyFormatOpt = listRef{mappingList(o.parent), o.index}
	}
	if o := opts["body"]; o != nil && o.node != nil && len(body) > 0 {
		var l entryList
		if o.node.Kind == yamlv3.MappingNode {
			l = r.mappingEntries(o.node)
		} else {
			l = separatedEntries(body)
		}
		f.lists = append(f.lists, l)
		f.body = len(f.lists) - 1
		f.bodyAt = map[int]int{}
		for i, e := range l.entries {
			f.bodyAt[e.span.Start] = i
		}
	}
	if o := opts["headers"]; o != nil {
		h := o.node
		switch {
		case o.parent == nil || h == nil:
			f.headerWhy = "the task's headers are not written where migaudit can add to them"
		case h.Kind != yamlv3.MappingNode:
			f.headerWhy = "the task's headers: is not a mapping (it comes from an expression): add the v2 headers by hand"
		default:
			f.headers = mappingList(h)
			f.headerNames = map[string]bool{}
			for _, p := range pairs(h) {
				f.headerNames[strings.ToLower(p.key.Value)] = true
			}
			if len(h.Content) > 0 {
				f.headerIndent = strings.Repeat(" ", h.Content[0].Column-1)
			} else if at := r.start(h); at < len(r.src) && r.src[at] == '{' {
				f.headerOpen = at + 1
			} else {
				f.headerWhy = "the task's headers: mapping is not written where migaudit can add to it"
			}
		}
	}
	return f
}

// eol returns the file's line break: "\r\n" when its first line ends so.
func (r *reader) eol() string {
	if i := strings.IndexByte(string(r.src), '\n'); i > 0 && r.src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// indentation returns the indentation of mapping args's keys and the
// indentation step of the file: what a block value nested in args adds,
// else what args's keys have over the task's.
func (r *reader) indentation(task, args *yamlv3.Node) (string, string) {
	if len(args.Content) == 0 {
		return "", "  "
	}
	col := args.Content[0].Column
	step := 0
	for _, p := range pairs(args) {
		v := deref(p.value)
		if (v.Kind == yamlv3.MappingNode || v.Kind == yamlv3.SequenceNode) && v.Style&yamlv3.FlowStyle == 0 && len(v.Content) > 0 && v.Content[0].Line > p.key.Line && v.Content[0].Column > col {
			step = v.Content[0].Column - col
			break
		}
	}
	if step == 0 && len(task.Content) > 0 && col > task.Content[0].Column {
		step = col - task.Content[0].Column
	}
	if step <= 0 {
		step = 2
	}
	return strings.Repeat(" ", col-1), strings.Repeat(" ", step)
}

// Fix returns the edits that carry p out on the task.
func (f *uriFixer) Fix(p *rules.Plan) ([]rules.Edit, error) {
	if f.refuse != "" {
		return nil, &rules.Unfixable{Reason: f.refuse}
	}
	var edits []rules.Edit
	for _, e := range p.URLEdits {
		enc := f.urlMid
		if e.Span.Start == f.urlStart {
			enc = f.urlEnc
		}
		t, err := enc(e.NewText)
		if err != nil {
			return nil, &rules.Unfixable{Reason: "url: " + err.Error()}
		}
		edits = append(edits, rules.Edit{Span: e.Span, NewText: t})
	}
	if p.Method != "" && len(p.MethodEdits) == 0 {
		return nil, &rules.Unfixable{Reason: "the task's method is not written where migaudit can change it to " + p.Method}
	}
	edits = append(edits, p.MethodEdits...)
	drop, err := f.drops(p.Remove)
	if err != nil {
		return nil, err
	}
	for l, set := range drop {
		es, err := f.lists[l].remove(set)
		if err != nil {
			return nil, &rules.Unfixable{Reason: err.Error()}
		}
		edits = append(edits, es...)
	}
	if p.AddVersion || p.AddBearer {
		e, err := f.headerEdit(p, drop)
		if err != nil {
			return nil, err
		}
		edits = append(edits, f.outsideRemovals(e, edits))
	}
	return rules.MergeEdits(edits)
}

// drops returns, per list, the entries the plan removes: the body's
// entries, or the body and body_format options when no entry is left.
func (f *uriFixer) drops(remove []rules.Param) (map[int]map[int]bool, error) {
	drop := map[int]map[int]bool{}
	add := func(l, i int) {
		if drop[l] == nil {
			drop[l] = map[int]bool{}
		}
		drop[l][i] = true
	}
	if len(remove) == 0 {
		return drop, nil
	}
	if f.body < 0 {
		return nil, &rules.Unfixable{Reason: "the parameters to remove are not in a body migaudit can edit"}
	}
	for _, prm := range remove {
		i, ok := f.bodyAt[prm.Span.Start]
		if !ok {
			return nil, &rules.Unfixable{Reason: fmt.Sprintf("%s is not sent where migaudit can remove it", prm.Name)}
		}
		add(f.body, i)
	}
	if len(drop[f.body]) < len(f.lists[f.body].entries) {
		return drop, nil
	}
	delete(drop, f.body)
	if f.bodyOpt.list < 0 {
		return nil, &rules.Unfixable{Reason: "the body is not written where migaudit can remove it"}
	}
	add(f.bodyOpt.list, f.bodyOpt.index)
	if f.bodyFormatOpt.list >= 0 {
		add(f.bodyFormatOpt.list, f.bodyFormatOpt.index)
	}
	return drop, nil
}

// headerEdit adds the headers the request lacks: into the task's headers:
// mapping, or as a new headers: option after the last one kept.
func (f *uriFixer) headerEdit(p *rules.Plan, drop map[int]map[int]bool) (rules.Edit, error) {
	if f.headerWhy != "" {
		return rules.Edit{}, &rules.Unfixable{Reason: f.headerWhy}
	}
	token := p.Token
	if token == "" {
		token = defaultToken
	}
	bearer, _ := encodeDouble("Bearer " + token)
	var add []string
	if p.AddVersion {
		if f.headerNames[strings.ToLower(rules.VersionHeader)] {
			return rules.Edit{}, &rules.Unfixable{Reason: "the task already sends a " + rules.VersionHeader + " header"}
		}
		add = append(add, rules.VersionHeader+`: "`+rules.VersionValue+`"`)
	}
	if p.AddBearer {
		if f.headerNames["authorization"] {
			return rules.Edit{}, &rules.Unfixable{Reason: "the task sends an Authorization header that is not a bearer token: replace it by hand"}
		}
		add = append(add, `Authorization: "`+bearer+`"`)
	}
	at := func(e entry) rules.Edit { return rules.Edit{Span: rules.Span{Start: e.after, End: e.after}} }
	blankErr := &rules.Unfixable{Reason: "the headers would go after a block scalar that keeps its trailing empty lines: add them by hand"}
	if f.headers >= 0 {
		l := f.lists[f.headers]
		switch {
		case len(l.entries) == 0:
			return rules.Edit{Span: rules.Span{Start: f.headerOpen, End: f.headerOpen}, NewText: strings.Join(add, ", ")}, nil
		case l.block:
			if l.entries[len(l.entries)-1].trailingBlank {
				return rules.Edit{}, blankErr
			}
			e := at(l.entries[len(l.entries)-1])
			for _, h := range add {
				e.NewText += f.eol + f.headerIndent + h
			}
			return e, nil
		default:
			end := l.entries[len(l.entries)-1].span.End
			return rules.Edit{Span: rules.Span{Start: end, End: end}, NewText: ", " + strings.Join(add, ", ")}, nil
		}
	}
	l := f.lists[f.args]
	k := l.lastKept(drop[f.args])
	if k < 0 {
		return rules.Edit{}, &rules.Unfixable{Reason: "the task has no argument to add headers after"}
	}
	if !l.block {
		end := l.entries[k].span.End
		return rules.Edit{Span: rules.Span{Start: end, End: end}, NewText: ", headers: {" + strings.Join(add, ", ") + "}"}, nil
	}
	if l.entries[k].trailingBlank {
		return rules.Edit{}, blankErr
	}
	if !l.entries[k].ownLines {
		return rules.Edit{}, &rules.Unfixable{Reason: "the task's last argument shares its line with other YAML: add the headers by hand"}
	}
	e := at(l.entries[k])
	e.NewText = f.eol + f.argsIndent + "headers:"
	for _, h := range add {
		e.NewText += f.eol + f.argsIndent + f.childStep + h
	}
	return e, nil
}

// outsideRemovals moves an insertion that falls inside removed whole lines
// (the last lines of the entry it follows) to the end of the line before
// them, so the inserted text stays and no two edits overlap.
func (f *uriFixer) outsideRemovals(ins rules.Edit, edits []rules.Edit) rules.Edit {
	for moved := true; moved; {
		moved = false
		for _, e := range edits {
			s := e.Span.Start
			if s < ins.Span.Start && ins.Span.Start < e.Span.End && s > 0 && f.src[s-1] == '\n' {
				at := s - 1
				if at > 0 && f.src[at-1] == '\r' {
					at--
				}
				ins.Span = rules.Span{Start: at, End: at}
				moved = true
			}
		}
	}
	return ins
}
