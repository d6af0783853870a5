"""View models: what a template needs for one document kind, with numbers already formatted."""
