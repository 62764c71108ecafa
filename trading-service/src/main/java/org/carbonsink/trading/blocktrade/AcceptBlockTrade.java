package org.carbonsink.trading.blocktrade;

import java.util.UUID;

/** The named buyer accepts the block trade. */
public record AcceptBlockTrade(UUID blockTradeId, UUID callerId) {
}
