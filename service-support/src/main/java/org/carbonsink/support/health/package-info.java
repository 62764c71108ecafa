/** Health the probes read beyond Spring Boot's own: the Kafka broker. */
package org.carbonsink.support.health;
