"""Writes schemas/account-plan.schema.json; the schema is easier to review as code.

Run: python tools/build_schema.py > schemas/account-plan.schema.json
"""
import json
slug = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "description": "a slug (lowercase letters, digits and `-`, starting with a letter or digit)"}
date = {"type": "string", "format": "date", "description": "a date written YYYY-MM-DD"}
text = {"type": "string", "minLength": 1, "description": "text"}
def one_or_many(ref, what, min_items=0):
    many = {"type": "array", "items": {"$ref": ref}}
    if min_items: many["minItems"] = min_items
    return {"description": what, "anyOf": [{"$ref": ref}, many]}
X = {"^x-": {}}
def obj(props, required=(), **extra):
    o = {"type": "object", "properties": props, "patternProperties": X, "additionalProperties": False}
    if required: o["required"] = list(required)
    o.update(extra)
    return o
# References (with, review_with, coordinates, also_offered_to) are text, not slugs:
# `陈刚` or `Li Ming` is PL004 with "did you mean `chen-gang`?", not a pattern error.
count = {"type": "integer", "minimum": 0, "description": "a whole number >= 0"}
amount = {"type": "number", "minimum": 0, "description": "a number >= 0"}
# An objective's floor, goal and stretch: a number or text such as "+15%".
target = {"type": ["string", "number"], "description": "text or a number"}
common = {
    "id": {"$ref": "#/$defs/slug"},
    "type": {"enum": ["operational", "project"], "description": "the plan type"},
    "title": {"$ref": "#/$defs/text"},
    "tier": one_or_many("#/$defs/text", "a tier name or a list of tier names", 1),
    "owner": {"$ref": "#/$defs/text"},
    "checker": {"$ref": "#/$defs/text"},
    "objectives": {"type": "array", "items": {"$ref": "#/$defs/objective"}},
}
operational = {
    "cadence": {"enum": ["weekly", "monthly", "quarterly"], "description": "the review cadence"},
    "review_day": {"type": "integer", "minimum": 1, "maximum": 92, "description": "a whole number (the day of the cycle)"},
    "review_with": one_or_many("#/$defs/text", "a contact id or a list of contact ids"),
    "coordinates": one_or_many("#/$defs/text", "a plan id or a list of plan ids"),
}
project = {
    "kind": {"enum": ["promotion", "product-launch", "event", "training", "other"], "description": "the project kind"},
    "finalized": {"$ref": "#/$defs/date"},
    "start": {"$ref": "#/$defs/date"},
    "end": {"$ref": "#/$defs/date"},
    "materials": {"type": "array", "items": {"$ref": "#/$defs/material"}},
    "consultations": {"type": "array", "items": {"$ref": "#/$defs/consultation"}},
    "review": {"$ref": "#/$defs/review"},
    "exclusive": {"type": "array", "items": {"$ref": "#/$defs/exclusive"}},
    # Section 8: only project plans take these; on an operational plan they are unknown keys.
    "budget": {"$ref": "#/$defs/budget"},
    "risks": {"type": "array", "items": {"$ref": "#/$defs/risk"}, "description": "a list of risks"},
    "training": {"type": "array", "items": {"$ref": "#/$defs/training"},
                 "description": "a list of training sessions for the customer's staff"},
}
def is_type(t):
    return {"properties": {"type": {"const": t}}, "required": ["type"]}
def forbid(keys, owner):
    return {"properties": {k: {"not": {}, "description": f"a key of {owner} plans"} for k in keys}}
plan = obj({**common, **operational, **project}, ["id", "type", "title", "tier"], allOf=[
    {"if": is_type("operational"), "then": {"required": ["cadence", "review_day"], **forbid(project, "project")}},
    {"if": is_type("project"), "then": {"required": ["kind", "finalized", "start", "end"], **forbid(operational, "operational")}},
    {"if": {"properties": {"cadence": {"const": "weekly"}}, "required": ["cadence"]},
     "then": {"properties": {"review_day": {"maximum": 7}}}},
    {"if": {"properties": {"cadence": {"const": "monthly"}}, "required": ["cadence"]},
     "then": {"properties": {"review_day": {"maximum": 31}}}},
])
schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://planlint.dev/schemas/account-plan.schema.json",
    "title": "planlint key-account plan, format version 1",
    "description": "One key account's plan: the account, its period, and its operational and project plans.",
    "type": "object",
    "required": ["version", "account", "period", "plans"],
    "properties": {
        "version": {"const": 1, "description": "the format version 1"},
        "account": obj({
            "id": {"$ref": "#/$defs/slug"},
            "name": {"$ref": "#/$defs/text"},
            "class": {"enum": ["A", "B", "C"], "description": "the account's value class"},
            "manager": {"$ref": "#/$defs/text"},
            "tiers": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"$ref": "#/$defs/text"}},
            "contacts": {"type": "array", "items": {"$ref": "#/$defs/contact"}},
            "visits": {"type": "array", "items": {"$ref": "#/$defs/visit"}, "description": "a list of executive visits"},
            "surveys": {"type": "array", "items": {"$ref": "#/$defs/survey"},
                        "description": "a list of satisfaction surveys"},
        }, ["id", "name", "class", "manager", "tiers"]),
        "period": obj({"start": {"$ref": "#/$defs/date"}, "end": {"$ref": "#/$defs/date"}}, ["start", "end"]),
        "plans": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/plan"}},
    },
    "patternProperties": X,
    "additionalProperties": False,
    "$defs": {
        "slug": slug, "date": date, "text": text,
        "contact": obj({
            "id": {"$ref": "#/$defs/slug"}, "name": {"$ref": "#/$defs/text"}, "role": {"$ref": "#/$defs/text"},
            "tier": {"$ref": "#/$defs/text"}, "decision_maker": {"type": "boolean", "description": "true or false"},
            "updated": {"$ref": "#/$defs/date"},
        }, ["id", "name", "role"]),
        "objective": obj({"text": {"$ref": "#/$defs/text"}, "metric": {"$ref": "#/$defs/text"},
                          "baseline": target, "target": target, "stretch": target}, ["text"]),
        "plan": plan,
        "material": obj({
            "item": {"$ref": "#/$defs/text"},
            "kind": {"enum": ["advertising", "display", "gift", "sample", "stock", "other"], "description": "the material kind"},
            "ready": {"$ref": "#/$defs/date"}, "quantity": count, "needed": count,
        }, ["item"]),
        "consultation": obj({
            "date": {"$ref": "#/$defs/date"},
            "with": one_or_many("#/$defs/text", "a contact id or a list of contact ids", 1),
            "notes": {"$ref": "#/$defs/text"},
        }, ["date", "with"]),
        "review": obj({
            "date": {"$ref": "#/$defs/date"},
            "with": one_or_many("#/$defs/text", "a contact id or a list of contact ids"),
            "findings": {"$ref": "#/$defs/text"},
            "actions": {"type": "array", "items": {"$ref": "#/$defs/action"}},
        }, ["date"]),
        "action": obj({"action": {"$ref": "#/$defs/text"}, "owner": {"$ref": "#/$defs/text"},
                       "checker": {"$ref": "#/$defs/text"}, "due": {"$ref": "#/$defs/date"}}, ["action"]),
        "exclusive": obj({
            "offer": {"$ref": "#/$defs/text"},
            "type": {"enum": ["product", "service", "discount", "other"], "description": "the offer type"},
            "also_offered_to": one_or_many("#/$defs/text", "an account id or a list of account ids"),
        }, ["offer", "type"]),
        "visit": obj({
            "date": {"$ref": "#/$defs/date"}, "exec": {"$ref": "#/$defs/text"},
            "with": one_or_many("#/$defs/text", "a contact id or a list of contact ids"),
        }, ["date", "exec"], description="an executive visit: `date`, `exec` and optional `with`"),
        "survey": obj({
            "date": {"$ref": "#/$defs/date"}, "score": {"type": "number", "description": "a number"},
            "scale": {"type": "number", "exclusiveMinimum": 0, "description": "a number > 0"},
        }, ["date", "score"], description="a satisfaction survey: `date`, `score` and optional `scale`"),
        "budget": obj({
            "total": amount,
            "currency": {"type": "string", "pattern": "^(?!RMB$)[A-Z]{3}$",  # RMB is no ISO code: CNY
                          "description": "three capital letters (a currency code such as CNY)"},
            "lines": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/budget_line"}},
        }, ["total", "lines"], description="a budget: `total`, optional `currency` and its `lines`"),
        "budget_line": obj({"item": {"$ref": "#/$defs/text"}, "amount": amount}, ["item", "amount"],
                           description="a budget line: `item` and `amount`"),
        "risk": obj({"risk": {"$ref": "#/$defs/text"}, "mitigation": {"$ref": "#/$defs/text"},
                     "owner": {"$ref": "#/$defs/text"}}, ["risk"],
                    description="a risk: `risk`, optional `mitigation` and `owner`"),
        "training": obj({
            "date": {"$ref": "#/$defs/date"}, "audience": {"$ref": "#/$defs/text"},
            "tier": one_or_many("#/$defs/text", "a tier name or a list of tier names"),
        }, ["date", "audience"], description="a training session: `date`, `audience` and optional `tier`"),
    },
}
print(json.dumps(schema, indent=2, ensure_ascii=False))
