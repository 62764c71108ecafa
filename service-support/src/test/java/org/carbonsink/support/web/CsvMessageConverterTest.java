package org.carbonsink.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.mock.http.MockHttpOutputMessage;

class CsvMessageConverterTest {

    private record Line(String name, BigDecimal amount, Long count, String note) {
    }

    @Test
    void writesAHeaderAndQuotesCellsAsRfc4180Says() throws IOException {
        StringWriter out = new StringWriter();

        CsvMessageConverter.write(List.of(new Line("Hubei \"Lakeside\", Ltd", new BigDecimal("12.50"), 3L, null),
                new Line("two\nlines", new BigDecimal("-1"), null, "plain")), out);

        assertThat(out.toString()).isEqualTo("name,amount,count,note\r\n"
                + "\"Hubei \"\"Lakeside\"\", Ltd\",12.50,3,\r\n"
                + "\"two\nlines\",-1,,plain\r\n");
    }

    @Test
    void keepsPublicTextFromRunningAsASpreadsheetFormula() throws IOException {
        StringWriter out = new StringWriter();

        CsvMessageConverter.write(List.of(new Line("=HYPERLINK(\"http://x\")", BigDecimal.ONE, 1L, "@SUM(A1)")), out);

        assertThat(out.toString().split("\r\n")[1]).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",1,1,'@SUM(A1)");
    }

    @Test
    void writesAnOffsetPageToo() throws IOException {
        CsvMessageConverter converter = new CsvMessageConverter();
        MockHttpOutputMessage output = new MockHttpOutputMessage();

        assertThat(converter.canWrite(Page.class, CsvMessageConverter.TEXT_CSV)).isTrue();
        converter.write(new Page<>(List.of(new Line("a", BigDecimal.TEN, 1L, null)), 1, 0, 7),
                CsvMessageConverter.TEXT_CSV, output);

        assertThat(output.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo("name,amount,count,note\r\na,10,1,\r\n");
        assertThat(output.getHeaders().getFirst(CsvMessageConverter.TOTAL_COUNT)).isEqualTo("7");
        assertThat(converter.canWrite(String.class, CsvMessageConverter.TEXT_CSV)).isFalse();
    }

    @Test
    void anEmptyPageOfAnUnknownRecordIsAnEmptyFile() throws IOException {
        StringWriter out = new StringWriter();

        CsvMessageConverter.write(List.of(), out);

        assertThat(out.toString()).isEmpty();
    }

    /** As CsvTable's lists: a client reading columns by name gets them even when nothing matched. */
    @Test
    void anEmptyPageStillHasTheHeaderOfTheRecordItsHandlerDeclares() throws IOException {
        CsvMessageConverter converter = new CsvMessageConverter();
        MockHttpOutputMessage keyset = new MockHttpOutputMessage();
        MockHttpOutputMessage offset = new MockHttpOutputMessage();

        converter.write(new KeysetPage<Line>(List.of(), 50, null),
                ResolvableType.forClassWithGenerics(KeysetPage.class, Line.class).getType(),
                CsvMessageConverter.TEXT_CSV, keyset);
        converter.write(new Page<Line>(List.of(), 50, 0, 0),
                ResolvableType.forClassWithGenerics(Page.class, Line.class).getType(),
                CsvMessageConverter.TEXT_CSV, offset);

        assertThat(keyset.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo("name,amount,count,note\r\n");
        assertThat(offset.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo("name,amount,count,note\r\n");
        assertThat(offset.getHeaders().getFirst(CsvMessageConverter.TOTAL_COUNT)).isEqualTo("0");
    }

    @Test
    void aKeysetPageFetchedWithOneMoreRowKnowsItsNextCursor() {
        KeysetPage<String> page = KeysetPage.of(List.of("a", "b", "c"), 2, s -> s, String::toUpperCase);
        KeysetPage<String> last = KeysetPage.of(List.of("c"), 2, s -> s, String::toUpperCase);

        assertThat(page.items()).containsExactly("A", "B");
        assertThat(page.next()).isEqualTo("b");
        assertThat(last.items()).containsExactly("C");
        assertThat(last.next()).isNull();
    }
}
