"""Office hours and working days (national holidays plus cuti bersama) for the mutu baku and legal deadlines.
Imports Django and holidays only.
"""
