package org.carbonsink.trading.blocktrade;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.instrument.Instrument;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.offbook.ListedInstruments;
import org.carbonsink.trading.offbook.SellerCredits;
import org.carbonsink.trading.order.Traders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A seller proposes a block trade: checked against the instrument's block rule (minimum quantity,
 * price band around the reference price), recorded, and the registry asked to hold the credits under
 * the proposal's id. The buyer can accept once the hold is confirmed.
 */
@Component
public class ProposingBlockTrade {

    private final Instruments instruments;
    private final BlockTradeRules rules;
    private final BlockTrades blockTrades;
    private final SellerCredits credits;
    private final Clock clock;
    private final Duration defaultValidity;
    private final Traders traders;

    ProposingBlockTrade(Instruments instruments, BlockTradeRules rules, BlockTrades blockTrades, SellerCredits credits,
            Clock clock, @Value("${carbonsink.block-trades.default-validity:PT4H}") Duration defaultValidity,
            Traders traders) {
        this.instruments = instruments;
        this.rules = rules;
        this.blockTrades = blockTrades;
        this.credits = credits;
        this.clock = clock;
        this.defaultValidity = defaultValidity;
        this.traders = traders;
    }

    @Transactional
    public BlockTrade propose(ProposeBlockTrade command) {
        Instant now = Instant.now(clock);
        if (command.buyerId().equals(command.sellerId())) {
            throw ProblemException.invalidField("buyerId", "NotSeller", "must name another participant than the seller");
        }
        traders.requireTrading(command.sellerId());
        // a proposal holds the seller's credits until it ends: never for a buyer that could not accept it
        traders.requireCounterparty(command.buyerId(), "buyerId");
        Instant expiresAt = command.expiresAt() == null ? now.plus(defaultValidity) : command.expiresAt();
        if (!expiresAt.isAfter(now)) {
            throw ProblemException.invalidField("expiresAt", "Future", "must be in the future");
        }
        Instrument instrument = ListedInstruments.requireTrading(instruments, command.instrumentId());
        BlockTradeRule rule = rules.of(instrument.id());
        if (command.quantity() < rule.minimumQuantity()) {
            throw ProblemException.rule("below-block-minimum", "Below the block trade minimum",
                    "a block trade of " + instrument.id() + " is for at least " + rule.minimumQuantity()
                            + " credits, not " + command.quantity() + "; smaller quantities trade on the book")
                    .with("minimumQuantity", rule.minimumQuantity()).with("quantity", command.quantity());
        }
        BigDecimal reference = rules.referencePrice(rule).orElseThrow(() -> ProblemException.rule(
                "no-reference-price", "No reference price",
                instrument.id() + " has neither traded on the book nor a reference price set by the exchange operator,"
                        + " so the block price band cannot be checked"));
        PriceBand band = new PriceBand(reference, rule.band());
        BigDecimal price = command.price().setScale(2, RoundingMode.UNNECESSARY);
        if (!band.admits(price)) {
            throw ProblemException.rule("outside-price-band", "Outside the block price band",
                    "a block trade of " + instrument.id() + " is priced within ±" + percent(rule.band())
                            + " of the reference price " + reference + ": from " + band.lower() + " to " + band.upper()
                            + " CNY, not " + price)
                    .with("referencePrice", reference).with("lower", band.lower()).with("upper", band.upper())
                    .with("price", price);
        }
        BlockTrade proposal = new BlockTrade(UUID.randomUUID(), instrument.id(), command.sellerId(), command.buyerId(),
                command.quantity(), price, price.multiply(BigDecimal.valueOf(command.quantity())), reference,
                BlockTradeStatus.PENDING_HOLD, null, null, null, expiresAt, now, now);
        blockTrades.add(proposal);
        credits.hold(proposal.id(), instrument, proposal.sellerId(), proposal.quantity());
        return blockTrades.find(proposal.id()).orElseThrow();
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
