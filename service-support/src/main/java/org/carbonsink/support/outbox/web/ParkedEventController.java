package org.carbonsink.support.outbox.web;

import java.util.List;
import org.carbonsink.support.outbox.ParkedEvents;
import org.carbonsink.support.outbox.ParkedEvents.ParkedEvent;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's view of outbox rows that could never be sent, and their release once the
 * cause is fixed (a larger {@code max.request.size}, a granted ACL). The role is
 * {@code carbonsink.admin.role}.
 */
@RestController
public class ParkedEventController {

    private final ParkedEvents parked;

    public ParkedEventController(ParkedEvents parked) {
        this.parked = parked;
    }

    @GetMapping("/admin/outbox/parked")
    public List<ParkedEvent> list() {
        return parked.list();
    }

    @PostMapping("/admin/outbox/parked/{id}/release")
    public ResponseEntity<Void> release(@PathVariable long id, Caller caller) {
        if (!parked.release(id, caller.participantId().toString())) {
            throw ProblemException.notFound("parked outbox event", id);
        }
        return ResponseEntity.noContent().build();
    }
}
