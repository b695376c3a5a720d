package com.acme.lms

import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.engine.cio.CIO
import io.ktor.client.plugins.contentnegotiation.ContentNegotiation
import io.ktor.client.plugins.defaultRequest
import io.ktor.client.request.*
import io.ktor.client.request.forms.FormDataContent
import io.ktor.http.ContentType
import io.ktor.http.Parameters
import io.ktor.http.contentType
import io.ktor.serialization.kotlinx.json.json
import kotlinx.serialization.Serializable

@Serializable
data class LmsUser(val _id: String, val mail: String, val primaryGroupId: String? = null)

class LmsClient(private val company: String, private val apiKey: String) {
    private val http = HttpClient(CIO) {
        install(ContentNegotiation) { json() }
        defaultRequest {
            url("https://acme.360learning.com/api/v1/")
            url.parameters.append("company", company)
            url.parameters.append("apiKey", apiKey)
        }
    }

    suspend fun usersV2(token: String): List<LmsUser> =
        http.get("https://acme.360learning.com/api/v2/users") {
            header("Authorization", "Bearer $token")
            header("360-api-version", "v2.0")
        }.body()

    suspend fun deletedUsers(): List<LmsUser> =
        http.get("/api/v1/users") { parameter("deleted", true) }.body()

    suspend fun byExternalId(id: String): LmsUser =
        http.get("https://acme.360learning.com/api/v1/users/getUserByExternalId/$id/sap").body()

    suspend fun setPassword(mail: String, password: String) {
        http.put("https://acme.360learning.com/api/v1/users/$mail") {
            contentType(ContentType.Application.Json)
            setBody(mapOf("password" to password))
        }
    }

    suspend fun leave(groupId: String, mail: String) {
        http.delete("https://acme.360learning.com/api/v1/groups/$groupId/users/$mail") {
            setBody(FormDataContent(Parameters.build { append("group_id", groupId) }))
        }
    }

    suspend fun forget(mail: String) {
        http.put("https://acme.360learning.com/api/v1/users/$mail/pseudonymize")
    }
}
