"""storyprism store stage."""
