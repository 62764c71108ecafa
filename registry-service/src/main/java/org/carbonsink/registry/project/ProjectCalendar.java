package org.carbonsink.registry.project;

import java.time.Clock;
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

    /** The disclosure window opening today: {@code disclosureWorkingDays} working days. */
    Project.Disclosure disclosureFromToday() {
        WorkingDayWindow window = calendar.window(today(), rules.disclosureWorkingDays());
        return new Project.Disclosure(window.opens(), window.closes(), window.note());
    }

    /** The registry's decision deadline for an application filed today. */
    Project.Deadline decisionDueFromToday() {
        WorkingDayWindow deadline = calendar.deadline(today(), rules.decisionWorkingDays());
        return new Project.Deadline(deadline.closes(), deadline.note());
    }
}
