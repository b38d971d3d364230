"""Case documents: files the client, the accepting firm and staff share on a request, stored outside the web root."""
