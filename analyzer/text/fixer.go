package text

import (
	"fmt"
	"sort"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// fixer writes a plan into a call made in one of the idioms idiomOf
// knows. It only edits text written for this call alone: the URL and
// method where the call writes them, entries of the literals the call
// sends, and its headers literal, to which it adds the version header.
// A call that does not yet send a bearer token is left to a person, who
// knows where the code's token comes from.
type fixer struct {
	idiom string
	// own are the spans only this call uses: the call itself, the URL's
	// definition when the call is its only use, an options literal only
	// it sends.
	own []rules.Span
	// urlShared reports literal URL text written outside own.
	urlShared  bool
	methodSpan rules.Span
	// hdr is the headers literal, nil when none can take the version
	// header (hdrWhy says why).
	hdr    *litLayout
	hdrWhy string
	// removable are the parameters written as entries of literals only
	// this call sends.
	removable map[rules.Span]litRef
	// noNewLines reports a call in a snippet whose lines are indented in
	// its file, where an added line could not be indented to fit.
	noNewLines bool
	// clientWhy, when set, is why the client object the call is made on
	// may send more than the call shows (a session's params or auth).
	clientWhy string
}

// litLayout is a literal mapping as written: its elements in order, where
// it opens and closes, its separator (',' or PowerShell's ';' and line
// breaks) and the quoting and key-value style of its entries.
type litLayout struct {
	open, close int // offsets after the opening and at the closing bracket
	items       []litItem
	sep         string
	oneLine     bool
	quote       byte
	kv          string
	nl          string
	// holder is the literal (or argument list) whose element holderAt
	// is the argument or entry this literal is the value of: when every
	// element goes, that element goes instead (json={} sends a body).
	holder   *litLayout
	holderAt int
}

// litItem is one element of a literal: [start, end) its text, sepEnd the
// offset after the separator that follows it (end when none). When it
// stands alone on its line(s), lineStart is where the line starts, lineEnd
// where its line break starts and next where the next line starts;
// lineEnd is -1 otherwise.
type litItem struct {
	start, end, sepEnd       int
	lineStart, lineEnd, next int
	indent                   string
}

type litRef struct {
	lit *litLayout
	i   int
}

func unfixable(format string, args ...any) error {
	return &rules.Unfixable{Reason: fmt.Sprintf(format, args...)}
}

// owns reports whether a span lies in text only this call uses.
func (f *fixer) owns(s rules.Span) bool {
	for _, o := range f.own {
		if o.Start <= s.Start && s.End <= o.End {
			return true
		}
	}
	return false
}

// Fix implements rules.Fixer.
func (f *fixer) Fix(p *rules.Plan) ([]rules.Edit, error) {
	if f.clientWhy != "" {
		return nil, unfixable("%s", f.clientWhy)
	}
	if p.AddBearer {
		return nil, unfixable("migaudit sees no bearer token sent with this call: send an OAuth2 bearer token first (Authorization: Bearer …, from POST /api/v2/oauth2/token); the fix then moves the call to v2")
	}
	// Inside a snippet the plan carries no URL or method edits (the
	// snippet's reader adds them); a v1 path always changes otherwise.
	inSnippet := len(p.URLEdits) == 0
	edits := append(append([]rules.Edit(nil), p.URLEdits...), p.MethodEdits...)
	if inSnippet && f.urlShared {
		return nil, unfixable("the URL is written partly in a definition other code shares: move this call to v2 by hand")
	}
	for _, e := range p.URLEdits {
		if !f.owns(e.Span) {
			return nil, unfixable("the part of the URL that changes is written in a definition other code shares: move this call to v2 by hand")
		}
	}
	if p.Method != "" {
		if !inSnippet && len(p.MethodEdits) == 0 || f.methodSpan.IsZero() {
			return nil, unfixable("the method is not written as a word migaudit can change: make it %s by hand", p.Method)
		}
		if !f.owns(f.methodSpan) {
			return nil, unfixable("the method is written in options other code shares: make it %s by hand", p.Method)
		}
	}
	rm, err := f.removals(p.Remove)
	if err != nil {
		return nil, err
	}
	edits = append(edits, rm...)
	if p.AddVersion {
		if f.hdr == nil {
			return nil, unfixable("%s: send the header %s: %s with this call alone by hand", f.hdrWhy, rules.VersionHeader, rules.VersionValue)
		}
		add, err := f.hdr.insert(f.hdr.entry(rules.VersionHeader, rules.VersionValue))
		if err != nil {
			return nil, err
		}
		edits = append(edits, add...)
	}
	if f.noNewLines {
		for _, e := range edits {
			if strings.ContainsAny(e.NewText, "\r\n") {
				return nil, unfixable("the call sits in an indented block of its file, where migaudit cannot add a line: add the header %s: %s by hand", rules.VersionHeader, rules.VersionValue)
			}
		}
	}
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].Span.Start != edits[j].Span.Start {
			return edits[i].Span.Start < edits[j].Span.Start
		}
		return edits[i].Span.End < edits[j].Span.End
	})
	for i := 1; i < len(edits); i++ {
		e, prev := edits[i].Span, edits[i-1].Span
		if e.Start < prev.End || e.Start == prev.Start && e.Start == e.End {
			return nil, unfixable("the changes to this call overlap: move it to v2 by hand")
		}
	}
	return edits, nil
}

// removals returns the edits that stop sending the parameters: each must
// be an entry of a literal only this call sends.
func (f *fixer) removals(params []rules.Param) ([]rules.Edit, error) {
	byLit := map[*litLayout]map[int]bool{}
	var order []*litLayout
	for _, prm := range params {
		ref, ok := f.removable[prm.Span]
		if !ok {
			return nil, unfixable("%s is not sent as an entry of a literal written for this call alone: stop sending it by hand", prm.Name)
		}
		if byLit[ref.lit] == nil {
			byLit[ref.lit] = map[int]bool{}
			order = append(order, ref.lit)
		}
		byLit[ref.lit][ref.i] = true
	}
	// a literal emptied goes with its argument or entry when it has one
	for _, l := range append([]*litLayout(nil), order...) {
		if l.holder == nil || len(byLit[l]) < len(l.items) {
			continue
		}
		delete(byLit, l)
		if byLit[l.holder] == nil {
			byLit[l.holder] = map[int]bool{}
			order = append(order, l.holder)
		}
		byLit[l.holder][l.holderAt] = true
	}
	var out []rules.Edit
	for _, l := range order {
		if byLit[l] == nil {
			continue
		}
		es, err := l.remove(byLit[l])
		if err != nil {
			return nil, err
		}
		out = append(out, es...)
	}
	return out, nil
}

// remove returns the edits deleting the elements gone from the literal,
// with their separators: whole lines when each stands alone on its lines,
// else within the line when the literal is written on one line.
func (l *litLayout) remove(gone map[int]bool) ([]rules.Edit, error) {
	lines := true
	for i := range gone {
		if l.items[i].lineEnd < 0 {
			lines = false
		}
	}
	if !lines && !l.oneLine {
		return nil, unfixable("the parameters to remove do not stand on lines of their own: stop sending them by hand")
	}
	n := len(l.items)
	lastKept := -1
	for i := n - 1; i >= 0; i-- {
		if !gone[i] {
			lastKept = i
			break
		}
	}
	var out []rules.Edit
	if lines {
		for i := 0; i < n; i++ {
			if gone[i] {
				it := l.items[i]
				out = append(out, rules.Edit{Span: rules.Span{Start: it.lineStart, End: it.next}})
			}
		}
		// The last element goes: the one now last drops its comma when
		// the literal wrote none after its last element.
		if last := l.items[n-1]; gone[n-1] && last.sepEnd == last.end && lastKept >= 0 && l.sep == "," {
			if k := l.items[lastKept]; k.sepEnd > k.end {
				out = append(out, rules.Edit{Span: rules.Span{Start: k.end, End: k.sepEnd}})
			}
		}
		return out, nil
	}
	for i := 0; i < n; {
		if !gone[i] {
			i++
			continue
		}
		j := i
		for j+1 < n && gone[j+1] {
			j++
		}
		// elements i..j go
		switch {
		case j+1 < n:
			out = append(out, rules.Edit{Span: rules.Span{Start: l.items[i].start, End: l.items[j+1].start}})
		case i > 0:
			out = append(out, rules.Edit{Span: rules.Span{Start: l.items[i-1].end, End: l.items[j].end}})
		default:
			out = append(out, rules.Edit{Span: rules.Span{Start: l.items[i].start, End: l.items[j].sepEnd}})
		}
		i = j + 1
	}
	return out, nil
}

// entry writes a key-value entry in the literal's style.
func (l *litLayout) entry(key, value string) string {
	q := string(l.quote)
	return q + key + q + l.kv + q + value + q
}

// insert returns the edits adding an entry after the literal's last
// element: on a line of its own, indented like it, when the last element
// stands alone on its line; after it on the same line when the literal is
// written on one line.
func (l *litLayout) insert(entry string) ([]rules.Edit, error) {
	n := len(l.items)
	if n == 0 {
		return nil, unfixable("the headers literal is empty: add the header %s: %s by hand", rules.VersionHeader, rules.VersionValue)
	}
	last := l.items[n-1]
	switch {
	case last.lineEnd >= 0:
		text := l.nl + last.indent + entry
		var out []rules.Edit
		if l.sep == "," {
			if last.sepEnd > last.end {
				text += "," // the literal ends its elements with a comma
			} else if last.end == last.lineEnd {
				text = "," + text
			} else {
				out = append(out, rules.Edit{Span: rules.Span{Start: last.end, End: last.end}, NewText: ","})
			}
		}
		return append(out, rules.Edit{Span: rules.Span{Start: last.lineEnd, End: last.lineEnd}, NewText: text}), nil
	case l.oneLine:
		return []rules.Edit{{Span: rules.Span{Start: last.end, End: last.end}, NewText: l.sep + " " + entry}}, nil
	}
	return nil, unfixable("the headers literal is not laid out one entry a line or on one line: add the header %s: %s by hand", rules.VersionHeader, rules.VersionValue)
}
