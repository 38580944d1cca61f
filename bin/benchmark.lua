-- wrk script for bin/benchmark: POSTs the request bodies of the file named by TANUU_BENCH_BODIES (one JSON
-- object a line, ~200 varied interviews) in turn, each wrk thread starting at a different place.
local path = os.getenv("TANUU_BENCH_BODIES")
local bodies = {}
for line in io.lines(path) do
  if #line > 0 then bodies[#bodies + 1] = line end
end

local threads = 0
function setup(thread)
  thread:set("offset", threads * 97)
  threads = threads + 1
end

local i = 0
function init(args)
  i = offset or 0
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  i = i % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
