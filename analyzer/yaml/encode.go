package yaml

import (
	"errors"
	"strings"

	yamlv3 "go.yaml.in/yaml/v3"
)

// encoder turns text to insert into a scalar into how the file must write
// it, or says why the scalar cannot hold it.
type encoder func(string) (string, error)

// scalarEncoder returns the encoder for text inserted into scalar n; flow
// reports that n sits inside a flow collection ({…} or […]).
func (r *reader) scalarEncoder(n *yamlv3.Node, flow bool) encoder {
	switch {
	case n.Style&yamlv3.LiteralStyle != 0:
		if indent, ok := r.literalIndent(n); ok {
			return literalEncoder(indent, r.eol())
		}
		return encodeBlock
	case n.Style&yamlv3.FoldedStyle != 0:
		return encodeBlock
	case n.Style&yamlv3.DoubleQuotedStyle != 0:
		return encodeDouble
	case n.Style&yamlv3.SingleQuotedStyle != 0:
		return encodeSingle
	}
	return plainEncoder(flow, true)
}

// encodeBlock keeps text for a literal or folded block scalar, which holds
// any character but would need a line break indented like the block.
func encodeBlock(s string) (string, error) {
	if strings.ContainsAny(s, "\r\n") {
		return "", errors.New("the text to insert holds a line break, which a YAML block scalar needs indented: edit it by hand")
	}
	return s, nil
}

// literalIndent returns the indentation of literal block scalar n's content
// lines: where its first non-empty line's text starts on its line.
func (r *reader) literalIndent(n *yamlv3.Node) (string, bool) {
	ms := r.scalar(n)
	if !ms.exact {
		return "", false
	}
	for k := 0; k < len(ms.text); k++ {
		if (k == 0 || ms.text[k-1] == '\n') && ms.text[k] != '\n' {
			off := ms.m[k]
			ls := off
			for ls > 0 && r.src[ls-1] != '\n' && r.src[ls-1] != '\r' {
				ls--
			}
			for i := ls; i < off; i++ {
				if r.src[i] != ' ' {
					return "", false
				}
			}
			return string(r.src[ls:off]), true
		}
	}
	return "", false
}

// literalEncoder writes text for a literal block scalar indented by
// indent: each line break becomes the file's line break and the block's
// indentation, so the inserted lines are part of the block's value as is.
func literalEncoder(indent, eol string) encoder {
	return func(s string) (string, error) {
		if strings.ContainsRune(s, '\r') {
			return "", errors.New("the text to insert holds a carriage return, which a YAML literal block cannot keep: edit it by hand")
		}
		return strings.ReplaceAll(s, "\n", eol+indent), nil
	}
}

// encodeDouble escapes text for a double-quoted scalar.
func encodeDouble(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '"':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// encodeSingle doubles the single quotes of text for a single-quoted scalar.
func encodeSingle(s string) (string, error) {
	if strings.ContainsAny(s, "\r\n") {
		return "", errors.New("the text to insert holds a line break, which a YAML single-quoted scalar cannot write as is: edit it by hand")
	}
	return strings.ReplaceAll(s, "'", "''"), nil
}

// plainIndicators are the characters a plain scalar cannot start with;
// '-', '?' and ':' only when a blank or the end follows.
const plainIndicators = ",[]{}#&*!|>'\"%@`"

// startsWithIndicator reports whether s would start a plain scalar wrongly.
func startsWithIndicator(s string) bool {
	if s == "" {
		return false
	}
	if strings.ContainsRune("-?:", rune(s[0])) {
		return len(s) == 1 || s[1] == ' ' || s[1] == '\t'
	}
	return strings.ContainsRune(plainIndicators, rune(s[0]))
}

// plainEncoder returns the encoder for a plain scalar: text is kept when
// inserting it cannot change what the YAML means; otherwise the scalar must
// be quoted first. flow reports a scalar inside a flow collection, where
// ',', '[', ']', '{' and '}' end the scalar too; start that the text may
// land at the scalar's start.
func plainEncoder(flow, start bool) encoder {
	return func(s string) (string, error) {
		if flow && strings.ContainsAny(s, ",[]{}") {
			return "", errors.New("the text to insert holds one of ,[]{}, which end a plain scalar in a YAML flow collection: quote the value first")
		}
		if start && startsWithIndicator(s) {
			return "", errors.New("the text to insert starts with " + s[:1] + ", which a plain YAML scalar may not start with: quote the value first")
		}
		return encodePlain(s)
	}
}

// encodePlain refuses text that would change a plain scalar's meaning
// wherever it lands but at its start.
func encodePlain(s string) (string, error) {
	switch {
	case strings.ContainsAny(s, "\r\n"):
		return "", errors.New("the text to insert holds a line break, which a plain YAML scalar folds: quote the value first")
	case strings.Contains(s, ": ") || strings.Contains(s, ":\t") || strings.HasSuffix(s, ":"):
		return "", errors.New(`the text to insert holds ": ", which would make the plain YAML scalar a mapping: quote the value first`)
	case strings.Contains(s, " #") || strings.Contains(s, "\t#") || strings.HasPrefix(s, "#"):
		return "", errors.New(`the text to insert holds " #", which would start a YAML comment in a plain scalar: quote the value first`)
	}
	return s, nil
}

// execEncoder returns the encoder for text inserted into an exec list's
// items (a snippet built from several scalars, each its own argument):
// only text that needs no quoting in any of the items' styles, and no new
// argument (which would need a new item) is accepted.
func execEncoder(items []*yamlv3.Node, flow bool) encoder {
	plain := false
	for _, it := range items {
		if it.Style&(yamlv3.DoubleQuotedStyle|yamlv3.SingleQuotedStyle|yamlv3.LiteralStyle|yamlv3.FoldedStyle) == 0 {
			plain = true
		}
	}
	return func(s string) (string, error) {
		if strings.ContainsAny(s, " \t\r\n") {
			return "", errors.New("the change adds arguments to an exec list, which need items of their own: edit it by hand")
		}
		if strings.ContainsAny(s, `"'\#`) {
			return "", errors.New("the text to insert holds a quote, a backslash or '#', which the items of this exec list cannot all write as is: edit it by hand")
		}
		if plain {
			return plainEncoder(flow, true)(s)
		}
		return s, nil
	}
}
