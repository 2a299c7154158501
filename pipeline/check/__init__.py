"""After a run: the audit against sources and claims, and the evaluation against gold."""
