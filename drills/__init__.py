"""`make drills`: fault drills, concurrency checks and a soak on the real stack.

See docs/operations.md and drills/run.py.
"""
