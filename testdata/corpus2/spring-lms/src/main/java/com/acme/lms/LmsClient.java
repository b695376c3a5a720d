package com.acme.lms;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

@Component
public class LmsClient {

    private final WebClient web;

    public LmsClient(WebClient.Builder builder,
                     @Value("${lms.base-url}") String baseUrl,
                     @Value("${lms.company}") String company,
                     @Value("${lms.api-key}") String apiKey) {
        this.web = builder
                .baseUrl(baseUrl)
                .defaultUriVariables(Map.of("company", company, "apiKey", apiKey))
                .build();
    }

    public List<Map<String, Object>> learners(boolean includeDeleted) {
        return web.get()
                .uri(b -> b.path("/users")
                        .queryParam("company", "{company}")
                        .queryParam("apiKey", "{apiKey}")
                        .queryParam("deleted", includeDeleted)
                        .build())
                .retrieve()
                .bodyToMono(List.class)
                .block();
    }

    public void changeManagerGroup(String email, String groupId) {
        web.put()
                .uri("/users/{email}?company={company}&apiKey={apiKey}", email)
                .bodyValue(Map.of("primaryGroupId", groupId))
                .retrieve()
                .toBodilessEntity()
                .block();
    }

    public void removeFromGroup(String groupId, String email) {
        web.method(HttpMethod.DELETE)
                .uri("/groups/{groupId}/users/{email}?company={company}&apiKey={apiKey}", groupId, email)
                .bodyValue(Map.of("deleteFromPrivateSubgroups", Boolean.FALSE))
                .retrieve()
                .toBodilessEntity()
                .block();
    }
}
