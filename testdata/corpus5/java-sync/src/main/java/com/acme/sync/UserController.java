package com.acme.sync;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Our own v1 facade, served to the intranet; it forwards to the LMS client. */
@RestController
public class UserController {
    private final LmsClient lms;

    public UserController(LmsClient lms) {
        this.lms = lms;
    }

    @GetMapping("/api/v1/users")
    public List<LmsUser> users(@RequestParam(value = "deleted", defaultValue = "false") boolean deleted) {
        return lms.listUsers(deleted);
    }

    @PutMapping("/api/v1/users/{email}")
    public void update(@PathVariable String email, @RequestBody Map<String, Object> body) {
        lms.updateUser(email, body);
    }

    @PutMapping("/api/v1/users/{email}/pseudonymize")
    public void forget(@PathVariable String email) {
        lms.pseudonymize(email);
    }

    @DeleteMapping("/api/v1/groups/{groupId}/users/{email}")
    public void leave(@PathVariable String groupId, @PathVariable String email) {
        lms.removeFromGroup(groupId, email);
    }
}
