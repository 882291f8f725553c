"""The image and document models of every OPD's collection (alt text, caption, credit, information class).
Imports portal only.
"""
