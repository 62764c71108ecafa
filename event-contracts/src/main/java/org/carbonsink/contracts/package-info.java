/**
 * The event contracts between the services: topic names, the event records and their JSON form.
 *
 * <p>Every record carries {@code eventId} (consumers keep it in their inbox, so a redelivered event
 * changes nothing) and {@code occurredAt}. Records use JDK types only. Changes are additive: a
 * breaking change is a new record on a {@code .v2} topic. Each record has a JSON fixture under
 * {@code fixtures/} that a test reads into the record and writes back unchanged.
 */
package org.carbonsink.contracts;
