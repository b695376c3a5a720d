package text_test

import "testing"

// TestKtorRequests covers the Ktor client's request blocks: parameters,
// map bodies, forms and the method set in the block.
func TestKtorRequests(t *testing.T) {
	runCases(t, []struct{ name, file, src, want string }{
		{"parameter in the request block", "Users.kt",
			"suspend fun leavers() = client.get(\"$lmsRoot/api/v1/users\") {\n    parameter(\"deleted\", \"true\")\n    header(\"Accept\", \"application/json\")\n}.body<List<Row>>()\n",
			"GET {lmsRoot}/api/v1/users deleted@query"},
		{"map body", "Reset.kt",
			"client.put(\"https://app.360learning.com/api/v1/users/${u.mail}\") {\n    contentType(ContentType.Application.Json)\n    setBody(mapOf(\"primaryGroupId\" to gid, \"lastName\" to u.last))\n}\n",
			"PUT https://app.360learning.com/api/v1/users/{u.mail} primaryGroupId@body lastName@body"},
		{"form data content", "Groups.kt",
			"client.delete(\"https://app.360learning.com/api/v1/groups/$g/users/$m\") {\n    setBody(FormDataContent(Parameters.build {\n        append(\"deleteFromPrivateSubgroups\", \"false\")\n    }))\n}\n",
			"DELETE https://app.360learning.com/api/v1/groups/{g}/users/{m} deleteFromPrivateSubgroups@form"},
		{"method set in a request block", "Raw.kt",
			"client.request(\"https://app.360learning.com/api/v1/users/$m\") {\n    method = HttpMethod.Put\n    setBody(mapOf(\"password\" to pw))\n}\n",
			"PUT https://app.360learning.com/api/v1/users/{m} password@body"},
		{"submitForm with form parameters", "Form.kt",
			"client.submitForm(\n    url = \"https://app.360learning.com/api/v1/users\",\n    formParameters = parameters {\n        append(\"mail\", m)\n    }\n)\n",
			"POST(implied) https://app.360learning.com/api/v1/users mail@form"},
		{"headers are no parameters", "H.kt",
			"client.get(\"https://app.360learning.com/api/v1/users\") {\n    headers { append(\"X-Trace\", id) }\n}\n",
			"GET https://app.360learning.com/api/v1/users"},
	})
}
