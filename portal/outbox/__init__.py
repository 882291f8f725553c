"""E-mail sent through the task queue and delivered by the worker.
Imports Django and django-tasks only.
"""
