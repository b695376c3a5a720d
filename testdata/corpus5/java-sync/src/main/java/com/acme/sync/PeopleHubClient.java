package com.acme.sync;

import java.util.List;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The HRIS, same REST shapes as the LMS but another vendor. */
@FeignClient(name = "peoplehub", url = "https://api.peoplehub.example")
public interface PeopleHubClient {

    @GetMapping("/api/v1/users")
    List<Employee> employees(@RequestParam("deleted") boolean deleted);

    @PutMapping("/api/v1/users/{email}")
    void update(@PathVariable("email") String email, Employee e);
}
