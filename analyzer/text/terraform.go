// Terraform (HCL) text: locals and variable defaults name values that
// "${local.x}/users" and "${var.x}/users" strings start with, and a
// data "http" block's url is requested with its method (GET unless
// method = "…" says otherwise).

package text

import (
	"path"
	"regexp"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// isHCL reports whether a file is Terraform configuration.
func isHCL(file string) bool {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(file, "\\", "/"))) {
	case ".tf", ".tfvars", ".hcl":
		return true
	}
	return false
}

// hclBlock is a top-level block: its header (data "http" "x"), its byte
// range and the method its method attribute names.
type hclBlock struct {
	header     string
	start, end int
	method     string
	mspan      rules.Span
}

var (
	hclAttr   = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*"([^"]*)"`)
	hclHeader = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_-]*)((?:\s+"[^"]*")*)\s*\{`)
	hclRef    = regexp.MustCompile(`"\$\{((?:local|var)\.[A-Za-z0-9_-]+)\}([^"]*)"`)
)

// hclBlocks splits src into its top-level blocks, counting braces outside
// strings.
func hclBlocks(src string) []hclBlock {
	var out []hclBlock
	depth := 0
	inStr := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '#' || c == '/' && i+1 < len(src) && src[i+1] == '/':
			if j := strings.IndexByte(src[i:], '\n'); j >= 0 {
				i += j
			} else {
				i = len(src)
			}
		case c == '{':
			if depth == 0 {
				ls := strings.LastIndexByte(src[:i], '\n') + 1
				out = append(out, hclBlock{header: strings.TrimSpace(src[ls:i]), start: ls, end: len(src)})
			}
			depth++
		case c == '}':
			depth--
			if depth == 0 && len(out) > 0 {
				out[len(out)-1].end = i + 1
			}
			depth = max(depth, 0)
		}
	}
	return out
}

// terraform adds to found the calls a Terraform file makes through its
// locals and variable defaults, and gives data "http" blocks' calls their
// method.
func terraform(file, src string, found *rules.Found) {
	blocks := hclBlocks(src)
	values := map[string][]item{}
	for n := range blocks {
		b := &blocks[n]
		body := src[b.start:b.end]
		kind := strings.Fields(b.header + " x")[0]
		for off := 0; off < len(body); {
			le := strings.IndexByte(body[off:], '\n')
			if le < 0 {
				le = len(body) - off
			}
			line := body[off : off+le]
			// the header line may hold the block's only attribute:
			// variable "x" { default = "…" }
			attrLine := line
			lineOff := off
			if off == 0 {
				if i := strings.IndexByte(line, '{'); i >= 0 {
					attrLine, lineOff = line[i+1:], i+1
				}
			}
			if m := hclAttr.FindStringSubmatchIndex(attrLine); m != nil {
				name, val := attrLine[m[2]:m[3]], attrLine[m[4]:m[5]]
				vs := b.start + lineOff + m[4]
				lit := []item{{lit: val, span: rules.Span{Start: vs, End: vs + len(val)}, raw: true}}
				switch {
				case kind == "locals":
					values["local."+name] = lit
				case kind == "variable" && name == "default":
					if h := hclHeader.FindStringSubmatch(b.header + " {"); h != nil {
						if f := strings.Fields(h[2]); len(f) > 0 {
							values["var."+strings.Trim(f[0], `"`)] = lit
						}
					}
				case name == "method":
					if mth := verbName(val); mth != "" {
						b.method, b.mspan = mth, rules.Span{Start: vs, End: vs + len(val)}
					}
				}
			}
			off += le + 1
		}
	}
	blockAt := func(p int) *hclBlock {
		for n := range blocks {
			if blocks[n].start <= p && p < blocks[n].end {
				return &blocks[n]
			}
		}
		return nil
	}
	// strings starting with a local or variable holding a base
	for _, m := range hclRef.FindAllStringSubmatchIndex(src, -1) {
		base, ok := values[src[m[2]:m[3]]]
		if !ok || !isBase(shapeOf(base)) || m[5] == m[4] {
			continue
		}
		rest := []item{{lit: src[m[4]:m[5]], span: rules.Span{Start: m[4], End: m[5]}, raw: true}}
		joined := joinBase(base, rest)
		if s := shapeOf(joined); !(s.v1 && s.segs) {
			continue
		}
		c := rules.Call{File: file, Reader: readerName, URL: toParts(joined), Span: rules.Span{Start: m[0], End: m[1]}}
		// the generic scan's call for the same string, its base left a hole
		kept := found.Calls[:0]
		for _, g := range found.Calls {
			if !(g.Span.Start < m[1] && m[0] < g.Span.End) {
				kept = append(kept, g)
			}
		}
		found.Calls = append(kept, c)
	}
	// a data "http" block requests its url
	for n := range found.Calls {
		c := &found.Calls[n]
		b := blockAt(c.Span.Start)
		if b == nil || c.Method != "" || !strings.HasPrefix(b.header, "data") || !strings.Contains(b.header, `"http"`) {
			continue
		}
		if b.method != "" {
			c.Method, c.MethodSpan = b.method, b.mspan
		} else {
			c.Method, c.MethodImplied = "GET", true
		}
	}
}
