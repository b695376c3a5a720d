package com.acme.lms;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.*;

/** The intranet's own endpoints (served here), backed by LmsClient. */
@RestController
@RequestMapping("/api/v1/users")
public class LearnerController {

    private final LmsClient lms;

    public LearnerController(LmsClient lms) {
        this.lms = lms;
    }

    @GetMapping
    public List<Map<String, Object>> list(@RequestParam(defaultValue = "false") boolean deleted) {
        return lms.learners(deleted);
    }

    @PutMapping("/{email}/group")
    public void move(@PathVariable String email, @RequestBody Map<String, String> body) {
        lms.changeManagerGroup(email, body.get("primaryGroupId"));
    }
}
