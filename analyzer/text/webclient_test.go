package text_test

import "testing"

// TestWebClientUploads covers .NET WebClient uploads, whose data argument
// follows the method argument: escaped JSON text there is the body.
func TestWebClientUploads(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"escaped JSON built by concatenation", "Accounts.cs",
			"class Accounts {\n  const string Root = \"https://app.360learning.com/api/v1\";\n  void Move(string mail, string gid) {\n    using (var web = new WebClient()) {\n" +
				"      string data = \"{\\\"primaryGroupId\\\": \\\"\" + gid + \"\\\"}\";\n      web.UploadString(Root + \"/users/\" + mail, \"PUT\", data);\n    }\n  }\n}\n",
			"PUT https://app.360learning.com/api/v1/users/{mail} primaryGroupId@body\nbase(Root) https://app.360learning.com/api/v1"},
		{"inline escaped JSON", "Accounts.cs",
			"class Accounts {\n  void Reset(WebClient web, string mail, string pw) {\n    web.UploadString(\"https://app.360learning.com/api/v1/users/\" + mail, \"PUT\", \"{\\\"password\\\":\\\"\" + pw + \"\\\"}\");\n  }\n}\n",
			"PUT https://app.360learning.com/api/v1/users/{mail} password@body"},
		{"a download sends no body", "Accounts.cs",
			"class Accounts {\n  string All(WebClient web) {\n    return web.DownloadString(\"https://app.360learning.com/api/v1/users?deleted=true\");\n  }\n}\n",
			"? https://app.360learning.com/api/v1/users?deleted=true"},
	})
}
