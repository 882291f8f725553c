"""Host purges that could not be sent at once, retried by the task worker."""

from django_tasks import task


@task()
def purge_hosts_task(root_urls, backend_names=None):
    """Drop every cached page of these sites on the named Varnish backends (all when None)."""
    from .purge import purge_hosts_now

    purge_hosts_now(root_urls, backend_names, retry=False)
