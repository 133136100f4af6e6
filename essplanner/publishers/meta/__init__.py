"""Meta family: Graph API client and tokens, containers, media hosting, Facebook, Instagram, Threads."""
