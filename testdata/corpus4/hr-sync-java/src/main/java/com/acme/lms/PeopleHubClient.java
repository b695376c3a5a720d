package com.acme.lms;

import org.apache.http.client.methods.HttpDelete;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.utils.URIBuilder;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

/** Source of truth for workers; not the LMS. */
public class PeopleHubClient {
    private static final String ROOT = "https://api.peoplehub.example/api/v1";
    private final CloseableHttpClient http = HttpClients.createDefault();

    public void leavers() throws Exception {
        URIBuilder builder = new URIBuilder(ROOT + "/users");
        builder.addParameter("deleted", "true");
        http.execute(new HttpGet(builder.build())).close();
    }

    public void purge(String workerId) throws Exception {
        http.execute(new HttpDelete(ROOT + "/groups/leavers/users/" + workerId)).close();
    }
}
