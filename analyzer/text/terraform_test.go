package text_test

import "testing"

// TestTerraform covers Terraform files: locals and variable defaults
// complete "${local.x}/…" URLs, data "http" blocks give the method.
func TestTerraform(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"local base in a data http block", "sso.tf",
			"locals {\n  training_api = \"https://app.360learning.com/api/v1\"\n  other        = \"x\"\n}\n\ndata \"http\" \"leavers\" {\n  url = \"${local.training_api}/users?deleted=true\"\n}\n",
			"GET(implied) https://app.360learning.com/api/v1/users?deleted=true\nbase(training_api) https://app.360learning.com/api/v1"},
		{"variable default with a method attribute", "groups.tf",
			"variable \"lms_base\" {\n  type    = string\n  default = \"https://app.360learning.com/api/v1\"\n}\n\ndata \"http\" \"move\" {\n  url    = \"${var.lms_base}/users/${var.mail}\"\n  method = \"PUT\"\n}\n",
			"PUT https://app.360learning.com/api/v1/users/${var.mail}\nbase(default) https://app.360learning.com/api/v1"},
		{"one-line variable and host-only local", "h.tf",
			"variable \"lms_host\" { default = \"https://acme.360learning.com\" }\n\ndata \"http\" \"g\" {\n  url = \"${var.lms_host}/api/v1/groups\"\n}\n",
			"GET(implied) https://acme.360learning.com/api/v1/groups\nbase(default) https://acme.360learning.com"},
		// completed with its own host, which the rules' host check drops
		{"another host's local", "wd.tf",
			"locals {\n  workday = \"https://hr.workday.example/api/v1\"\n}\ndata \"http\" \"w\" {\n  url = \"${local.workday}/users\"\n}\n",
			"GET(implied) https://hr.workday.example/api/v1/users\nbase(workday) https://hr.workday.example/api/v1"},
		{"url outside a data http block has no method", "out.tf",
			"output \"docs\" {\n  value = \"https://acme.360learning.com/api/v1/users\"\n}\n",
			"? https://acme.360learning.com/api/v1/users"},
	})
}
