"""How the OpenAPI document is generated from the schemas, so that generated clients type-check."""
from __future__ import annotations

from apispec.ext.marshmallow import MarshmallowPlugin, OpenAPIConverter, resolver
from apispec.ext.marshmallow.common import resolve_schema_cls
from flask_smorest.pagination import PaginationMetadataSchema


def schema_name(schema) -> str | None:
    """Name a schema's component as flask-smorest does; its pagination header's stays unnamed.

    That header is never used (lists carry `next` and `Link`), so its schema would otherwise
    be an unused component of the document.
    """
    schema_class = schema if isinstance(schema, type) else type(schema)
    return None if schema_class is PaginationMetadataSchema else resolver(schema)


class Converter(OpenAPIConverter):
    """Write a nullable nested object as `{allOf: [$ref], nullable: true}`.

    apispec writes OpenAPI 3.0's `anyOf: [{type: object, nullable: true}, $ref]`, which
    generators type as "any object or the schema" (openapi-typescript: `Record<string, never> |
    SpeakerRef`); the form here types as "the schema or null". (OpenAPI 3.1 would say it
    natively, but the bundled Swagger UI 4 cannot show a 3.1 document.)
    """

    def field2nullable(self, field, ret) -> dict:
        if field.allow_none and self.openapi_version.major == 3 and self.openapi_version.minor < 1:
            if "$ref" in ret:
                return {"allOf": [{"$ref": ret.pop("$ref")}], "nullable": True}
            if "allOf" in ret:
                return {"allOf": ret.pop("allOf"), "nullable": True}
        return super().field2nullable(field, ret)


class Plugin(MarshmallowPlugin):
    """apispec's marshmallow plugin, documenting error answers with their own media type.

    flask-smorest registers a response component per HTTP status, its body the error schema
    as `application/json`; ours are sent as `problem_type`.
    """

    Converter = Converter

    def __init__(self, *, problem_schema: type, problem_type: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.problem_schema = problem_schema
        self.problem_type = problem_type

    def schema_helper(self, name, definition, schema=None, **kwargs):
        """Add a schema's `OPENAPI_RULES`: what its validators check across fields."""
        json_schema = super().schema_helper(name, definition, schema=schema, **kwargs)
        rules = getattr(resolve_schema_cls(schema), "OPENAPI_RULES", None) if schema else None
        return {**json_schema, **rules} if rules else json_schema

    def response_helper(self, response, **kwargs):
        content = response.get("content") or {}
        if list(content) == ["application/json"] \
                and content["application/json"].get("schema") is self.problem_schema:
            response["content"] = {self.problem_type: content["application/json"]}
        return super().response_helper(response, **kwargs)


def marshmallow_plugin(problem_schema: type, problem_type: str) -> MarshmallowPlugin:
    """Return the marshmallow plugin of the app's flask-smorest Api."""
    return Plugin(schema_name_resolver=schema_name, problem_schema=problem_schema,
                  problem_type=problem_type)
