package curl

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// dataSource is text that carries parameters as the reader read them: a
// data option's argument, a here-document fed to curl, a request body.
type dataSource struct {
	f flat
	// whole is the span a parameter covering the whole source has (an
	// option read as one field: --data-urlencode "apiKey=$KEY"); zero when
	// none does.
	whole rules.Span
	// json reports a JSON object; otherwise the text is urlencoded.
	json bool
}

// removal is what removing some of a source's parameters takes.
type removal struct {
	edits []rules.Edit
	// empty reports that nothing is left: the caller removes the source.
	empty bool
	// hit counts the parameters of the source that were asked for.
	hit int
}

// remove works out the edits that stop sending the parameters whose spans
// are in drop. A parameter covering the whole source, or all of them,
// leave it empty. It fails when the text to remove is not written in one
// place in the file (it comes from a variable, or crosses an escaped line).
// text is the text the spans point into.
func (d dataSource) remove(text string, drop map[rules.Span]bool) (removal, error) {
	var r removal
	if !d.whole.IsZero() && drop[d.whole] {
		r.hit, r.empty = 1, true
		return r, nil
	}
	type item struct{ start, end int } // flat ranges: a key with its value, a field
	var items []item
	var gone []bool
	if d.json {
		all := scanKeys(d.f.s)
		keys := scanObject(d.f.s) // as the reader saw them
		k := 0
		for _, key := range all {
			items = append(items, item{key.start, key.valueEnd})
			if strings.ContainsRune(key.name, holeByte) {
				gone = append(gone, false)
				continue
			}
			gone = append(gone, drop[jsonKeySpan(d.f, keys, k)])
			k++
		}
		if keys := all; len(keys) > 0 {
			if end := skipSpace(d.f.s, keys[len(keys)-1].end); end >= len(d.f.s) || d.f.s[end] != '}' {
				// The object goes on with what the scan could not read.
				for _, g := range gone {
					if g {
						return r, &rules.Unfixable{Reason: "the JSON body is not one migaudit can edit (a key it cannot read): remove the parameters by hand"}
					}
				}
				return r, nil
			}
		}
	} else {
		fields := formFields(d.f.s)
		for k, fl := range fields {
			items = append(items, item{fl.start, fl.end})
			gone = append(gone, fl.eq > 0 && !strings.ContainsRune(d.f.s[fl.start:fl.eq], holeByte) && drop[formFieldSpan(d.f, fields, k, d.whole)])
		}
	}
	kept := 0
	for k, g := range gone {
		if !g {
			kept++
			continue
		}
		// A parameter is removed only where it is written: the values of
		// a variable all stand at the reference, where no key can be told
		// from another.
		if _, ok := d.f.exact(text, items[k].start, items[k].end); !ok {
			return r, &rules.Unfixable{Reason: "a parameter to remove is not written where migaudit can edit it (it comes from a variable): remove it by hand"}
		}
		r.hit++
	}
	if r.hit == 0 {
		return r, nil
	}
	if kept == 0 {
		r.empty = true
		return r, nil
	}
	// Each run of removed items goes with the separators up to the next
	// kept item, or, at the end, from the kept item before it.
	for a := 0; a < len(items); {
		if !gone[a] {
			a++
			continue
		}
		b := a
		for b+1 < len(items) && gone[b+1] {
			b++
		}
		var i, j int
		if b+1 < len(items) {
			i, j = items[a].start, items[b+1].start
		} else {
			i, j = items[a-1].end, items[b].end
			if d.json {
				// A comma after the last key (lenient JSON) goes too.
				if e := skipSpace(d.f.s, j); e < len(d.f.s) && d.f.s[e] == ',' {
					j = e + 1
				}
			}
		}
		sp, ok := d.f.exact(text, i, j)
		if !ok {
			return r, &rules.Unfixable{Reason: "a parameter to remove is not written where migaudit can edit it (it comes from a variable): remove it by hand"}
		}
		r.edits = append(r.edits, rules.Edit{Span: sp})
		a = b + 1
	}
	return r, nil
}

// exact returns the span in text of f.s[i:j] when those bytes are written
// one after another, each where it stands (no variable's value, no escaped
// line break in between). Between two bytes there may be quotes that close
// one kind of quoting and open another ('{"key": "'"$VALUE"'"}'), as long
// as the range leaves the shell in the quoting it found it.
func (f flat) exact(text string, i, j int) (rules.Span, bool) {
	if i < 0 || j > len(f.spans) || i >= j {
		return rules.Span{}, false
	}
	single, double := 0, 0
	for k := i; k < j; k++ {
		sp := f.spans[k]
		if sp.End <= sp.Start || sp.End > len(text) {
			return rules.Span{}, false
		}
		if k == i || sp.Start == f.spans[k-1].End {
			continue
		}
		prev := f.spans[k-1].End
		if prev > sp.Start {
			return rules.Span{}, false
		}
		for _, c := range text[prev:sp.Start] {
			switch c {
			case '\'':
				single++
			case '"':
				double++
			default:
				return rules.Span{}, false
			}
		}
	}
	if single%2 != 0 || double%2 != 0 {
		return rules.Span{}, false
	}
	return rules.Span{Start: f.spans[i].Start, End: f.spans[j-1].End}, true
}
