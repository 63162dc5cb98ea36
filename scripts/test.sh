#!/usr/bin/env bash
# Every check a change must pass: formatting, a warning-free build, and all test projects.
# Ends with one line "N passed, N failed" summed over every test project.
set -uo pipefail
cd "$(dirname "$0")/.."

results="artifacts/test-results"
rm -rf "$results"

dotnet format MskPlanner.sln --verify-no-changes || { echo "dotnet format found unformatted code: run 'dotnet format MskPlanner.sln'"; echo "0 passed, 1 failed"; exit 1; }
dotnet build MskPlanner.sln -c Release --nologo || { echo "0 passed, 1 failed"; exit 1; }

# axe-core (injected into pages by the accessibility checks) and oidc-provider (the OpenID provider of the
# sign-in tests), pinned by the lock file.
if [ ! -f tests/MskPlanner.EndToEnd.Tests/node_modules/axe-core/axe.min.js ] || [ ! -f tests/MskPlanner.EndToEnd.Tests/node_modules/oidc-provider/package.json ]; then
  npm ci --prefix tests/MskPlanner.EndToEnd.Tests --no-audit --no-fund --silent || { echo "npm ci failed: axe-core or oidc-provider could not be installed"; echo "0 passed, 1 failed"; exit 1; }
fi
# HashiCorp's HCL parser (@cdktf/hcl2json), pinned by the lock file, reads the generated Terraform back in the deployment tests.
if [ ! -f tests/MskPlanner.Deployment.Tests/node_modules/@cdktf/hcl2json/package.json ]; then
  npm ci --prefix tests/MskPlanner.Deployment.Tests --no-audit --no-fund --silent || { echo "npm ci failed: the HCL parser could not be installed"; echo "0 passed, 1 failed"; exit 1; }
fi

dotnet test MskPlanner.sln -c Release --no-build --nologo --logger "trx" --results-directory "$results"
status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  # A fixture whose clean-up fails (the app it ran logged an error) is no test of its own: count it as one failed.
  c=$(grep -o '<Text>[^<]*Cleanup Failure' "$trx" | wc -l)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${c:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
if [ "$failed" -gt 0 ]; then
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
