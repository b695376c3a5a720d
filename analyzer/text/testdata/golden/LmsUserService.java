package com.acme.hr.lms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestTemplate;

public class LmsUserService {
    private static final String BASE_URL = "https://acme.360learning.com/api/v1";
    private final HttpClient http = HttpClient.newHttpClient();
    private final RestTemplate rest = new RestTemplate();

    /** Calls https://acme.360learning.com/api/v1/users/{email} (javadoc, not a call). */
    public void updateUser(String email, String json) throws Exception {
        HttpRequest req = HttpRequest.newBuilder()
            .uri(URI.create(BASE_URL + "/users/" + email))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build();
        http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    public void removeFromGroup(String groupId, String email) {
        rest.exchange(String.format("%s/groups/%s/users/%s", BASE_URL, groupId, email), HttpMethod.DELETE, null, Void.class);
    }

    public String listUsersV2(String token) {
        return rest.getForObject("https://acme.360learning.com/api/v2/users", String.class);
    }

    @GetMapping("/api/v1/users")
    public String ourOwnEndpoint() {
        return "[]";
    }
}
