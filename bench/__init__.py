"""Benchmark harness for the portal: see bench/README.md (``make bench``)."""
