"""storyprism ingest stage."""
