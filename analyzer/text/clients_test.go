package text_test

import (
	"strings"
	"testing"
)

// Relative calls bind to the client instance they are made on, across
// files: a v1 LMS instance, a foreign HR instance whose path also reads
// /api/v1, and an LMS v2 instance side by side in one module.
func TestRelativeCallsBindToTheirInstance(t *testing.T) {
	got := scanProject(t, map[string]string{
		"src/http.ts": "import ky from 'ky';\n" +
			"export const lms = ky.create({ prefixUrl: process.env.LMS_API_BASE ?? 'https://acme.360learning.com/api/v1' });\n" +
			"export const peoplehub = ky.create({ prefixUrl: 'https://api.peoplehub.example/api/v1' });\n" +
			"export const lmsV2 = ky.create({ prefixUrl: 'https://acme.360learning.com/api/v2' });\n",
		"src/users.ts": "import { lms, lmsV2, peoplehub } from './http';\n" +
			"export const rename = (id: string) => lms.put(`users/${id}`, { json: { firstName: 'A' } });\n" +
			"export const close = (id: string) => peoplehub.put(`users/${id}`, { json: { password: undefined } });\n" +
			"export const drop = (g: string, id: string) => peoplehub.delete(`groups/${g}/users/${id}`);\n" +
			"export const patch = (id: string) => lmsV2.patch(`users/${id}`, { json: { firstName: 'A' } });\n" +
			"export const leave = (g: string, id: string) => lmsV2.delete(`groups/${g}/users/${id}`);\n",
	})
	lines := map[string]bool{}
	for _, g := range got {
		lines[strings.Fields(g)[0]] = true
	}
	if !lines["src/users.ts:2"] {
		t.Errorf("the LMS v1 instance's call is missing: %v", got)
	}
	for _, l := range []string{"src/users.ts:3", "src/users.ts:4", "src/users.ts:5", "src/users.ts:6"} {
		if lines[l] {
			t.Errorf("%s is made on another instance, yet reported: %v", l, got)
		}
	}
}

// Ruby: a Faraday connection held in a constant defined in an initializer
// is the base of the calls made on it elsewhere.
func TestConstantConnectionsKeepTheirBases(t *testing.T) {
	got := scanProject(t, map[string]string{
		"config/initializers/lms.rb": "LMS_CONNECTION = Faraday.new(url: 'https://acme.360learning.com/api/v1/') do |f|\n  f.request :json\nend\n" +
			"WORKDAY_CONNECTION = Faraday.new(url: 'https://hr.workday.example/api/v1/')\n",
		"app/services/sync.rb": "class Sync\n  def drop(id)\n    LMS_CONNECTION.put(\"users/#{id}/pseudonymize\")\n  end\n\n  def close(id)\n    WORKDAY_CONNECTION.put(\"users/#{id}\", { closed: true })\n  end\nend\n",
	})
	joined := strings.Join(got, "\n")
	if !strings.Contains(joined, "app/services/sync.rb:3 ") {
		t.Errorf("the LMS connection's call is missing:\n%s", joined)
	}
	if strings.Contains(joined, "app/services/sync.rb:7 ") {
		t.Errorf("the Workday connection's call is reported:\n%s", joined)
	}
}

// An instance variable given a connection through a keyword parameter's
// default is that connection: @hris = hris with hris: WORKDAY_CONNECTION.
func TestInstanceVariablesFollowTheirConnection(t *testing.T) {
	got := scanProject(t, map[string]string{
		"config/initializers/lms.rb": "LMS_CONNECTION = Faraday.new(url: 'https://acme.360learning.com/api/v1/')\n" +
			"WORKDAY_CONNECTION = Faraday.new(url: 'https://hr.workday.example/api/v1/')\n",
		"app/services/sync.rb": "class Sync\n  def initialize(connection: LMS_CONNECTION, hris: WORKDAY_CONNECTION)\n    @lms = connection\n    @hris = hris\n  end\n\n" +
			"  def forget(email)\n    @lms.put(\"users/#{email}/pseudonymize\")\n  end\n\n" +
			"  def push(email, attrs)\n    @hris.put(\"users/#{email}/pseudonymize\", attrs)\n  end\nend\n",
	})
	joined := strings.Join(got, "\n")
	if !strings.Contains(joined, "app/services/sync.rb:8 ") {
		t.Errorf("the LMS connection's call is missing:\n%s", joined)
	}
	if strings.Contains(joined, "app/services/sync.rb:12 ") {
		t.Errorf("the Workday connection's call is reported:\n%s", joined)
	}
}
