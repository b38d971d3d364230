"""Notifications: in-app notices and the e-mail outbox, written in the same transaction as the event."""
