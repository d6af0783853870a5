"""pmg-docs: the documents of Chile's PMG and MEI from versioned YAML."""

__version__ = "0.1.0"
