# Every command the README shows works as shown (see check.sh).
$ bash $TESTS/readme/check.sh
48 README commands ran, 0 failed
