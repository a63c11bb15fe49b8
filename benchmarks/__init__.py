"""Benchmarks: figures printed beside a peer measured in the same run (`make bench`)."""
