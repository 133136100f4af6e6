"""Image rights from the window: the register of people who may appear in the
association's images and their consents (Tools › Image rights…)."""
