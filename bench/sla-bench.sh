#!/usr/bin/env bash
# SLA benchmark: how late breaches are detected (p50/p90/p99) with many SLA clocks open on the
# embedded engine.
#   bench/sla-bench.sh [open clocks] [of them falling due] [window seconds]   default: 10000 1000 100
# Not a test: it asserts nothing and is not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -ntp -DskipTests -DskipLint=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="target/classes:target/test-classes:$(cat target/bench.classpath)"
mkdir -p target/bench-classes
"$JAVA_HOME/bin/javac" -d target/bench-classes -cp "$classpath" bench/java/io/seawall/engine/*.java
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "target/bench-classes:$classpath" io.seawall.engine.SlaBreachBenchmark "$@"
