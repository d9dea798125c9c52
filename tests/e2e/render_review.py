#!/usr/bin/env python3
"""Usage: render_review.py REVIEW.gpkg OUT.png

Opens the review layers of REVIEW.gpkg in QGIS (headless, offscreen), as a user dragging the
file in would: each layer must come with its default style from the GeoPackage's layer_styles
table (not QGIS's default single symbol), then renders them to OUT.png and checks the picture
is not blank and the addresses' numbers were drawn as labels. Exit 77 when QGIS's Python
bindings are not installed (the test is then skipped), 1 on a failed check."""
import sys

from qgis_render import done, fail, open_layer, render

gpkg, png = sys.argv[1], sys.argv[2]
expected = {"adresses": "singleSymbol", "voies": "singleSymbol",
            "voies_a_nommer": "singleSymbol", "batiments": "categorizedSymbol"}
layers = {}
for name, renderer in expected.items():
    layer = open_layer(gpkg, name)
    if renderer == "categorizedSymbol" and layer.renderer().type() != renderer:
        fail(f"{name}: renderer {layer.renderer().type()}, not its stored style's {renderer}")
    layers[name] = layer
if not layers["adresses"].labelsEnabled() or not layers["voies"].labelsEnabled():
    fail("the stored styles' labels are not enabled")
categories = [c.value() for c in layers["batiments"].renderer().categories()]
if "numerote" not in categories or "sans_voie" not in categories:
    fail(f"batiments categories: {categories}")

extent = layers["adresses"].extent()
extent.scale(0.25)  # a quarter of the commune: labels are drawn below 1:10,000
colours, labels = render([layers["adresses"], layers["voies_a_nommer"], layers["voies"],
                          layers["batiments"]], extent, 1200, png, 7)
address_labels = [l for l in labels if l.layerID == layers["adresses"].id()]
print(f"rendered {png}: {colours} colours sampled, {len(address_labels)} address labels, "
      f"{len(labels)} labels in all; styles: " +
      ", ".join(f"{n} {l.renderer().type()}" for n, l in layers.items()))
if colours < 5:
    fail("the picture is blank")
if not address_labels:
    fail("no address number was drawn")
done()
