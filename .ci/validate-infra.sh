#!/usr/bin/env bash
# Validates the Azure templates under infra/: compiles infra/main.bicep (and with it every module) and lints every
# template with the Bicep CLI; any error or warning fails.
#
#   bash .ci/validate-infra.sh             # Bicep CLI: the latest Azure.Bicep.CommandLine.<rid> on the NuGet feeds
#   BICEP_VERSION=0.37.4 bash .ci/validate-infra.sh
#   BICEP=/path/to/bicep bash .ci/validate-infra.sh    # a Bicep CLI already installed
#
# The Bicep CLI ships on NuGet as a package per platform; it is restored into a temporary folder through the same feeds
# as the build, so nothing is installed on the machine. Where no feed serves it, the script says so, parses the
# templates for syntax only (the tree-sitter Bicep grammar from npm, if npm is there) and exits 2: that is no substitute
# for the compiler (types, references, API versions, lint rules are not checked).
#
# Exit status: 0 every template compiles and lints clean; 1 errors or warnings; 2 no Bicep CLI to be had.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

log() { echo "validate-infra: $*" >&2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

templates=(infra/main.bicep infra/modules/*.bicep)

runtime_id() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=osx ;;
    *) log "no Bicep CLI package for $(uname -s)"; return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) log "no Bicep CLI package for $(uname -m)"; return 1 ;;
  esac
  echo "$os-$arch"
}

# Restores Azure.Bicep.CommandLine.<rid> with a throwaway project (outside the repository, so none of its build
# settings apply) and prints the path of the bicep executable inside the package.
fetch_bicep() {
  local rid package version project
  rid="$(runtime_id)" || return 1
  package="Azure.Bicep.CommandLine.$rid"
  version="${BICEP_VERSION:-*}"
  project="$work/fetch-bicep"
  mkdir -p "$project"
  cat >"$project/fetch-bicep.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="$package" Version="$version" ExcludeAssets="all" />
  </ItemGroup>
</Project>
EOF
  if ! dotnet restore "$project/fetch-bicep.csproj" --packages "$work/packages" >"$work/restore.log" 2>&1; then
    grep -E 'error' "$work/restore.log" | sort -u | head -n 5 >&2
    log "$package $version could not be restored from the configured NuGet feeds."
    return 1
  fi
  local bicep
  bicep="$(find "$work/packages" -type f -name bicep | head -n 1)"
  if [ -z "$bicep" ]; then
    log "$package holds no bicep executable."
    return 1
  fi
  chmod +x "$bicep"
  echo "$bicep"
}

# Runs a Bicep CLI command and fails on any diagnostic it prints, warnings included.
run_clean() {
  local output status=0
  output="$("$@" 2>&1)" || status=$?
  if [ -n "$output" ]; then
    echo "$output"
  fi
  if [ "$status" -ne 0 ] || grep -qE ': (Error|Warning) ' <<<"$output"; then
    return 1
  fi
}

syntax_only() {
  if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    log "npm is not here either: the templates were not checked at all."
    return
  fi
  log "syntax-only parse with the tree-sitter Bicep grammar (not the compiler; not a validation):"
  if ! npm install --prefix "$work/syntax" --no-save --no-audit --no-fund --ignore-scripts \
      web-tree-sitter@0.24 tree-sitter-bicep@1.1.0 >"$work/npm.log" 2>&1; then
    tail -n 5 "$work/npm.log" >&2
    log "the grammar could not be installed from npm."
    return
  fi
  NODE_PATH="$work/syntax/node_modules" node .ci/bicep-syntax.js "${templates[@]}" || true
}

bicep="${BICEP:-}"
if [ -z "$bicep" ]; then
  if ! bicep="$(fetch_bicep)"; then
    syntax_only
    log "NOT VALIDATED: no Bicep CLI."
    exit 2
  fi
fi
log "$("$bicep" --version)"

failed=0
log "build infra/main.bicep"
run_clean "$bicep" build infra/main.bicep --outfile "$work/main.json" || failed=1
for template in "${templates[@]}"; do
  log "lint $template"
  run_clean "$bicep" lint "$template" || failed=1
done

if [ "$failed" -ne 0 ]; then
  log "errors or warnings above."
  exit 1
fi
log "every template compiles and lints clean."
