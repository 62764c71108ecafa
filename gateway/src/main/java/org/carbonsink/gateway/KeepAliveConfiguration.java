package org.carbonsink.gateway;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps keep-alive connections read. Reactor Netty 1.3 (reactor/reactor-netty#4361, fix not released
 * in 1.3.7) can stop reading a connection for good when the client's next request arrives before the
 * previous response has finished terminating, which happens whenever a response is completed off the
 * connection's event loop (health checks and actuator operations run on boundedElastic, a token's key
 * lookup did): that request and every later one on the connection then wait forever. Reactor Netty's
 * opt-in {@value #LAST_FLUSH_WHEN_NO_READ} (flush the end of a response once the read in progress is
 * done) terminates the previous response before the new request is looked at, which closes that route.
 * It is a JVM-wide system property read once, when Reactor Netty's HTTP server handler is first loaded,
 * so it is set here, before the server starts, unless it was set on the command line. It does not close the
 * route for a response completed off the loop just before a synchronous one: {@link EventLoopResponseFilter}
 * keeps every response on its connection's loop, so that route is never taken.
 */
@Configuration(proxyBeanMethods = false)
class KeepAliveConfiguration {

    static final String LAST_FLUSH_WHEN_NO_READ = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Bean
    NettyServerCustomizer lastFlushWhenNoRead() {
        if (System.getProperty(LAST_FLUSH_WHEN_NO_READ) == null) {
            System.setProperty(LAST_FLUSH_WHEN_NO_READ, "true");
        }
        return server -> server;
    }

    @Bean
    EventLoopResponseFilter eventLoopResponses() {
        return new EventLoopResponseFilter();
    }
}
