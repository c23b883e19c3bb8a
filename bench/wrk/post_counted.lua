-- post.lua, and each thread stops after the number of responses given as the second script argument.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "post.lua")

local post_init = init
local limit, received

function init(args)
  post_init(args)
  limit = tonumber(args[2])
  received = 0
end

function response(status, headers, body)
  received = received + 1
  if received >= limit then
    wrk.thread:stop()
  end
end
