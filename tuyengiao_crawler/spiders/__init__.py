"""The archive spider(s): walking, scope, pagination, link following."""
