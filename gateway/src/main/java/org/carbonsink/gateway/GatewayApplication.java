package org.carbonsink.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The single entry point: routes {@code /api/<service>/**} to the services; no business code. */
@SpringBootApplication
public class GatewayApplication {

    /** {@code gateway.yml}: the local stack runs every application in one JVM (see the services). */
    public static final String CONFIG_NAME = "gateway";

    public static SpringApplication application() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties("spring.config.name=" + CONFIG_NAME).build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
