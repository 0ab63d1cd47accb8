"""Item pipelines, one module per stage: validate, normalise, store."""
