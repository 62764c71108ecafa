/**
 * The AsyncAPI document of the Kafka events, generated from {@code event-contracts} (its records, topics
 * and JSON fixtures) and served by the gateway.
 */
package org.carbonsink.gateway.asyncapi;
