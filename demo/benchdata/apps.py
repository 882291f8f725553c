from django.apps import AppConfig


class BenchdataConfig(AppConfig):
    """seed_bench: a regency-scale data set for the benchmark (bench/, docs/performance.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo.benchdata"
    label = "benchdata"
    verbose_name = "Data benchmark"
