package analyzer

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// maxBaseChain bounds how many bases deep a base may be defined through
// others (client → config → constant).
const maxBaseChain = 3

// resolve completes the project's pending calls with its bases. Bases
// defined through another base (axios.create({baseURL: config.lms.baseURL})
// in one file, config.lms.baseURL in another) are expanded first. Of the
// bases that fit a call, only the most specific are kept (the ones whose
// name shares the longest dotted suffix with the expression the call
// uses); of those, the first that makes the call yield findings wins.
func (w *worker) resolve(p *project) {
	if len(p.pending) == 0 || len(p.bases) == 0 {
		return
	}
	bases := expandBases(p.bases)
	for _, pc := range p.pending {
		fit := mostSpecific(pc.p.Base, bases)
		if len(fit) == 0 {
			continue
		}
		alts := rules.Resolve([]rules.Pending{pc.p}, fit)[0]
		for k := range alts {
			if fs := w.s.opt.Catalog.Check(&alts[k], &w.s.opt.Check); len(fs) > 0 {
				w.add(pc.path, fs, pc.lines)
				break
			}
		}
	}
}

// expandBases replaces each base whose URL starts from another base (a hole
// naming it) by its expansions, chains up to maxBaseChain deep; a base no
// other base completes is kept as it is.
func expandBases(bases []rules.Base) []rules.Base {
	out := bases
	for range maxBaseChain {
		changed := false
		next := make([]rules.Base, 0, len(out))
		for _, b := range out {
			ref := leadingHole(b)
			if ref == "" || rules.BaseKey(ref) == rules.BaseKey(b.Name) {
				next = append(next, b)
				continue
			}
			var others []rules.Base
			for _, o := range mostSpecific(ref, out) {
				if leadingHole(o) == "" {
					others = append(others, o)
				}
			}
			alts := rules.Resolve([]rules.Pending{{Call: rules.Call{URL: b.URL}, Base: ref}}, others)[0]
			if len(alts) == 0 {
				next = append(next, b)
				continue
			}
			for _, c := range alts {
				next = append(next, rules.Base{Name: b.Name, URL: c.URL, File: b.File})
			}
			changed = true
		}
		out = next
		if !changed {
			break
		}
	}
	return out
}

// leadingHole returns the expression a base's URL starts from, or "".
func leadingHole(b rules.Base) string {
	if len(b.URL) == 0 {
		return ""
	}
	return b.URL[0].Hole
}

// mostSpecific returns the bases that fit the expression ref (same
// rules.BaseKey) with the longest dotted suffix in common with it:
// "config.lms.baseURL" prefers a base named "lms.baseURL" to one named
// "peoplehub.baseURL", and takes both when they are named "baseURL".
func mostSpecific(ref string, bases []rules.Base) []rules.Base {
	key := rules.BaseKey(ref)
	want := identifiers(ref)
	best := -1
	var out []rules.Base
	for _, b := range bases {
		if rules.BaseKey(b.Name) != key {
			continue
		}
		have := identifiers(b.Name)
		score := commonSuffix(want, have)
		if contradicts(want, have, score) {
			continue
		}
		switch {
		case score > best:
			best, out = score, append(out[:0], b)
		case score == best:
			out = append(out, b)
		}
	}
	return out
}

// identifiers splits an expression into its identifiers, each reduced the
// way rules.BaseKey reduces the last one.
func identifiers(expr string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(expr, func(r rune) bool {
		return !(r == '_' || r == '-' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
	}) {
		out = append(out, rules.BaseKey(f))
	}
	return out
}

func commonSuffix(a, b []string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// containers are the identifiers that only hold settings; they say nothing
// about which system a base belongs to.
var containers = map[string]bool{
	"config": true, "cfg": true, "conf": true, "configuration": true, "settings": true,
	"env": true, "environment": true, "process": true, "this": true, "self": true,
	"app": true, "props": true, "properties": true, "options": true, "opts": true,
	"vars": true, "values": true, "secrets": true, "params": true, "spring": true,
}

// contradicts reports whether a reference and a base name that share their
// last n identifiers part on the one before: config.peoplehub.baseURL is not
// lms.baseURL. Identifiers that only hold settings (config, this, env) and
// ones that contain each other (lmsConfig, lms) do not contradict.
func contradicts(ref, base []string, n int) bool {
	if n >= len(ref) || n >= len(base) {
		return false
	}
	a, b := ref[len(ref)-1-n], base[len(base)-1-n]
	if containers[a] || containers[b] {
		return false
	}
	// lms.baseUrl and services.lms.api.baseUrl name the same system.
	for _, id := range base[:len(base)-1-n] {
		if id == a {
			return false
		}
	}
	return !strings.Contains(a, b) && !strings.Contains(b, a)
}
