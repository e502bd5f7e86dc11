"""The client's address for lockouts (axes' `AXES_CLIENT_IP_CALLABLE`).

Behind a reverse proxy every request comes from the proxy, so locking REMOTE_ADDR would
let one attacker lock everyone out. Each trusted proxy appends the address it saw to
X-Forwarded-For, so with `SAMENSPEL_TRUSTED_PROXIES = N` the client is the N-th address
from the right; whatever the client wrote to the left of it is ignored (it can be forged).
With 0 (no proxy, `make run`) the header is ignored altogether.
"""

from ipaddress import ip_address

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.SAMENSPEL_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if len(forwarded) < proxies:
        # Fewer hops than trusted proxies: the request did not come through all of them.
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ip_address(candidate))
    except ValueError:
        return remote
