package curl

import (
	"encoding/json"
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// request is what a curl command line sends besides its URL.
type request struct {
	params  []rules.Param
	bearer  bool
	hasData bool // -d, -F, --json…: curl switches to POST
}

// requestOf reads the data, form and header options of a command line.
// stdin is the command's standard input when the script gives it (a
// here-document for -d @-).
func requestOf(inv invocation, stdin []piece) request {
	var req request
	get := inv.flags["get"]
	dataIn := rules.InForm
	if get {
		dataIn = rules.InQuery
	}
	for _, o := range inv.opts {
		f := o.val.flat()
		switch o.name {
		case "data", "data-ascii", "data-binary", "json", "data-raw":
			req.hasData = true
			if o.name != "data-raw" && strings.HasPrefix(f.s, "@") {
				if f.s != "@-" || stdin == nil {
					continue // a file: its keys are not in this script
				}
				f = flatten(stdin)
			}
			req.params = append(req.params, bodyParams(f, o, dataIn, get)...)
		case "data-urlencode", "url-query":
			in := dataIn
			if o.name == "url-query" {
				in = rules.InQuery
				f = f.from(min(len(f.s), strings.IndexByte(f.s, '+')+1)) // "+name=value": sent as is
			} else {
				req.hasData = true
			}
			i := strings.IndexAny(f.s, "=@")
			if i > 0 && f.s[i] == '=' {
				req.params = append(req.params, field(f, 0, i, len(f.s), in, o.span))
			}
		case "form", "form-string":
			req.hasData = true
			if i := strings.IndexByte(f.s, '='); i > 0 {
				req.params = append(req.params, field(f, 0, i, len(f.s), rules.InForm, o.span))
			}
		case "header":
			name, value, ok := strings.Cut(f.s, ":")
			if !ok || strings.ContainsRune(name, holeByte) || strings.HasPrefix(name, "@") {
				continue
			}
			lead := len(name) - len(strings.TrimLeft(name, " \t"))
			name = strings.TrimSpace(name)
			if name == "" {
				continue
			}
			value = strings.TrimSpace(value)
			if strings.EqualFold(name, "authorization") && len(value) >= 7 && strings.EqualFold(value[:7], "bearer ") {
				req.bearer = true
			}
			if strings.ContainsRune(value, holeByte) {
				value = ""
			}
			req.params = append(req.params, rules.Param{
				Name: name, Value: value, In: rules.InHeader,
				Span: o.span, NameSpan: f.span(lead, lead+len(name)),
			})
		case "oauth2-bearer":
			req.bearer = true
		}
	}
	return req
}

// field makes the parameter f.s[start:end] named f.s[start:eq].
func field(f flat, start, eq, end int, in rules.Location, sp rules.Span) rules.Param {
	value := f.s[eq+1 : end]
	if strings.ContainsRune(value, holeByte) {
		value = ""
	}
	return rules.Param{Name: f.s[start:eq], Value: value, In: in, Span: sp, NameSpan: f.span(start, eq)}
}

// bodyParams reads the fields of one data argument: a JSON object's keys,
// or urlencoded name=value pairs.
func bodyParams(f flat, o option, in rules.Location, get bool) []rules.Param {
	trimmed := strings.TrimSpace(f.s)
	if strings.HasPrefix(trimmed, "{") {
		if get {
			return nil
		}
		return jsonParams(f)
	}
	if strings.HasPrefix(trimmed, "[") || !strings.Contains(f.s, "=") {
		return nil
	}
	var out []rules.Param
	fields := formFields(f.s)
	for k, fl := range fields {
		if fl.eq < 0 || strings.ContainsRune(f.s[fl.start:fl.eq], holeByte) {
			continue
		}
		out = append(out, field(f, fl.start, fl.eq, fl.end, in, formFieldSpan(f, fields, k, o.span)))
	}
	return out
}

// formField is one name=value field of urlencoded text; eq is -1 when the
// field has no name.
type formField struct{ start, eq, end int }

// formFields splits urlencoded text at '&'.
func formFields(s string) []formField {
	var out []formField
	at := 0
	for _, fl := range strings.Split(s, "&") {
		ff := formField{start: at, end: at + len(fl), eq: -1}
		if eq := strings.IndexByte(fl, '='); eq > 0 {
			ff.eq = at + eq
		}
		out = append(out, ff)
		at = ff.end + 1
	}
	return out
}

// formFieldSpan is the span a field's parameter covers: the whole option
// (whole) when it is the only field, else the field and one '&' around it,
// so that removing it leaves a well-formed string.
func formFieldSpan(f flat, fields []formField, k int, whole rules.Span) rules.Span {
	switch {
	case len(fields) == 1:
		return whole
	case k < len(fields)-1:
		return f.span(fields[k].start, fields[k].end+1)
	default:
		return f.span(fields[k].start-1, fields[k].end)
	}
}

// jsonParams returns a JSON object's top-level keys. The object may hold
// holes (shell variables) where JSON wants a value.
func jsonParams(f flat) []rules.Param {
	s := f.s
	keys := scanObject(s)
	var out []rules.Param
	for k, key := range keys {
		sp := jsonKeySpan(f, keys, k)
		value := ""
		raw := s[key.valueStart:key.valueEnd]
		if !strings.ContainsRune(raw, holeByte) {
			var str string
			if json.Unmarshal([]byte(raw), &str) == nil {
				value = str
			} else if json.Valid([]byte(raw)) {
				value = raw
			}
		}
		out = append(out, rules.Param{
			Name: key.name, Value: value, In: rules.InBody,
			Span: sp, NameSpan: f.span(key.nameStart, key.nameEnd),
		})
	}
	return out
}

// jsonKeySpan is the span a key's parameter covers: the key, its value and
// its trailing comma, or for a last key, the comma before it.
func jsonKeySpan(f flat, keys []jsonKey, k int) rules.Span {
	if keys[k].comma < 0 && k > 0 {
		return f.span(keys[k-1].valueEnd, keys[k].end)
	}
	return f.span(keys[k].start, keys[k].end)
}

// jsonKey is a top-level key of a JSON object, with byte offsets.
type jsonKey struct {
	name                 string
	nameStart, nameEnd   int // the key without its quotes
	start                int // the key's opening quote
	valueStart, valueEnd int
	end                  int // after the value and a trailing comma
	comma                int // the trailing comma, or -1
}

// scanObject reads the top-level keys of the JSON object s starts with. It
// is lenient: shell holes may stand where values go, and it stops at the
// first thing that is not JSON, keeping the keys read so far. Keys whose
// name holds a hole are left out.
func scanObject(s string) []jsonKey {
	var out []jsonKey
	for _, k := range scanKeys(s) {
		if !strings.ContainsRune(k.name, holeByte) {
			out = append(out, k)
		}
	}
	return out
}

// scanKeys is scanObject with the keys whose name holds a hole.
func scanKeys(s string) []jsonKey {
	i := skipSpace(s, 0)
	if i >= len(s) || s[i] != '{' {
		return nil
	}
	i++
	var keys []jsonKey
	for {
		i = skipSpace(s, i)
		if i >= len(s) || s[i] != '"' {
			return keys
		}
		k := jsonKey{start: i, nameStart: i + 1, comma: -1}
		j := skipString(s, i)
		if j < 0 {
			return keys
		}
		k.nameEnd = j - 1
		k.name = s[k.nameStart:k.nameEnd]
		if strings.ContainsRune(k.name, '\\') {
			var dec string
			if json.Unmarshal([]byte(s[i:j]), &dec) == nil {
				k.name = dec
			}
		}
		i = skipSpace(s, j)
		if i >= len(s) || s[i] != ':' {
			return keys
		}
		i = skipSpace(s, i+1)
		k.valueStart = i
		k.valueEnd = skipValue(s, i)
		if k.valueEnd <= k.valueStart {
			return keys
		}
		i = skipSpace(s, k.valueEnd)
		k.end = k.valueEnd
		if i < len(s) && s[i] == ',' {
			k.comma, k.end = i, i+1
			i++
		}
		keys = append(keys, k)
		if k.comma < 0 {
			return keys
		}
	}
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index after the string starting at s[i] == '"'.
func skipString(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// skipValue returns the index after the JSON value (or hole) at s[i].
func skipValue(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '"':
		return skipString(s, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(s); j++ {
			switch s[j] {
			case '"':
				e := skipString(s, j)
				if e < 0 {
					return -1
				}
				j = e - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	}
	j := i
	for j < len(s) && strings.IndexByte(",}] \t\r\n", s[j]) < 0 {
		j++
	}
	return j
}
