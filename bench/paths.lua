-- wrk script: request the paths listed in a file (one per line, already URL-encoded) in turn.
--   wrk -s bench/paths.lua http://127.0.0.1:8101 -- /tmp/paths.txt
-- Each thread starts at its own place in the list, so threads do not ask for the same path
-- at the same moment. Headers given with -H (a session cookie) go with every request.

local thread_count = 0

function setup(thread)
  thread:set("offset", thread_count)
  thread_count = thread_count + 1
end

local paths = {}
local position = 1

function init(args)
  local file = args[1]
  if file == nil then
    error("give the file of paths after --")
  end
  for line in io.lines(file) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("no paths in " .. file)
  end
  position = ((offset or 0) * 61) % #paths + 1
end

function request()
  local path = paths[position]
  position = position % #paths + 1
  return wrk.format(nil, path)
end
