package org.carbonsink.trading;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The exchange: instruments, cash accounts, orders, the order books, trades and settlement. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TradingApplication {

    /**
     * The configuration file is {@code trading-service.yml}, not {@code application.yml}: the local
     * stack runs every service in one JVM, where one {@code application.yml} would hide the others.
     */
    public static final String CONFIG_NAME = "trading-service";

    public static SpringApplication application() {
        return new SpringApplicationBuilder(TradingApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME).build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
