"""Side panels of the window: personas and objectives lists with their forms."""
