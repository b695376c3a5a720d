package text_test

import (
	"strings"
	"testing"
)

// TestFeignClients covers OpenFeign interfaces: their mapping annotations
// are calls under the client's url, while the same annotations on a
// controller are routes the code serves.
func TestFeignClients(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"property base and request params", "TrainingApi.java",
			"package com.acme.hr;\n\n@FeignClient(value = \"training\", url = \"${training.base-url}\")\ninterface TrainingApi {\n" +
				"  @RequestMapping(method = RequestMethod.DELETE, value = \"/api/v1/groups/{gid}/users/{mail}\")\n  void drop(@PathVariable(\"gid\") String gid, @PathVariable(\"mail\") String mail);\n\n" +
				"  @GetMapping(path = \"/api/v1/users\")\n  List<Account> all(@RequestParam(name = \"deleted\") boolean gone, @RequestParam String company);\n}\n",
			"pending(training.base-url) DELETE {training.base-url}/api/v1/groups/{gid}/users/{mail}\npending(training.base-url) GET {training.base-url}/api/v1/users deleted@query company@query"},
		{"literal base of another vendor", "Payroll.java",
			"@FeignClient(name = \"payroll\", url = \"https://payroll.example.org\")\npublic interface Payroll {\n  @PutMapping(\"/api/v1/users/{id}\")\n  void save(@PathVariable(\"id\") String id, @RequestBody Person p);\n}\n",
			"PUT https://payroll.example.org/api/v1/users/{id}\nbase(url) https://payroll.example.org"},
		{"controller mappings stay routes", "AccountsController.java",
			"@RestController\n@RequestMapping(\"/internal\")\npublic class AccountsController {\n  @GetMapping(\"/api/v1/users\")\n  public List<Account> list(@RequestParam(\"deleted\") boolean deleted) { return repo.all(deleted); }\n}\n",
			""},
	})
}

// A Feign client's url property comes from application.properties; the
// LMS client is reported at its annotation's line, with the query
// parameter, and the HRIS client on another host is not.
func TestFeignClientBaseFromProperties(t *testing.T) {
	got := strings.Join(scanProject(t, map[string]string{
		"src/main/resources/application.properties": "lms.root=https://acme.360learning.com\nhris.root=https://api.peoplehub.example\n",
		"src/main/java/com/acme/Lms.java":           "package com.acme;\n\n@FeignClient(name = \"lms\", url = \"${lms.root}\")\npublic interface Lms {\n  @GetMapping(\"/api/v1/users\")\n  List<User> users(@RequestParam(\"deleted\") boolean deleted);\n}\n",
		"src/main/java/com/acme/Hris.java":          "package com.acme;\n\n@FeignClient(name = \"hris\", url = \"${hris.root}\")\npublic interface Hris {\n  @GetMapping(\"/api/v1/users\")\n  List<User> users(@RequestParam(\"deleted\") boolean deleted);\n}\n",
	}), "\n")
	if !strings.Contains(got, "Lms.java:5 list-users-endpoint") || !strings.Contains(got, "Lms.java:6 list-users-deleted") {
		t.Errorf("the LMS client's call is not reported:\n%s", got)
	}
	if strings.Contains(got, "Hris.java") {
		t.Errorf("the HRIS client's call is reported:\n%s", got)
	}
}
