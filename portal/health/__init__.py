"""/healthz/ readiness (database, Redis) and /healthz/live/ liveness for load balancers and Varnish.
Imports Django only.
"""
