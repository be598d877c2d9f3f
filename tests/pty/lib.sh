# tests/pty/lib.sh: what every pseudo-terminal test shares. Source it from a *_test.sh:
#
#   . "$CAIRN_TESTS/pty/lib.sh"
#   start NAME ...            (each test defines its own `start`: which cairn command, which env)
#   wait_for PATTERN [COUNT]  poll the screen until COUNT lines (default 1) match the regex
#   wait_more PATTERN N       poll until more than N lines match
#   wait_prompt PATTERN       poll until the last non-empty line matches (a prompt is waiting)
#   line TEXT / type_text TEXT / key KEY... / answer PROMPT TEXT
#   ok STATUS "what"          one TAP line; on failure, the screen so far
#   finish                    the TAP plan and the exit status
#
# Tests wait by polling the screen, never by fixed sleeps, so they hold up on a loaded machine;
# the whole file skips (as TAP) only when tmux is missing. Sessions run in a private tmux server
# and a scratch folder ($dir), both removed at exit (CAIRN_PTY_KEEP=1 keeps the folder of a
# failing test).
set -u
n=0 failed=0
if ! command -v tmux >/dev/null 2>&1; then
  echo "ok 1 # skip tmux is not installed (scripts/install-deps --test installs it)"
  echo "1..1"
  exit 0
fi

dir=$(mktemp -d)
sock="cairn-pty-$$"
sess=
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$dir"; }
trap cleanup EXIT
TIMEOUT=${CAIRN_PTY_TIMEOUT:-20}
[ -n "${CAIRN_VALGRIND:-}" ] && TIMEOUT=90

screen() { tm capture-pane -p -J -S -500 -t "$sess" 2>/dev/null; }

ok() { # ok STATUS "what"
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else
    failed=$((failed + 1)); echo "not ok $n - $2"
    echo "#   screen of $sess:"
    screen | awk 'NF { last = NR } { l[NR] = $0 } END { for (i = 1; i <= last; i++) print l[i] }' |
      tail -n 25 | sed 's/^/#   | /'
    if [ -n "${CAIRN_PTY_KEEP:-}" ]; then echo "#   keeping $dir"; trap - EXIT; fi
  fi
}

wait_for() {
  local want=${2:-1} end=$((SECONDS + TIMEOUT))
  while [ $SECONDS -lt $end ]; do
    [ "$(screen | grep -Ec -- "$1")" -ge "$want" ] && return 0
    sleep 0.1
  done
  return 1
}

wait_more() { wait_for "$1" $(($2 + 1)); }

wait_prompt() {
  local end=$((SECONDS + TIMEOUT))
  while [ $SECONDS -lt $end ]; do
    screen | awk 'NF { last = $0 } END { print last }' | grep -Eq -- "$1" && return 0
    sleep 0.1
  done
  return 1
}

type_text() { tm send-keys -t "$sess" -l -- "$1"; }
key() { tm send-keys -t "$sess" "$@"; }
line() { type_text "$1"; key Enter; }
answer() { wait_prompt "$1" && line "$2"; }

finish() {
  echo "1..$n"
  [ "$failed" -eq 0 ]
}
