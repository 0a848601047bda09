"""Speed figures: `make bench` (run.py, Django's test client) and `make bench-scale` (scale.py)."""
