package org.carbonsink.verification.report.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.Topics;
import org.carbonsink.support.outbox.Outbox;
import org.carbonsink.verification.calculation.Vintage;
import org.carbonsink.verification.report.MonitoringReport;
import org.carbonsink.verification.report.VerificationAnnouncements;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link MonitoringReportVerified} through the outbox, keyed by project id, with the
 * vintages to issue and the provenance hash of the verified version, or with the loss of a version
 * whose net is negative (no credits, no vintages).
 */
@Component
class OutboxVerificationAnnouncements implements VerificationAnnouncements {

    private final Outbox outbox;
    private final Clock clock;

    OutboxVerificationAnnouncements(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void reportVerified(MonitoringReport report, List<Vintage> vintages) {
        outbox.publish(Topics.VERIFICATION_REPORTS, report.projectId(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(clock), report.id(), report.projectId(), report.ownerId(),
                report.verifierId(), report.periodStart(), report.periodEnd(), report.vintage(),
                report.current().netRemovals(), report.current().credits(), report.current().bufferCredits(),
                vintages.stream().map(v -> new MonitoringReportVerified.VintageCredits(v.year(), v.from(), v.to(),
                        v.credits(), v.bufferCredits())).toList(),
                report.current().provenanceHash(), report.current().lossCredits()));
    }
}
