"""What follows a change of an alert: every worker reads the alerts again and Varnish drops
every cached page that showed (or should now show) the banner, once the change is committed."""

from wagtail.models import Site

from portal.core import site_settings
from portal.page_cache.purge import purge_sites


def alert_changed(sender, instance, **kwargs):
    """post_save / post_delete of an Alert."""
    # The public content version: the workers' kept alerts and Last-Modified follow it.
    site_settings.forget()
    sites = Site.objects.all() if instance.site_id is None else Site.objects.filter(pk=instance.site_id)
    purge_sites(list(sites))
