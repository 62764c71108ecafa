package org.carbonsink.localstack;

/** Where a service finds its own database. */
public record Database(String jdbcUrl, String username, String password) {
}
