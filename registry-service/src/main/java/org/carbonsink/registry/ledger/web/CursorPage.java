package org.carbonsink.registry.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Function;
import org.carbonsink.support.web.CsvTable;
import org.carbonsink.support.web.KeysetPage;
import org.springframework.http.ResponseEntity;

/**
 * A {@link KeysetPage} of a ledger list with {@code total}, the count of the whole list where counting
 * is cheap (else null). Its own type because its name and its {@code total} are part of the
 * published API: the OpenAPI description names it ({@code CursorPageIssuanceView}, ...) and the
 * generated client and its users read it by that name.
 */
record CursorPage<T>(List<T> items, int limit, String next, Long total) {

    static <T> CursorPage<T> counted(KeysetPage<T> page, Long total) {
        return new CursorPage<>(page.items(), page.limit(), page.next(), total);
    }

    /** The same page as CSV with the list's own columns ({@link CsvTable}). */
    ResponseEntity<String> asCsv(List<String> header, Function<T, List<?>> row, HttpServletRequest request) {
        return CsvTable.of(items, next, header, row, request);
    }
}
