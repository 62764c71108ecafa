package org.carbonsink.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The authorization server: signed JWTs for people (login, code + PKCE) and machines (client credentials). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    /** {@code auth-server.yml}: the local stack runs every application in one JVM (see the services). */
    public static final String CONFIG_NAME = "auth-server";

    public static SpringApplication application() {
        return new SpringApplicationBuilder(AuthServerApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.config.name=" + CONFIG_NAME).build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
