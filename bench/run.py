"""Benchmark (see make bench)."""
