# A killed backup leaves COPY.tmp-PID and its journal: the next backup removes those whose
# process is gone (a running backup's are left alone). A backup onto the workspace itself is
# refused, however the path is spelt.
$ cairn init --district Riverside 2>/dev/null
$ touch copy.db.tmp-999999999 copy.db.tmp-999999999-journal copy.db.tmp-1 && cairn backup copy.db 2>&1 && ls -A | grep copy
backed up cairn.db to copy.db
copy.db
copy.db.tmp-1
$ cairn backup ./cairn.db; cairn backup "$PWD/cairn.db" 2>&1 | sed "s|$PWD|PWD|"; cairn sql "SELECT count(*) AS ok FROM meta WHERE key = 'district'"
cairn: ./cairn.db: this is the workspace itself; back it up to another file
cairn: PWD/cairn.db: this is the workspace itself; back it up to another file
ok
--
 1
(1 row)
