package text_test

import "testing"

// TestReturnAnnotationIsNoAssignment covers a Python def whose return
// annotation ends the line before a payload's assignment (-> None:): the
// payload keeps its name and its keys, including one set conditionally.
func TestReturnAnnotationIsNoAssignment(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"typed async method", "lms.py",
			"LMS = 'https://app.360learning.com/api/v1'\n\n\nasync def regroup(http, mail: str, group: str | None = None) -> None:\n    body = {'lastName': 'x'}\n    if group:\n        body['primaryGroupId'] = group\n    await http.put(f'{LMS}/users/{mail}', json=body)\n",
			"PUT https://app.360learning.com/api/v1/users/{mail} lastName@body primaryGroupId@body\nbase(LMS) https://app.360learning.com/api/v1"},
		{"annotated assignment still names its value", "lms.py",
			"LMS = 'https://app.360learning.com/api/v1'\n\n\ndef regroup(http, mail):\n    body: dict = {'primaryGroupId': 'g1'}\n    http.put(f'{LMS}/users/{mail}', json=body)\n",
			"PUT https://app.360learning.com/api/v1/users/{mail} primaryGroupId@body\nbase(LMS) https://app.360learning.com/api/v1"},
	})
}

// Two classes in one file each keep their client as self._client: each
// class's calls take the base of its own client, not the first one's.
func TestSameClientNameInTwoClasses(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"python classes", "clients.py",
			"class Training:\n    def __init__(self, cfg) -> None:\n        self._client = httpx.Client(base_url=cfg.training_root)\n\n    def gone(self):\n        return self._client.get('/users', params={'deleted': 'true'})\n\n\n" +
				"class Payroll:\n    def __init__(self, cfg) -> None:\n        self._client = httpx.Client(base_url=cfg.payroll_root)\n\n    def gone(self):\n        return self._client.get('/users', params={'deleted': 'true'})\n",
			"base() {cfg.payroll_root}\nbase() {cfg.training_root}\nbase(_client) {cfg.payroll_root}\nbase(_client) {cfg.training_root}\npending(cfg.payroll_root) GET {cfg.payroll_root}/users deleted@query\npending(cfg.training_root) GET {cfg.training_root}/users deleted@query"},
	})
}
