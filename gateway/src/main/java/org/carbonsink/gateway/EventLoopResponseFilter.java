package org.carbonsink.gateway;

import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Writes every response on the event loop of its connection, its last buffer together with its end.
 * Reactor Netty 1.3 (reactor/reactor-netty#4361, see {@link KeepAliveConfiguration}) buffers a keep-alive
 * request that arrives before the previous response has terminated, and if the buffered request is then
 * answered synchronously, it never reads the connection again. A client sends its next request as soon
 * as it has the last byte of a response with a length, so that happened whenever the end of a body came
 * in a later task than its last buffer: Spring's static resource writer (Swagger UI, the explorer's
 * assets, WebJars) reads the body on boundedElastic, and the Swagger UI page hung after its redirect.
 * Here each buffer is handed to Netty one step late, on the connection's loop, so the last one is
 * written in the same task as the body's end and the response terminates before the next read.
 */
final class EventLoopResponseFilter implements WebFilter, Ordered {

    /** One scheduler per event loop (a server has a fixed few), not one per response. */
    private static final Map<EventLoop, Scheduler> SCHEDULERS = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        if (!(request instanceof Connection connection)) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = new OnEventLoop(exchange.getResponse(), connection.channel().eventLoop());
        return chain.filter(exchange.mutate().response(response).build());
    }

    @Override
    public int getOrder() {
        // outermost, so that every other filter's response decorator ends in this one
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static final class OnEventLoop extends ServerHttpResponseDecorator {

        private final EventLoop loop;
        private final Scheduler scheduler;

        OnEventLoop(ServerHttpResponse response, EventLoop loop) {
            super(response);
            this.loop = loop;
            this.scheduler = SCHEDULERS.computeIfAbsent(loop, Schedulers::fromExecutor);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            // each buffer once the next one or the end is there: the last goes with the end; buffers
            // queued or held when the write is cancelled go back to the pool (once: release skips a freed one)
            Flux<? extends DataBuffer> lastWithEnd = onLoop(body).buffer(2, 1).map(pair -> pair.get(0))
                    .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
            return onLoop(() -> super.writeWith(lastWithEnd));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            Flux<Flux<? extends DataBuffer>> flushed = Flux.from(body)
                    .map(part -> onLoop(part).doOnDiscard(DataBuffer.class, DataBufferUtils::release));
            return onLoop(() -> super.writeAndFlushWith(flushed));
        }

        @Override
        public Mono<Void> setComplete() {
            return onLoop(super::setComplete);
        }

        private Mono<Void> onLoop(Supplier<Mono<Void>> write) {
            return Mono.defer(() -> loop.inEventLoop() ? write.get() : write.get().subscribeOn(scheduler));
        }

        private Flux<? extends DataBuffer> onLoop(Publisher<? extends DataBuffer> body) {
            return Flux.from(body).publishOn(scheduler);
        }
    }
}
