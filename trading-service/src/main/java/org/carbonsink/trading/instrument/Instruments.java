package org.carbonsink.trading.instrument;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.carbonsink.support.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class Instruments {

    private static final String COLUMNS = "id, project_id, project_code, vintage, issued_quantity, listed_at, halted,"
            + " reference_price, band_basis_points";

    private final JdbcClient jdbc;

    Instruments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Instrument> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from instrument where id = :id").param("id", id)
                .query(Instruments::map).optional();
    }

    /** The listed instrument, or {@link #notListed}. */
    public Instrument require(String id) {
        return find(id).orElseThrow(() -> notListed(id));
    }

    /**
     * For a list filtered by {@code instrumentId}: nothing when the filter is not given, 400 naming the field
     * when it is blank, {@link #notListed} when it names no listed instrument.
     */
    public void requireListedIfNamed(String instrumentId) {
        if (instrumentId == null) {
            return;
        }
        if (instrumentId.isBlank()) {
            throw ProblemException.invalidField("instrumentId", "NotBlank", "must not be blank when given");
        }
        require(instrumentId);
    }

    /**
     * What every read naming an instrument answers for one that is not listed (a path or a filter alike):
     * 404 naming {@code instrumentId}, so that "not listed" never reads as "listed, nothing in it yet".
     */
    public static ProblemException notListed(String instrumentId) {
        return ProblemException.notFound("instrument", instrumentId).with("instrumentId", instrumentId);
    }

    /**
     * The instrument, with its row locked to the end of the transaction. Everything that changes the
     * instrument's order book takes this lock first, so one transaction at a time matches on a book.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Instrument> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from instrument where id = :id for update").param("id", id)
                .query(Instruments::map).optional();
    }

    public List<Instrument> list(int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from instrument order by id limit :limit offset :offset")
                .param("limit", limit).param("offset", offset).query(Instruments::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from instrument").query(Long.class).single();
    }

    /** Lists the instrument if it is new, and adds the issued quantity to it either way. */
    void addIssued(Instrument listing, long quantity) {
        jdbc.sql("""
                insert into instrument (id, project_id, project_code, vintage, issued_quantity, listed_at)
                values (:id, :projectId, :projectCode, :vintage, :quantity, :listedAt)
                on conflict (id) do update set issued_quantity = instrument.issued_quantity + excluded.issued_quantity
                """)
                .param("id", listing.id())
                .param("projectId", listing.projectId())
                .param("projectCode", listing.projectCode())
                .param("vintage", listing.vintage())
                .param("quantity", quantity)
                .param("listedAt", java.sql.Timestamp.from(listing.listedAt()))
                .update();
    }

    private static Instrument map(ResultSet rs, int row) throws SQLException {
        return new Instrument(rs.getString("id"), rs.getObject("project_id", java.util.UUID.class),
                rs.getString("project_code"), rs.getInt("vintage"), rs.getLong("issued_quantity"),
                rs.getTimestamp("listed_at").toInstant(), rs.getBoolean("halted"), rs.getBigDecimal("reference_price"),
                rs.getInt("band_basis_points"));
    }
}
