package rules

// Snippet is text in another language embedded in a file: a shell script in
// a YAML run: entry or a Markdown fence, a code block in a README. Readers
// that find one hand it back so the reader for its language can read it.
type Snippet struct {
	// Lang names the language: "shell", or a Markdown fence's info word
	// ("js", "python", …); "" when unknown.
	Lang string
	// Text is the snippet as its own language sees it (a YAML block
	// scalar's value, without the YAML indentation).
	Text string
	// Start is the file offset of Text[0] when Text is a contiguous piece
	// of the file; Map, when set, gives the file offset of every byte of
	// Text (len(Map) == len(Text)+1) for text that is not.
	Start int
	Map   []int
	// Encode, when set, turns text to insert into the snippet into how the
	// file must write it (a YAML double-quoted scalar escapes '"'); an
	// error when the file cannot hold it.
	Encode func(string) (string, error)
}

// Offset returns the file offset of byte i of the snippet's text.
func (s *Snippet) Offset(i int) int {
	if s.Map != nil {
		if i < 0 {
			i = 0
		}
		if i >= len(s.Map) {
			i = len(s.Map) - 1
		}
		return s.Map[i]
	}
	return s.Start + i
}

// MapSpan turns a span in the snippet's text into a span in the file.
func (s *Snippet) MapSpan(sp Span) Span {
	return Span{s.Offset(sp.Start), s.Offset(sp.End)}
}

// MapCall moves every span of a call found in the snippet's text into the file.
func (s *Snippet) MapCall(c *Call) {
	c.Span = s.MapSpan(c.Span)
	c.MethodSpan = s.MapSpan(c.MethodSpan)
	for i := range c.URL {
		p := &c.URL[i]
		fileSpan := s.MapSpan(p.Span)
		// A raw part stays raw only if the mapping kept it contiguous.
		if p.Raw && fileSpan.End-fileSpan.Start != p.Span.End-p.Span.Start {
			p.Raw = false
		}
		p.Span = fileSpan
	}
	var back map[Span]Span
	if c.Fixer != nil {
		back = map[Span]Span{}
	}
	for _, list := range [][]Param{c.Params, c.ResponseFields, c.ErrorCodes} {
		for i := range list {
			orig := list[i].Span
			list[i].Span = s.MapSpan(list[i].Span)
			list[i].NameSpan = s.MapSpan(list[i].NameSpan)
			if back != nil {
				back[list[i].Span] = orig
			}
		}
	}
	if c.Fixer != nil {
		c.Fixer = &snippetFixer{inner: c.Fixer, sn: s, back: back}
	}
}

// snippetFixer carries a snippet reader's Fixer into the file: it hands the
// reader parameters in the snippet's coordinates and maps its edits back.
type snippetFixer struct {
	inner Fixer
	sn    *Snippet
	back  map[Span]Span
}

// insertAt maps an insertion point of the snippet into the file. At the
// end of a line whose end the snippet leaves out (an AsciiDoc callout), the
// text goes right after the line's last byte, before what was left out;
// elsewhere (after a YAML block's indentation) at the mapped offset.
func (f *snippetFixer) insertAt(i int) int {
	m, t := f.sn.Map, f.sn.Text
	if m != nil && i > 0 && i < len(t) && (t[i] == '\n' || t[i] == '\r') && m[i] != m[i-1]+1 {
		return m[i-1] + 1
	}
	return f.sn.Offset(i)
}

// spansLines reports whether e replaces text whose file range differs from
// the snippet's only by the embedding's indentation at the start of the
// lines it covers (a YAML block scalar's): that indentation goes with them,
// and the new text gets the embedding's own through Snippet.Encode.
func (f *snippetFixer) spansLines(e Edit) bool {
	if f.sn.Map == nil {
		return false
	}
	for i := e.Span.Start + 1; i <= e.Span.End && i < len(f.sn.Map); i++ {
		if f.sn.Map[i]-f.sn.Map[i-1] != 1 && f.sn.Text[i-1] != '\n' {
			return false
		}
	}
	return true
}

func (f *snippetFixer) Fix(p *Plan) ([]Edit, error) {
	q := *p
	q.URLEdits, q.MethodEdits = nil, nil
	q.Remove = nil
	for _, prm := range p.Remove {
		if orig, ok := f.back[prm.Span]; ok {
			prm.Span = orig
			prm.NameSpan = Span{}
		}
		q.Remove = append(q.Remove, prm)
	}
	inner, err := f.inner.Fix(&q)
	if err != nil {
		return nil, err
	}
	var out []Edit
	for _, e := range inner {
		sp := f.sn.MapSpan(e.Span)
		if e.Span.Start == e.Span.End {
			sp.Start = f.insertAt(e.Span.Start)
			sp.End = sp.Start
		}
		if sp.End-sp.Start != e.Span.End-e.Span.Start && !f.spansLines(e) {
			return nil, &Unfixable{Reason: "the change would cross the lines of the embedding file"}
		}
		out = append(out, Edit{Span: sp, NewText: e.NewText})
	}
	out = append(append(out, p.URLEdits...), p.MethodEdits...)
	if f.sn.Encode != nil {
		for i := range out {
			t, err := f.sn.Encode(out[i].NewText)
			if err != nil {
				return nil, &Unfixable{Reason: err.Error()}
			}
			out[i].NewText = t
		}
	}
	return out, nil
}

// MapFound moves every span of what a reader found in the snippet's text
// (calls, pending calls, bases) into the file.
func (s *Snippet) MapFound(f *Found) {
	for i := range f.Calls {
		s.MapCall(&f.Calls[i])
	}
	for i := range f.Pending {
		s.MapCall(&f.Pending[i].Call)
	}
	for i := range f.Bases {
		c := Call{URL: f.Bases[i].URL}
		s.MapCall(&c)
		f.Bases[i].URL = c.URL
	}
}

// Base is a base URL a file defines under a name (a constant, a class
// property, Ruby's base_uri, a config entry) that calls in other files of the
// same project may start from.
type Base struct {
	// Name is the identifier the base is defined under ("BASE_URL",
	// "baseUrl", "lms_api"); "" for a client's default base (Ruby's
	// base_uri, axios.create({baseURL})) that relative paths start from.
	Name string
	URL  []URLPart
	File string
}

// Pending is a call whose URL starts from a base it does not define: a hole
// naming a base (Base, the name as written) or, when Base is "", a relative
// path for a client's default base. The project's bases complete it.
type Pending struct {
	Call Call
	Base string
}

// Found is what a reader finds in one file.
type Found struct {
	Calls    []Call
	Snippets []Snippet
	Bases    []Base
	Pending  []Pending
}

// BaseKey reduces the expression a base is written as to the key bases are
// matched by: its last identifier, lower-case, without '_' or '-'
// ("this.baseUrl" → "baseurl", "{{ lms_base }}" → "lmsbase", "${LMS_BASE}" → "lmsbase").
func BaseKey(expr string) string {
	last := ""
	cur := []byte{}
	flush := func() {
		if len(cur) > 0 {
			last = string(cur)
			cur = cur[:0]
		}
	}
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		switch {
		case c == '_' || c == '-':
			// joined: lms_base and lmsBase are one key
		case isIdentByte(c):
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			cur = append(cur, c)
		default:
			flush()
		}
	}
	flush()
	return last
}

// Resolve completes pending calls with a project's bases. For each pending
// call it returns the alternatives, one per distinct base that fits (the
// first URL part, standing for the base, replaced by the base's parts placed
// at that part's span); a pending call no base fits has none.
func Resolve(pending []Pending, bases []Base) [][]Call {
	out := make([][]Call, len(pending))
	for i, p := range pending {
		key := BaseKey(p.Base)
		seen := map[string]bool{}
		for _, b := range bases {
			if BaseKey(b.Name) != key {
				continue
			}
			text := (&Call{URL: b.URL}).URLText()
			if seen[text] {
				continue
			}
			seen[text] = true
			out[i] = append(out[i], complete(p, b))
		}
	}
	return out
}

func complete(p Pending, b Base) Call {
	c := p.Call
	at := c.Span
	rest := c.URL
	if p.Base != "" && len(rest) > 0 {
		at = rest[0].Span
		rest = rest[1:]
	} else if len(rest) > 0 {
		at = Span{rest[0].Span.Start, rest[0].Span.Start}
	}
	url := make([]URLPart, 0, len(b.URL)+len(rest))
	for _, bp := range b.URL {
		bp.Span, bp.Raw = at, false
		url = append(url, bp)
	}
	// Join without doubling or losing the slash between base and path.
	if n := len(url); n > 0 && len(rest) > 0 && url[n-1].Hole == "" && rest[0].Hole == "" {
		base, path := url[n-1].Lit, rest[0].Lit
		switch {
		case len(base) > 0 && base[len(base)-1] == '/' && len(path) > 0 && path[0] == '/':
			url[n-1].Lit = base[:len(base)-1]
		case (len(base) == 0 || base[len(base)-1] != '/') && (len(path) == 0 || path[0] != '/'):
			url[n-1].Lit = base + "/"
		}
	}
	c.URL = append(url, rest...)
	return c
}
