package curl_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/curl"
	"github.com/migaudit/migaudit/rules"
)

// read reads a script and fails the test on error.
func read(t *testing.T, src string) *rules.Found {
	t.Helper()
	f, err := curl.Read("t.sh", []byte(src))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return f
}

// text returns the source text at sp.
func text(src string, sp rules.Span) string {
	if sp.Start < 0 || sp.End > len(src) || sp.Start > sp.End {
		return "<bad span>"
	}
	return src[sp.Start:sp.End]
}

func params(c rules.Call) string {
	var out []string
	for _, p := range c.Params {
		out = append(out, string(p.In)+":"+p.Name)
	}
	return strings.Join(out, " ")
}

func TestOptions(t *testing.T) {
	const u = "https://acme.360learning.com/api/v1/users"
	tests := []struct {
		name, src string
		method    string
		implied   bool
		url       string
		params    string
		bearer    bool
	}{
		{"bundle with -X last", "curl -sSfX PUT " + u, "PUT", false, u, "", false},
		{"attached method", "curl -XDELETE " + u, "DELETE", false, u, "", false},
		{"long option with =", "curl --request=PATCH '" + u + "'", "PATCH", false, u, "", false},
		{"lower-case method", "curl -X put " + u, "PUT", false, u, "", false},
		{"options with arguments are not URLs", "curl -o out.json -w '%{http_code}' -m 10 --connect-timeout 5 -A agent -e ref --retry 3 " + u, "GET", true, u, "", false},
		{"flags without argument", "curl --location -g -k -L -s " + u, "GET", true, u, "", false},
		{"--url", "curl --url " + u + " -X GET", "GET", false, u, "", false},
		{"head", "curl -I " + u, "HEAD", true, u, "", false},
		{"data implies POST", "curl -d a=1 -d 'b=2&c=3' " + u, "POST", true, u, "form:a form:b form:c", false},
		{"get moves data to the query", "curl -G -d deleted=true --data-urlencode 'company=x' " + u, "GET", true, u, "query:deleted query:company", false},
		{"json implies POST", `curl --json '{"mail": "a@b.c", "n": 1}' ` + u, "POST", true, u, "body:mail body:n", false},
		{"form fields", "curl -F name=x -F file=@a.csv --form-string 'note=<b>' " + u, "POST", true, u, "form:name form:file form:note", false},
		{"data from a file", "curl -d @body.json " + u, "POST", true, u, "", false},
		{"upload", "curl -T users.csv " + u, "PUT", true, u, "", false},
		{"bearer header", `curl -H 'Authorization: Bearer abc' -H"Accept:json" ` + u, "GET", true, u, "header:Authorization header:Accept", true},
		{"oauth2-bearer", "curl --oauth2-bearer tok " + u, "GET", true, u, "", true},
		{"urlencode name forms", "curl --data-urlencode 'apiKey=k=v' --data-urlencode '=raw' --data-urlencode 'f@file' " + u, "POST", true, u, "form:apiKey", false},
		{"method from unknown variable", `curl -X "$M" ` + u, "", false, u, "", false},
		{"end of options", "curl -s -- " + u, "GET", true, u, "", false},
		{"expand- options", "curl --expand-data 'a=1' --expand-url " + u, "POST", true, u, "form:a", false},
		{"options variable is not a URL", "curl $CURL_OPTS " + u, "GET", true, u, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := read(t, tt.src)
			if len(f.Calls) != 1 {
				t.Fatalf("got %d calls, want 1: %+v", len(f.Calls), f.Calls)
			}
			c := f.Calls[0]
			if c.Method != tt.method || c.MethodImplied != tt.implied {
				t.Errorf("method %q implied %v, want %q implied %v", c.Method, c.MethodImplied, tt.method, tt.implied)
			}
			if c.URLText() != tt.url {
				t.Errorf("URL %q, want %q", c.URLText(), tt.url)
			}
			if got := params(c); got != tt.params {
				t.Errorf("params %q, want %q", got, tt.params)
			}
			if c.Bearer != tt.bearer {
				t.Errorf("bearer %v, want %v", c.Bearer, tt.bearer)
			}
			if c.Reader != "curl" || c.File != "t.sh" {
				t.Errorf("reader %q file %q", c.Reader, c.File)
			}
			if !tt.implied && tt.method != "" && !strings.EqualFold(text(tt.src, c.MethodSpan), tt.method) {
				t.Errorf("method span %q", text(tt.src, c.MethodSpan))
			}
		})
	}
}

func TestCommandForms(t *testing.T) {
	const u = "https://acme.360learning.com/api/v1/users"
	tests := []struct {
		src   string
		calls int
	}{
		{"sudo -u svc curl " + u, 1},
		{"command curl " + u, 1},
		{"env -i LMS=1 curl " + u, 1},
		{"/usr/bin/curl " + u, 1},
		{"timeout -s KILL 30 curl " + u, 1},
		{"cut -f1 x | xargs -I{} -P 4 curl -X PUT " + u + "/{}/pseudonymize", 1},
		{"curl " + u + " " + u + "?deleted=true", 2},
		{"out=$(curl -s " + u + ")", 1},
		{"f() { if true; then (curl " + u + " | jq .) ; fi; }", 1},
		{"CURL='curl -sS --fail'\n$CURL -o x " + u, 1},
		{"C=curl\n$C " + u, 1},
		{"echo curl " + u, 0},
		{"printf '%s\\n' " + u, 0},
		{"# curl " + u, 0},
		{"wget -q -O - " + u, 1},
		{"lynx -dump " + u, 0},
		{"curl", 0},
		{"curl -X", 0},
		{"curl -s -o", 0},
	}
	for _, tt := range tests {
		f := read(t, tt.src)
		if len(f.Calls) != tt.calls {
			t.Errorf("%s: got %d calls, want %d", tt.src, len(f.Calls), tt.calls)
		}
	}
}

func TestURLParts(t *testing.T) {
	src := `curl "https://acme.360learning.com/api/v1/users/${EMAIL}/pseudonymize?company=$C&apiKey=$(pass lms)" 'https://{{host}}/api/v1/users/:user_email' "https://h/api/v1/\$x"`
	f := read(t, src)
	if len(f.Calls) != 3 {
		t.Fatalf("got %d calls", len(f.Calls))
	}
	want := []struct {
		lit, hole string
		raw       bool
		at        string
	}{
		{"https://acme.360learning.com/api/v1/users/", "", true, "https://acme.360learning.com/api/v1/users/"},
		{"", "EMAIL", false, "${EMAIL}"},
		{"/pseudonymize?company=", "", true, "/pseudonymize?company="},
		{"", "C", false, "$C"},
		{"&apiKey=", "", true, "&apiKey="},
		{"", "$(pass lms)", false, "$(pass lms)"},
	}
	got := f.Calls[0].URL
	if len(got) != len(want) {
		t.Fatalf("parts %+v", got)
	}
	for i, w := range want {
		p := got[i]
		if p.Lit != w.lit || p.Hole != w.hole || p.Raw != w.raw || text(src, p.Span) != w.at {
			t.Errorf("part %d = %+v at %q, want %+v", i, p, text(src, p.Span), w)
		}
	}
	single := f.Calls[1].URL
	if len(single) != 1 || !single[0].Raw || text(src, single[0].Span) != single[0].Lit {
		t.Errorf("single-quoted URL: %+v", single)
	}
	esc := f.Calls[2].URL
	if len(esc) != 1 || esc[0].Raw || esc[0].Lit != "https://h/api/v1/$x" {
		t.Errorf("escaped URL: %+v", esc)
	}
}

func TestJSONBodySpans(t *testing.T) {
	src := `curl -X PUT 'https://acme.360learning.com/api/v1/users/a@b.c' -d '{
  "firstName": "Jo",
  "primaryGroupId": "5f1c",
  "password": "x"
}'`
	c := read(t, src).Calls[0]
	want := map[string]string{
		"firstName":      `"firstName": "Jo",`,
		"primaryGroupId": `"primaryGroupId": "5f1c",`,
		"password":       ",\n  \"password\": \"x\"",
	}
	if len(c.Params) != 3 {
		t.Fatalf("params %+v", c.Params)
	}
	for _, p := range c.Params {
		if p.In != rules.InBody {
			t.Errorf("%s in %s", p.Name, p.In)
		}
		if got := text(src, p.Span); got != want[p.Name] {
			t.Errorf("%s span %q, want %q", p.Name, got, want[p.Name])
		}
		if got := text(src, p.NameSpan); got != p.Name {
			t.Errorf("%s name span %q", p.Name, got)
		}
	}
	if c.Params[1].Value != "5f1c" {
		t.Errorf("value %q", c.Params[1].Value)
	}

	// Escaped double quotes and shell variables inside the JSON.
	src = `curl -X PUT "https://a/u" -d "{\"password\": \"$PW\", \"lang\": $LANG_ID}"`
	c = read(t, src).Calls[0]
	if params(c) != "body:password body:lang" {
		t.Fatalf("params %q", params(c))
	}
	if got := text(src, c.Params[0].NameSpan); got != "password" {
		t.Errorf("name span %q", got)
	}
	if got := text(src, c.Params[0].Span); got != `\"password\": \"$PW\",` {
		t.Errorf("span %q", got)
	}
}

func TestStdinBody(t *testing.T) {
	for _, src := range []string{
		"curl -X PUT -d @- \"https://a/u\" <<EOF\n{\"password\": \"$P\"}\nEOF\n",
		"curl -X PUT --data-binary @- \"https://a/u\" <<'EOF'\n{\"password\": \"x\"}\nEOF\n",
		"cat <<EOF | curl -X PUT --json @- \"https://a/u\"\n{\"password\": \"x\"}\nEOF\n",
		"echo '{\"password\": \"x\"}' | curl -X PUT -d @- \"https://a/u\"\n",
		"curl -X PUT -d @- \"https://a/u\" <<< '{\"password\": \"x\"}'\n",
	} {
		f := read(t, src)
		if len(f.Calls) != 1 || params(f.Calls[0]) != "body:password" {
			t.Errorf("%q: %+v", src, f.Calls)
			continue
		}
		if got := text(src, f.Calls[0].Params[0].NameSpan); got != "password" {
			t.Errorf("%q: name span %q", src, got)
		}
	}
}

func TestVariables(t *testing.T) {
	tests := []struct {
		name, src, url string
	}{
		{"plain", "H=https://acme.360learning.com\ncurl $H/api/v1/users", "https://acme.360learning.com/api/v1/users"},
		{"export and braces", "export H='https://a.360learning.com'\ncurl \"${H}/api/v1/users\"", "https://a.360learning.com/api/v1/users"},
		{"readonly", "readonly H=https://a\ncurl $H/x", "https://a/x"},
		{"declare", "declare -r H=https://a\ncurl $H/x", "https://a/x"},
		{"local in function", "f() { local H=https://a; curl $H/x; }", "https://a/x"},
		{"default in use", "curl ${H:-https://d}/x", "https://d/x"},
		{"default in assignment", "H=${LMS_HOST:-https://d}\ncurl $H/x", "https://d/x"},
		{"self default", "H=${H:-https://d}\ncurl $H/x", "https://d/x"},
		{"assign default", ": \"${H:=https://d}\"\ncurl $H/x", "https://d/x"},
		{"recursive", "S=https\nD=a.360learning.com\nB=\"$S://$D/api/v1\"\ncurl \"$B/users\"", "https://a.360learning.com/api/v1/users"},
		{"extend itself", "B=https://a\nB=$B/api/v1\ncurl $B/users", "https://a/api/v1/users"},
		{"latest value wins", "B=https://a\ncurl $B/1\nB=https://b\ncurl $B/2", "https://a/1"},
		{"unknown stays a hole", "curl \"$NOPE/x\"", "{NOPE}/x"},
		{"command substitution stays a hole", "H=$(vault read lms)\ncurl \"$H/x\"", "{$(vault read lms)}/x"},
		{"loop variable stays a hole", "for e in a b; do curl \"https://a/$e\"; done", "https://a/{e}"},
		{"read variable stays a hole", "E=x\nwhile read -r E; do curl \"https://a/$E\"; done", "https://a/{E}"},
		{"cycle", "A=$B\nB=$A\ncurl \"$A/x\"", "{A}/x"},
		{"transformed", "H=https://a/\ncurl \"${H%/}/x\"", "{H}/x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := read(t, tt.src)
			var calls []rules.Call
			calls = append(calls, f.Calls...)
			for _, p := range f.Pending {
				calls = append(calls, p.Call)
			}
			if len(calls) == 0 {
				t.Fatal("no call")
			}
			if got := calls[0].URLText(); got != tt.url {
				t.Errorf("URL %q, want %q", got, tt.url)
			}
		})
	}
}

func TestSubstitutedSpans(t *testing.T) {
	src := "BASE=https://acme.360learning.com/api/v1\ncurl -X PUT \"$BASE/users/x/pseudonymize\""
	c := read(t, src).Calls[0]
	p := c.URL[0]
	if p.Raw || p.Lit != "https://acme.360learning.com/api/v1" || text(src, p.Span) != "$BASE" {
		t.Errorf("substituted part %+v at %q", p, text(src, p.Span))
	}
}

func TestBasesAndPending(t *testing.T) {
	env := "# lms.env\nexport LMS_API=https://acme.360learning.com/api/v1\nLMS_TIMEOUT=30\nOTHER=https://api.peoplehub.example\n"
	fenv := read(t, env)
	if len(fenv.Bases) != 1 || fenv.Bases[0].Name != "LMS_API" || fenv.Bases[0].File != "t.sh" {
		t.Fatalf("bases %+v", fenv.Bases)
	}
	if got := text(env, fenv.Bases[0].URL[0].Span); got != "https://acme.360learning.com/api/v1" {
		t.Errorf("base span %q", got)
	}

	script := ". ./lms.env\nwhile read -r e; do\n  curl -X PUT \"${LMS_API}/users/$e/pseudonymize?company=$C&apiKey=$K\"\ndone\ncurl \"$LMS_HOST/api/v1/users\"\n"
	f := read(t, script)
	if len(f.Pending) != 1 || f.Pending[0].Base != "LMS_API" {
		t.Fatalf("pending %+v", f.Pending)
	}
	if len(f.Calls) != 1 || f.Calls[0].URLText() != "{LMS_HOST}/api/v1/users" {
		t.Fatalf("calls %+v", f.Calls)
	}
	if got := text(script, f.Pending[0].Call.URL[0].Span); got != "${LMS_API}" {
		t.Errorf("pending base part at %q", got)
	}

	alts := rules.Resolve(f.Pending, fenv.Bases)
	if len(alts) != 1 || len(alts[0]) != 1 {
		t.Fatalf("resolve %+v", alts)
	}
	done := alts[0][0]
	if got := done.URLText(); got != "https://acme.360learning.com/api/v1/users/{e}/pseudonymize?company={C}&apiKey={K}" {
		t.Errorf("resolved URL %q", got)
	}
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for _, fd := range cat.Check(&done, nil) {
		ops = append(ops, fd.Rule)
	}
	if strings.Join(ops, " ") != "pseudonymize-user-endpoint v1-credentials" {
		t.Errorf("findings %v", ops)
	}
}

func TestFunctionCallSites(t *testing.T) {
	src := `api() {
  curl -sS -H "Authorization: Bearer $T" "$@"
}
api -X PUT "https://acme.360learning.com/api/v2/users/$ID/pseudonymize"
api https://acme.360learning.com/api/v1/users
`
	f := read(t, src)
	if len(f.Calls) != 2 {
		t.Fatalf("calls %+v", f.Calls)
	}
	if c := f.Calls[0]; c.Method != "PUT" || !c.Bearer || text(src, c.MethodSpan) != "PUT" {
		t.Errorf("first call %+v", c)
	}
	if c := f.Calls[1]; c.Method != "GET" || text(src, c.URLSpan()) != "https://acme.360learning.com/api/v1/users" {
		t.Errorf("second call %+v", c)
	}
}

func TestParseError(t *testing.T) {
	_, err := curl.Read("t.sh", []byte("curl 'https://acme.360learning.com/api/v1/users\n"))
	if err == nil {
		t.Fatal("no error")
	}
	if got := err.Error(); !strings.HasPrefix(got, "parse shell: 1:6 ") || !strings.Contains(got, "quote") {
		t.Errorf("error %q", got)
	}
}

func TestSnippetWithMap(t *testing.T) {
	// A YAML block scalar: the snippet text is the block without its
	// four-space indentation, so Map gives every byte's file offset.
	lines := []string{
		"$ curl -X PUT 'https://acme.360learning.com/api/v1/users/a@b.c/pseudonymize?company=c&apiKey=k'",
		`{"message": "it's done"}`,
		"$ curl -s -G https://acme.360learning.com/api/v1/users \\",
		"    -d deleted=true",
	}
	file := "steps:\n  - run: |\n"
	var sn rules.Snippet
	for _, l := range lines {
		file += "    "
		for i := 0; i < len(l); i++ {
			sn.Map = append(sn.Map, len(file)+i)
		}
		sn.Text += l + "\n"
		file += l + "\n"
		sn.Map = append(sn.Map, len(file)-1)
	}
	sn.Map = append(sn.Map, len(file))
	f, err := curl.ReadSnippet("ci.yml", &sn)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Calls) != 2 {
		t.Fatalf("calls %+v", f.Calls)
	}
	c := f.Calls[0]
	if got := text(file, c.URLSpan()); got != "https://acme.360learning.com/api/v1/users/a@b.c/pseudonymize?company=c&apiKey=k" {
		t.Errorf("URL span %q", got)
	}
	if !c.URL[0].Raw || text(file, c.MethodSpan) != "PUT" {
		t.Errorf("part %+v method at %q", c.URL[0], text(file, c.MethodSpan))
	}
	c = f.Calls[1]
	if len(c.Params) != 1 || text(file, c.Params[0].Span) != "-d deleted=true" {
		t.Errorf("params %+v", c.Params)
	}
}

func TestSnippetWithStart(t *testing.T) {
	file := "Run this:\n\n```sh\n$ curl https://acme.360learning.com/api/v1/users?deleted=true\n```\n"
	start := strings.Index(file, "$ curl")
	end := start + strings.Index(file[start:], "```\n")
	sn := &rules.Snippet{Lang: "sh", Text: file[start:end], Start: start}
	f, err := curl.ReadSnippet("README.md", sn)
	if err != nil || len(f.Calls) != 1 {
		t.Fatalf("%v %+v", err, f)
	}
	if got := text(file, f.Calls[0].URLSpan()); got != "https://acme.360learning.com/api/v1/users?deleted=true" {
		t.Errorf("URL span %q", got)
	}
}

func TestSnippetBadLineDoesNotHideCurls(t *testing.T) {
	text := "curl -X DELETE https://acme.360learning.com/api/v1/groups/g/users/a@b.c\nfi )\ncurl -X PUT 'https://acme.360learning.com/api/v1/users/a@b.c/pseudonymize'\nthen echo 'unterminated\n"
	f, err := curl.ReadSnippet("doc.md", &rules.Snippet{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Calls) != 2 || f.Calls[1].Method != "PUT" {
		t.Fatalf("calls %+v", f.Calls)
	}
}

func TestNoPanic(t *testing.T) {
	for _, src := range []string{
		"", "curl", "curl ''", `curl "$"`, "curl --request=", "curl -H", "curl -d", "curl -d '{'",
		`curl -d '{"a": ' u`, `curl -d '{"a"}' u`, "curl -XP", "curl -- ", "curl -d @- u <<EOF\nEOF\n",
		"f() { curl \"$@\"; }\nf", "f() { shift 9; curl \"$1\"; }\nf a b", "curl ${!x} ${#x} ${x[1]} ${x/a/b} $((1+2)) <(ls)",
		"curl $'https://h/\\n'", "A=$A$A$A\ncurl $A", "curl -F '=x' -F 'a' u", "curl --data-urlencode '' u",
	} {
		if _, err := curl.Read("t.sh", []byte(src)); err != nil {
			continue
		}
		if _, err := curl.ReadSnippet("t.md", &rules.Snippet{Text: src}); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(`curl -sSfX PUT "$B/users/$e?company=$C" -d '{"a": 1}' -H 'A: b'`)
	f.Add("X=${X:-a}\ncurl $X <<EOF\n{}\nEOF\n")
	f.Fuzz(func(t *testing.T, src string) {
		_, _ = curl.Read("t.sh", []byte(src))
		_, _ = curl.ReadSnippet("t.md", &rules.Snippet{Text: src})
	})
}

func TestExpansionBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("A0=x\n")
	for i := 1; i <= 40; i++ {
		b.WriteString("A" + strconv.Itoa(i) + "=$A" + strconv.Itoa(i-1) + "$A" + strconv.Itoa(i-1) + "\n")
	}
	b.WriteString("curl \"https://a/$A40\"\n")
	f := read(t, b.String())
	if len(f.Calls) != 1 {
		t.Fatalf("calls %d", len(f.Calls))
	}
}

func TestSnippetTemplateExpressions(t *testing.T) {
	text := "curl -sf -X PUT \\\n  \"https://acme.360learning.com/api/v1/users/$mail/pseudonymize?company=${{ secrets.COMPANY }}&apiKey=${{ secrets.API_KEY }}\"\n"
	f, err := curl.ReadSnippet("wf.yml", &rules.Snippet{Text: text, Start: 10})
	if err != nil || len(f.Calls) != 1 {
		t.Fatalf("%v %+v", err, f)
	}
	c := f.Calls[0]
	var holes []string
	for _, p := range c.URL {
		if p.Hole != "" {
			holes = append(holes, p.Hole)
			if got := text[p.Span.Start-10 : p.Span.End-10]; got != p.Hole && got != "$"+p.Hole {
				t.Errorf("hole %q at %q", p.Hole, got)
			}
		}
	}
	if strings.Join(holes, " ") != "mail ${{ secrets.COMPANY }} ${{ secrets.API_KEY }}" {
		t.Errorf("holes %q", holes)
	}
}

func TestWgetAndHTTPie(t *testing.T) {
	const u = "https://acme.360learning.com/api/v1/users/a@b.c"
	tests := []struct {
		src     string
		method  string
		implied bool
		url     string
		params  string
		bearer  bool
	}{
		{"wget -qO- " + u, "GET", true, u, "", false},
		{"wget -nv -qO out.json -U agent " + u, "GET", true, u, "", false},
		{"wget --method=PUT --body-data='{\"password\": \"x\"}' --header='Content-Type: application/json' " + u, "PUT", false, u, "body:password header:Content-Type", false},
		{"wget --post-data 'company=c&apiKey=k' -O out " + u, "POST", true, u, "form:company form:apiKey", false},
		{"wget --method DELETE --header \"Authorization: Bearer $T\" " + u, "DELETE", false, u, "header:Authorization", true},
		{"http " + u + " company==c apiKey==k", "GET", true, u, "query:company query:apiKey", false},
		{"http PUT " + u + " password=x primaryGroupId=g X-Trace:1", "PUT", false, u, "body:password body:primaryGroupId header:X-Trace", false},
		{"http -f POST " + u + " name=x cv@cv.pdf", "POST", false, u, "form:name form:cv", false},
		{"https --auth-type=bearer -a $T acme.360learning.com/api/v1/users deleted==true", "GET", true, "acme.360learning.com/api/v1/users", "query:deleted", true},
		{"http :3000/api/v1/users", "GET", true, "localhost:3000/api/v1/users", "", false},
		{"xh " + u + " firstName=Jo", "POST", true, u, "body:firstName", false},
	}
	for _, tt := range tests {
		f := read(t, tt.src)
		if len(f.Calls) != 1 {
			t.Errorf("%s: %d calls", tt.src, len(f.Calls))
			continue
		}
		c := f.Calls[0]
		if c.Method != tt.method || c.MethodImplied != tt.implied || c.URLText() != tt.url || params(c) != tt.params || c.Bearer != tt.bearer {
			t.Errorf("%s:\ngot  %s %v %s [%s] %v\nwant %s %v %s [%s] %v", tt.src, c.Method, c.MethodImplied, c.URLText(), params(c), c.Bearer,
				tt.method, tt.implied, tt.url, tt.params, tt.bearer)
		}
		if !tt.implied && text(tt.src, c.MethodSpan) != tt.method {
			t.Errorf("%s: method at %q", tt.src, text(tt.src, c.MethodSpan))
		}
	}
}
