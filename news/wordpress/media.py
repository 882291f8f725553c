"""Where an attachment's bytes come from: a copy of ``wp-content/uploads``, or the old site.

Fetching is held tight: only the one host named by the operator, http(s) only, no address
that resolves to a private, loopback or link-local network, no redirect (to another host or
anywhere), a time limit and a size limit. Anything else is refused before a byte is read.
"""

import ipaddress
import socket
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings


class MediaError(Exception):
    """This attachment's file cannot be had (the reason goes into the report)."""


def max_bytes():
    return getattr(settings, "PORTAL_WORDPRESS_MAX_MEDIA_BYTES", 20 * 1024 * 1024)


def uploads_relative(url):
    """'https://x/wp-content/uploads/2023/05/a.jpg' → '2023/05/a.jpg' (also multisite 'sites/N/')."""
    path = unquote(urlsplit(url).path)
    marker = "/wp-content/uploads/"
    if marker not in path:
        return ""
    return path.split(marker, 1)[1]


class UploadsFolder:
    """A local copy of the old site's ``wp-content/uploads``."""

    def __init__(self, root):
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise MediaError(f"folder unggahan tidak ditemukan: {root}")

    def read(self, url):
        relative = uploads_relative(url)
        if not relative:
            raise MediaError("alamat lampiran bukan di wp-content/uploads")
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root):
            raise MediaError("alamat lampiran keluar dari folder unggahan")
        if not path.is_file():
            raise MediaError(f"berkas tidak ada di folder unggahan: {relative}")
        if path.stat().st_size > max_bytes():
            raise MediaError("berkas melebihi batas ukuran")
        return path.read_bytes()


def public_address(host):
    """True when every address the host resolves to is a public one."""
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError as error:
        raise MediaError(f"nama host tidak dapat diselesaikan: {host}") from error
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            return False
    return True


def check_host(host):
    """Refuse, before anything is fetched, a host given as or resolving to a private address."""
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        literal = None
    if literal is not None and not literal.is_global:
        raise MediaError(f"{host} adalah alamat privat; unduhan ditolak")
    if literal is None and not public_address(host):
        raise MediaError(f"{host} mengarah ke alamat privat; unduhan ditolak")


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Fetcher:
    """Downloads attachments from the old site, from ``host`` only."""

    timeout = 20

    def __init__(self, host):
        self.host = host.lower().strip().removeprefix("https://").removeprefix("http://").strip("/")
        check_host(self.host)
        self.opener = urllib.request.build_opener(NoRedirects)

    def read(self, url):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise MediaError("alamat lampiran bukan http(s)")
        if (parts.hostname or "").lower() != self.host:
            raise MediaError(f"lampiran di host lain ({parts.hostname}); tidak diunduh")
        check_host(self.host)
        try:
            with self.opener.open(url, timeout=self.timeout) as response:  # noqa: S310 (scheme checked)
                if response.status != 200:
                    raise MediaError(f"unduhan gagal (HTTP {response.status})")
                limit = max_bytes()
                data = response.read(limit + 1)
        except urllib.error.HTTPError as error:
            raise MediaError(f"unduhan gagal (HTTP {error.code})") from error
        except (urllib.error.URLError, OSError) as error:
            raise MediaError(f"unduhan gagal ({getattr(error, 'reason', error)})") from error
        if len(data) > limit:
            raise MediaError("berkas melebihi batas ukuran")
        return data


class NoMedia:
    """Neither an uploads folder nor a host: attachments are listed as missing."""

    def read(self, url):
        raise MediaError("tidak ada --uploads atau --fetch-media-from")
