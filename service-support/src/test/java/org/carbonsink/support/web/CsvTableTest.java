package org.carbonsink.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class CsvTableTest {

    private record Retired(String project, long quantity, String beneficiary) {
    }

    private static final List<String> HEADER = List.of("projectCode", "quantity", "beneficiary");

    @Test
    void writesTheListsOwnColumnsAndLinksTheNextPageRelativeToTheQueryTheClientSent() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/registry/retirements");
        request.setQueryString("projectId=p1&limit=2&after=old");

        ResponseEntity<String> csv = CsvTable.of(List.of(new Retired("P000001", 5, "Wuhan, Metro"),
                new Retired("P000002", 7, "=cmd")), "c2", HEADER, r -> List.of(r.project(), r.quantity(),
                        r.beneficiary()), request);

        assertThat(csv.getBody()).isEqualTo("projectCode,quantity,beneficiary\r\n"
                + "P000001,5,\"Wuhan, Metro\"\r\n"
                + "P000002,7,'=cmd\r\n");
        assertThat(csv.getHeaders().getContentType()).isEqualTo(CsvMessageConverter.TEXT_CSV);
        assertThat(csv.getHeaders().getFirst(HttpHeaders.LINK))
                .isEqualTo("<?projectId=p1&limit=2&after=c2>; rel=\"next\"");
        assertThat(csv.getHeaders().getFirst(CsvMessageConverter.NEXT_CURSOR)).isEqualTo("c2");
    }

    @Test
    void theLastPageHasNoLinkAndAnEmptyPageStillHasItsHeader() {
        ResponseEntity<String> csv = CsvTable.of(List.<Retired>of(), null, HEADER, r -> List.of(),
                new MockHttpServletRequest("GET", "/retirements"));

        assertThat(csv.getBody()).isEqualTo("projectCode,quantity,beneficiary\r\n");
        assertThat(csv.getHeaders().containsHeader(HttpHeaders.LINK)).isFalse();
        assertThat(csv.getHeaders().containsHeader(CsvMessageConverter.NEXT_CURSOR)).isFalse();
    }
}
