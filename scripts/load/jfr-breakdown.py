#!/usr/bin/env python3
"""Where a phase of the load script spent the stack's CPU and memory, per request.

    scripts/load/jfr-breakdown.py OUT/public-get-2 OUT/single-orders-small-book-2 ...

Each argument names a phase recorded by `JFR=1 scripts/load/trading-load.sh` (its .jfr and its wrk
output .txt, whose request count divides the figures). Prints, per 1,000 requests, the execution samples
by thread group and by component (the library of the innermost frame outside the JDK), and the bytes
allocated per request by component (jdk.ObjectAllocationSample weights). Execution samples are taken per
running thread at the recording's period: compare phases of one run, not runs with other settings.
"""
import collections
import json
import re
import subprocess
import sys

THREADS = [('reactor-http', 'gateway event loops'), ('boundedElastic', 'gateway elastic'),
           ('http-nio', 'services Tomcat'), ('book-writer', 'book writer'), ('BatchSpanProcessor', 'span processor'),
           ('kafka', 'Kafka'), ('broker', 'Kafka'), ('outbox', 'outbox relays')]

COMPONENTS = [
    ('org/carbonsink/support/web/IdempotencyFilter', 'Idempotency-Key filter'),
    ('org/carbonsink/trading/order/Batch', 'book writer'), ('org/carbonsink/trading/order/Sequencer', 'book writer'),
    ('org/carbonsink/trading/matching', 'book writer'), ('org/carbonsink', 'carbonsink (other)'),
    ('com/nimbusds', 'JWT (Nimbus)'), ('org/springframework/security/oauth2', 'Spring Security OAuth2'),
    ('org/springframework/security', 'Spring Security'),
    ('io/micrometer/tracing', 'tracing (Micrometer, OpenTelemetry)'), ('io/opentelemetry', 'tracing (Micrometer, OpenTelemetry)'),
    ('io/micrometer/observation', 'observation'), ('io/micrometer/core', 'metrics'), ('io/micrometer', 'observation'),
    ('tools/jackson', 'Jackson'), ('com/fasterxml/jackson', 'Jackson'),
    ('org/hibernate/validator', 'bean validation'), ('jakarta/validation', 'bean validation'),
    ('org/springframework/cloud/gateway', 'Spring Cloud Gateway'), ('reactor/netty', 'Reactor Netty'),
    ('reactor/', 'Reactor'), ('io/netty', 'Netty'),
    ('org/springframework/web/reactive', 'Spring WebFlux'), ('org/springframework/http/server/reactive', 'Spring WebFlux'),
    ('org/springframework/web/servlet', 'Spring MVC'), ('org/springframework/web/method', 'Spring MVC'),
    ('org/springframework/jdbc', 'JDBC (Spring, pgjdbc, Hikari)'), ('org/postgresql', 'JDBC (Spring, pgjdbc, Hikari)'),
    ('com/zaxxer', 'JDBC (Spring, pgjdbc, Hikari)'), ('org/springframework/transaction', 'JDBC (Spring, pgjdbc, Hikari)'),
    ('org/apache/kafka', 'Kafka'), ('kafka/', 'Kafka'), ('scala/', 'Kafka'), ('org/springframework/kafka', 'Kafka'),
    ('org/springframework/core/log', 'logging'), ('org/apache/commons/logging', 'logging'),
    ('ch/qos/logback', 'logging'), ('org/slf4j', 'logging'),
    ('org/springframework', 'Spring (other)'),
    ('org/apache/catalina', 'Tomcat'), ('org/apache/coyote', 'Tomcat'), ('org/apache/tomcat', 'Tomcat'),
]
JDK = ('java/', 'jdk/', 'sun/', 'javax/', 'com/sun/')


def events(jfr, kind):
    out = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '64', '--events', kind, jfr],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)['recording']['events']


def thread_group(event, field):
    thread = event['values'].get(field) or {}
    name = thread.get('javaName') or thread.get('osName') or '?'
    for part, group in THREADS:
        if part in name:
            return group
    return re.sub(r'[-#]?\d+$', '', name)


def component(event):
    frames = (event['values'].get('stackTrace') or {}).get('frames', [])
    for frame in frames:
        name = frame['method']['type']['name']
        if name.startswith(JDK) or '$$Lambda' in name or 'LambdaForm' in name:
            continue
        for prefix, label in COMPONENTS:
            if name.startswith(prefix):
                return label
        return 'other: ' + '/'.join(name.split('/')[:2])
    return 'JDK only'


def exact_allocation(jfr):
    """Bytes each thread group allocated between the recording's start and end (threads alive at both)."""
    seen = collections.defaultdict(list)
    for e in events(jfr, 'jdk.ThreadAllocationStatistics'):
        seen[(e['values']['thread'] or {}).get('javaThreadId')].append(e)
    groups = collections.Counter()
    for samples in seen.values():
        allocated = [e['values']['allocated'] for e in samples]
        groups[thread_group(samples[0], 'thread')] += max(allocated) - min(allocated)
    return groups


def requests(phase):
    with open(phase + '.txt') as wrk:
        return int(re.search(r'^\s*(\d+) requests in', wrk.read(), re.M).group(1))


def main(phases):
    for phase in phases:
        n = requests(phase)
        samples = events(phase + '.jfr', 'jdk.ExecutionSample')
        allocations = events(phase + '.jfr', 'jdk.ObjectAllocationSample')
        by_thread = collections.Counter(thread_group(e, 'sampledThread') for e in samples)
        by_component = collections.Counter(component(e) for e in samples)
        bytes_by_component = collections.Counter()
        for e in allocations:
            bytes_by_component[component(e)] += e['values']['weight']
        print(f'== {phase}: {n} requests, {len(samples) * 1000 / n:.1f} execution samples per 1,000 requests, '
              f'{sum(bytes_by_component.values()) / n / 1024:.0f} KB allocated per request')
        print('threads: ' + ', '.join(f'{k} {v * 1000 / n:.1f}' for k, v in by_thread.most_common(8)))
        print('exact KB allocated per request, by thread: ' + ', '.join(
            f'{k} {v / n / 1024:.1f}' for k, v in exact_allocation(phase + '.jfr').most_common(6)))
        print(f'{"component":40s} {"samples/1,000 requests":>24s} {"KB allocated/request":>22s}')
        for label in sorted(set(by_component) | set(bytes_by_component), key=lambda k: -by_component[k])[:25]:
            print(f'{label:40s} {by_component[label] * 1000 / n:24.1f} {bytes_by_component[label] / n / 1024:22.1f}')
        print()


if __name__ == '__main__':
    main(sys.argv[1:])
