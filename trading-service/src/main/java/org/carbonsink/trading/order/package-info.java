/**
 * Orders and the books they meet. One in-memory book per instrument ({@code matching}'s engine), owned
 * by a single writer thread per shard ({@link org.carbonsink.trading.order.Sequencer}), which applies
 * commands in batches and commits each batch with its results before any request is answered (group
 * commit). {@link org.carbonsink.trading.order.Exchange} routes commands to the owning writer; instances
 * share the books by Kafka partition assignment. A sell order enters its book only once the registry
 * holds its credits. See docs/exchange-engine.md.
 */
package org.carbonsink.trading.order;
