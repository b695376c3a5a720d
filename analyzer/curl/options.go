package curl

import "strings"

// shortWithArg maps curl's short options that take an argument to their
// long names.
var shortWithArg = map[byte]string{
	'A': "user-agent", 'b': "cookie", 'c': "cookie-jar", 'C': "continue-at",
	'd': "data", 'D': "dump-header", 'e': "referer", 'E': "cert", 'F': "form",
	'H': "header", 'K': "config", 'm': "max-time", 'o': "output", 'P': "ftp-port",
	'Q': "quote", 'r': "range", 't': "telnet-option", 'T': "upload-file",
	'u': "user", 'U': "proxy-user", 'w': "write-out", 'x': "proxy", 'X': "request",
	'y': "speed-time", 'Y': "speed-limit", 'z': "time-cond",
}

// shortFlags maps the short flags that change the request, or that fixes
// need to know of (-g, -O), to long names; other short flags (-s, -S, -f,
// -L, -k, -v, …) take no argument and change nothing the rules look at.
var shortFlags = map[byte]string{'G': "get", 'I': "head", 'g': "globoff", 'O': "remote-name"}

// longWithArg lists curl's long options that take an argument (curl 8.x),
// so that their argument is never taken for a URL.
var longWithArg = setOf(`
abstract-unix-socket alt-svc aws-sigv4 cacert capath cert cert-type ciphers
config connect-timeout connect-to continue-at cookie cookie-jar create-file-mode
crlfile curves data data-ascii data-binary data-raw data-urlencode delegation
dns-interface dns-ipv4-addr dns-ipv6-addr dns-servers doh-url dump-header ech
egd-file engine etag-compare etag-save expect100-timeout form form-string
ftp-account ftp-alternative-to-user ftp-method ftp-port ftp-ssl-ccc-mode
happy-eyeballs-timeout-ms haproxy-clientip header hostpubmd5 hostpubsha256 hsts
interface ip-tos ipfs-gateway json keepalive-cnt keepalive-time key key-type krb
libcurl limit-rate local-port login-options mail-auth mail-from mail-rcpt
max-filesize max-redirs max-time netrc-file noproxy oauth2-bearer output
output-dir parallel-max pass pinnedpubkey preproxy proto proto-default
proto-redir proxy proxy-cacert proxy-capath proxy-cert proxy-cert-type
proxy-ciphers proxy-crlfile proxy-header proxy-key proxy-key-type proxy-pass
proxy-pinnedpubkey proxy-service-name proxy-tls13-ciphers proxy-tlsauthtype
proxy-tlspassword proxy-tlsuser proxy-user proxy1.0 pubkey quote random-file
range rate referer request request-target resolve retry retry-delay
retry-max-time sasl-authzid service-name socks4 socks4a socks5
socks5-gssapi-service socks5-hostname speed-limit speed-time stderr
telnet-option tftp-blksize time-cond tls-max tls13-ciphers tlsauthtype
tlspassword tlsuser trace trace-ascii trace-config unix-socket upload-file url
url-query user user-agent variable write-out
`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// longName normalises a long option name: curl 8.3's --expand-NAME is NAME
// with variables expanded.
func longName(name string) string {
	if rest, ok := strings.CutPrefix(name, "expand-"); ok && longWithArg[rest] {
		return rest
	}
	return name
}
