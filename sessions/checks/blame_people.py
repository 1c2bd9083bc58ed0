"""Who is a person in a sentence: roles, pronouns, @handles, the session's names, first names.

Names are matched generically (any capitalised word) and then looked up in sets, so the
patterns are compiled once whatever people a session names. A capitalised word counts as a
person when the session names it, or when it is a common first name (a shipped list) and not
a system or product word ("Kafka", "Redis", "Cassandra") or a word the team marked fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

#: Nouns for a person's role. Plurals are recognised too ("technicians", "staffers").
ROLES = frozenset(
    """
    engineer developer dev programmer coder operator admin administrator sysadmin sre dba
    devops intern contractor technician tech staffer employee worker teammate colleague
    hire newbie junior senior on-call oncall on-caller responder reviewer author committer
    maintainer manager lead architect analyst tester qa individual person guy flunky
    culprit repairman specialist consultant dispatcher trader staff
    """.split()
)
#: Roles of two words, joined by a space ("team member", "new hire").
ROLE_PAIRS = frozenset(
    {"team member", "new hire", "release manager", "on-call engineer", "support agent"}
)
#: Subjects that are a person only with a human-only verb ("they forgot"), not "they failed".
WEAK = frozenset({"they", "team", "teams", "customer", "customers", "user", "users", "people"})
#: Pronouns that always stand for a person.
PRONOUNS = frozenset({"he", "she", "i", "you", "someone", "somebody", "him", "her", "me"})
#: Technical nouns that make a role word a modifier ("worker node", "operator pod").
TECH_HEADS = frozenset(
    """
    node nodes pod pods process processes thread threads pool pools queue queues group groups
    service services job jobs class type count role account accounts key keys token tokens
    id ids name names data image images resource resources config configuration api ui mode
    tool tools sdk script scripts interface agent agents binary instance instances host
    hosts machine machines table tables record records session sessions limit limits
    """.split()
)
#: Capitalised words that are systems or products, never people.
SYSTEMS = frozenset(
    """
    kafka redis cassandra postgres postgresql mysql mongodb mongo elasticsearch kubernetes k8s
    docker nginx apache jenkins terraform ansible puppet chef consul vault nomad helm istio
    envoy grafana prometheus alertmanager pagerduty opsgenie datadog sentry splunk kibana
    rabbitmq celery airflow spark hadoop hive zookeeper etcd memcached varnish haproxy traefik
    github gitlab bitbucket jira confluence slack zoom aws azure gcp cloudflare fastly akamai
    heroku netlify vercel linux windows macos ubuntu debian python java ruby rust golang node
    julia ada ray jasper hugo ember flask django rails spring felix otto iris ivy camel
    lambda s3 ec2 rds dns bgp cdn api ci cd
    """.split()
)

#: Capitalised words that start sentences but never name anyone.
COMMON = frozenset(
    """
    what when where who whom why how the this that these those it its if then there here a an
    and but or so we they you our their his her my your after before during while since
    because at on in for from to by with all some no not each every one two first next last
    later today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    nothing something everything nobody everybody anybody somebody none both either neither
    however unfortunately also still once
    """.split()
)


def _plain(word: str) -> str:
    return word.lower().replace("’", "'").strip("'\"“”‘.,:;()")


@cache
def first_names() -> frozenset[str]:
    text = resources.files("sessions.checks").joinpath("first_names.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@dataclass(frozen=True)
class People:
    """The person-words of one check run: the session's names and the team's words."""

    #: Lower-cased names and first names of the session's people.
    names: frozenset[str] = frozenset()
    #: Extra person-words from `.pmtui.toml` (lower-cased, e.g. "sre-on-duty").
    words: frozenset[str] = frozenset()
    #: Words the team marked fine: never a person (a service called "Operator" or "Bob").
    fine: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls, names: Iterable[str] = (), words: Iterable[str] = (), fine: Iterable[str] = ()
    ) -> People:
        lowered: set[str] = set()
        for name in names:
            name = name.strip().lstrip("@")
            first = name.split()[0].lower() if name.split() else ""
            if len(name) >= 2:
                lowered.add(name.lower())
            if len(first) >= 2 and first not in ROLES | WEAK | TECH_HEADS | COMMON:
                lowered.add(first)  # "Ana" of "Ana Silva", not "database" of "Database team"
        return cls(
            frozenset(lowered),
            frozenset(w.strip().lower() for w in words if w.strip()),
            frozenset(w.strip().lower() for w in fine if w.strip()),
        )

    def kind(self, words: list[str]) -> str:
        """'person', 'weak' or '' for the noun phrase ending with ``words[-1]``.

        ``words`` are the phrase's tokens as written (case kept), the head last.
        """
        if not words:
            return ""
        head = words[-1]
        plain = _plain(head)
        if not plain or plain in self.fine:
            return ""
        if head.startswith("@") and len(head) > 1:
            return "person"
        if plain in self.words or plain.replace("-", " ") in self.words:
            return "person"
        if len(words) >= 2 and f"{_plain(words[-2])} {plain}" in self.words:
            return "person"
        if plain in PRONOUNS:
            return "person"
        if plain in WEAK:
            return "weak"
        spaced = re.sub(r"-?\d+$", "", plain).replace("-", " ")
        if spaced in ROLE_PAIRS or _singular(spaced) in ROLE_PAIRS:
            return "person"
        if len(words) >= 2 and f"{_plain(words[-2])} {_singular(plain)}" in ROLE_PAIRS:
            return "person"
        if plain in ROLES or _singular(plain) in ROLES:
            return "person"
        if len(words) >= 2 and _singular(_plain(words[-2])) in ROLES and self._initial(head):
            return "person"  # "Engineer A", "Engineer J"
        return self._name(head)

    def _name(self, word: str) -> str:
        plain = _plain(word)
        if plain in self.names and (word[:1].isupper() or word[:1] == "@"):
            return "person"  # the session's own people win over the system words
        if self._initial(word) and word not in {"A", "I"}:
            return "person"  # "because J skipped the staging step"
        if word[:1].isupper() and word[1:].islower() and plain not in SYSTEMS | COMMON:
            return "person" if plain in first_names() else "capital"
        return ""

    @staticmethod
    def _initial(word: str) -> bool:
        return len(word) == 1 and word.isupper()

    def is_person(self, words: list[str], *, weak: bool = False, capital: bool = False) -> bool:
        """Whether the phrase is a person; ``weak`` admits "they"/teams/users, ``capital``
        admits an unknown capitalised word (for verbs only a person does: "forgot", "'s fault")."""
        kind = self.kind(words)
        return kind == "person" or (weak and kind == "weak") or (capital and kind == "capital")


NOBODY = People()
