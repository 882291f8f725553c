"""make bench: the production-like stack under wrk, figures against the trivial-view ceiling.
Development only; not a Django app.
"""
