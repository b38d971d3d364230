"""Referrals: offers with deadlines, acceptance, cases, messages, closure and feedback."""
