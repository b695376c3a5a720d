package text_test

import "testing"

// TestRestyClients covers Go resty clients read as text: the client's
// SetBaseURL completes relative paths, request setters give parameters.
func TestRestyClients(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"base on a field and query setter", "lms.go",
			"package hr\n\nfunc newSync() *Sync {\n\treturn &Sync{http: resty.New().SetBaseURL(\"https://app.360learning.com/api/v1\")}\n}\n\nfunc (s *Sync) Gone() error {\n\t_, err := s.http.R().SetQueryParam(\"deleted\", \"true\").Get(\"/users\")\n\treturn err\n}\n",
			"GET https://app.360learning.com/api/v1/users deleted@query\nbase() https://app.360learning.com/api/v1"},
		{"base set on a client variable, body and form setters", "groups.go",
			"package hr\n\nfunc run(mail, gid string) {\n\tcli := resty.New()\n\tcli.SetBaseURL(\"https://app.360learning.com/api/v1\")\n\tcli.R().SetBody(map[string]any{\"primaryGroupId\": gid}).Put(\"/users/\" + mail)\n\tcli.R().SetFormData(map[string]string{\"deleteFromPrivateSubgroups\": \"false\"}).Delete(\"/groups/\" + gid + \"/users/\" + mail)\n\tcli.R().SetQueryParams(map[string]string{\"deleted\": \"true\"}).Get(\"/users\")\n}\n",
			"DELETE https://app.360learning.com/api/v1/groups/{gid}/users/{mail} deleteFromPrivateSubgroups@form\nGET https://app.360learning.com/api/v1/users deleted@query\nPUT https://app.360learning.com/api/v1/users/{mail} primaryGroupId@body\nbase() https://app.360learning.com/api/v1"},
		{"another host's client keeps its paths", "dir.go",
			"package hr\n\nvar dir = resty.New().SetBaseURL(\"https://api.peoplehub.example/api/v1\")\n\nfunc list() { dir.R().Get(\"/users\") }\n",
			// completed with its own host, which the rules' host check drops
			"GET https://api.peoplehub.example/api/v1/users\nbase() https://api.peoplehub.example/api/v1"},
	})
}
