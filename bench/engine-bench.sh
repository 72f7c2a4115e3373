#!/usr/bin/env bash
# Embedded engine benchmark: prints instances/s, heap, log size and start-up (replay) times.
#   bench/engine-bench.sh [finished-instance checkpoints...]   default: 1000 10000
# Not a test: it asserts nothing and is not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -ntp -DskipTests -DskipLint=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="target/classes:target/test-classes:$(cat target/bench.classpath)"
mkdir -p target/bench-classes
"$JAVA_HOME/bin/javac" -d target/bench-classes -cp "$classpath" bench/java/io/seawall/engine/*.java
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "target/bench-classes:$classpath" io.seawall.engine.EngineBenchmark "$@"
