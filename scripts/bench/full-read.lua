-- wrk script: the client read path after one unlock. Requests alternate between the document and
-- its 1 MB file, so two requests make one "full read". TOKEN, FILE_ID and COOKIE come from the
-- environment (scripts/bench-client-read.sh sets them).
local token = os.getenv("TOKEN")
local file = os.getenv("FILE_ID")
local cookie = os.getenv("COOKIE")
local paths = {
  "/api/shares/" .. token .. "/document",
  "/api/shares/" .. token .. "/files/" .. file,
}
local n = 0

request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % 2) + 1], { ["Cookie"] = cookie })
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("requests=%d failed=%d seconds=%.1f\n", summary.requests, failed, seconds))
  io.write(string.format("full_reads_per_second=%.1f\n", summary.requests / 2 / seconds))
  io.write(string.format("request_p50_ms=%.1f request_p99_ms=%.1f request_max_ms=%.1f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
