"""storyprism report stage."""
