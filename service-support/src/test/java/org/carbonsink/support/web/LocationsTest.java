package org.carbonsink.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LocationsTest {

    @Test
    void aLocationBehindTheGatewayKeepsThePrefixTheRouteStripped() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/projects");
        request.addHeader(Locations.PREFIX, "/api/registry");

        assertThat(Locations.of(request, "/projects/42")).hasToString("/api/registry/projects/42");
    }

    @Test
    void aLocationCalledDirectlyIsTheServicesPath() {
        assertThat(Locations.of(new MockHttpServletRequest("POST", "/projects"), "/projects/42"))
                .hasToString("/projects/42");
    }

    @Test
    void aPrefixThatIsNotPlainPathSegmentsIsIgnored() {
        for (String prefix : new String[] { "//evil.example", "https://evil.example", "/api/../admin", "/a b", "",
                "/api/registry/", "/api,/other" }) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/projects");
            request.addHeader(Locations.PREFIX, prefix);

            assertThat(Locations.of(request, "/projects/42")).as(prefix).hasToString("/projects/42");
        }
    }
}
