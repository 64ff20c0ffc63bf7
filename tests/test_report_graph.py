"""The copy-graph SVG: escaped, deterministic, survives cycles and dangling edges."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from storyprism.report.graph import copy_graph_svg

NODES = [
    {"id": "wire:AP", "label": "AP", "kind": "virtual", "outlet": "AP"},
    {"id": "a1", "label": "<script>alert(1)</script>", "kind": "article", "outlet": "Evil & Co"},
    {"id": "a2", "label": "Coast Courier", "kind": "article", "outlet": "Coast Courier"},
]
EDGES = [
    {"source": "wire:AP", "target": "a1", "kind": "copy"},
    {"source": "wire:AP", "target": "a2", "kind": "rewrite"},
    {"source": "a2", "target": "ghost", "kind": "copy"},  # unknown node: ignored
]


def test_svg_is_well_formed_and_escapes_text():
    svg = copy_graph_svg(NODES, EDGES)
    root = ET.fromstring(svg)  # parses: every label was escaped
    assert root.tag.endswith("svg")
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<line ") == 2
    assert ">copy<" in svg and ">rewrite<" in svg
    assert 'stroke-dasharray' in svg  # the virtual origin is dashed
    assert copy_graph_svg(NODES, EDGES) == svg  # deterministic


def test_origins_left_of_derived_articles():
    root = ET.fromstring(copy_graph_svg(NODES, EDGES))
    ns = "{http://www.w3.org/2000/svg}"
    xs = {}
    for g in root.iter(ns + "g"):
        title = g.find(ns + "title").text
        xs[title] = float(g.find(ns + "rect").get("x"))
    assert xs["AP"] < xs["Coast Courier"]


def test_cycle_and_empty_input_do_not_crash():
    nodes = [{"id": i, "label": i, "kind": "article", "outlet": i} for i in ("x", "y", "z")]
    edges = [{"source": "x", "target": "y", "kind": "credited"}, {"source": "y", "target": "z", "kind": "credited"},
             {"source": "z", "target": "x", "kind": "credited"}]
    svg = copy_graph_svg(nodes, edges)
    ET.fromstring(svg)
    assert svg.count("<line ") == 3
    assert copy_graph_svg([], []) == ""
