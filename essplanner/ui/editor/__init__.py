"""The post editor: form, state, preview, media list, autosave and the window that hosts it."""
