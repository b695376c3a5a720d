package com.acme.lms;

import java.util.List;

/**
 * Entry point of the cron job. It used to call
 * https://acme.360learning.com/api/v1/users/{email}/pseudonymize directly; that now
 * goes through LmsConnector.
 */
public class NightlySync {
    public static void main(String[] args) throws Exception {
        LmsConnector lms = new LmsConnector(System.getenv("LMS_COMPANY"), System.getenv("LMS_API_KEY"));
        PeopleHubClient hub = new PeopleHubClient();
        hub.leavers();
        List<String> leavers = Leavers.read(args[0]);
        for (String email : leavers) {
            lms.removeFromGroup("5694ea540fa69fdd0ec0004f", email);
            lms.pseudonymize(email);
        }
    }
}
