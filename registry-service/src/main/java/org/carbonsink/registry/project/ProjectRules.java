package org.carbonsink.registry.project;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of the lifecycle ({@code carbonsink.projects.*}). The defaults are the rules': CCER
 * discloses a design for 20 working days and the registry decides within 15; the local stack may
 * shorten them for its demo. {@code maxRiskRating}: above it a project is not eligible (Verra AFOLU
 * non-permanence risk tool: 60). Public comments: at most {@code commentMaxLength} characters, and
 * at most {@code commentsPerAddress} from one client address per {@code commentInterval}.
 * {@code disclosureShortenedTo}, unset by default, makes a disclosure last that long in real time
 * instead of its working days: for a demo that cannot wait for days, never for the registry.
 */
@ConfigurationProperties("carbonsink.projects")
public record ProjectRules(Integer disclosureWorkingDays, Integer decisionWorkingDays, BigDecimal maxRiskRating,
        Integer commentMaxLength, Integer commentsPerAddress, Duration commentInterval, String commentAddressKey,
        Duration disclosureShortenedTo) {

    public ProjectRules {
        disclosureWorkingDays = disclosureWorkingDays == null ? 20 : disclosureWorkingDays;
        decisionWorkingDays = decisionWorkingDays == null ? 15 : decisionWorkingDays;
        maxRiskRating = maxRiskRating == null ? new BigDecimal("60") : maxRiskRating;
        commentMaxLength = commentMaxLength == null ? 4000 : commentMaxLength;
        commentsPerAddress = commentsPerAddress == null ? 5 : commentsPerAddress;
        commentInterval = commentInterval == null ? Duration.ofHours(1) : commentInterval;
        if (disclosureWorkingDays < 1 || decisionWorkingDays < 1) {
            throw new IllegalArgumentException("carbonsink.projects: windows last at least 1 working day");
        }
    }
}
