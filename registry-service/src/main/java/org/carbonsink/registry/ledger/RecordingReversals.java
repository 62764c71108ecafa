package org.carbonsink.registry.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.registry.ledger.core.BlockMove;
import org.carbonsink.registry.ledger.core.Placement;
import org.carbonsink.registry.ledger.core.SerialBlock;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.registry.participant.Participants;
import org.carbonsink.support.messaging.EventRefused;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a reversal and covers it from the pooled buffer (Verra AFOLU practice): as many buffer
 * credits as the loss are cancelled, the project's own first (oldest vintage, lowest serial), then
 * those of other projects (oldest vintage first), since the pool insures every project; what the
 * whole pool cannot cover is recorded as the shortfall. The project's issuance is blocked until
 * reports verified after the reversal add up to the loss ({@link #makeGood}); the credits of the report
 * that reaches it beyond the loss are issued.
 */
@Component
public class RecordingReversals {

    /** A loss is recorded for a project that was registered; it may be suspended by now. */
    private static final Set<String> REVERSIBLE = Set.of("REGISTERED", "SUSPENDED");

    private final Participants participants;
    private final ProjectStandings projects;
    private final Accounts accounts;
    private final SerialBlocks blocks;
    private final Reversals reversals;
    private final Cancellations cancellations;
    private final LedgerMovements movements;
    private final LedgerEvents messages;
    private final AuditTrail audit;
    private final Clock clock;

    RecordingReversals(Participants participants, ProjectStandings projects, Accounts accounts, SerialBlocks blocks,
            Reversals reversals, Cancellations cancellations, LedgerMovements movements, LedgerEvents messages,
            AuditTrail audit, Clock clock) {
        this.participants = participants;
        this.projects = projects;
        this.accounts = accounts;
        this.blocks = blocks;
        this.reversals = reversals;
        this.cancellations = cancellations;
        this.movements = movements;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Reversal record(RecordReversal command) {
        participants.requireRole(command.administratorId(), ParticipantRole.REGISTRY_ADMINISTRATOR,
                "record a reversal");
        Instant now = clock.instant();
        if (command.lossDate().isAfter(LocalDate.ofInstant(now, ZoneOffset.ofHours(8)))) {
            throw ProblemException.invalidField("lossDate", "past-or-present", "must not be in the future");
        }
        ProjectStandings.Standing project = projects.exclusive(command.projectId()).orElseThrow(() -> ProblemException
                .invalidField("projectId", "known-project", "names no project in the registry"));
        if (!REVERSIBLE.contains(project.status())) {
            throw ProblemException.conflict("project-not-registered", "No reversal for this project",
                    "project " + project.code() + " is " + project.status() + "; a reversal is recorded for a "
                            + "REGISTERED or SUSPENDED project");
        }
        LocalDate start = project.creditingPeriodStart();
        if (start != null && command.lossDate().isBefore(start)) {
            throw ProblemException.invalidField("lossDate", "within-crediting-period", "must be on or after " + start
                    + ", the start of the crediting period of project " + project.code()
                    + ": no removal before it was credited, so none can be reversed");
        }
        return reverse(project, command.lossDate(), command.cause().trim(), command.lossCredits(),
                command.administratorId(), null, now);
    }

    /**
     * A verified monitoring report whose net removals are negative: its loss is recorded as a reversal
     * of the project, as if the administrator had recorded it on the last day of the monitoring
     * period, with the report named as its cause. Recorded once per report: a repeated event answers
     * the reversal recorded before. Refused (to the dead letters) for a project that is not
     * REGISTERED or SUSPENDED, or whose owner the report does not name.
     */
    @Transactional
    public Reversal recordMonitoredLoss(RecordMonitoredLoss command) {
        if (command.lossCredits() <= 0) {
            throw new EventRefused("report " + command.reportId() + " verified a loss of " + command.lossCredits()
                    + " tCO2e; a monitored loss is at least 1");
        }
        ProjectStandings.Standing project = projects.exclusive(command.projectId()).orElseThrow(() -> new EventRefused(
                "report " + command.reportId() + " is for unknown project " + command.projectId()));
        Optional<Reversal> recorded = reversals.ofReport(command.reportId());
        if (recorded.isPresent()) {
            return recorded.get();
        }
        if (!REVERSIBLE.contains(project.status())) {
            throw new EventRefused("project " + project.code() + " is " + project.status() + "; the loss of report "
                    + command.reportId() + " is recorded for a REGISTERED or SUSPENDED project");
        }
        if (!project.ownerId().equals(command.ownerId())) {
            throw new EventRefused("report " + command.reportId() + " names owner " + command.ownerId()
                    + " but project " + project.code() + " is owned by " + project.ownerId());
        }
        return reverse(project, command.periodEnd(), command.cause(), command.lossCredits(), null,
                command.reportId(), clock.instant());
    }

    private Reversal reverse(ProjectStandings.Standing project, LocalDate lossDate, String cause, long lossCredits,
            UUID recordedBy, UUID reportId, Instant now) {
        accounts.lock(Accounts.BUFFER_POOL);
        UUID id = UUID.randomUUID();
        String reason = "reversal " + id + " of " + project.code() + ": " + cause;
        long coverable = lossCredits;
        List<SerialBlock> own = blocks.lockBuffer(Accounts.BUFFER_POOL, project.id(), true);
        List<SerialBlock> others = blocks.lockBuffer(Accounts.BUFFER_POOL, project.id(), false);
        List<SerialBlock> taken = new ArrayList<>();
        long cancelled = 0;
        for (List<SerialBlock> source : List.of(own, others)) {
            for (SerialBlock block : source) {
                if (cancelled == coverable) {
                    break;
                }
                taken.add(block);
                cancelled += Math.min(block.quantity(), coverable - cancelled);
            }
        }
        Reversal reversal = new Reversal(id, project.id(), project.code(), lossDate, cause, lossCredits, cancelled, 0,
                null, recordedBy, now, reportId);
        // the reversal row first: its cancellations refer to it
        reversals.add(reversal);
        Map<String, Object> details = new LinkedHashMap<>(Map.of("projectId", project.id().toString(),
                "lossDate", lossDate.toString(), "cause", cause, "lossCredits", lossCredits,
                "bufferCancelled", cancelled, "shortfall", reversal.shortfall()));
        if (reportId != null) {
            details.put("reportId", reportId.toString());
        }
        audit.append("REVERSAL_RECORDED", "reversal", id.toString(), recordedBy, details);
        cancelFrom(taken, cancelled, reversal, reason, recordedBy, now);
        messages.reversalRecorded(reversal);
        messages.issuanceBlocked(project.id(), project.status(), true, "reversal of " + lossCredits
                + " tCO2e on " + lossDate + " (" + cause + "): no new credits until "
                + "later verified reports make the loss good");
        return reversal;
    }

    /** Cancels {@code quantity} serials of {@code taken} (in its order), one cancellation per project and vintage. */
    private void cancelFrom(List<SerialBlock> taken, long quantity, Reversal reversal, String reason, UUID by,
            Instant now) {
        Map<String, List<SerialBlock>> groups = new LinkedHashMap<>();
        taken.forEach(b -> groups.computeIfAbsent(b.projectId() + "/" + b.vintage(), k -> new ArrayList<>()).add(b));
        long remaining = quantity;
        Iterator<UUID> ids = Cancellations.newIds(groups.size()).iterator();
        for (List<SerialBlock> group : groups.values()) {
            long inGroup = Math.min(remaining, group.stream().mapToLong(SerialBlock::quantity).sum());
            if (inGroup == 0) {
                break;
            }
            SerialBlock any = group.get(0);
            UUID cancellationId = ids.next();
            BlockMove move = BlockMove.take(group, inGroup, Placement.cancelled(Accounts.BUFFER_POOL, cancellationId));
            cancellations.add(new Cancellation(cancellationId, Accounts.BUFFER_POOL, null, any.projectId(),
                    any.projectCode(), any.vintage(), inGroup, Cancellation.Kind.REVERSAL, reason, by, reversal.id(),
                    now, List.of()));
            blocks.apply(move);
            movements.record(LedgerMovements.Kind.CANCEL, now, any.projectId(), move.moved(), Accounts.BUFFER_POOL,
                    Accounts.BUFFER_POOL, cancellationId, by);
            messages.cancelled(cancellations.find(cancellationId).orElseThrow(), move.moved());
            remaining -= inGroup;
        }
    }

    /**
     * A report verified for a project with open reversals: its credits make the losses good, oldest
     * first, and as many as that takes are not issued (the buffer already replaced the lost carbon;
     * crediting that regrowth again would count it twice). Credits beyond the losses are issued (Verra:
     * VCUs are issued for the removals in excess of the loss). Answers how many of the report's
     * credits made losses good: none when no loss is open, all of them for a report counted before.
     */
    long makeGood(UUID reportId, UUID projectId, String status, long credits) {
        List<Reversal> open = reversals.open(projectId);
        if (open.isEmpty()) {
            return 0;
        }
        long stillLost = open.stream().mapToLong(r -> r.lossCredits() - r.madeGoodCredits()).sum();
        long applied = Math.min(credits, stillLost);
        Instant now = clock.instant();
        if (!reversals.withhold(reportId, projectId, applied, now)) {
            return credits;
        }
        long left = applied;
        for (Reversal reversal : open) {
            if (left == 0) {
                break;
            }
            long apply = Math.min(left, reversal.lossCredits() - reversal.madeGoodCredits());
            boolean madeGood = reversals.makeGood(reversal.id(), apply, now);
            audit.append("REPORT_APPLIED_TO_REVERSAL", "reversal", reversal.id().toString(), null, Map.of(
                    "reportId", reportId.toString(), "credits", apply, "madeGood", madeGood));
            left -= apply;
        }
        if (reversals.open(projectId).isEmpty()) {
            messages.issuanceBlocked(projectId, status, false, "report " + reportId + " made good the loss of "
                    + open.stream().mapToLong(r -> r.lossCredits()).sum() + " tCO2e; the " + (credits - applied)
                    + " credits beyond it are issued, and so are later reports'");
        }
        return applied;
    }
}
