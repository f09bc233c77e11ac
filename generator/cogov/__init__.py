"""cogov: publish the records of Open Government Partnership co-governance."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.1"
