package org.carbonsink.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("GET", "/orders"));

    @Test
    void theFrameworksOwnRefusalsCarryAStableTypeToo() throws Exception {
        assertType(handler.handleException(new HttpRequestMethodNotSupportedException("DELETE"), request),
                405, "urn:carbonsink:problem:method-not-allowed");
        assertType(handler.handleException(new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN,
                List.of(MediaType.APPLICATION_JSON)), request), 415, "urn:carbonsink:problem:unsupported-media-type");
        assertType(handler.handleException(new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON)),
                request), 406, "urn:carbonsink:problem:not-acceptable");
        assertType(handler.handleException(new NoResourceFoundException(HttpMethod.GET, "/nothing", "nothing"), request),
                404, "urn:carbonsink:problem:not-found");
    }

    @Test
    void aProblemNamesTheRequestAsItsClientCalledItBehindTheGatewayToo() {
        MockHttpServletRequest proxied = new MockHttpServletRequest("GET", "/orders/42");
        proxied.addHeader(Locations.PREFIX, "/api/trading");
        MockHttpServletRequest forged = new MockHttpServletRequest("GET", "/orders/42");
        forged.addHeader(Locations.PREFIX, "//evil.example");
        ProblemException refused = ProblemException.conflict("order-closed", "Order closed", "it is closed");

        assertThat(instanceOf(handler.refused(refused, new ServletWebRequest(proxied)))).isEqualTo("/api/trading/orders/42");
        assertThat(instanceOf(handler.refused(refused, new ServletWebRequest(forged)))).isEqualTo("/orders/42");
        assertThat(instanceOf(handler.refused(refused, request))).isEqualTo("/orders");
    }

    private static String instanceOf(ResponseEntity<Object> response) {
        return ((ProblemDetail) response.getBody()).getInstance().toString();
    }

    private static void assertType(ResponseEntity<Object> response, int status, String type) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(((ProblemDetail) response.getBody()).getType()).hasToString(type);
    }
}
