"""storyprism extract stage."""
