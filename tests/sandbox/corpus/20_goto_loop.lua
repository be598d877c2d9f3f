-- expect: ran more than
::again::
goto again
