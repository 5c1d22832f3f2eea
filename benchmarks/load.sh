#!/usr/bin/env bash
# The whole-server load run (docs/telemetry/performance.md): builds what it needs (the sample WAR, Open Liberty unpacked
# by the build, WildFly unpacked and provisioned by the build, the OpenTelemetry Java agent from Maven Central), then
# runs dev.telemetrycdi.load.LoadHarness.
# Needs wrk (Debian package "wrk") and taskset (util-linux). Arguments go to the harness, e.g. --smoke, --rounds 8,
# --configs 1,2, --pin false.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q verify -DskipTests -DskipITs -pl liberty,wildfly,benchmarks -am
exec java -Dload.root=. -cp benchmarks/target/benchmarks.jar dev.telemetrycdi.load.LoadHarness "$@"
