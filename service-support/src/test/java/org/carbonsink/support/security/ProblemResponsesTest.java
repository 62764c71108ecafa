package org.carbonsink.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemResponsesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRoleRefusalNamesTheRequestAndItsPathLikeEveryOtherProblem() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/reports/r-1/verification");
        MockHttpServletResponse response = new MockHttpServletResponse();

        ProblemResponses.forbidden().handle(request, response, new AccessDeniedException("Access Denied"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("urn:carbonsink:problem:forbidden");
        assertThat(problem.get("detail").asString())
                .isEqualTo("the caller's roles do not allow POST /reports/r-1/verification");
        assertThat(problem.get("instance").asString()).isEqualTo("/reports/r-1/verification");
    }

    @Test
    void behindTheGatewayTheProblemNamesThePathItsClientCalled() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/reports/r-1/verification");
        request.addHeader("X-Forwarded-Prefix", "/api/verification");
        MockHttpServletResponse response = new MockHttpServletResponse();

        ProblemResponses.forbidden().handle(request, response, new AccessDeniedException("Access Denied"));

        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("detail").asString())
                .isEqualTo("the caller's roles do not allow POST /api/verification/reports/r-1/verification");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/verification/reports/r-1/verification");
    }

    @Test
    void anUnauthenticatedRequestGetsItsPathAsInstance() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders");
        MockHttpServletResponse response = new MockHttpServletResponse();

        ProblemResponses.unauthenticated().commence(request, response,
                new InsufficientAuthenticationException("Not Authenticated"));

        assertThat(response.getStatus()).isEqualTo(401);
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("urn:carbonsink:problem:unauthenticated");
        assertThat(problem.get("instance").asString()).isEqualTo("/orders");
    }
}
