package text_test

import "testing"

// TestBareResourcePaths covers a v1 resource named without its slash as
// the path of a client's verb method (ky prefixUrl, Faraday), and lookups
// of the same word that are no requests.
func TestBareResourcePaths(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"ky prefixUrl", "api.ts",
			"const training = ky.create({ prefixUrl: 'https://acme.360learning.com/api/v1/' });\nexport const gone = () => training.get('users', { searchParams: { deleted: true } }).json();\n",
			"GET https://acme.360learning.com/api/v1/users deleted@query\nbase() https://acme.360learning.com/api/v1/\nbase(training) https://acme.360learning.com/api/v1/"},
		{"faraday connection", "sync.rb",
			"LMS = Faraday.new(url: 'https://acme.360learning.com/api/v1/')\nLMS.get('groups', company: ENV['CO'])\n",
			"GET https://acme.360learning.com/api/v1/groups company@query\nbase() https://acme.360learning.com/api/v1/\nbase(LMS) https://acme.360learning.com/api/v1/"},
		{"lookups by the same word are no calls", "cache.ts",
			"const a = cache.get('users');\nconst b = settings.get('groups');\nconst c = t('users');\n",
			""},
	})
}
