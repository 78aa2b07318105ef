-- wrk reporting script for bench/run.py: prints one machine-readable line
-- (wrk's own --latency table has no 95th percentile). Times are microseconds.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH_JSON {\"requests\": %d, \"duration_us\": %d, \"bytes\": %d, " ..
    "\"p50_us\": %d, \"p95_us\": %d, \"p99_us\": %d, \"max_us\": %d, " ..
    "\"errors_connect\": %d, \"errors_read\": %d, \"errors_write\": %d, " ..
    "\"errors_status\": %d, \"errors_timeout\": %d}\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
