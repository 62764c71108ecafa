package org.carbonsink.localstack.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.carbonsink.testsupport.ApiClient;
import org.junit.jupiter.api.Test;

class RefreshingTokenTest {

    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final List<String> issued = new ArrayList<>();
    private final RefreshingToken token = new RefreshingToken(this::login, new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void keepsTheTokenWhileItHasMoreThanTheMarginToLive() {
        String first = token.current();
        now = now.plus(LIFETIME).minus(RefreshingToken.MARGIN).minusSeconds(1);

        assertThat(token.current()).isEqualTo(first);
        assertThat(issued).hasSize(1);
    }

    @Test
    void logsInAgainBeforeTheTokenExpires() {
        String first = token.current();
        now = now.plus(LIFETIME).minus(RefreshingToken.MARGIN);

        String second = token.current();

        assertThat(second).isNotEqualTo(first);
        assertThat(RefreshingToken.expiry(second)).isEqualTo(now.plus(LIFETIME));
    }

    @Test
    void aRequestAnswered401IsSentOnceMoreWithAFreshToken() {
        String first = token.current();
        List<ApiClient> sent = new ArrayList<>();

        ApiClient.Response response = token.send(new ApiClient("http://127.0.0.1:1"), client -> {
            sent.add(client);
            return new ApiClient.Response(sent.size() == 1 ? 401 : 201, "", Map.of());
        });

        assertThat(response.status()).isEqualTo(201);
        assertThat(sent).hasSize(2);
        assertThat(issued).hasSize(2);
        assertThat(token.current()).isNotEqualTo(first);
    }

    @Test
    void aSecond401IsTheAnswer() {
        ApiClient.Response response = token.send(new ApiClient("http://127.0.0.1:1"),
                client -> new ApiClient.Response(401, "", Map.of()));

        assertThat(response.status()).isEqualTo(401);
        assertThat(issued).hasSize(2);
    }

    @Test
    void aTokenAnotherThreadAlreadyReplacedIsNotReplacedAgain() {
        String first = token.current();
        token.refused(first);
        String second = token.current();

        token.refused(first);

        assertThat(token.current()).isEqualTo(second);
        assertThat(issued).hasSize(2);
    }

    /** A JWT-shaped token (unsigned: the client reads only its expiry) living {@link #LIFETIME} from now. */
    private String login() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"sub\":\"owner\",\"n\":" + issued.size() + ",\"exp\":" + now.plus(LIFETIME).getEpochSecond()
                + "}";
        String jwt = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
        issued.add(jwt);
        return jwt;
    }
}
