"""Case documents."""
