package org.carbonsink.trading.blocktrade;

import java.util.UUID;

/** The buyer declines ({@code DECLINED}) or the seller cancels ({@code CANCELLED}) an open block trade. */
public record EndBlockTrade(UUID blockTradeId, UUID callerId, BlockTradeStatus ending) {
}
