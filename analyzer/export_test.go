package analyzer

import (
	"bytes"
	"strings"
	"sync"

	"github.com/migaudit/migaudit/rules"
)

// ReaderLog records which reader was called on which file ("text a.txt").
type ReaderLog struct {
	mu    sync.Mutex
	Calls []string
}

// UseLineReaders replaces every reader with a line reader, so the walk can
// be tested apart from the real readers, and returns a function restoring
// them. Lines it understands:
//
//	GET https://acme.360learning.com/api/v1/users   a call
//	BASE lms https://acme.360learning.com/api/v1     a base named lms
//	BASE - {config.lms}                              a default base, from another
//	PENDING lms GET /users                           a call from base lms ("-": the default base)
//	PANIC                                            a reader panic
//	FAIL message                                     a reader error (not text's)
//
// Markdown is split into one "" snippet (the whole text); YAML into one
// shell snippet. Every call is logged in log when log is not nil.
func UseLineReaders(log *ReaderLog) (restore func()) {
	saved := readers
	note := func(reader, file string) {
		if log != nil {
			log.mu.Lock()
			log.Calls = append(log.Calls, reader+" "+file)
			log.mu.Unlock()
		}
	}
	whole := func(name string) func(string, []byte) (*rules.Found, error) {
		return func(file string, src []byte) (*rules.Found, error) {
			note(name, file)
			if name == "text" {
				src = bytes.ReplaceAll(src, []byte("FAIL"), []byte("fail"))
			}
			return lineRead(file, src, 0)
		}
	}
	snip := func(name string) func(string, *rules.Snippet) (*rules.Found, error) {
		return func(file string, sn *rules.Snippet) (*rules.Found, error) {
			note(name+"-snippet:"+sn.Lang, file)
			return lineRead(file, []byte(sn.Text), sn.Start)
		}
	}
	readers = readerSet{
		curlRead: whole("curl"), httpRead: whole("http"), makeRead: whole("make"), postmanRead: whole("postman"), textRead: whole("text"),
		yamlRead: func(file string, src []byte) (*rules.Found, error) {
			note("yaml", file)
			if bytes.Contains(src, []byte("FAIL")) {
				return lineRead(file, src, 0)
			}
			return &rules.Found{Snippets: []rules.Snippet{{Lang: "shell", Text: string(src)}}}, nil
		},
		markdownRead: func(file string, src []byte) (*rules.Found, error) {
			note("markdown", file)
			return &rules.Found{Snippets: []rules.Snippet{{Lang: "", Text: string(src)}, {Lang: "prose", Text: ""}}}, nil
		},
		rstRead: whole("rst"), asciidocRead: whole("asciidoc"),
		curlSnippet: snip("curl"), httpSnippet: snip("http"), textSnippet: snip("text"),
		isPostman: func(src []byte) bool { return bytes.Contains(src, []byte(`"_postman_id"`)) },
	}
	return func() { readers = saved }
}

// lineFixer fixes a line reader's call (FIX=mode after its URL): "good"
// applies the plan and appends the headers the plan adds, "bare" applies it
// without them, "wide" also eats into the next line, "panic" panics and
// "fail" refuses.
type lineFixer struct {
	mode string
	end  int // the offset of the line's end
}

func (f lineFixer) Fix(p *rules.Plan) ([]rules.Edit, error) {
	switch f.mode {
	case "panic":
		panic("line fixer asked to panic")
	case "fail":
		return nil, &rules.Unfixable{Reason: "the line fixer refuses"}
	}
	edits := append(append([]rules.Edit(nil), p.URLEdits...), p.MethodEdits...)
	switch f.mode {
	case "good":
		edits = append(edits, rules.Edit{Span: rules.Span{Start: f.end, End: f.end}, NewText: " H:360-api-version BEARER"})
	case "wide":
		// Also deletes the start of the next line.
		edits = append(edits, rules.Edit{Span: rules.Span{Start: f.end, End: f.end + 40}, NewText: " H:360-api-version BEARER\n"})
	}
	return rules.MergeEdits(edits)
}

type lineError string

func (e lineError) Error() string { return string(e) }

func lineRead(file string, src []byte, base int) (*rules.Found, error) {
	f := &rules.Found{}
	off := base
	for _, line := range strings.SplitAfter(string(src), "\n") {
		start := off
		off += len(line)
		line = strings.TrimRight(line, "\r\n")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		part := func(text string) rules.URLPart {
			i := strings.Index(line, text)
			return rules.URLPart{Lit: text, Raw: true, Span: rules.Span{Start: start + i, End: start + i + len(text)}}
		}
		switch {
		case fields[0] == "PANIC":
			panic("line reader asked to panic")
		case fields[0] == "FAIL":
			return nil, lineError(strings.Join(fields[1:], " "))
		case fields[0] == "BASE" && len(fields) == 3:
			u := part(fields[2])
			if strings.HasPrefix(u.Lit, "{") && strings.HasSuffix(u.Lit, "}") {
				u.Hole, u.Lit, u.Raw = u.Lit[1:len(u.Lit)-1], "", false
			}
			f.Bases = append(f.Bases, rules.Base{Name: strings.TrimPrefix(fields[1], "-"), URL: []rules.URLPart{u}, File: file})
		case fields[0] == "PENDING" && len(fields) == 4:
			url := []rules.URLPart{part(fields[3])}
			base := strings.TrimPrefix(fields[1], "-")
			if base != "" {
				ref := part(fields[1])
				ref.Hole, ref.Lit, ref.Raw = fields[1], "", false
				url = append([]rules.URLPart{ref}, url...)
			}
			c := rules.Call{File: file, Reader: "line", Method: fields[2], URL: url}
			c.Span = c.URLSpan()
			f.Pending = append(f.Pending, rules.Pending{Call: c, Base: base})
		case len(fields) >= 2 && fields[0] == strings.ToUpper(fields[0]) && strings.Contains(fields[1], "://"):
			c := rules.Call{File: file, Reader: "line", Method: fields[0], URL: []rules.URLPart{part(fields[1])}}
			c.MethodSpan = rules.Span{Start: start + strings.Index(line, fields[0]), End: start + strings.Index(line, fields[0]) + len(fields[0])}
			c.Span = c.URLSpan()
			for _, fl := range fields[2:] {
				switch {
				case strings.HasPrefix(fl, "H:"):
					c.Params = append(c.Params, rules.Param{Name: fl[2:], In: rules.InHeader, Span: part(fl).Span})
				case fl == "BEARER":
					c.Bearer = true
				case strings.HasPrefix(fl, "FIX="):
					c.Fixer = lineFixer{mode: fl[4:], end: start + len(line)}
				}
			}
			f.Calls = append(f.Calls, c)
		}
	}
	return f, nil
}

// OnTextRead calls f before each whole-file text read, and returns a
// function restoring the reader.
func OnTextRead(f func(file string)) (restore func()) {
	saved := readers
	inner := readers.textRead
	readers.textRead = func(file string, src []byte) (*rules.Found, error) {
		f(file)
		return inner(file, src)
	}
	return func() { readers = saved }
}
