package org.carbonsink.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.CONTENT_TOO_LARGE;
import static org.springframework.http.HttpStatus.PRECONDITION_REQUIRED;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;

import java.util.List;
import org.carbonsink.support.web.IdempotencyProperties.Rule;
import org.junit.jupiter.api.Test;

/** What the API description says the Idempotency-Key filter answers, by the filter's own rules. */
class IdempotencyRefusalsTest {

    private final IdempotencyFilter filter = new IdempotencyFilter(null, new IdempotencyProperties(null, null, List.of(
            new Rule("POST", "/orders", true, false, true),
            new Rule("POST", "/accounts/*/transfers", true, true, false),
            new Rule("POST", "/pledges/**", true, false, false))), null);

    @Test
    void aRequiredKeyIsA428AndACommandRecordingItsKeyNeverFindsItInProgress() {
        assertThat(filter.refusals("POST", "/orders"))
                .containsExactlyInAnyOrder(BAD_REQUEST, CONTENT_TOO_LARGE, UNPROCESSABLE_CONTENT, PRECONDITION_REQUIRED);
    }

    @Test
    void aTransactionalCommandsDuplicateWaitsForTheFirstInsteadOfA409() {
        assertThat(filter.refusals("POST", "/accounts/{accountId}/transfers"))
                .contains(PRECONDITION_REQUIRED).doesNotContain(CONFLICT);
    }

    @Test
    void aCommandRunBesideItsKeyMayFindItInProgress() {
        assertThat(filter.refusals("POST", "/pledges/{id}/releases")).contains(PRECONDITION_REQUIRED, CONFLICT);
    }

    @Test
    void anyOtherPostTakesAKeyItIsSentButDoesNotRequireOne() {
        assertThat(filter.refusals("POST", "/projects/{id}/application"))
                .containsExactlyInAnyOrder(BAD_REQUEST, CONTENT_TOO_LARGE, UNPROCESSABLE_CONTENT, CONFLICT);
    }

    @Test
    void readsAndOtherMethodsWithoutARuleAreLeftAlone() {
        assertThat(filter.refusals("GET", "/orders")).isEmpty();
        assertThat(filter.refusals("PUT", "/projects/{id}")).isEmpty();
    }
}
