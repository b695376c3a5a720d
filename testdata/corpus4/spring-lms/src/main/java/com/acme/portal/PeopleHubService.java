package com.acme.portal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;

@Service
public class PeopleHubService {
    private final RestTemplate hub;

    public PeopleHubService(@Qualifier("peopleHubRestTemplate") RestTemplate hub) {
        this.hub = hub;
    }

    public Worker[] leavers() {
        return hub.getForObject("/users?deleted=true", Worker[].class);
    }

    public void closeRecord(String workerId) {
        hub.delete("/groups/leavers/users/{id}", workerId);
    }
}
