package text_test

import "testing"

// TestDefinedConstantsAndEncodedQueries covers PHP constants made with
// define() completing the URLs built from them, and query strings appended
// as an encoded map (http_build_query, urlencode), directly or by name.
func TestDefinedConstantsAndEncodedQueries(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"define binds the base for a concatenation", "sync.php",
			"<?php\ndefine(\"TRAINING_API\", \"https://app.360learning.com/api/v1\");\n$ch = curl_init(TRAINING_API . '/groups/' . $gid);\ncurl_setopt($ch, CURLOPT_CUSTOMREQUEST, 'DELETE');\n",
			"DELETE https://app.360learning.com/api/v1/groups/{$gid}\nbase(TRAINING_API) https://app.360learning.com/api/v1"},
		{"define binds the base for sprintf", "sync.php",
			"<?php\ndefine('TRAINING_API', 'https://app.360learning.com/api/v1');\n$u = sprintf('%s/users/%s', TRAINING_API, rawurlencode($mail));\n$http->put($u, ['json' => ['password' => $pw]]);\n",
			"PUT https://app.360learning.com/api/v1/users/{rawurlencode($mail)} password@body\nbase(TRAINING_API) https://app.360learning.com/api/v1"},
		{"class and file constants", "Gw.php",
			"<?php\nconst PORTAL_API = 'https://app.360learning.com/api/v1';\nclass Gw {\n  const ROOT = 'https://acme.360learning.com/api/v1';\n" +
				"  function drop($m) { return $this->http->delete(static::ROOT . '/groups/g1/users/' . $m); }\n" +
				"  function one($m) { return $this->http->get(sprintf('%s/users/%s', PORTAL_API, $m)); }\n}\n",
			"DELETE https://acme.360learning.com/api/v1/groups/g1/users/{$m}\nGET https://app.360learning.com/api/v1/users/{$m}\nbase(PORTAL_API) https://app.360learning.com/api/v1\nbase(ROOT) https://acme.360learning.com/api/v1"},
		{"other functions' string arguments bind nothing", "sync.php",
			"<?php\nlog_event('TRAINING_API', 'https://app.360learning.com/api/v1');\n$ch = curl_init(TRAINING_API . '/groups/' . $gid);\n",
			"pending(TRAINING_API) ? {TRAINING_API}/groups/{$gid}"},
		{"http_build_query through a name", "report.php",
			"<?php\n$root = 'https://app.360learning.com/api/v1';\n$qs = http_build_query(array('deleted' => 'true', 'company' => $co));\n$rows = file_get_contents($root . '/users?' . $qs);\n",
			"? https://app.360learning.com/api/v1/users?{$qs} deleted@query company@query\nbase($root) https://app.360learning.com/api/v1"},
		{"python urlencode of a dict with a key set later", "export.py",
			"ROOT = 'https://acme.360learning.com/api/v1'\n\ndef leavers(co):\n    q = {'company': co}\n    q['deleted'] = 'true'\n    return urllib2.urlopen(ROOT + '/users?' + urllib.urlencode(q)).read()\n",
			"GET(implied) https://acme.360learning.com/api/v1/users?{urllib.urlencode(q)} company@query deleted@query\nbase(ROOT) https://acme.360learning.com/api/v1"},
		{"an encoded path segment is no query", "export.py",
			"ROOT = 'https://acme.360learning.com/api/v1'\n\ndef one(mail):\n    return urllib2.urlopen(ROOT + '/users/' + urllib.quote(mail)).read()\n",
			"GET(implied) https://acme.360learning.com/api/v1/users/{urllib.quote(mail)}\nbase(ROOT) https://acme.360learning.com/api/v1"},
	})
}
