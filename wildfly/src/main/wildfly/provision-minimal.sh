#!/usr/bin/env bash
# Prepares the minimal configuration of an unpacked WildFly: standalone-minimal.xml (minimal.cli), on which the
# integration suite's minimal tests run. A step of its own, beside provision.sh: made once (again when this script or
# minimal.cli changed); every run starts with an empty log directory of its own (standalone/log-minimal).
# Usage: provision-minimal.sh JBOSS_HOME
set -euo pipefail
home="$1"
here="$(cd "$(dirname "$0")" && pwd)"
config="$home/standalone/configuration"
target="$config/standalone-minimal.xml"

rm -rf "$home/standalone/log-minimal"
if [ -f "$target" ] && [ "$target" -nt "$here/minimal.cli" ] && [ "$target" -nt "$here/provision-minimal.sh" ]; then
    exit 0
fi
cp "$config/standalone.xml" "$target"
if ! JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" --file="$here/minimal.cli"; then
    rm -f "$target"
    exit 1
fi
echo "WildFly at $home configured: standalone-minimal.xml"
