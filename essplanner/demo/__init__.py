"""The example workspace: its content as data files per language, loaded through the services."""
