-- expect: ran more than
while true do end
