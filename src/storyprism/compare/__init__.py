"""storyprism compare stage."""
