package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func mustDefault(t *testing.T) *Catalog {
	t.Helper()
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// guideRow is one row of a guide's change tables (or one of its key changes),
// transcribed from ../shared/guides: kind and the name the row is about.
type guideRow struct {
	guide, kind, name string
}

var guideRows = []guideRow{
	// pseudonymize-user.txt
	{"pseudonymize-user.txt", "endpoint", "/api/v1/users/:user_email/pseudonymize"},
	{"pseudonymize-user.txt", "identifier", "user_email"},
	{"pseudonymize-user.txt", "response", "message"},
	{"pseudonymize-user.txt", "error-added", "userNotDeleted"},
	{"pseudonymize-user.txt", "error-added", "userNotFound"},
	// edit-user.txt
	{"edit-user.txt", "endpoint", "/api/v1/users/{user_email}"},
	{"edit-user.txt", "method", "PATCH"},
	{"edit-user.txt", "identifier", "user_email"},
	{"edit-user.txt", "param-removed", "primaryGroupId"},
	{"edit-user.txt", "param-removed", "password"},
	{"edit-user.txt", "param-added", "custom"},
	{"edit-user.txt", "param-added", "username"},
	{"edit-user.txt", "behaviour", "custom fields"},
	{"edit-user.txt", "response", "status"},
	{"edit-user.txt", "error-removed", "already_invited"},
	{"edit-user.txt", "error-removed", "mail_already_exists"},
	{"edit-user.txt", "error-removed", "user_not_found"},
	{"edit-user.txt", "error-removed", "'toDeactivateAt' date must be in the future"},
	{"edit-user.txt", "error-removed", "mail_used_too_many_times"},
	{"edit-user.txt", "error-added", "deactivationDateInvalid"},
	{"edit-user.txt", "error-added", "invalidUpdateOnDeletedUser"},
	{"edit-user.txt", "error-added", "mailInvalid"},
	{"edit-user.txt", "error-added", "mailAlreadyUsed"},
	{"edit-user.txt", "error-added", "usernameAlreadyUsed"},
	{"edit-user.txt", "error-added", "usernameNotAllowed"},
	// remove-user-role.txt
	{"remove-user-role.txt", "endpoint", "/api/v1/groups/:group_id/users/:email"},
	{"remove-user-role.txt", "identifier", "email"},
	{"remove-user-role.txt", "path-added", "role"},
	{"remove-user-role.txt", "param-removed", "deleteFromPrivateSubgroups"},
	{"remove-user-role.txt", "param-moved", "group_id"},
	{"remove-user-role.txt", "behaviour", "private subgroups"},
	{"remove-user-role.txt", "behaviour", "input body"},
	{"remove-user-role.txt", "response", "204"},
	// list-users.txt
	{"list-users.txt", "endpoint", "/api/v1/users"},
	{"list-users.txt", "param-removed", "deleted"},
	{"list-users.txt", "pagination", "500"},
	{"list-users.txt", "property-removed", "primaryGroupId"},
	{"list-users.txt", "property-added", "deleted"},
	{"list-users.txt", "header-added", "Link"},
	// list-id-mappings.txt
	{"list-id-mappings.txt", "endpoint", "/api/v1/users/getUserByExternalId/:externalId/:externalPlatform"},
	{"list-id-mappings.txt", "param-modified", "externalPlatform"},
	{"list-id-mappings.txt", "param-modified", "externalId"},
	{"list-id-mappings.txt", "param-added", "type[eq]"},
	{"list-id-mappings.txt", "param-added", "targetId[eq]"},
	{"list-id-mappings.txt", "behaviour", "mapping"},
	{"list-id-mappings.txt", "pagination", "5000"},
	{"list-id-mappings.txt", "property-removed", "mail"},
	{"list-id-mappings.txt", "property-removed", "firstName"},
	{"list-id-mappings.txt", "property-removed", "lastName"},
	{"list-id-mappings.txt", "property-removed", "primaryGroupId"},
	{"list-id-mappings.txt", "property-renamed", "_id"},
	{"list-id-mappings.txt", "header-added", "Link"},
	{"list-id-mappings.txt", "property-added", "platform"},
	{"list-id-mappings.txt", "property-added", "targetType"},
	{"list-id-mappings.txt", "property-added", "value"},
	{"list-id-mappings.txt", "property-added", "_id"},
}

// ruleFor finds the rule of an operation that covers a guide row.
func ruleFor(op *Operation, row guideRow) *Rule {
	for _, r := range op.Rules {
		if r.Kind != row.kind {
			continue
		}
		switch row.kind {
		case "endpoint":
			if op.V1.Path == row.name {
				return r
			}
		case "method":
			if r.To == row.name {
				return r
			}
		case "pagination":
			if row.name == itoa(r.PageSize) {
				return r
			}
		case "response":
			if strings.Contains(r.Text, row.name) {
				return r
			}
		case "behaviour":
			if strings.Contains(r.Text, row.name) || strings.Contains(r.Title, row.name) {
				return r
			}
		default:
			for _, key := range []string{r.Param, r.Property, r.Code, r.Header} {
				if key == row.name {
					return r
				}
			}
		}
	}
	return nil
}

func itoa(n int) string {
	var b []byte
	for n > 0 || len(b) == 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func TestEveryGuideRowHasARule(t *testing.T) {
	c := mustDefault(t)
	byGuide := map[string]*Operation{}
	for _, op := range c.Operations {
		byGuide[op.GuideFile] = op
	}
	used := map[string]bool{}
	for _, row := range guideRows {
		op := byGuide[row.guide]
		if op == nil {
			t.Errorf("no operation from %s", row.guide)
			continue
		}
		r := ruleFor(op, row)
		if r == nil {
			t.Errorf("%s: no %s rule for %q", row.guide, row.kind, row.name)
			continue
		}
		used[r.ID] = true
	}
	// And the other way round: every rule of a guide stands for a row.
	for _, op := range c.Operations {
		for _, r := range op.Rules {
			if !used[r.ID] {
				t.Errorf("rule %s (%s) matches no row of %s listed in this test", r.ID, r.Kind, op.GuideFile)
			}
		}
	}
}

// The rows transcribed above must be in the guides as published, when they
// are at hand (../shared beside the checkout).
func TestGuideRowsAreInTheGuides(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "guides")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("guides not found at %s", dir)
	}
	for _, row := range guideRows {
		data, err := os.ReadFile(filepath.Join(dir, row.guide))
		if err != nil {
			t.Fatal(err)
		}
		name := row.name
		switch row.kind {
		case "param-added":
			name = strings.TrimSuffix(strings.TrimSuffix(name, "[eq]"), "[eq]")
			if name == "targetId" {
				name = "targetID" // the guide's spelling of the added filter
			}
		}
		if !strings.Contains(string(data), name) {
			t.Errorf("%s does not mention %q (%s)", row.guide, name, row.kind)
		}
	}
}

var v2Ref = regexp.MustCompile(`\b(GET|PUT|POST|PATCH|DELETE) (/api/v2/[A-Za-z0-9_{}/.-]+)`)

// Every v2 target the catalog names exists in the official v2 reference.
func TestV2TargetsExist(t *testing.T) {
	c := mustDefault(t)
	if len(c.V2) < 100 {
		t.Fatalf("v2 table has %d operations; the reference has 128", len(c.V2))
	}
	for _, op := range c.Operations {
		v2 := c.V2Op(op.V2.Method, op.V2.Path)
		if v2 == nil {
			t.Errorf("%s: v2 target %s %s is not in the v2 reference", op.Name, op.V2.Method, op.V2.Path)
			continue
		}
		if v2.Name != op.V2.Name {
			t.Errorf("%s: v2 target is named %q in the reference, %q in the catalog", op.Name, v2.Name, op.V2.Name)
		}
		if !contains(v2.Headers, "360-api-version") || !v2.Bearer {
			t.Errorf("%s: v2 target should require the version header and a bearer token", op.Name)
		}
	}
	for _, r := range c.Rules() {
		for _, m := range v2Ref.FindAllStringSubmatch(r.Short+" "+r.Text, -1) {
			if c.V2Op(m[1], m[2]) == nil {
				t.Errorf("rule %s names %s %s, which is not in the v2 reference", r.ID, m[1], m[2])
			}
		}
	}
	// The role values of Remove a user's role come from the reference.
	role := c.Rule("remove-user-role-role")
	v2 := c.V2Op("DELETE", "/api/v2/groups/{groupId}/{role}/{userId}")
	for _, p := range v2.Params {
		if p.Name == "role" {
			for _, v := range p.Enum {
				if !strings.Contains(role.Short, v) || !strings.Contains(role.Text, v) {
					t.Errorf("role value %s from the reference is missing from %s", v, role.ID)
				}
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestRulesAreWellFormed(t *testing.T) {
	c := mustDefault(t)
	id := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, r := range c.Rules() {
		if !id.MatchString(r.ID) {
			t.Errorf("rule ID %q is not kebab-case", r.ID)
		}
		if strings.TrimSpace(r.Text) == "" {
			t.Errorf("rule %s has no text", r.ID)
		}
		if r.Guide == "" {
			t.Errorf("rule %s names no guide", r.ID)
		}
	}
	for _, kind := range []string{"auth", "header-required", "unmapped"} {
		if c.commonRule(kind) == nil {
			t.Errorf("no common %s rule", kind)
		}
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "extra.yaml")
	os.WriteFile(good, []byte(`guide: "Create a user: internal notes"
operation: createUser
v1: {method: POST, path: "/api/v1/users"}
v2: {name: Create an invited user, method: POST, path: "/api/v2/users"}
rules:
  - id: create-user-endpoint
    kind: endpoint
    severity: error
    title: createUser moves to POST /api/v2/users
    short: v1 createUser; use POST /api/v2/users
    text: Create users with POST /api/v2/users.
`), 0o644)
	c := mustDefault(t)
	if err := c.LoadFile(good); err != nil {
		t.Fatal(err)
	}
	call := &Call{Method: "POST", URL: []URLPart{{Lit: "https://acme.360learning.com/api/v1/users"}}}
	fs := c.Check(call, nil)
	if len(fs) == 0 || fs[0].Rule != "create-user-endpoint" || fs[0].Operation != "createUser" {
		t.Fatalf("user rule not applied: %+v", fs)
	}

	for name, body := range map[string]string{
		"dup.yaml":      "guide: x\nrules:\n  - {id: v1-credentials, kind: auth, severity: error, title: t, text: x}\n",
		"kind.yaml":     "guide: x\nrules:\n  - {id: my-rule, kind: nonsense, severity: error, title: t, text: x}\n",
		"severity.yaml": "guide: x\nrules:\n  - {id: my-rule, kind: auth, severity: fatal, title: t, text: x}\n",
		"unknown.yaml":  "guide: x\nrulez: []\n",
		"syntax.yaml":   "guide: [x\n",
		"path.yaml":     "guide: x\noperation: op\nv1: {method: GET, path: /api/v2/users}\nv2: {method: GET, path: /api/v2/users}\nrules:\n  - {id: my-rule, kind: endpoint, severity: error, title: t, text: x}\n",
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o644)
		err := mustDefault(t).LoadFile(p)
		if err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: want an error naming the file, got %v", name, err)
		}
	}
	if err := mustDefault(t).LoadFile(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("missing file: no error")
	}
}
