"""seed_bench: a regency-scale data set inserted in bulk for make bench.
Development only; imports the page apps it fills.
"""
