"""storyprism reuse stage."""
