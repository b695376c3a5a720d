package com.acme.lms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Bridge from the SAP SuccessFactors export to 360Learning (API v1). */
public final class LmsClient {
    private static final String BASE = "https://acme.360learning.com/api/v1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String auth;

    public LmsClient(String company, String apiKey) {
        this.auth = "company=" + enc(company) + "&apiKey=" + enc(apiKey);
    }

    public String listUsers(boolean includeDeleted) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder()
                .uri(URI.create(BASE + "/users?" + auth + "&deleted=" + includeDeleted))
                .GET()
                .build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    public int updatePrimaryGroup(String email, String groupId) throws IOException, InterruptedException {
        String json = "{\"primaryGroupId\":\"" + groupId + "\"}";
        HttpRequest req = HttpRequest.newBuilder()
                .uri(URI.create(BASE + "/users/" + enc(email) + "?" + auth))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public int pseudonymize(String email) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder()
                .uri(URI.create("https://acme.360learning.com/api/v1/users/" + enc(email) + "/pseudonymize?" + auth))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // Old: GET https://acme.360learning.com/api/v1/users/{email}/managers (org chart, removed in 1.3)

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
