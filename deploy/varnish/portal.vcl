vcl 4.1;
# Varnish in front of the portal's app servers (gunicorn). See docs/operations.md.
#
# - Caches anonymous GET/HEAD pages, varying by host and by language.
# - Never caches the admin, a logged-in visitor (session cookie) or a response setting a cookie
#   or marked private by the app (portal.page_cache.middleware.CacheControlMiddleware), nor any 5xx:
#   while the app fails, a page in cache is served from grace (up to a day old) instead.
# - PURGE is accepted only on the listener named "purge" (varnishd -a purge=ADDRESS:6082,
#   never exposed to nginx) and only from the app servers (acl purgers). It drops every cached
#   copy of that host + path, whatever its query string (?page=2 of a listing) and language;
#   with the header "X-Portal-Purge: host", every copy of that host (portal.page_cache.purge_sites).
#   (Through nginx every request comes from nginx's address, so the address alone cannot
#   tell an app server from a visitor; the listener can.)
#
# Lines marked EDIT are per-install. deploy/varnish/portal.vcl is used as-is by the
# integration tests, which only substitute the backend address and the admin path.

import std;

# EDIT: one backend per app server; with several, add a director (see docs/scaling.md).
backend default {
    .host = "127.0.0.1";
    .port = "8001";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
    # Liveness only (portal/health/probe.py: answered before Django, without the database or Redis).
    # During a database or Redis outage the app server stays "healthy": uncached pages still reach
    # Django, get its branded error page (never cached), and work again the moment the outage ends.
    # A slow app server is not a dead one: a probe waits in gunicorn's queue like any request
    # (about 2 s at 256 connections), so the backend is marked sick only after 10 consecutive
    # failures (no gunicorn listening, or none answering within 5 s, for 10 s), and healthy again
    # on the first success, within a second or so.
    .probe = {
        .url = "/healthz/live/";
        .interval = 1s;
        .timeout = 5s;
        .window = 10;
        .threshold = 1;
        # Start healthy: a restarted Varnish serves at once instead of answering 503 until probed.
        .initial = 1;
    }
}

# EDIT: the app servers' addresses (they send PURGE when a page is published).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # One spelling per host: lower case, no port.
    set req.http.host = std.tolower(regsub(req.http.host, ":[0-9]+$", ""));

    if (req.method == "PURGE") {
        if (local.socket != "purge" || !client.ip ~ purgers) {
            return (synth(405, "PURGE not allowed from this address"));
        }
        # X-Portal-Purge: host drops every page of the host (the alert banner on every page changed).
        if (req.http.X-Portal-Purge == "host") {
            ban("obj.http.x-portal-host == " + req.http.host);
            return (synth(200, "Purged host"));
        }
        ban("obj.http.x-portal-host == " + req.http.host + " && obj.http.x-portal-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # EDIT if DJANGO_ADMIN_PATH is not "admin/". The admin and the health checks are never cached.
    if (req.url ~ "^/admin/" || req.url ~ "^/healthz/") {
        return (pass);
    }

    # A logged-in visitor (Django session) or someone mid-form (CSRF cookie) gets fresh pages.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }

    # Language: Indonesian unless the visitor chose English (cookie) or asks for it first.
    if (req.http.Cookie ~ "(^|;\s*)django_language=en") {
        set req.http.Accept-Language = "en";
    } elsif (req.http.Cookie ~ "(^|;\s*)django_language=id") {
        set req.http.Accept-Language = "id";
    } elsif (req.http.Accept-Language ~ "^\s*en") {
        set req.http.Accept-Language = "en";
    } else {
        set req.http.Accept-Language = "id";
    }

    # Anything else in Cookie (analytics, ...) does not change the page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    hash_data(req.http.host);
    # nginx sends X-Forwarded-Proto: https. A request reaching Varnish any other way gets
    # Django's redirect to HTTPS, which must never be served to the HTTPS visitors.
    hash_data(req.http.X-Forwarded-Proto);
    hash_data(req.url);
    hash_data(req.http.Accept-Language);
    return (lookup);
}

sub vcl_backend_response {
    # Remember host and path (without query) on the object, for PURGE's ban.
    set beresp.http.x-portal-host = bereq.http.host;
    set beresp.http.x-portal-path = regsub(bereq.url, "\?.*$", "");

    # A server error is never cached: the fault (database or Redis away) is usually over in
    # seconds. Refreshing a stale copy in the background (grace), keep that copy and drop the
    # error; otherwise pass the error on once, without storing it (and for one second fetch
    # that URL without request coalescing, so that the next visitor gets a fresh try).
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.uncacheable = true;
        set beresp.ttl = 1s;
        set beresp.grace = 0s;
        return (deliver);
    }

    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-cache|no-store)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # A page the app did not mark (a 404, a redirect) is kept briefly.
    if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        set beresp.ttl = 120s;
    }
    # While the app servers are down, serve what we have for up to a day; except a page whose
    # lifetime the app cut to the moment it changes by itself (an alert banner starting or
    # ending: X-Portal-Expires-Exactly), which must not be served once that moment has passed.
    if (beresp.http.X-Portal-Expires-Exactly) {
        set beresp.grace = 0s;
    } else {
        set beresp.grace = 24h;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.x-portal-host;
    unset resp.http.x-portal-path;
    unset resp.http.X-Portal-Expires-Exactly;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    return (deliver);
}
