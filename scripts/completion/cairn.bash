# bash completion for cairn: commands, subcommands, options, tool ids, report names, files.
# Installed by `make install` into PREFIX/share/bash-completion/completions/cairn.

_cairn_tool_ids() {
  # the tools on the workspace's search path (first CSV column; the header is skipped)
  cairn "${_cairn_ws[@]}" tool list --csv 2>/dev/null | awk -F, 'NR > 1 { print $1 }'
}

_cairn_report_names() {
  cairn "${_cairn_ws[@]}" report list --csv 2>/dev/null | awk -F, 'NR > 1 { print $1 }'
}

_cairn() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null 2>&1; then
    _init_completion || return
  else
    cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}
    words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD
  fi

  local commands="backup check help init meeting paths present publish report run sql state status survey tool whoami"
  # the command and the workspace option given before it
  local i cmd= sub= _cairn_ws=()
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      -w|--workspace) _cairn_ws=(-w "${words[i+1]}"); ((i++)) ;;
      -*) ;;
      *) if [ -z "$cmd" ]; then cmd=${words[i]}; elif [ -z "$sub" ]; then sub=${words[i]}; fi ;;
    esac
  done

  case $prev in
    -w|--workspace|--out|--answers|--map|--to|--from)
      COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --format)
      COMPREPLY=($(compgen -W "text md markdown html csv json xlsx docx pdf" -- "$cur")); return ;;
    --status) COMPREPLY=($(compgen -W "draft final" -- "$cur")); return ;;
    --mode) COMPREPLY=($(compgen -W "anonymous confidential" -- "$cur")); return ;;
    --tool) COMPREPLY=($(compgen -W "$(_cairn_tool_ids)" -- "$cur")); return ;;
  esac

  if [ -z "$cmd" ]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "-w --workspace -e --version --help" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    fi
    return
  fi

  local subs= opts=
  case $cmd in
    tool)
      subs="list show run edit resume copy worksheets history report"
      opts="--answers --title --draft --by --add-people --format --out --force --tool --status --json --csv"
      if [ -n "$sub" ] && [[ $cur != -* ]]; then
        case $sub in
          show|run|copy) COMPREPLY=($(compgen -W "$(_cairn_tool_ids)" -- "$cur")); return ;;
        esac
      fi ;;
    report)
      subs="list history"
      opts="--param --period --as-of --format --out --each --quiet -q --verbose --from --json --csv"
      if [ -z "$sub" ] && [[ $cur != -* ]]; then
        COMPREPLY=($(compgen -W "$subs $(_cairn_report_names)" -- "$cur")); return
      fi ;;
    survey)
      subs="import instruments show load bank waves wave entry results audit draft min-group-size"
      opts="--wave --instrument --map --check --starts --ends --audience --mode --by --item --compare --id --out --json --csv" ;;
    state) subs="init add-district districts set"; opts="--role --login --to" ;;
    publish) opts="--to --verbose" ;;
    meeting) subs="start export"; opts="--since --out --format --title" ;;
    present) opts="--once" ;;
    whoami) opts="--forget" ;;
    run) opts="--sandbox --allow-writes"
      [[ $cur != -* ]] && { COMPREPLY=($(compgen -f -X '!*.lua' -- "$cur") $(compgen -d -- "$cur")); return; } ;;
    sql) opts="--csv --json" ;;
    status) opts="--as-of" ;;
    init) opts="--district" ;;
    backup) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    help) [ -z "$sub" ] && COMPREPLY=($(compgen -W "$commands" -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
  elif [ -z "$sub" ] && [ -n "$subs" ]; then
    COMPREPLY=($(compgen -W "$subs" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -F _cairn cairn
