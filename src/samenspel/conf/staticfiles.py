"""Which files `collectstatic` leaves out of STATIC_ROOT (Django's documented way to extend
the ignore patterns: the staticfiles app with our own config)."""

from django.contrib.staticfiles.apps import StaticFilesConfig as DjangoStaticFilesConfig

# The front-end packages are collected as whole `dist` folders (settings.STATICFILES_DIRS);
# pages load CSS, JS, images and fonts from them, never their token data or JS modules.
# Leaving those out (30 MB of @utrecht/design-tokens) keeps collecting, hashing and
# compressing at seconds instead of more than a minute. The patterns match names in every
# app's static files: should a page ever load such a file, narrow them first.
NOT_SERVED = ["*.json", "*.cjs", "*.mjs", "*.ts", "*.scss", "*.less", "*.md"]


class StaticFilesConfig(DjangoStaticFilesConfig):
    # @utrecht/design-tokens ships background-image-icon.css pointing at icons it does not
    # ship; Samenspel does not use it, and the manifest storage of production (hashed
    # names for WhiteNoise) refuses to collect a CSS file with a missing reference.
    ignore_patterns = [
        *DjangoStaticFilesConfig.ignore_patterns,
        *NOT_SERVED,
        "background-image-icon.css",
    ]
