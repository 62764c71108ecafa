package org.carbonsink.contracts;

import java.util.List;

/**
 * Topic names, {@code <service>.<aggregate>.v<N>}. A topic may carry several event types; the
 * {@link EventHeaders#EVENT_TYPE} header names the record.
 */
public final class Topics {

    /** {@link ProjectRegistered}, {@link ProjectStateChanged}; keyed by project id. */
    public static final String REGISTRY_PROJECTS = "registry.projects.v1";
    /** {@link ParticipantRegistered}; keyed by participant id. */
    public static final String REGISTRY_PARTICIPANTS = "registry.participants.v1";
    /** {@link CreditsIssued}, {@link CreditsRetired}, {@link CreditsCancelled},
     * {@link CreditsTransferred}, {@link ReversalRecorded}; keyed by project id. */
    public static final String REGISTRY_CREDITS = "registry.credits.v1";
    /** {@link CreditsHeld}, {@link CreditHoldRejected}, {@link CreditsDelivered}, {@link CreditDeliveryFailed},
     * {@link HoldStateReported}, {@link DeliveryStateReported}; keyed by instrument id. */
    public static final String REGISTRY_HOLDS = "registry.holds.v1";
    /** {@link CreditsPledged}, {@link PledgeReleased}, {@link PledgeEnforced}, {@link PledgeVoided}; keyed by pledge id. */
    public static final String REGISTRY_PLEDGES = "registry.pledges.v1";
    /** {@link MonitoringReportVerified}; keyed by project id. */
    public static final String VERIFICATION_REPORTS = "verification.reports.v1";
    /** {@link CreditHoldRequested}, {@link CreditHoldReleaseRequested}, {@link HoldStateRequested}; keyed by
     * instrument id. */
    public static final String TRADING_ORDERS = "trading.orders.v1";
    /** {@link TradeExecuted}, {@link DeliveryStateRequested}; keyed by instrument id. */
    public static final String TRADING_TRADES = "trading.trades.v1";

    /** {@link BankTransferReceived}, from the bank adapter; keyed by participant id. */
    public static final String TRADING_CASH = "trading.cash.v1";

    /** Messages a consumer cannot read go to {@code <topic>-dlt} (Spring Kafka 4 default). */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    public static final List<String> ALL = List.of(REGISTRY_PROJECTS, REGISTRY_PARTICIPANTS, REGISTRY_CREDITS,
            REGISTRY_HOLDS, REGISTRY_PLEDGES, VERIFICATION_REPORTS, TRADING_ORDERS, TRADING_TRADES, TRADING_CASH);

    /**
     * A topic, what its records are keyed by and the event records it carries: what the AsyncAPI
     * document (served by the gateway) is generated from.
     */
    public record Channel(String topic, String key, List<Class<? extends Record>> events) {

        public Channel {
            events = List.copyOf(events);
        }
    }

    /** Every topic of {@link #ALL}, in that order. */
    public static final List<Channel> CHANNELS = List.of(
            new Channel(REGISTRY_PROJECTS, "project id", List.of(ProjectRegistered.class, ProjectStateChanged.class)),
            new Channel(REGISTRY_PARTICIPANTS, "participant id", List.of(ParticipantRegistered.class)),
            new Channel(REGISTRY_CREDITS, "project id", List.of(CreditsIssued.class, CreditsRetired.class,
                    CreditsCancelled.class, CreditsTransferred.class, ReversalRecorded.class)),
            new Channel(REGISTRY_HOLDS, "instrument id", List.of(CreditsHeld.class, CreditHoldRejected.class,
                    CreditsDelivered.class, CreditDeliveryFailed.class, HoldStateReported.class,
                    DeliveryStateReported.class)),
            new Channel(REGISTRY_PLEDGES, "pledge id", List.of(CreditsPledged.class, PledgeReleased.class,
                    PledgeEnforced.class, PledgeVoided.class)),
            new Channel(VERIFICATION_REPORTS, "project id", List.of(MonitoringReportVerified.class)),
            new Channel(TRADING_ORDERS, "instrument id",
                    List.of(CreditHoldRequested.class, CreditHoldReleaseRequested.class, HoldStateRequested.class)),
            new Channel(TRADING_TRADES, "instrument id", List.of(TradeExecuted.class, DeliveryStateRequested.class)),
            new Channel(TRADING_CASH, "participant id", List.of(BankTransferReceived.class)));

    private Topics() {
    }
}
