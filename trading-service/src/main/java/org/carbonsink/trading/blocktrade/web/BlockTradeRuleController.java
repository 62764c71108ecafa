package org.carbonsink.trading.blocktrade.web;

import jakarta.validation.Valid;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.Refuses;
import org.carbonsink.trading.blocktrade.BlockTradeRule;
import org.carbonsink.trading.blocktrade.BlockTradeRules;
import org.carbonsink.trading.blocktrade.SetBlockTradeRule;
import org.carbonsink.trading.blocktrade.SettingBlockTradeRule;
import org.carbonsink.trading.instrument.Instruments;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Block trade rules: public to read, set by the exchange operator. {@code *} names the default rule
 * of every instrument without its own.
 */
@RestController
@RequestMapping("/block-trade-rules/{instrumentId}")
class BlockTradeRuleController {

    static final String OPERATOR = "EXCHANGE_OPERATOR";

    private final SettingBlockTradeRule setting;
    private final BlockTradeRules rules;
    private final Instruments instruments;

    BlockTradeRuleController(SettingBlockTradeRule setting, BlockTradeRules rules, Instruments instruments) {
        this.setting = setting;
        this.rules = rules;
        this.instruments = instruments;
    }

    @GetMapping
    BlockTradeRuleView get(@PathVariable String instrumentId) {
        if (!BlockTradeRule.DEFAULT.equals(instrumentId)) {
            instruments.require(instrumentId);
        }
        return view(rules.of(instrumentId));
    }

    @Refuses(HttpStatus.UNPROCESSABLE_CONTENT)
    @PutMapping
    BlockTradeRuleView setRule(Caller caller, @PathVariable String instrumentId,
            @Valid @RequestBody BlockTradeRuleRequest request) {
        caller.requireRole(OPERATOR, "set block trade rules");
        return view(setting.set(new SetBlockTradeRule(instrumentId, request.minimumQuantity(),
                request.band(), request.referencePrice(), request.source())));
    }

    private BlockTradeRuleView view(BlockTradeRule rule) {
        return BlockTradeRuleView.of(rule, rules.referencePrice(rule));
    }
}
