package yaml

import (
	"errors"
	"path"
	"strings"

	yamlv3 "go.yaml.in/yaml/v3"

	"github.com/migaudit/migaudit/rules"
)

// scriptKeys hold a shell script as a string: GitHub Actions and CircleCI
// run (and CircleCI run.command), GitLab CI and Bitbucket script, Azure
// Pipelines script and bash, Drone/Woodpecker commands, Taskfile cmds and
// cmd, Ansible shell/command/raw (and their cmd:), docker compose command
// and entrypoint.
var scriptKeys = map[string]bool{
	"run": true, "script": true, "before_script": true, "after_script": true, "bash": true,
	"commands": true, "cmds": true, "cmd": true, "command": true, "entrypoint": true,
	"shell": true, "raw": true,
	"ansible.builtin.shell": true, "ansible.builtin.command": true, "ansible.builtin.raw": true,
	"ansible.legacy.shell": true, "ansible.legacy.command": true, "ansible.legacy.raw": true,
}

// scriptListKeys hold a list of shell lines or scripts.
var scriptListKeys = map[string]bool{
	"script": true, "before_script": true, "after_script": true, "commands": true, "cmds": true,
}

// execKeys hold an exec list (argv): Kubernetes command (args follow),
// docker compose command and entrypoint, Ansible command's argv.
var execKeys = map[string]bool{"command": true, "entrypoint": true, "argv": true}

// notShell are GitHub Actions step shells whose run: is not a shell script.
var notShell = map[string]bool{"pwsh": true, "powershell": true, "python": true, "cmd": true}

// snippets hands back the shell that mapping m embeds.
func (r *reader) snippets(m *yamlv3.Node, parentKey string) {
	flow := m.Style&yamlv3.FlowStyle != 0
	for _, p := range pairs(m) {
		key := p.key.Value
		v := deref(p.value)
		switch {
		case v == nil:
		case scriptKeys[key] && isString(v):
			if key == "script" && parentKey == "with" {
				continue // actions/github-script: JavaScript
			}
			if key == "shell" && get(m, "run") != nil {
				continue // a GitHub Actions step's shell name
			}
			if key == "run" {
				if sh := get(m, "shell"); isString(sh) && notShell[strings.Fields(sh.Value + " x")[0]] {
					continue
				}
			}
			r.addSnippet(v, flow)
		case scriptListKeys[key] && v.Kind == yamlv3.SequenceNode:
			for _, item := range v.Content {
				if isString(item) {
					r.addSnippet(deref(item), flow || v.Style&yamlv3.FlowStyle != 0)
				}
			}
		case execKeys[key] && v.Kind == yamlv3.SequenceNode:
			items := v.Content
			inFlow := flow || v.Style&yamlv3.FlowStyle != 0
			if key != "argv" {
				if args := get(m, "args"); args != nil && args.Kind == yamlv3.SequenceNode {
					items = append(append([]*yamlv3.Node(nil), items...), args.Content...)
					inFlow = inFlow || args.Style&yamlv3.FlowStyle != 0
				}
			}
			r.exec(items, false, inFlow)
		case key == "test" && parentKey == "healthcheck":
			r.healthcheck(v, flow)
		case key == "source" && parentKey == "script" && isString(v):
			r.addSnippet(v, flow) // an Argo Workflows script template
		case key == "args" && v.Kind == yamlv3.SequenceNode && parentKey == "run" && isString(get(m, "path")):
			// A Concourse task: run: {path: sh, args: [-ec, SCRIPT]}.
			r.exec(append([]*yamlv3.Node{get(m, "path")}, v.Content...), false, flow || v.Style&yamlv3.FlowStyle != 0)
		case key == "args" && v.Kind == yamlv3.SequenceNode && get(m, "command") == nil && get(m, "entrypoint") == nil:
			// An image whose entrypoint is curl (curlimages/curl) takes
			// curl's arguments as args.
			if img := get(m, "image"); isString(img) && strings.Contains(imageName(img.Value), "curl") {
				r.exec(v.Content, true, flow || v.Style&yamlv3.FlowStyle != 0)
			}
		}
	}
}

// healthcheck reads a docker compose healthcheck test: a string or
// ["CMD-SHELL", SCRIPT] is a shell script, ["CMD", prog, args…] an exec list.
// flow reports that v sits in a flow collection.
func (r *reader) healthcheck(v *yamlv3.Node, flow bool) {
	switch {
	case isString(v):
		r.addSnippet(v, flow)
	case v.Kind == yamlv3.SequenceNode && len(v.Content) >= 2 && isString(v.Content[0]):
		flow = flow || v.Style&yamlv3.FlowStyle != 0
		switch deref(v.Content[0]).Value {
		case "CMD-SHELL":
			if isString(v.Content[1]) {
				r.addSnippet(deref(v.Content[1]), flow)
			}
		case "CMD":
			r.exec(v.Content[1:], false, flow)
		}
	}
}

// imageName returns a container image's name without registry and tag.
func imageName(image string) string {
	name := path.Base(image)
	if i := strings.IndexAny(name, ":@"); i >= 0 {
		name = name[:i]
	}
	return name
}

// addSnippet hands back the shell script held by scalar n; flow reports
// that n sits in a flow collection. Text a fix inserts into the script is
// encoded for n's style.
func (r *reader) addSnippet(n *yamlv3.Node, flow bool) {
	r.used[n] = true
	ms := r.scalar(n)
	if strings.TrimSpace(ms.text) == "" {
		return
	}
	text := neutralizeTemplates(ms.text)
	sn := rules.Snippet{Lang: "shell", Text: text, Encode: keepTemplates(ms.text, text, r.scalarEncoder(n, flow))}
	if ms.contiguous(r.src) {
		sn.Start = ms.m[0]
	} else {
		sn.Map = ms.m
	}
	r.found.Snippets = append(r.found.Snippets, sn)
}

// shells are the programs whose -c takes a script.
var shells = map[string]bool{"sh": true, "bash": true, "ash": true, "dash": true, "zsh": true, "ksh": true}

// exec reads an exec list: a curl command line becomes a snippet of its
// items, each single-quoted for the shell; "sh -c SCRIPT" hands back the
// script. implicitCurl says the list is curl's arguments (the image's
// entrypoint is curl); flow reports that the items sit in a flow sequence.
func (r *reader) exec(items []*yamlv3.Node, implicitCurl, flow bool) {
	items = append([]*yamlv3.Node(nil), items...)
	for i, it := range items {
		items[i] = deref(it)
		if items[i] == nil || items[i].Kind != yamlv3.ScalarNode {
			return
		}
	}
	if len(items) == 0 {
		return
	}
	prog := "curl"
	if !implicitCurl {
		prog = path.Base(items[0].Value)
	}
	switch {
	case prog == "curl" || prog == "curl.exe":
		r.execSnippet(items, implicitCurl, flow)
	case shells[prog] && len(items) >= 3 && isDashC(items[1].Value):
		if isString(items[2]) {
			r.addSnippet(items[2], flow)
		}
	}
}

// isDashC reports whether a shell flag word includes -c (-c, -ec, -xc).
func isDashC(flag string) bool {
	return strings.HasPrefix(flag, "-") && !strings.HasPrefix(flag, "--") && strings.Contains(flag, "c")
}

// execSnippet builds the shell command line an exec list stands for. Each
// byte of an item maps to where it is written; the quotes added map to the
// item's start and end, and a single quote inside an item, which the shell
// needs closed, escaped and reopened, maps all four bytes to that quote.
// Fixes may only change text inside the items (see execEncoder).
func (r *reader) execSnippet(items []*yamlv3.Node, implicitCurl, flow bool) {
	var b builder
	if implicitCurl {
		b.add("curl ", r.scalar(items[0]).m[0])
	}
	end := 0
	for i, it := range items {
		r.used[it] = true
		ms := r.scalar(it)
		if i > 0 {
			b.add(" ", end)
		}
		b.add("'", ms.m[0])
		for k := 0; k < len(ms.text); k++ {
			if ms.text[k] == '\'' {
				b.add(`'\''`, ms.m[k])
			} else {
				b.add(ms.text[k:k+1], ms.m[k])
			}
		}
		end = ms.m[len(ms.text)]
		b.add("'", end)
	}
	done := b.done(end)
	r.found.Snippets = append(r.found.Snippets, rules.Snippet{Lang: "shell", Text: done.text, Map: done.m, Encode: execEncoder(items, flow)})
}

// keepTemplates wraps enc so that text copied from the snippet with a
// template expression in its placeholder form ({{_x_}} for {{ x }}) is
// refused rather than written to the file in that form.
func keepTemplates(orig, text string, enc encoder) encoder {
	var forms []string
	for i := 0; i < len(text); i++ {
		if text[i] != orig[i] && (text[i] == '{' || text[i] == '_') {
			// A rewritten expression: its placeholder runs to the next "}}".
			start := i
			for start > 0 && text[start-1] == '{' {
				start--
			}
			end := strings.Index(text[i:], "}}")
			if end < 0 {
				continue
			}
			forms = append(forms, text[start:i+end+2])
			i += end + 1
		}
	}
	if len(forms) == 0 {
		return enc
	}
	return func(s string) (string, error) {
		for _, f := range forms {
			if strings.Contains(s, f) {
				return "", errors.New("the text to insert copies the template expression " + f + " in the form migaudit reads it as shell: edit it by hand")
			}
		}
		return enc(s)
	}
}

// neutralizeTemplates rewrites the template expressions a CI system or
// Ansible evaluates before the shell runs (GitHub Actions ${{ expr }},
// Jinja {{ expr }}) as placeholders the shell reads as one plain word, of the
// same length so the offsets stay exact: "${{ secrets.KEY }}" becomes
// "{{{_secrets.KEY_}}". The rules read {{…}} as a hole.
func neutralizeTemplates(text string) string {
	if !strings.Contains(text, "{{") {
		return text
	}
	b := []byte(text)
	for i := 0; i+1 < len(b); i++ {
		if b[i] != '{' || b[i+1] != '{' {
			continue
		}
		j := strings.Index(text[i+2:min(len(text), i+2+maxExpr)], "}}")
		if j < 0 || strings.ContainsAny(text[i+2:i+2+j], "\n{") {
			continue
		}
		if i > 0 && b[i-1] == '$' {
			b[i-1] = '{'
		}
		for k := i + 2; k < i+2+j; k++ {
			if c := b[k]; !(c == '_' || c == '.' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				b[k] = '_'
			}
		}
		i += 2 + j + 1
	}
	return string(b)
}
