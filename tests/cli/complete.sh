# complete.sh FILE WORDS...: source bash completion FILE, complete each ;-separated command line
# given in WORDS (the last word is the one being completed) and print the candidates, one line
# per command line. Used by install.t on the installed completion.
. "$1"; shift
c() { COMP_WORDS=(cairn "$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); _cairn; echo "${COMPREPLY[*]}"; }
line=()
for w in "$@" ";"; do
  if [ "$w" = ";" ]; then c "${line[@]}"; line=(); else line+=("$w"); fi
done
