package org.carbonsink.registry.project;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.carbonsink.support.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anyone may comment on a project while its disclosure window is open, without a token (CCER Art. 10).
 * A comment is at most {@code commentMaxLength} characters; one client address may post at most
 * {@code commentsPerAddress} comments per {@code commentInterval} (429 beyond). The address is kept
 * only as an HMAC under {@code carbonsink.projects.comment-address-key} (a random key per process
 * when unset), so it is never stored in the clear.
 */
@Component
public class CommentingOnProject {

    private final Projects projects;
    private final Comments comments;
    private final ProjectCalendar calendar;
    private final ProjectRules rules;
    private final Clock clock;
    private final SecretKeySpec addressKey;

    CommentingOnProject(Projects projects, Comments comments, ProjectCalendar calendar, ProjectRules rules,
            Clock clock) {
        this.projects = projects;
        this.comments = comments;
        this.calendar = calendar;
        this.rules = rules;
        this.clock = clock;
        byte[] key = rules.commentAddressKey() == null || rules.commentAddressKey().isBlank()
                ? new SecureRandom().generateSeed(32) : rules.commentAddressKey().getBytes(StandardCharsets.UTF_8);
        this.addressKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Transactional
    public Comment post(PostComment command) {
        String body = command.body().strip();
        if (body.length() > rules.commentMaxLength()) {
            throw ProblemException.invalidField("body", "max-length", "has " + body.length()
                    + " characters; a comment has at most " + rules.commentMaxLength());
        }
        Project project = projects.get(command.projectId());
        ProjectLifecycle.next(project.status(), ProjectLifecycle.Act.COMMENT, project.code());
        LocalDate today = calendar.today();
        if (!project.disclosure().open(today, clock.instant())) {
            throw ProblemException.conflict("disclosure-closed", "Disclosure window closed",
                    "project " + project.code() + " took comments from " + project.disclosure().opens() + " to "
                            + project.disclosure().closes() + "; today is " + today);
        }
        String clientKey = clientKey(command.clientAddress());
        Instant now = clock.instant();
        if (comments.countFrom(clientKey, now.minus(rules.commentInterval())) >= rules.commentsPerAddress()) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "comment-rate-limit", "Too many comments",
                    "at most " + rules.commentsPerAddress() + " comments per " + rules.commentInterval()
                            + " from one address")
                    .with("retryAfterSeconds", rules.commentInterval().toSeconds());
        }
        String author = command.author() == null || command.author().isBlank() ? null : command.author().strip();
        Comment comment = new Comment(UUID.randomUUID(), project.id(), author, body, now);
        comments.add(comment, clientKey);
        return comment;
    }

    private String clientKey(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(addressKey);
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
