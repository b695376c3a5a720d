package com.acme.portal;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** Routes this portal serves (kept v1-shaped for the old intranet). */
@RestController
public class LmsWebhookController {
    @PutMapping("/api/v1/users/{email}/pseudonymize")
    public void onPseudonymize(@PathVariable String email) { }

    @DeleteMapping("/api/v1/groups/{groupId}/users/{email}")
    public void onRemoved(@PathVariable String groupId, @PathVariable String email) { }
}
