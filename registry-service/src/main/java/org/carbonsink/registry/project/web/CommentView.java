package org.carbonsink.registry.project.web;

import java.time.Instant;
import java.util.UUID;
import org.carbonsink.registry.project.Comment;

record CommentView(UUID id, String author, String body, Instant postedAt) {

    static CommentView of(Comment c) {
        return new CommentView(c.id(), c.author(), c.body(), c.postedAt());
    }
}
