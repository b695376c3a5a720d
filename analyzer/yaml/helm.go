package yaml

import (
	"bytes"

	yamlv3 "go.yaml.in/yaml/v3"
)

// decodeTemplate decodes a Helm (Go template) manifest that is not valid
// YAML as it is written: an action alone on its line ({{- if … }},
// {{- include … | nindent 4 }}, {{- end }}) is blanked, and the delimiters of
// an action inside a line (name: {{ .Values.x | quote }}) become << and >>
// for the parser, then {{ and }} again in the values read, so that every
// offset and value is the file's. It returns nil when src holds no action,
// already holds << or >>, has an action spread over lines, or does not
// parse either way.
func decodeTemplate(src []byte) []*yamlv3.Node {
	if !bytes.Contains(src, []byte("{{")) || bytes.Contains(src, []byte("<<")) || bytes.Contains(src, []byte(">>")) {
		return nil
	}
	b := bytes.Clone(src)
	for start := 0; start < len(b); {
		end := bytes.IndexByte(b[start:], '\n')
		if end < 0 {
			end = len(b)
		} else {
			end += start
		}
		line := b[start:end]
		rest := []byte{} // the line without its actions
		for i := 0; i < len(line); {
			open := bytes.Index(line[i:], []byte("{{"))
			if open < 0 {
				rest = append(rest, line[i:]...)
				break
			}
			open += i
			closing := bytes.Index(line[open+2:], []byte("}}"))
			if closing < 0 {
				return nil // an action over several lines
			}
			closing += open + 2
			rest = append(rest, line[i:open]...)
			line[open], line[open+1] = '<', '<'
			line[closing], line[closing+1] = '>', '>'
			i = closing + 2
		}
		if len(bytes.TrimSpace(rest)) == 0 {
			for i := range line {
				line[i] = ' '
			}
		}
		start = end + 1
	}
	docs, err := decodeAll(b)
	if err != nil {
		return nil
	}
	for _, d := range docs {
		restoreDelims(d, 0)
	}
	return docs
}

// restoreDelims turns << and >> back into {{ and }} in the scalars under n.
func restoreDelims(n *yamlv3.Node, depth int) {
	if n == nil || depth > maxDepth {
		return
	}
	if n.Kind == yamlv3.ScalarNode {
		v := []byte(n.Value)
		if bytes.Contains(v, []byte("<<")) {
			v = bytes.ReplaceAll(bytes.ReplaceAll(v, []byte("<<"), []byte("{{")), []byte(">>"), []byte("}}"))
			n.Value = string(v)
		}
		return
	}
	for _, c := range n.Content {
		restoreDelims(c, depth+1)
	}
}
