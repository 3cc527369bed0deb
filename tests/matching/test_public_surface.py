"""The engine's public names are pinned, like the core's."""

import matchfair.matching


def test_public_surface_is_sorted_and_importable():
    assert sorted(matchfair.matching.__all__) == matchfair.matching.__all__
    for name in matchfair.matching.__all__:
        assert hasattr(matchfair.matching, name), name
