package com.acme.portal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;

@Service
public class LmsUserService {
    private final RestTemplate lms;
    private final String company;
    private final String apiKey;

    public LmsUserService(@Qualifier("lmsRestTemplate") RestTemplate lms,
                          @Value("${lms.company}") String company,
                          @Value("${lms.api-key}") String apiKey) {
        this.lms = lms;
        this.company = company;
        this.apiKey = apiKey;
    }

    public LmsUser[] activeUsers() {
        return lms.getForObject("/users?company={c}&apiKey={k}&deleted=false", LmsUser[].class, company, apiKey);
    }

    public void changePrimaryGroup(String email, String groupId) {
        Map<String, Object> body = new HashMap<>();
        body.put("primaryGroupId", groupId);
        lms.put("/users/{email}?company={c}&apiKey={k}", body, email, company, apiKey);
    }

    public LmsUser byWorkdayId(String workerId) {
        return lms.getForObject("/users/getUserByExternalId/{id}/Workday?company={c}&apiKey={k}", LmsUser.class, workerId, company, apiKey);
    }

    public void offboard(String email, String groupId) {
        lms.delete("/groups/{g}/users/{e}?company={c}&apiKey={k}", groupId, email, company, apiKey);
        lms.put("/users/{e}/pseudonymize?company={c}&apiKey={k}", null, email, company, apiKey);
    }
}
