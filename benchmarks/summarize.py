#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json) of these benchmarks into the Markdown table of docs/telemetry/performance.md.

For each benchmark: mean ± JMH's 99.9% error, the median of all measurement iterations (all forks pooled; robust to
the stalls of a shared machine), B/op from -prof gc, and both times as ratios to `baseline` from the same run.

    python3 benchmarks/summarize.py /tmp/jmh.json
"""
import json
import statistics
import sys


def name(result):
    short = result["benchmark"].rsplit(".", 2)
    label = short[-1]
    params = result.get("params") or {}
    if params:
        label += " (" + ", ".join(f"{k}={v}" for k, v in sorted(params.items())) + ")"
    return label


def median(result):
    return statistics.median(v for fork in result["primaryMetric"]["rawData"] for v in fork)


def main(path):
    with open(path) as f:
        results = json.load(f)
    base = next(r for r in results if r["benchmark"].endswith(".baseline"))
    base_mean, base_median = base["primaryMetric"]["score"], median(base)
    print("| benchmark | mean ns/op ± error | median ns/op | B/op | mean / baseline | median / baseline |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        primary = r["primaryMetric"]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        print(f"| {name(r)} | {primary['score']:.0f} ± {primary['scoreError']:.0f} | {median(r):.0f} "
              f"| {'n/a' if alloc is None else f'{alloc:.0f}'} | {primary['score'] / base_mean:.1f}× "
              f"| {median(r) / base_median:.1f}× |")
    idle = {r["benchmark"].rsplit(".", 1)[-1]: r for r in results if ".IdleWriterBenchmark." in r["benchmark"]}
    if {"requestThenWork", "workOnly"} <= idle.keys():
        busy, work = idle["requestThenWork"], idle["workOnly"]
        print(f"\nIdle writer: requestThenWork - workOnly = "
              f"{busy['primaryMetric']['score'] - work['primaryMetric']['score']:.0f} ns (means), "
              f"{median(busy) - median(work):.0f} ns (medians)")
    print(f"\n{results[0]['jvm']} {results[0]['vmVersion']}, JMH {results[0]['jmhVersion']}, "
          f"forks {results[0]['forks']}, {results[0]['measurementIterations']} x {results[0]['measurementTime']}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/jmh.json")
