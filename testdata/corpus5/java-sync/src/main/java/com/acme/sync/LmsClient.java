package com.acme.sync;

import java.util.List;
import java.util.Map;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** Declarative client for the 360Learning API (credentials added by LmsAuthInterceptor). */
@FeignClient(name = "lms", url = "${lms.url}", configuration = LmsFeignConfig.class)
public interface LmsClient {

    @GetMapping("/api/v1/users")
    List<LmsUser> listUsers(@RequestParam("deleted") boolean deleted);

    @GetMapping("/api/v1/users/{email}")
    LmsUser getUser(@PathVariable("email") String email);

    @PutMapping("/api/v1/users/{email}")
    void updateUser(@PathVariable("email") String email, @RequestBody Map<String, Object> body);

    @PutMapping(value = "/api/v1/users/{email}/pseudonymize")
    void pseudonymize(@PathVariable("email") String email);

    @DeleteMapping("/api/v1/groups/{groupId}/users/{email}")
    void removeFromGroup(@PathVariable("groupId") String groupId, @PathVariable("email") String email);

    @GetMapping("/api/v1/users/getUserByExternalId/{externalId}/{platform}")
    LmsUser byExternalId(@PathVariable("externalId") String externalId, @PathVariable("platform") String platform);

    @GetMapping("/api/v2/users")
    List<LmsUser> listUsersV2(@RequestParam("limit") int limit);
}
