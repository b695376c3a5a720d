package com.acme.lms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpDelete;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPut;
import org.apache.http.client.utils.URIBuilder;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * Legacy 360Learning connector used by the nightly HR sync (written 2017, Java 8).
 * Old reference: https://app.360learning.com/api/v1/docs (v1 is being retired).
 */
public class LmsConnector {
    private static final String HOST = "https://acme.360learning.com";
    private static final String API_ROOT = HOST + "/api/v1";

    private final String company;
    private final String apiKey;
    private final CloseableHttpClient http = HttpClients.createDefault();
    private final ObjectMapper mapper = new ObjectMapper();

    public LmsConnector(String company, String apiKey) {
        this.company = company;
        this.apiKey = apiKey;
    }

    public String listUsers(boolean includeDeleted) throws Exception {
        URIBuilder builder = new URIBuilder(API_ROOT + "/users");
        builder.addParameter("company", company);
        builder.addParameter("apiKey", apiKey);
        builder.addParameter("deleted", String.valueOf(includeDeleted));
        HttpGet get = new HttpGet(builder.build());
        try (CloseableHttpResponse resp = http.execute(get)) {
            return EntityUtils.toString(resp.getEntity());
        }
    }

    public void moveToGroup(String email, String groupId, String initialPassword) throws Exception {
        URIBuilder builder = new URIBuilder(API_ROOT + "/users/" + email);
        builder.addParameter("company", company);
        builder.addParameter("apiKey", apiKey);

        ObjectNode body = mapper.createObjectNode();
        body.put("primaryGroupId", groupId);
        if (initialPassword != null) {
            body.put("password", initialPassword);
        }
        HttpPut put = new HttpPut(builder.build());
        put.setEntity(new StringEntity(mapper.writeValueAsString(body), ContentType.APPLICATION_JSON));
        http.execute(put).close();
    }

    public void removeFromGroup(String groupId, String email) throws Exception {
        URIBuilder builder = new URIBuilder(API_ROOT + "/groups/" + groupId + "/users/" + email);
        builder.addParameter("company", company);
        builder.addParameter("apiKey", apiKey);
        http.execute(new HttpDelete(builder.build())).close();
    }

    public void pseudonymize(String email) throws Exception {
        HttpPut put = new HttpPut(API_ROOT + "/users/" + email + "/pseudonymize?company=" + company + "&apiKey=" + apiKey);
        http.execute(put).close();
    }

    public String findByWorkdayId(String workerId) throws Exception {
        HttpGet get = new HttpGet(String.format("%s/users/getUserByExternalId/%s/Workday?company=%s&apiKey=%s",
                API_ROOT, workerId, company, apiKey));
        try (CloseableHttpResponse resp = http.execute(get)) {
            return EntityUtils.toString(resp.getEntity());
        }
    }

    public String groups() throws Exception {
        HttpGet get = new HttpGet(API_ROOT + "/groups?company=" + company + "&apiKey=" + apiKey);
        try (CloseableHttpResponse resp = http.execute(get)) {
            return EntityUtils.toString(resp.getEntity());
        }
    }

    // Already migrated: v2 with a bearer token.
    public String listUsersV2(String token) throws Exception {
        HttpGet get = new HttpGet(HOST + "/api/v2/users");
        get.addHeader("Authorization", "Bearer " + token);
        get.addHeader("360-api-version", "v2.0");
        try (CloseableHttpResponse resp = http.execute(get)) {
            return EntityUtils.toString(resp.getEntity());
        }
    }
}
