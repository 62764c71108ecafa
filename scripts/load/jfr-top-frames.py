#!/usr/bin/env python3
"""Where a JFR recording of the stack's JVM ran and allocated, and whether its code was compiled yet.

    scripts/load/jfr-top-frames.py OUT/batches-of-100-1.jfr

Prints the share of execution samples whose top frame is interpreted, JIT compiled or inlined (a JVM still
compiling the code of a phase shows interpreted frames where a warm one shows compiled ones), then the
execution samples and the sampled allocation weight by thread group, and for the four largest groups the
top frames by self and inclusive count (64 frames deep). Frames are class.method without packages.
"""
import collections
import importlib.util
import os
import sys

# the recording's events and the thread groups as jfr-breakdown.py, beside this script, reads them
_spec = importlib.util.spec_from_file_location('jfr_breakdown',
                                               os.path.join(os.path.dirname(os.path.abspath(__file__)), 'jfr-breakdown.py'))
breakdown = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(breakdown)


def frames(event):
    stack = event['values'].get('stackTrace') or {}
    return [f['method']['type']['name'].split('/')[-1] + '.' + f['method']['name'] for f in stack.get('frames', [])]


def report(evs, field, weight, title, top):
    by_group = collections.Counter()
    self_ = collections.defaultdict(collections.Counter)
    inclusive = collections.defaultdict(collections.Counter)
    total = 0
    for event in evs:
        w = weight(event)
        g = breakdown.thread_group(event, field)
        stack = frames(event)
        by_group[g] += w
        total += w
        if stack:
            self_[g][stack[0]] += w
        for frame in set(stack):
            inclusive[g][frame] += w
    print(f'==== {title}: total {total:.0f}')
    for g, n in by_group.most_common(15):
        print(f'{n:12.0f} {100 * n / total:5.1f}%  {g}')
    for g, n in by_group.most_common(4):
        print(f'--- {g}: self')
        for frame, c in self_[g].most_common(25):
            print(f'{c:12.0f} {100 * c / n:5.1f}%  {frame}')
        print(f'--- {g}: inclusive')
        for frame, c in inclusive[g].most_common(top):
            print(f'{c:12.0f} {100 * c / n:5.1f}%  {frame}')


def main():
    jfr = sys.argv[1]
    samples = breakdown.events(jfr, 'jdk.ExecutionSample')
    kinds = collections.Counter()
    for event in samples:
        stack = (event['values'].get('stackTrace') or {}).get('frames', [])
        kinds[stack[0]['type'] if stack else '?'] += 1
    print('top frame of the execution samples:', ', '.join(f'{k} {v}' for k, v in kinds.most_common()))
    report(samples, 'sampledThread', lambda e: 1, 'execution samples', 40)
    report(breakdown.events(jfr, 'jdk.ObjectAllocationSample'), 'eventThread',
           lambda e: e['values'].get('weight', 0) / 1024, 'allocation KB (sampled weight)', 30)


if __name__ == '__main__':
    main()
