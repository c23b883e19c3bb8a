#!/usr/bin/env bash
# Builds the jars and runs the benchmark: direct / nginx / gateway against the Copilot simulator.
#
#   bench/run.sh [--quick] [--skip-build] [--jvm-flags '-Xmx256m']
#
# Needs java, mvn, python3, wrk and nginx; wrk and nginx are installed with apt-get when missing and
# running as root, otherwise the script says what to install.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
skip_build=false
bench_args=()
while (($# > 0)); do
  case "$1" in
    --skip-build) skip_build=true ;;
    # joined, so that argparse does not take flags such as -Xmx256m for options of its own
    --jvm-flags) bench_args+=("--jvm-flags=${2:?--jvm-flags needs a value}"); shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) bench_args+=("$1") ;;
  esac
  shift
done

require_tools() {
  local missing=()
  for tool in wrk nginx; do
    command -v "$tool" >/dev/null 2>&1 || [[ -x "/usr/sbin/$tool" ]] || missing+=("$tool")
  done
  if ((${#missing[@]} == 0)); then
    return
  fi
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]} with apt-get"
    if ! apt-get install -y "${missing[@]}" >/dev/null; then
      apt-get update -qq && apt-get install -y "${missing[@]}" >/dev/null
    fi
  else
    echo "bench/run.sh needs ${missing[*]}: install with 'sudo apt-get install -y ${missing[*]}'" >&2
    exit 1
  fi
}

for tool in java python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench/run.sh needs $tool on the PATH" >&2; exit 1; }
done
require_tools
export PATH="$PATH:/usr/sbin"

if [[ $skip_build == false ]]; then
  echo "building: mvn -B -q package -DskipTests"
  (cd "$root" && mvn -B -q package -DskipTests)
fi

# bench.py stops its children on SIGTERM; a background job does not get the terminal's Ctrl-C itself.
python3 -B "$root/bench/bench.py" "${bench_args[@]+"${bench_args[@]}"}" &
bench_pid=$!
trap 'kill -TERM "$bench_pid" 2>/dev/null || true; wait "$bench_pid"; exit 130' INT TERM
wait "$bench_pid"
