#!/usr/bin/env bash
# Prepares an unpacked WildFly for telemetry-cdi's tests and sample: standalone-telemetry.xml = standalone-full.xml
# + telemetry.cli (what telemetry-cdi needs: the users' script of docs/telemetry/deploying.md, applied as documented)
# + sample.cli (the sample's JMS queue), and the sample's users (alice/alicepw, bob/bobpw in the ApplicationRealm).
# The configuration is made once (again when one of these scripts changed); every run starts with an empty server
# log and no deployment, or with only SAMPLE_WAR deployed as ROOT.war. Usage: provision.sh JBOSS_HOME [SAMPLE_WAR]
set -euo pipefail
home="$1"
sample="${2:-}"
here="$(cd "$(dirname "$0")" && pwd)"
config="$home/standalone/configuration"
target="$config/standalone-telemetry.xml"

rm -rf "$home/standalone/log" "$home/standalone/deployments/"*.war*
if [ -n "$sample" ]; then
    cp "$sample" "$home/standalone/deployments/ROOT.war"
fi

if [ -f "$target" ] && [ "$target" -nt "$here/telemetry.cli" ] && [ "$target" -nt "$here/sample.cli" ] \
        && [ "$target" -nt "$here/provision.sh" ]; then
    exit 0
fi
cp "$config/standalone-full.xml" "$target.new"
mv "$target.new" "$target"
JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" -Dconfig=standalone-telemetry.xml --file="$here/telemetry.cli"
JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" --file="$here/sample.cli"
# user:password:groups (groups are roles here); alice is also "admin" for the suite's foreign applications
for user in alice:alicepw:user,admin bob:bobpw:user; do
    name="${user%%:*}"
    rest="${user#*:}"
    groups="${rest#*:}"
    if ! grep -qx "$name=$groups" "$config/application-roles.properties"; then
        JBOSS_HOME="$home" "$home/bin/add-user.sh" -s -a -u "$name" -p "${rest%%:*}" -g "$groups"
    fi
done
echo "WildFly at $home configured: standalone-telemetry.xml"
