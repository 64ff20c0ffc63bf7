"""storyprism clean stage."""
