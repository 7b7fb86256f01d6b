#!/usr/bin/env python3
"""A small IAM identity-policy evaluator speaking the iam-conformance `cmd:` protocol.

Protocol (docs/protocol.md): one JSON Case per line on stdin, one JSON Verdict per line on stdout,
in the same order, flushed after each line. Standard library only.

Supported on purpose, and nothing more:
  - Allow/Deny precedence: an applicable Deny wins, else an applicable Allow grants, else implicit deny
    https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
  - permissions boundaries: the boundary must allow too; a Deny in it denies
  - Action / NotAction with * and ? wildcards, case-insensitive
  - Resource / NotResource with * and ? wildcards, case-sensitive
  - StringEquals / StringLike conditions (several policy values: any; several keys/operators: all;
    condition key names case-insensitive; an absent key: the condition is false)
Any other condition operator makes the case an error verdict ("UnsupportedOperator"), so a conformance
run shows exactly where this evaluator stops.

Run it:  iam-conformance vectors specs/vectors --evaluator "cmd:python3 examples/python-evaluator/evaluate.py"
"""
import json
import re
import sys

SUPPORTED = {"StringEquals", "StringLike"}


class Malformed(Exception):
    """The policy breaks the grammar: AWS rejects it with MalformedPolicyDocument."""


class Unsupported(Exception):
    """The policy uses something this evaluator does not implement."""


def as_list(value):
    return value if isinstance(value, list) else [value]


def wildcard(pattern, value, ignore_case):
    """IAM wildcards: * matches any run of characters (also none), ? exactly one."""
    regex = "".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in pattern)
    return re.fullmatch(regex, value, re.DOTALL | (re.IGNORECASE if ignore_case else 0)) is not None


def statements(policy, where):
    if not isinstance(policy, dict) or "Statement" not in policy:
        raise Malformed(f"{where}: a policy needs a Statement")
    return as_list(policy["Statement"])


def element(statement, positive, negative, where):
    """The patterns of Action/NotAction (or Resource/NotResource) and whether they are negated."""
    if (positive in statement) == (negative in statement):
        raise Malformed(f"{where}: exactly one of {positive} and {negative} is required")
    key = positive if positive in statement else negative
    return [str(p) for p in as_list(statement[key])], key == negative


def condition_holds(condition, context):
    values_by_key = {entry["key"].lower(): entry["values"] for entry in context}
    for operator, block in (condition or {}).items():
        if operator not in SUPPORTED:
            raise Unsupported(f"condition operator {operator}")
        for key, wanted in block.items():
            present = values_by_key.get(key.lower())
            if not present:
                return False
            like = operator == "StringLike"
            wanted = [str(w) for w in as_list(wanted)]
            if not any(
                wildcard(w, v, False) if like else w == v for w in wanted for v in present
            ):
                return False
    return True


def applies(statement, request, where):
    if not isinstance(statement, dict):
        raise Malformed(f"{where}: a statement must be an object")
    if statement.get("Effect") not in ("Allow", "Deny"):
        raise Malformed(f"{where}.Effect: must be Allow or Deny")
    actions, not_action = element(statement, "Action", "NotAction", where)
    resources, not_resource = element(statement, "Resource", "NotResource", where)
    action_hit = any(wildcard(p, request["action"], True) for p in actions)
    resource_hit = any(wildcard(p, request.get("resource", "*"), False) for p in resources)
    return (
        action_hit != not_action
        and resource_hit != not_resource
        and condition_holds(statement.get("Condition"), request.get("context", []))
    )


def effects(policies, request, name):
    """The effects of the statements that apply, over one list of policies."""
    found = set()
    for p, policy in enumerate(policies):
        for s, statement in enumerate(statements(policy, f"{name}[{p}]")):
            if applies(statement, request, f"{name}[{p}].Statement[{s}]"):
                found.add(statement["Effect"])
    return found


def evaluate(case):
    request = case["request"]
    identity = effects(case.get("policies", []), request, "policies")
    boundaries = case.get("permissionsBoundaries") or []
    boundary = effects(boundaries, request, "permissionsBoundaries")
    if "Deny" in identity or "Deny" in boundary:
        return {"decision": "explicitDeny"}
    if "Allow" in identity and (not boundaries or "Allow" in boundary):
        return {"decision": "allowed"}
    return {"decision": "implicitDeny"}


def answer(line):
    try:
        return evaluate(json.loads(line))
    except Malformed as err:
        return {"error": {"code": "MalformedPolicyDocument", "message": str(err)}}
    except Unsupported as err:
        return {"error": {"code": "UnsupportedOperator", "message": str(err)}}
    except Exception as err:  # anything unexpected is this evaluator's bug: say so, keep serving
        return {"error": {"code": "EvaluatorBug", "message": f"{type(err).__name__}: {err}"}}


def main():
    for line in sys.stdin:
        if line.strip():
            sys.stdout.write(json.dumps(answer(line)) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
