"""Three body paragraphs and an audit reader shared by the cleaning-rule tests (test_clean_*.py)."""

P1 = "The council voted on Tuesday to close the old bridge to traffic after engineers warned it was unsafe."
P2 = "Residents said the closure would add twenty minutes to their daily trips across the river valley."
P3 = "The mayor said repairs would begin next spring and would take at least eight months to finish."


def rules(result):
    """``text -> rule`` of every line the cleaner removed."""
    return {row["text"]: row["rule"] for row in result.removed}
