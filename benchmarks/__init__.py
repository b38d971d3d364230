"""Performance benchmarks (run by hand or with `make bench`, never as tests)."""
