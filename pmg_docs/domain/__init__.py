"""The year's figures: what a formulation's targets come to and how far a service met
them, used alike by the checks (rules) and the views (documents)."""
