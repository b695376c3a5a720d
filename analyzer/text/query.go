package text

import "github.com/migaudit/migaudit/rules"

// queryEncoders serialise a map into query-string text: PHP's
// http_build_query($q), Python's urlencode(params), URLSearchParams(q),
// Ruby's URI.encode_www_form(q).
var queryEncoders = map[string]bool{
	"http_build_query": true, "urlencode": true, "URLSearchParams": true, "encode_www_form": true,
}

// encodedQueryParams returns the query parameters a URL expression [from,
// to) appends as an encoded map, written in place
// (url + '?' + urlencode(params)) or through a name assigned the encoding
// ($query = http_build_query(array(…)); LMS . '/users?' . $query). The
// map's keys are followed through names and keys set later
// (params['deleted'] = 'true').
func (a *analysis) encodedQueryParams(from, to int) []rules.Param {
	toks := a.toks
	var out []rules.Param
	for k := from; k < to && k < len(toks); k++ {
		t := &toks[k]
		if t.kind != kIdent {
			continue
		}
		if k+1 < len(toks) && toks[k+1].is("(") {
			if c := a.callAt(k + 1); c != nil && queryEncoders[c.name] {
				out = append(out, a.encodedArgParams(c, k)...)
			}
			if a.match[k+1] > k {
				k = a.match[k+1]
			}
			continue
		}
		if k > 0 && a.memberOp(k-1) || k+1 < len(toks) && a.memberOp(k+1) {
			continue
		}
		v := a.lastValue(t.text, k)
		if v < 0 || v >= from && v < to {
			continue
		}
		end := a.valueEnd(v)
		if end <= v || end > len(toks) || !toks[end-1].is(")") || a.match[end-1] < 0 {
			continue
		}
		if c := a.callAt(a.match[end-1]); c != nil && c.cf == v && queryEncoders[c.name] {
			out = append(out, a.encodedArgParams(c, k)...)
		}
	}
	return out
}

// encodedArgParams returns the keys of an encoder call's first argument as
// query parameters, seen from token at.
func (a *analysis) encodedArgParams(c *call, at int) []rules.Param {
	if len(c.args) == 0 {
		return nil
	}
	r := c.args[0]
	var out []rules.Param
	for _, en := range a.paramEntries(r[0], r[1], at, 0) {
		if en.name == "" {
			continue
		}
		out = append(out, rules.Param{Name: en.name, In: rules.InQuery, Span: en.span, NameSpan: en.nameSpan, Value: en.value})
	}
	return out
}
