"""Post templates and evergreen posts: the template picker, the evergreen library."""
