"""Settings, URL wiring and the infrastructure every app stands on (core, security, caches, tasks...).
Imports no app above it; only portal/urls.py wires the apps' views together.
"""
