-- wrk script: GET /api/search?name=..&dob=.., rotating over names in $SINGLEVIEW_BENCH_NAMES, signed in by cookie.
dofile(os.getenv("SINGLEVIEW_BENCH_NAMES"))
local cookie = os.getenv("SINGLEVIEW_BENCH_COOKIE")
local counter = 0

local function escape(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  counter = counter + 1
  local entry = names[(counter % #names) + 1]
  return wrk.format("GET", "/api/search?name=" .. escape(entry[1]) .. "&dob=" .. entry[2], { ["Cookie"] = cookie })
end

done = function(summary, latency, requests)
  io.write(string.format("p95 %.2f ms, p99 %.2f ms, non-2xx %d\n", latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
