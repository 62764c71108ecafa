package org.carbonsink.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The registry: methodologies, participants and accounts, projects and the credit ledger. */
@SpringBootApplication
public class RegistryApplication {

    /**
     * The configuration file is {@code registry-service.yml}, not {@code application.yml}: the local
     * stack runs every service in one JVM, where one {@code application.yml} would hide the others.
     */
    public static final String CONFIG_NAME = "registry-service";

    public static SpringApplication application() {
        return new SpringApplicationBuilder(RegistryApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME).build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
