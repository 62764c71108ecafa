/**
 * The exchange's domain metrics read from its database: trades settled and failed, and the saga
 * steps waiting past their deadline. The order counters and the match latency are counted where
 * orders arrive ({@code order.web}). docs/observability.md lists every metric.
 */
package org.carbonsink.trading.monitoring;
