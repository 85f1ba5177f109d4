"""Telling people: notifications in the portal, by e-mail and (optionally) by LINE."""
