"""Grouping similar texts: hand-computed groups."""

from ..grouping import Override, TextItem, group_texts, split_lines, text_key


def summary(grouping):
    return [(g.label, g.actors, g.initiatives, g.texts) for g in grouping.groups]


def test_near_identical_sentences_share_a_key():
    assert text_key("Utbildning i MHFA för personal") == "utbildning mhfa personal"
    assert text_key("utbildning i MHFA  för personalen.") == "utbildning mhfa personal"
    assert text_key("Samverkan med skolan") != text_key("Utbildning i MHFA för personal")


def test_similar_texts_grouped_and_unrelated_apart():
    items = [
        TextItem("Utbildning i MHFA för personal", actor=1, initiative=1),
        TextItem("utbildning i MHFA  för personalen.", actor=2, initiative=2),
        TextItem("Utbildning i MHFA för personal", actor=2, initiative=3),
        TextItem("Utbildningar i MHFA för skolpersonal", actor=3, initiative=4),
        TextItem("Samverkan med elevhälsan", actor=1, initiative=1, flag=True),
    ]
    grouping = group_texts(items)
    # The label is the most common original text; actors and initiatives are distinct counts.
    assert summary(grouping) == [
        ("Utbildning i MHFA för personal", 3, 4, 4),
        ("Samverkan med elevhälsan", 1, 1, 1),
    ]
    assert grouping.groups[1].flagged_actors == 1
    assert grouping.groups[0].flagged_actors == 0
    assert grouping.groups_of("Utbildning i MHFA för personalen") == {0}
    assert grouping.groups_of("Något helt annat") == set()


def test_the_order_of_the_texts_does_not_matter():
    items = [
        TextItem("Ökad kunskap hos personalen", 1, 1),
        TextItem("ökad kunskap hos personal", 2, 2),
        TextItem("Fler skolor har utbildats", 3, 3),
        TextItem("Bättre samverkan mellan region och kommuner", 4, 4),
        TextItem("Bättre samverkan mellan regionen och kommunerna", 5, 5),
    ]
    forward, backward = group_texts(items), group_texts(list(reversed(items)))
    assert summary(forward) == summary(backward)
    assert [g.actors for g in forward.groups] == [2, 2, 1]


def test_each_line_is_a_text_of_its_own():
    assert split_lines("- Ökad kunskap\n\n• Bättre samverkan\n2. Kortare väntetider  ") == [
        "Ökad kunskap",
        "Bättre samverkan",
        "Kortare väntetider",
    ]
    grouping = group_texts([TextItem("- Ökad kunskap\n- Bättre samverkan", 1, 1)])
    assert summary(grouping) == [("Bättre samverkan", 1, 1, 1), ("Ökad kunskap", 1, 1, 1)]


def test_empty_texts_are_left_out():
    assert group_texts([TextItem("", 1, 1), TextItem(" .. \n", 2, 2)]).groups == []


def test_an_override_merges_and_renames():
    items = [
        TextItem("Ökad kunskap", 1, 1),
        TextItem("Bättre samverkan", 2, 2),
        TextItem("Kortare väntetider", 3, 3),
    ]
    override = Override(7, frozenset({text_key("Ökad kunskap"), text_key("Bättre samverkan")}), "X")
    grouping = group_texts(items, [override])
    assert summary(grouping) == [("X", 2, 2, 2), ("Kortare väntetider", 1, 1, 1)]
    assert grouping.groups[0].override_id == 7
    # A new text near one of the merged ones joins the analyst's group.
    more = group_texts([*items, TextItem("Ökad kunskapen", 4, 4)], [override])
    assert summary(more)[0] == ("X", 3, 3, 3)
    # An override whose texts are gone shows no group.
    assert summary(group_texts(items[2:], [override])) == [("Kortare väntetider", 1, 1, 1)]
