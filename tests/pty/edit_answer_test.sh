#!/usr/bin/env bash
# Changing an answer from the review screen on a real pseudo-terminal (tmux): a one-line answer
# is offered in the line editor already typed (not cut short in brackets), a multi-line answer
# opens in $VISUAL/$EDITOR on a temporary file (a fake editor script here), an editor that
# fails keeps the answer and what was typed, and with no editor the answer is offered line by
# line. Prints TAP; waits by polling the screen; skips only when tmux is missing.
. "$CAIRN_TESTS/pty/lib.sh"
start() { # start NAME ENV...: the REPL on the engine's test tools
  sess=$1; shift
  tm new-session -d -s "$sess" -x 120 -y 50 \
    "cd '$dir' && env CAIRN_HISTORY= TERM=xterm-256color NO_COLOR=1 CAIRN_PATH='$CAIRN_TESTS/tool_engine' $* cairn; echo EXITED \$?; sleep 600"
}
stored() { # stored ID FIELD: the stored answer
  CAIRN_PATH="$CAIRN_TESTS/tool_engine" cairn -e "io.write(tool.open_worksheet($1).answers.$2)"
}

cd "$dir" || exit 1
cairn init --district "Edit District" 2>/dev/null
long="Team Alpha, the district and charter working group on chronic absence in the ninth grade"
CAIRN_PATH="$CAIRN_TESTS/tool_engine" cairn -e "tool.run('engine_fields', { name = '$long', notes = 'Line one\nLine two' })" >/dev/null
# a fake editor: changes the second line of the file it is given
cat > edit-ok <<'SH'
#!/bin/sh
sed -i 's/^Line two$/Line two, changed in the editor/' "$1"
SH
# an editor that fails after the text was changed
cat > edit-fails <<'SH'
#!/bin/sh
echo 'typed before the crash' >> "$1"
exit 3
SH
chmod +x edit-ok edit-fails

# ---- one line, in the line editor --------------------------------------------------------------
start s1 "VISUAL= EDITOR='$dir/edit-ok'"
wait_for '^> '
line 'w = worksheets()[1]; w:edit()'
wait_for '^review> '
line '1'
wait_prompt "^Name \(one line\): $long\$"
ok $? "the whole one-line answer is offered in the line editor, not cut short in brackets"
key C-a; type_text 'The '; key C-e; type_text ' (revised)'; key Enter
wait_for '^review> ' 2
line 'save'
wait_for '^Saved worksheet 1'
[ "$(stored 1 name)" = "The $long (revised)" ]
ok $? "the answer changed in place is stored"

# ---- several lines, in the editor ----------------------------------------------------------------
line 'w:edit()'
wait_for '^review> ' 3
line '2'
wait_for "Opening the answer in $dir/edit-ok"
wait_for '^review> ' 4
ok $? "a multi-line answer opens in the editor and comes back to the review"
line 'save'
wait_for '^Saved worksheet 1 .*revision 3'
[ "$(stored 1 notes)" = "Line one
Line two, changed in the editor" ]
ok $? "what was saved in the editor is the answer"
line 'os.exit()'
wait_for '^EXITED'

# ---- an editor that fails ------------------------------------------------------------------------
start s2 "VISUAL='$dir/edit-fails'"
wait_for '^> '
line 'w = worksheets()[1]; w:edit()'
wait_for '^review> '
line '2'
wait_for 'The editor did not finish \(exit status 3\): the answer is kept as it was\.'
ok $? "a failing editor is reported and the answer kept"
kept=$(screen | sed -n 's/^  What you typed there is kept in \(.*\)\.$/\1/p')
[ -n "$kept" ] && grep -q 'typed before the crash' "$kept"
ok $? "what was typed in the failing editor is kept in a file"
rm -f "$kept"
wait_prompt '^Notes \(several lines; an empty line ends the answer\): Line one$'
ok $? "then the answer is offered line by line in the line editor"
key Enter
wait_prompt '^  \| Line two, changed in the editor$'
key Enter
wait_prompt '^  \| $'
key Enter
wait_for '^review> ' 2
line 'quit'
wait_for '^Save a draft|^> ' 2
[ "$(stored 1 notes)" = "Line one
Line two, changed in the editor" ]
ok $? "Enter on every offered line keeps the answer as it was"
line 'os.exit()'
wait_for '^EXITED'

# ---- no editor: line by line -----------------------------------------------------------------------
start s3 "VISUAL= EDITOR="
wait_for '^> '
line 'w = worksheets()[1]; w:edit()'
wait_for '^review> '
line '2'
wait_prompt '^Notes \(several lines; an empty line ends the answer\): Line one$'
ok $? "without an editor the first line is offered in the line editor"
screen | grep -q 'Opening the answer'
[ $? -ne 0 ]
ok $? "and no editor is started"
key Enter
wait_prompt '^  \| Line two, changed in the editor$'
key C-u; type_text 'Line two, retyped'; key Enter
wait_prompt '^  \| $'
line 'Line three, added'
wait_prompt '^  \| $'
key Enter
wait_for '^review> ' 2
line 'save'
wait_for '^Saved worksheet 1 .*revision 4'
[ "$(stored 1 notes)" = "Line one
Line two, retyped
Line three, added" ]
ok $? "lines changed and added in the line editor are the new answer"
line 'os.exit()'
wait_for '^EXITED'
finish
