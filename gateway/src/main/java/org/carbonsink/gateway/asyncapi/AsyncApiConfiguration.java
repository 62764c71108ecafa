package org.carbonsink.gateway.asyncapi;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the AsyncAPI document of the Kafka events at {@value #PATH}, public like the services'
 * OpenAPI descriptions. It is made once, at start, from the event records on the classpath.
 */
@Configuration(proxyBeanMethods = false)
public class AsyncApiConfiguration {

    public static final String PATH = "/asyncapi.json";

    @Bean
    RouterFunction<ServerResponse> asyncApiDocument(
            @Value("${carbonsink.asyncapi.broker:${KAFKA_BOOTSTRAP_SERVERS:127.0.0.1:9092}}") String broker) {
        String document = new EventDocument().build(broker).toPrettyString();
        return RouterFunctions.route(GET(PATH),
                request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(document));
    }
}
