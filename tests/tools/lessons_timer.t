# lessons_learned_discussion at the terminal: each timed section starts the facilitator's timer
# (its section hook, cairn.timer): its minutes, how long the section before took and the time
# elapsed since the discussion began (clock times and durations replaced by HH:MM / M:SS).
$ cairn init --district "Riverside Unified" >/dev/null 2>&1; printf '%s\n' 'Team A' '' 'Ana' 'Lee' '' n '' '' '' '' '' '' '' '' '' '' quit n | cairn tool run lessons_learned_discussion 2>&1 | grep '\[timer\]' | sed -E 's/[0-9]{2}:[0-9]{2}\)/HH:MM)/; s/[0-9]+:[0-9]{2}( |$)/M:SS\1/'
  [timer] Section 1 of 4: REVIEW OBJECTIVES AND IMPLEMENTATION, 10 min (until HH:MM)
  [timer] REVIEW OBJECTIVES AND IMPLEMENTATION took M:SS
  [timer] Section 2 of 4: REVIEW RESULTS, 20 min (until HH:MM)
  [timer] M:SS elapsed since the discussion began
  [timer] REVIEW RESULTS took M:SS
  [timer] Section 3 of 4: REVIEW PARTNERSHIP STRUCTURES AND PROCESSES, 20 min (until HH:MM)
  [timer] M:SS elapsed since the discussion began
  [timer] REVIEW PARTNERSHIP STRUCTURES AND PROCESSES took M:SS
  [timer] Section 4 of 4: LOOK FORWARD, 10 min (until HH:MM)
  [timer] M:SS elapsed since the discussion began
