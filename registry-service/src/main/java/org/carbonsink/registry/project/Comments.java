package org.carbonsink.registry.project;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Comments {

    private final JdbcClient jdbc;

    Comments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Comment comment, String clientKey) {
        jdbc.sql("insert into project_comment (id, project_id, author, body, posted_at, client_key) "
                + "values (:id, :project, :author, :body, :at, :client)")
                .param("id", comment.id()).param("project", comment.projectId()).param("author", comment.author())
                .param("body", comment.body()).param("at", Timestamp.from(comment.postedAt()))
                .param("client", clientKey).update();
    }

    int countFrom(String clientKey, Instant since) {
        return jdbc.sql("select count(*) from project_comment where client_key = :client and posted_at > :since")
                .param("client", clientKey).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    /** The project's comments after {@code after} (null: from the first), oldest first. */
    public List<Comment> of(UUID projectId, UUID after, int limit) {
        return jdbc.sql("select id, project_id, author, body, posted_at from project_comment "
                + "where project_id = :project and (cast(:after as uuid) is null or (posted_at, id) > "
                + "(select posted_at, id from project_comment where id = :after)) order by posted_at, id limit :limit")
                .param("project", projectId).param("after", after).param("limit", limit)
                .query((rs, row) -> new Comment(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                        rs.getString("author"), rs.getString("body"), rs.getTimestamp("posted_at").toInstant()))
                .list();
    }
}
