package text_test

import "testing"

// TestLocalScopes covers names assigned a URL in one block, method or
// function that another block reuses for something else.
func TestLocalScopes(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"ruby do blocks keep their own uri", "ops.rb",
			"namespace :hr do\n  task :purge do\n    uri = URI(\"https://app.360learning.com/api/v1/groups/#{gid}/users/#{mail}\")\n    Net::HTTP.start(uri.host) { |h| h.request(Net::HTTP::Delete.new(uri)) }\n  end\n  task :rename do\n    uri = build_link(\"/people\")\n    Net::HTTP.start(uri.host) { |h| h.request(Net::HTTP::Patch.new(uri)) }\n  end\n  task :audit do\n    Net::HTTP::Put.new(uri)\n  end\nend\n",
			"DELETE https://app.360learning.com/api/v1/groups/{gid}/users/{mail}"},
		{"ruby def scope", "lms.rb",
			"def purge(mail)\n  target = \"https://app.360learning.com/api/v1/users/#{mail}\"\n  log(target)\nend\n\ndef rename(mail)\n  Net::HTTP::Put.new(target)\nend\n",
			"? https://app.360learning.com/api/v1/users/{mail}"},
		{"python functions keep their own url", "jobs.py",
			"def listing():\n    url = f\"{ROOT}/api/v1/users\"\n    return url\n\n\ndef wipe(mail):\n    requests.delete(url)\n",
			"? {ROOT}/api/v1/users"},
		{"python url reaching into a nested block", "jobs.py",
			"def wipe(mail):\n    url = f\"{ROOT}/api/v1/users/{mail}\"\n    if mail:\n        requests.delete(url)\n",
			"DELETE {ROOT}/api/v1/users/{mail}"},
		{"reassignment ends a name's reach", "a.js",
			"let target = `${ROOT}/api/v1/users`;\nconsole.log(target);\ntarget = buildOther();\nawait axios.put(target, { name });\n",
			"? {ROOT}/api/v1/users"},
		{"js function bodies", "a.js",
			"function one() {\n  const endpoint = `${ROOT}/api/v1/users/${id}`;\n  audit(endpoint);\n}\nfunction two() {\n  return axios.delete(endpoint);\n}\n",
			"? {ROOT}/api/v1/users/{id}"},
	})
}

// TestRubyRequestObject covers what a script sets on a Net::HTTP request
// after creating it.
func TestRubyRequestObject(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"multi-line set_form_data", "leavers.rb",
			"target = URI(\"https://acme.360learning.com/api/v1/groups/#{gid}/users/#{mail}\")\nrequest = Net::HTTP::Delete.new(target)\nrequest.set_form_data(\n  \"company\" => co,\n  'deleteFromPrivateSubgroups' => 'false',\n)\nNet::HTTP.start(target.host, target.port, use_ssl: true) { |h| h.request(request) }\n",
			"DELETE https://acme.360learning.com/api/v1/groups/{gid}/users/{mail} company@form deleteFromPrivateSubgroups@form"},
		{"body hash to_json", "reset.rb",
			"u = URI(\"https://acme.360learning.com/api/v1/users/#{mail}\")\nput = Net::HTTP::Put.new(u, 'Content-Type' => 'application/json')\nput.body = {\n  primaryGroupId: gid,\n  \"password\" => pw\n}.to_json\n",
			"PUT https://acme.360learning.com/api/v1/users/{mail} primaryGroupId@body password@body"},
		{"another request object's body is not this one's", "two.rb",
			"u = URI(\"https://acme.360learning.com/api/v1/users/#{mail}\")\nreq = Net::HTTP::Put.new(u)\nreq = Net::HTTP::Post.new(URI('https://hooks.example.org/notify'))\nreq.body = { text: 'done' }.to_json\n",
			"PUT https://acme.360learning.com/api/v1/users/{mail}"},
	})
}

// TestUrlBuilderHelpers covers a project helper that builds the request
// URL from a path and keyword arguments, its result then requested.
func TestUrlBuilderHelpers(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"ruby helper keywords are query parameters", "sync.rb",
			"def gone\n  target = api_url('/api/v1/users', deleted: true, \"company\" => co)\n  JSON.parse(Net::HTTP.get(target))\nend\n",
			"GET /api/v1/users deleted@query company@query"},
		{"ruby helper result given to a request object", "reset.rb",
			"link = build_uri(\"/api/v1/users/#{mail}\")\nrq = Net::HTTP::Put.new(link)\nrq.body = { primaryGroupId: g }.to_json\n",
			"PUT /api/v1/users/{mail} primaryGroupId@body"},
		{"python helper keywords", "jobs.py",
			"def leavers():\n    u = lms_url(\"/api/v1/users\", deleted=True)\n    return requests.get(u).json()\n",
			"GET /api/v1/users deleted@query"},
		{"keywords of a logging call are no parameters", "log.rb",
			"logger.info('/api/v1/users', deleted: true)\n",
			"? /api/v1/users"},
	})
}
