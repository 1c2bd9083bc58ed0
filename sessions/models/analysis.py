"""The root cause analysis: 5-whys trees, the fishbone, the root cause and the factors."""

from __future__ import annotations

from pydantic import Field, model_validator

from sessions.models.base import Model, Text, next_free_id


class WhyNode(Model):
    """One why/because step; ``parent`` links it to the step it digs under ("" = the problem).

    Several nodes with one parent are parallel why-chains. The list is kept flat so that the
    file stays diff-friendly however deep the analysis goes.
    """

    id: Text
    parent: Text = ""
    why: Text = ""
    because: Text = ""
    root_cause: bool = False


class FiveWhys(Model):
    """One problem and its why-chains; ``RootCause.whys`` holds one of these per problem."""

    problem: Text = ""
    nodes: list[WhyNode] = Field(default_factory=list)

    @model_validator(mode="after")
    def _tree_is_sound(self) -> FiveWhys:
        ids: set[str] = set()
        for index, node in enumerate(self.nodes):
            if not node.id:
                raise ValueError(f"nodes[{index}].id: a why needs an id")
            if node.id in ids:
                raise ValueError(f"nodes[{index}].id: duplicate why id {node.id!r}")
            ids.add(node.id)
        parents = {node.id: node.parent for node in self.nodes}
        for index, node in enumerate(self.nodes):
            if node.parent and node.parent not in ids:
                raise ValueError(f"nodes[{index}].parent: no why with id {node.parent!r}")
            seen, cursor = set(), node.parent
            while cursor:
                if cursor in seen or cursor == node.id:
                    raise ValueError(f"nodes[{index}].parent: the whys form a loop")
                seen.add(cursor)
                cursor = parents[cursor]
        return self

    def children(self, parent: str) -> list[WhyNode]:
        return [node for node in self.nodes if node.parent == parent]

    def depth(self, node_id: str) -> int:
        """How many whys down from the problem this node is (the first why is 1)."""
        by_id = {node.id: node for node in self.nodes}
        depth, cursor = 0, node_id
        while cursor:
            depth += 1
            cursor = by_id[cursor].parent
        return depth

    def chains(self) -> list[list[WhyNode]]:
        """Every path from the problem to a leaf: each is one why-chain to read in order."""
        kids: dict[str, list[WhyNode]] = {}
        for node in self.nodes:
            kids.setdefault(node.parent, []).append(node)
        out: list[list[WhyNode]] = []
        stack: list[list[WhyNode]] = [[n] for n in reversed(kids.get("", []))]
        while stack:
            path = stack.pop()
            below = kids.get(path[-1].id, [])
            if not below:
                out.append(path)
            for child in reversed(below):
                stack.append([*path, child])
        return out

    def next_id(self) -> str:
        return next_free_id("w", [node.id for node in self.nodes])

    @property
    def is_empty(self) -> bool:
        return not self.problem.strip() and not self.nodes


class Cause(Model):
    text: Text
    sub_causes: list[Text] = Field(default_factory=list)
    #: The id of the contributing factor this cause is (and so the action items addressing it).
    factor: Text = ""


class FishboneCategory(Model):
    name: Text
    causes: list[Cause] = Field(default_factory=list)


DEFAULT_FISHBONE = ("People", "Process", "Technology", "Environment")


def _default_categories() -> list[FishboneCategory]:
    return [FishboneCategory(name=name) for name in DEFAULT_FISHBONE]


class Fishbone(Model):
    problem: Text = ""
    categories: list[FishboneCategory] = Field(default_factory=_default_categories)

    @property
    def is_empty(self) -> bool:
        return not any(category.causes for category in self.categories) and not self.problem


def _one_analysis() -> list[FiveWhys]:
    return [FiveWhys()]


class RootCause(Model):
    what_happened: Text = ""
    #: What set the incident off (a deploy, a config push, a traffic spike).
    trigger: Text = ""
    statement: Text = ""
    #: One 5-whys analysis per problem; a new session starts with one, empty.
    whys: list[FiveWhys] = Field(default_factory=_one_analysis)
    fishbone: Fishbone = Field(default_factory=Fishbone)

    def analysis(self, index: int = 0) -> FiveWhys:
        """The analysis at ``index``, created (empty) when there is none yet, for an editor."""
        while len(self.whys) <= index:
            self.whys.append(FiveWhys())
        return self.whys[index]

    def marked(self) -> list[WhyNode]:
        """Every step marked as a root cause, in every analysis."""
        return [node for whys in self.whys for node in whys.nodes if node.root_cause]


class Factor(Model):
    id: Text
    factor: Text
    description: Text = ""
    type: Text = ""


FACTOR_TYPES = (
    "Process",
    "Configuration",
    "Monitoring",
    "Documentation",
    "Code",
    "Infrastructure",
    "Dependency",
    "Communication",
    "Capacity",
)
