"""Marshmallow schemas: they validate input, shape output and generate the OpenAPI document."""
