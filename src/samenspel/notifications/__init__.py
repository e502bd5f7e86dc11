"""Notifications: other systems subscribe to changes and get a small signed message.

In the spirit of the VNG Notificaties API. A system subscribes through the API
(`/api/v1/abonnementen`) to one or more channels of one association (`voorstellen`,
`besluiten`, `voortgang`, `overleggen`) with a callback URL (https; plain http only to
localhost/127.0.0.1); it gets an HMAC secret once. When a proposal, an executive decision,
a progress update or a meeting is saved (signals.py, on commit), every active
subscription of that association and channel whose user may read the object (the pages'
rules, visibility.py) gets a `Delivery`, sent by the background worker (django-tasks,
docs/adr/0008-background-jobs.md):

    POST <callback URL>
    Content-Type: application/json
    X-Samenspel-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>
    X-Samenspel-Delivery: <delivery id>

    {"kanaal": "voortgang", "resource": "https://vdg.example.nl/api/v1/voortgang/12",
     "actie": "create", "aanmaakdatum": "2024-06-15T10:00:00+02:00"}

The message names the object, never its contents: the receiver reads the resource with
its own token, so what it learns is what the API lets it read. The resource URL is on
the association's own address (`association_site_url`: its first hostname, else
SAMENSPEL_SITE_URL), as links in mail, since a change has no request to take a host from.
A non-2xx answer or an error is tried again after 1 min, 5 min, 30 min, 2 h and 12 h;
then the delivery has failed, and the bureau sees it on `/notificaties/` and may try it
again now. Delivery is at least once; receivers tell repeats apart by the delivery id.
"""
