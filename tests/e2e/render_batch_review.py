#!/usr/bin/env python3
"""Usage: render_batch_review.py BATCH-REVIEW.gpkg OUT.png COUNT

Opens the communes layer of a batch's batch-review.gpkg in QGIS (headless, offscreen) as a
coordinator dragging the file in would: it must come with its stored rule-based style (failed,
buildings without address, alerts, ready) and labels; renders it to OUT.png and checks the
picture is not blank and that COUNT commune labels were drawn. Exit 77 when QGIS's Python
bindings are not installed (the test is then skipped), 1 on a failed check."""
import sys

from qgis_render import done, fail, open_layer, render

gpkg, png, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
layer = open_layer(gpkg, "communes")
if layer.renderer().type() != "RuleRenderer":
    fail(f"renderer {layer.renderer().type()}, not its stored style's RuleRenderer")
rules = [r.label() for r in layer.renderer().rootRule().children()]
if len(rules) != 4 or not layer.labelsEnabled():
    fail(f"rules {rules}, labels {layer.labelsEnabled()}")
extent = layer.extent()
extent.scale(1.1)
colours, labels = render([layer], extent, 1000, png, 5)
print(f"rendered {png}: {colours} colours sampled, {len(labels)} labels "
      f"({', '.join(l.labelText.replace(chr(10), ' / ') for l in labels)}); rules: {rules}")
if colours < 3:
    fail("the picture is blank")
if len(labels) != count:
    fail(f"{len(labels)} commune labels drawn, expected {count}")
done()
