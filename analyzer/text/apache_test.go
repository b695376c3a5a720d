package text_test

import "testing"

// TestApacheHttpClientRequests covers requests built as objects: a
// URIBuilder's added parameters, the request class giving the method, an
// entity set later, and map or JSON-node bodies filled key by key.
func TestApacheHttpClientRequests(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"chained builder and a request built from it", "Leavers.java",
			"class Leavers {\n  static final String LMS = \"https://acme.360learning.com/api/v1\";\n  String run() throws Exception {\n" +
				"    URI uri = new URIBuilder(LMS + \"/users\").addParameter(\"deleted\", \"true\").build();\n    return http.execute(new HttpGet(uri), handler);\n  }\n}\n",
			"GET https://acme.360learning.com/api/v1/users deleted@query\nbase(LMS) https://acme.360learning.com/api/v1"},
		{"builder by name gives method and entity", "Groups.java",
			"class Groups {\n  static final String LMS = \"https://acme.360learning.com/api/v1\";\n  void move(String mail, String gid) throws Exception {\n" +
				"    URIBuilder b = new URIBuilder(LMS + \"/users/\" + mail);\n    b.setParameter(\"company\", co);\n" +
				"    Map<String, Object> patch = new LinkedHashMap<>();\n    patch.put(\"primaryGroupId\", gid);\n" +
				"    HttpPut req = new HttpPut(b.build());\n    req.setEntity(new StringEntity(gson.toJson(patch), ContentType.APPLICATION_JSON));\n    http.execute(req);\n  }\n}\n",
			"PUT https://acme.360learning.com/api/v1/users/{mail} company@query primaryGroupId@body\nbase(LMS) https://acme.360learning.com/api/v1"},
		{"a header set on the request is no parameter", "Wipe.java",
			"class Wipe {\n  void run(String mail) throws Exception {\n    HttpDelete del = new HttpDelete(\"https://acme.360learning.com/api/v1/users/\" + mail);\n" +
				"    del.setHeader(\"Accept\", \"application/json\");\n    http.execute(del);\n  }\n}\n",
			"DELETE https://acme.360learning.com/api/v1/users/{mail}"},
		{"restTemplate exchange of a map filled with put", "Pw.java",
			"class Pw {\n  void reset(String mail, String pw) {\n    Map<String, String> req = new HashMap<>();\n    req.put(\"password\", pw);\n" +
				"    rest.exchange(\"https://app.360learning.com/api/v1/users/\" + mail, HttpMethod.PUT, new HttpEntity<>(req), Void.class);\n  }\n}\n",
			"PUT https://app.360learning.com/api/v1/users/{mail} password@body"},
	})
}
