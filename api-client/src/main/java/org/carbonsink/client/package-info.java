/**
 * The generated clients of the three APIs, set up to call them through the gateway:
 * {@link org.carbonsink.client.CarbonsinkClient}. The clients themselves are generated at build time from
 * the descriptions in {@code src/main/openapi/} into {@code org.carbonsink.client.registry},
 * {@code .verification} and {@code .trading} (scripts/refresh-api-client.sh refreshes the descriptions).
 */
package org.carbonsink.client;
