package org.carbonsink.verification.report.web;

import java.util.List;

/**
 * The calculation report as a format-neutral document: the one template that the HTML page and the
 * PDF are both rendered from, so they never disagree.
 */
record ReportDocument(String title, List<Block> blocks) {

    sealed interface Block permits Heading, Table, Text, Preformatted {
    }

    record Heading(int level, String text) implements Block {
    }

    /** A table; {@code head} is null for a two-column table of names and values. */
    record Table(List<String> head, List<List<Cell>> rows) implements Block {
    }

    record Text(String text) implements Block {
    }

    record Preformatted(String text) implements Block {
    }

    /** One cell: plain, a figure (right-aligned), a source (small) or the credits (bold). */
    record Cell(String text, Kind kind) {

        enum Kind {
            PLAIN, FIGURE, SOURCE, STRONG
        }

        static Cell of(Object value) {
            String text = String.valueOf(value);
            return new Cell(text, text.matches("-?[0-9][0-9.]*") ? Kind.FIGURE : Kind.PLAIN);
        }

        static Cell source(String text) {
            return new Cell(text, Kind.SOURCE);
        }

        static Cell strong(Object value) {
            return new Cell(String.valueOf(value), Kind.STRONG);
        }
    }
}
