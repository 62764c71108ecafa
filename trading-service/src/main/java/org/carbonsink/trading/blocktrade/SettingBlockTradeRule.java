package org.carbonsink.trading.blocktrade;

import java.time.Clock;
import java.time.Instant;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.offbook.ListedInstruments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sets a block trade rule; proposals made before keep the checks they passed. */
@Component
public class SettingBlockTradeRule {

    private final BlockTradeRules rules;
    private final Instruments instruments;
    private final Clock clock;

    SettingBlockTradeRule(BlockTradeRules rules, Instruments instruments, Clock clock) {
        this.rules = rules;
        this.instruments = instruments;
        this.clock = clock;
    }

    @Transactional
    public BlockTradeRule set(SetBlockTradeRule command) {
        if (BlockTradeRule.DEFAULT.equals(command.instrumentId())) {
            if (command.referencePrice() != null) {
                throw ProblemException.invalidField("referencePrice", "Null",
                        "is set per instrument; the default rule has none");
            }
        } else {
            ListedInstruments.require(instruments, command.instrumentId());
        }
        rules.put(new BlockTradeRule(command.instrumentId(), command.minimumQuantity(), command.band(),
                command.referencePrice(), command.source(), Instant.now(clock)));
        return rules.of(command.instrumentId());
    }
}
