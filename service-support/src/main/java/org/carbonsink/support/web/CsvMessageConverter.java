package org.carbonsink.support.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.core.ResolvableType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a {@link KeysetPage} or a {@link Page} of records as CSV (RFC 4180, UTF-8) when the client asks
 * for {@code text/csv}: a header of the record's component names, one line per item; the cursor of the
 * next keyset page in the {@value #NEXT_CURSOR} header, or an offset page's total in {@value #TOTAL_COUNT}
 * (the public lists of every service: architecture.md, "The public face"). Text cells that a spreadsheet would read as a
 * formula ({@code = + - @}, tab, carriage return first) get a leading apostrophe (OWASP CSV injection),
 * so public text cannot run in a reader's spreadsheet; numbers are written as they are. An empty page
 * still has its header when the handler's declared type names the item record ({@code KeysetPage<View>}),
 * as {@link CsvTable}'s lists do, so a client reading the columns by name need not special-case "none".
 */
public class CsvMessageConverter extends AbstractGenericHttpMessageConverter<Object> {

    /** For {@code produces} of a handler that answers CSV itself. */
    public static final String TEXT_CSV_VALUE = "text/csv";
    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final String NEXT_CURSOR = "X-Next-Cursor";
    public static final String TOTAL_COUNT = "X-Total-Count";

    public CsvMessageConverter() {
        super(TEXT_CSV);
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return KeysetPage.class.isAssignableFrom(clazz) || Page.class.isAssignableFrom(clazz);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is written, not read", input);
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is written, not read", input);
    }

    @Override
    protected void writeInternal(Object page, Type type, HttpOutputMessage output) throws IOException {
        // the whole page first: a failure must still be able to answer with a problem, not half a file
        StringWriter csv = new StringWriter();
        if (page instanceof KeysetPage<?> keyset) {
            write(keyset.items(), itemType(type, KeysetPage.class), csv);
            if (keyset.next() != null) {
                output.getHeaders().set(NEXT_CURSOR, keyset.next());
            }
        } else {
            Page<?> offset = (Page<?>) page;
            write(offset.items(), itemType(type, Page.class), csv);
            output.getHeaders().set(TOTAL_COUNT, Long.toString(offset.total()));
        }
        Writer out = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        out.write(csv.toString());
        out.flush();
    }

    /** The record a page's declared type holds ({@code View} of {@code KeysetPage<View>}), or null if unknown. */
    private static Class<?> itemType(Type declared, Class<?> pageType) {
        if (declared == null) {
            return null;
        }
        Class<?> item = ResolvableType.forType(declared).as(pageType).getGeneric(0).resolve();
        return item != null && item.isRecord() ? item : null;
    }

    /** The items as CSV; every item must be a record of the same type. */
    static void write(List<?> items, Writer out) throws IOException {
        write(items, null, out);
    }

    /**
     * The items as CSV, each a record of the same type; the header alone for no items when
     * {@code declared} names the record, nothing at all when it does not.
     */
    static void write(List<?> items, Class<?> declared, Writer out) throws IOException {
        Class<?> type = items.isEmpty() ? declared : items.get(0).getClass();
        if (type == null) {
            return;
        }
        RecordComponent[] columns = type.getRecordComponents();
        if (columns == null) {
            throw new IllegalArgumentException("CSV lists are lists of records, not " + type);
        }
        List<String> header = new ArrayList<>();
        for (RecordComponent column : columns) {
            header.add(column.getName());
        }
        List<List<?>> rows = new ArrayList<>();
        for (Object item : items) {
            List<Object> row = new ArrayList<>();
            for (RecordComponent column : columns) {
                try {
                    // views are often package-private records of the service
                    var accessor = column.getAccessor();
                    accessor.setAccessible(true);
                    row.add(accessor.invoke(item));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + column.getName(), e);
                }
            }
            rows.add(row);
        }
        write(header, rows, out);
    }

    /**
     * A header and rows of chosen columns as CSV, for a list that names its own columns ({@link CsvTable}):
     * numbers as they are, every other value as its text, quoted and kept from running as a formula.
     */
    public static void write(List<String> header, List<? extends List<?>> rows, Writer out) throws IOException {
        line(header, out);
        for (List<?> row : rows) {
            line(row, out);
        }
    }

    private static void line(List<?> fields, Writer out) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            Object value = fields.get(i);
            out.write((i == 0 ? "" : ",") + (value == null ? ""
                    : value instanceof Number ? value.toString() : cell(value.toString())));
        }
        out.write("\r\n");
    }

    private static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
