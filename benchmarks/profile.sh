#!/usr/bin/env bash
# Profiles the loop's round trip (one event at a time, 1 worker), or with SECTION=throughput its
# throughput run (trivial events from one thread, 1 and 2 workers), in the parent and in the worker
# JVMs with async-profiler (from Maven Central, tools.profiler:async-profiler), and summarises the
# stacks per thread (ProfileSummary). Build first: ./mvnw -B -q -pl benchmarks -am package -DskipTests
# Usage: [INTERVAL=1ms] [SECTION=latency|throughput] benchmarks/profile.sh [wall|cpu|itimer|alloc] [collapsed|html]
#   wall: every thread sampled whether it runs or waits (where the round trip's time goes);
#   cpu/itimer: only running threads (where the CPU goes); alloc: where objects are allocated.
#   html writes flame graphs instead.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENT=${1:-wall}
FORMAT=${2:-collapsed}
INTERVAL=${INTERVAL:-1ms}
SECTION=${SECTION:-latency}
AP_VERSION=4.2
OUT=$PWD/benchmarks/target/profile
[ "$SECTION" = latency ] || OUT=$OUT-$SECTION
mkdir -p "$OUT"
JAR=$HOME/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION.jar
[ -f "$JAR" ] || mvn -B -q dependency:get -Dartifact=tools.profiler:async-profiler:$AP_VERSION -Dtransitive=false
unzip -o -q -j "$JAR" linux-x64/libasyncProfiler.so -d "$OUT"
if [ "$EVENT" = alloc ]; then
  AGENT="-agentpath:$OUT/libasyncProfiler.so=start,event=alloc,threads,$FORMAT"
else
  AGENT="-agentpath:$OUT/libasyncProfiler.so=start,event=$EVENT,interval=$INTERVAL,threads,$FORMAT"
fi
if [ "$SECTION" = throughput ]; then
  RUN=(--only throughput --subjects loop --events 200000 --reps 3)
else
  RUN=(--only latency --subjects loop --latency-warmup 20000 --latency-runs 5 --latency 40000)
fi
rm -f "$OUT"/parent-"$EVENT".* "$OUT"/worker-"$EVENT"-*
java "$AGENT,file=$OUT/parent-$EVENT.$FORMAT" -cp benchmarks/target/benchmarks.jar \
    io.github.mpeventloop.benchmarks.SideBySide "${RUN[@]}" \
    --worker-opts "$AGENT,file=$OUT/worker-$EVENT-%p.$FORMAT"
if [ "$FORMAT" = collapsed ]; then
  java -cp benchmarks/target/benchmarks.jar io.github.mpeventloop.benchmarks.ProfileSummary \
      "$OUT/parent-$EVENT.collapsed" "$OUT"/worker-"$EVENT"-*.collapsed | tee "$OUT/summary-$EVENT.txt"
fi
