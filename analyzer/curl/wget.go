package curl

import (
	"strings"

	"github.com/migaudit/migaudit/rules"
)

// wgetLongWithArg lists wget's long options that take a value (written
// --name=value or --name value).
var wgetLongWithArg = setOf(`
accept accept-regex append-output base bind-address body-data body-file
ca-certificate ca-directory certificate certificate-type ciphers config
connect-timeout crl-file cut-dirs default-page directory-prefix dns-timeout
domains exclude-directories exclude-domains execute header http-password
http-user include-directories input-file level limit-rate load-cookies
local-encoding max-redirect method output-document output-file password
post-data post-file private-key private-key-type progress proxy-password
proxy-user quota read-timeout referer regex-type reject reject-regex
remote-encoding restrict-file-names save-cookies secure-protocol timeout tries
use-askpass user user-agent wait waitretry warc-file
`)

// wgetShortWithArg lists wget's short options that take a value.
const wgetShortWithArg = "OoaetTwPUiBDlARIXQ"

// readWget reads a wget command line (the arguments after wget).
func readWget(args []arg) parsedCmd {
	inv := invocation{flags: map[string]bool{}}
	var method *arg
	for i := 0; i < len(args); i++ {
		a := args[i]
		t := a.flat().s
		if len(t) < 2 || t[0] != '-' {
			if a.lone == "" || !optionsVar.MatchString(a.lone) {
				inv.urls = append(inv.urls, a)
			}
			continue
		}
		var name string
		var v arg
		switch {
		case strings.HasPrefix(t, "--"):
			n, attached, hasEq := strings.Cut(t[2:], "=")
			if !wgetLongWithArg[n] {
				continue
			}
			name = n
			if hasEq {
				v = arg{ps: dropPrefix(a.ps, len(t)-len(attached)), span: rules.Span{Start: a.span.End, End: a.span.End}}
				if len(v.ps) > 0 {
					v.span.Start = v.ps[0].span.Start
				}
			} else if i+1 < len(args) {
				i++
				v = args[i]
			}
		default:
			// A bundle of short options (-qO-, -nv, -qO out.json): the ones
			// that take a value (-O file, -U agent…) say nothing the rules
			// read, but their value must not be taken for a URL.
			for j := 1; j < len(t); j++ {
				if t[j] == 'n' {
					j++ // -nv, -nc, -nH: one option
					continue
				}
				if strings.IndexByte(wgetShortWithArg, t[j]) >= 0 {
					if j == len(t)-1 && i+1 < len(args) {
						i++
					}
					break
				}
			}
			continue
		}
		o := option{val: v, span: a.span.Cover(v.span), nameSpan: a.span}
		switch name {
		case "method":
			method = &v
		case "post-data", "body-data":
			o.name = "data-raw"
			inv.opts = append(inv.opts, o)
		case "post-file", "body-file":
			inv.flags["post"] = true
		case "header":
			o.name = "header"
			inv.opts = append(inv.opts, o)
		}
	}
	cmd := parsedCmd{req: requestOf(inv, nil), urls: inv.urls}
	switch {
	case method != nil:
		cmd.method, cmd.methodSpan = methodOf(*method)
	case cmd.req.hasData || inv.flags["post"]:
		cmd.method, cmd.implied = "POST", true
	default:
		cmd.method, cmd.implied = "GET", true
	}
	return cmd
}
