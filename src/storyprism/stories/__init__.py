"""storyprism stories stage."""
