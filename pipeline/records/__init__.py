"""Records: the schema of every kind and the roles of amounts."""
