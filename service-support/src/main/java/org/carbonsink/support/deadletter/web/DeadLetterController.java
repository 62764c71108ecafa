package org.carbonsink.support.deadletter.web;

import java.util.List;
import org.carbonsink.support.deadletter.DeadLetter;
import org.carbonsink.support.deadletter.DeadLetter.Replay;
import org.carbonsink.support.deadletter.DeadLetters;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's view of this service's dead letters, and their replay to the original topic
 * once the cause is fixed. The role is {@code carbonsink.admin.role}; {@code topic} is the
 * original topic (e.g. {@code trading.orders.v1}), one this service consumes.
 */
@RestController
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/admin/dead-letters")
    public List<String> topics() {
        return List.copyOf(deadLetters.consumedTopics());
    }

    @GetMapping("/admin/dead-letters/{topic}")
    public List<DeadLetter> list(@PathVariable String topic, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalidField("limit", "range", "must be between 1 and 1000");
        }
        return deadLetters.list(consumed(topic), limit);
    }

    @PostMapping("/admin/dead-letters/{topic}/{partition}/{offset}/replay")
    public Replay replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset,
            Caller caller) {
        return deadLetters.replay(consumed(topic), partition, offset, caller.participantId().toString())
                .orElseThrow(() -> ProblemException.notFound("dead letter", topic + "-" + partition + "@" + offset));
    }

    /** Replays every dead letter of the topic not sent back before. */
    @PostMapping("/admin/dead-letters/{topic}/replay")
    public List<Replay> replayAll(@PathVariable String topic, Caller caller) {
        return deadLetters.replayAll(consumed(topic), caller.participantId().toString());
    }

    private String consumed(String topic) {
        if (!deadLetters.consumedTopics().contains(topic)) {
            throw ProblemException.notFound("consumed topic", topic);
        }
        return topic;
    }
}
