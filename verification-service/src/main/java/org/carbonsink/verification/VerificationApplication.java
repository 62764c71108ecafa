package org.carbonsink.verification;

import java.time.Clock;
import java.time.ZoneId;
import org.carbonsink.support.jdbc.DatabaseClock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * Verification: monitoring reports, the removal calculation and the verifier's decision, which
 * the registry turns into credits.
 */
@SpringBootApplication
public class VerificationApplication {

    /**
     * The configuration file is {@code verification-service.yml}, not {@code application.yml}: the
     * local stack runs every service in one JVM, where one {@code application.yml} would hide the others.
     */
    public static final String CONFIG_NAME = "verification-service";

    public static SpringApplication application() {
        return new SpringApplicationBuilder(VerificationApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME).build();
    }

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * Dates such as "the period has ended" are judged on the calendar of China, where CCER applies; in
     * microseconds, as the database stores time.
     */
    @Bean
    Clock clock() {
        return DatabaseClock.system(ZoneId.of("Asia/Shanghai"));
    }
}
