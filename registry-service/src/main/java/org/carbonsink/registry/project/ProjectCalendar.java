package org.carbonsink.registry.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.carbonsink.calendar.WorkingDayCalendar;
import org.carbonsink.calendar.WorkingDayWindow;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The lifecycle's dates: "today" is the date in Beijing, where the rules' working days are counted,
 * read from the injected clock; windows and deadlines come from the shared working-day calendar.
 */
@Component
@EnableConfigurationProperties(ProjectRules.class)
public class ProjectCalendar {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Clock clock;
    private final ProjectRules rules;
    private final WorkingDayCalendar calendar = WorkingDayCalendar.china();

    ProjectCalendar(Clock clock, ProjectRules rules) {
        this.clock = clock;
        this.rules = rules;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * The disclosure window opening today: {@code disclosureWorkingDays} working days, or, when
     * configuration shortened it, until now plus {@code disclosureShortenedTo} (its dates then span
     * that time, and the note says it was shortened).
     */
    Project.Disclosure disclosureFromToday() {
        if (rules.disclosureShortenedTo() != null) {
            Instant endsAt = now().plus(rules.disclosureShortenedTo());
            return new Project.Disclosure(today(), LocalDate.ofInstant(endsAt, CHINA), "shortened by configuration to "
                    + rules.disclosureShortenedTo() + " (carbonsink.projects.disclosure-shortened-to); the rules say "
                    + rules.disclosureWorkingDays() + " working days", endsAt);
        }
        WorkingDayWindow window = calendar.window(today(), rules.disclosureWorkingDays());
        return new Project.Disclosure(window.opens(), window.closes(), window.note(), null);
    }

    /** The registry's decision deadline for an application filed today. */
    Project.Deadline decisionDueFromToday() {
        WorkingDayWindow deadline = calendar.deadline(today(), rules.decisionWorkingDays());
        return new Project.Deadline(deadline.closes(), deadline.note());
    }
}
