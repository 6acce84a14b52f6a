"""Setting a pilot up and writing its documents from templates: init, new-team, scaffold."""
