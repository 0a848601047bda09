"""`make drills`: the bench settings (production's, over plain HTTP on the loopback interface,
rate limits out of reach), with these differences, each for the drills alone."""

from config.env import env_int

from .bench import *  # noqa: F403

# Real SMTP, to the drills' own mail server on the loopback interface (drills/smtpsink.py).
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": "127.0.0.1",
            "port": env_int("DRILLS_SMTP_PORT", 8025),
            "use_tls": False,
            "timeout": 10,
        },
    }
}

# Sixty people sign in from one address within seconds: allauth would refuse most of them.
ACCOUNT_RATE_LIMITS = False

# Signing sixty people up and in with production's password hasher costs a minute of CPU on a
# small machine for nothing the drills look at.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
