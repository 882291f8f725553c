"""Development only: the demo content (seed_demo), the bench data (benchdata) and the benchmark (bench).
May import everything; installed by the dev and test settings only.
"""
