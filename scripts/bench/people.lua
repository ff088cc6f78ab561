-- wrk script: GET <prefix><golden id>, rotating over the IDs in $SINGLEVIEW_BENCH_IDS, signed in by cookie.
local prefix = os.getenv("SINGLEVIEW_BENCH_PREFIX") or "/api/people/"
dofile(os.getenv("SINGLEVIEW_BENCH_IDS"))
local cookie = os.getenv("SINGLEVIEW_BENCH_COOKIE")
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", prefix .. ids[(counter % #ids) + 1], { ["Cookie"] = cookie })
end

done = function(summary, latency, requests)
  io.write(string.format("p95 %.2f ms, p99 %.2f ms, non-2xx %d\n", latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
