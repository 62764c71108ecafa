package org.carbonsink.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page of a public list as CSV with columns the list chooses (for example a serial range as one
 * cell), where {@link CsvMessageConverter}'s columns (a record's components) do not fit. Name the columns
 * as the list's JSON fields (camelCase, as the converter's are), so a client reads one list's JSON and CSV
 * with the same names on every service. Written like
 * the converter's (RFC 4180, formula cells guarded), with the header even on an empty page. The next
 * page is a {@code Link} header (rel="next") holding a query-only reference, so it resolves against
 * whatever path the client used (the gateway's too), and the bare cursor is in
 * {@value CsvMessageConverter#NEXT_CURSOR} as on every CSV list; an offset page's total is in
 * {@value CsvMessageConverter#TOTAL_COUNT}.
 */
public final class CsvTable {

    private CsvTable() {
    }

    public static <T> ResponseEntity<String> of(List<T> items, String next, List<String> header,
            Function<T, List<?>> row, HttpServletRequest request) {
        String csv = write(items, header, row);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(CsvMessageConverter.TEXT_CSV);
        if (next != null) {
            String link = UriComponentsBuilder.fromUriString("?" + (request.getQueryString() == null ? ""
                    : request.getQueryString())).replaceQueryParam("after", next).toUriString();
            response.header(HttpHeaders.LINK, "<" + link + ">; rel=\"next\"");
            response.header(CsvMessageConverter.NEXT_CURSOR, next);
        }
        return response.body(csv);
    }

    /** An offset page of a list as CSV with its own columns, its total in {@value CsvMessageConverter#TOTAL_COUNT}. */
    public static <T> ResponseEntity<String> of(Page<T> page, List<String> header, Function<T, List<?>> row) {
        return ResponseEntity.ok().contentType(CsvMessageConverter.TEXT_CSV)
                .header(CsvMessageConverter.TOTAL_COUNT, Long.toString(page.total()))
                .body(write(page.items(), header, row));
    }

    private static <T> String write(List<T> items, List<String> header, Function<T, List<?>> row) {
        StringWriter csv = new StringWriter();
        try {
            CsvMessageConverter.write(header, items.stream().map(row).toList(), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }
}
