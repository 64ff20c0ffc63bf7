"""storyprism web stage."""
