#!/usr/bin/env bash
# Profiles the loop's round trip (one event at a time, 1 worker) in the parent and in the worker JVM
# with async-profiler (from Maven Central, tools.profiler:async-profiler), and summarises the stacks
# per thread (ProfileSummary). Build first: ./mvnw -B -q -pl benchmarks -am package -DskipTests
# Usage: [INTERVAL=1ms] benchmarks/profile.sh [wall|cpu|itimer] [collapsed|html]
#   wall: every thread sampled whether it runs or waits (where the round trip's time goes);
#   cpu/itimer: only running threads (where the CPU goes). html writes flame graphs instead.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENT=${1:-wall}
FORMAT=${2:-collapsed}
INTERVAL=${INTERVAL:-1ms}
AP_VERSION=4.2
OUT=$PWD/benchmarks/target/profile
mkdir -p "$OUT"
JAR=$HOME/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION.jar
[ -f "$JAR" ] || mvn -B -q dependency:get -Dartifact=tools.profiler:async-profiler:$AP_VERSION -Dtransitive=false
unzip -o -q -j "$JAR" linux-x64/libasyncProfiler.so -d "$OUT"
AGENT="-agentpath:$OUT/libasyncProfiler.so=start,event=$EVENT,interval=$INTERVAL,threads,$FORMAT"
rm -f "$OUT"/parent-"$EVENT".* "$OUT"/worker-"$EVENT"-*
java "$AGENT,file=$OUT/parent-$EVENT.$FORMAT" -cp benchmarks/target/benchmarks.jar \
    io.github.mpeventloop.benchmarks.SideBySide --only latency --subjects loop \
    --latency-warmup 20000 --latency-runs 5 --latency 40000 \
    --worker-opts "$AGENT,file=$OUT/worker-$EVENT-%p.$FORMAT"
if [ "$FORMAT" = collapsed ]; then
  java -cp benchmarks/target/benchmarks.jar io.github.mpeventloop.benchmarks.ProfileSummary \
      "$OUT/parent-$EVENT.collapsed" "$OUT"/worker-"$EVENT"-*.collapsed | tee "$OUT/summary-$EVENT.txt"
fi
