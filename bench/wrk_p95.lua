-- Printed by wrk at the end of a run: requests per second, the 95th percentile latency, errors.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RPS %f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("P95_US %d\n", latency:percentile(95)))
  io.write(string.format("ERRORS %d\n", errors))
end
