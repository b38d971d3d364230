"""Staff of the centre: membership console, queues, reports and the audit log."""
