"""Benchmark harness for the portal: see docs/benchmarks.md (``make bench``)."""
