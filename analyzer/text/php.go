package text

import "strings"

// phpDefineName returns the constant a PHP define('NAME', value) gives the
// value starting at token from, with the name's token; "" when from is not
// define's second argument.
func (a *analysis) phpDefineName(from int) (string, int) {
	toks := a.toks
	if !a.fam.php || from < 3 || !toks[from-1].is(",") {
		return "", -1
	}
	p := a.parent[from]
	if p < 1 || p != from-3 || !toks[p].is("(") || toks[p-1].kind != kIdent || !strings.EqualFold(toks[p-1].text, "define") {
		return "", -1
	}
	k := &toks[from-2]
	if k.kind != kString || len(k.parts) != 1 || k.parts[0].hole != "" || !isRefText(k.parts[0].lit) {
		return "", -1
	}
	return k.parts[0].lit, from - 2
}
