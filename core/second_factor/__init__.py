"""A second factor after the password (issue 11): an authenticator app's TOTP codes (django-otp's otp_totp)
and ten recovery codes (otp_static), each used once. Required of everyone but partner users, for whom it
is optional (rules.py); core.middleware.SecondFactorMiddleware keeps every page but the public ones, logging
out and these pages closed until the session has proved it."""
