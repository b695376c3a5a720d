package com.acme.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestTemplate;

@Configuration
public class LmsRestConfig {

    @Bean(name = "lmsRestTemplate")
    public RestTemplate lmsRestTemplate(RestTemplateBuilder builder,
                                        @Value("${lms.root-uri}") String rootUri) {
        return builder.rootUri(rootUri).build();
    }

    @Bean(name = "peopleHubRestTemplate")
    public RestTemplate peopleHubRestTemplate(RestTemplateBuilder builder,
                                              @Value("${peoplehub.root-uri}") String rootUri) {
        return builder.rootUri(rootUri).build();
    }
}
