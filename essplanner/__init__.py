"""ESS Planner: plan, tag by persona and objective, and publish social-media posts."""

__version__ = "0.1.0"
APP_NAME = "essplanner"
APP_DISPLAY_NAME = "ESS Planner"
