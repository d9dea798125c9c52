#!/usr/bin/env python3
"""Usage: render_review.py REVIEW.gpkg OUT.png

Opens the review layers of REVIEW.gpkg in QGIS (headless, offscreen), as a user dragging the
file in would: each layer must come with its default style from the GeoPackage's layer_styles
table (not QGIS's default single symbol), then renders them to OUT.png and checks the picture
is not blank and the addresses' numbers were drawn as labels. Exit 77 when QGIS's Python
bindings are not installed (the test is then skipped), 1 on a failed check."""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
try:
    from qgis.core import (QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings,
                           QgsVectorLayer)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
except ImportError:
    print("SKIP: QGIS's Python bindings (python3-qgis) are not installed")
    sys.exit(77)

gpkg, png = sys.argv[1], sys.argv[2]
app = QgsApplication([], False)
app.initQgis()

def fail(message):
    print("FAIL: " + message, flush=True)
    os._exit(1)

expected = {"adresses": "singleSymbol", "voies": "singleSymbol",
            "voies_a_nommer": "singleSymbol", "batiments": "categorizedSymbol"}
layers = {}
for name, renderer in expected.items():
    layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    if not layer.isValid():
        fail(f"QGIS cannot open layer {name}")
    if renderer == "categorizedSymbol" and layer.renderer().type() != renderer:
        fail(f"{name}: renderer {layer.renderer().type()}, not its stored style's {renderer}")
    layers[name] = layer
if not layers["adresses"].labelsEnabled() or not layers["voies"].labelsEnabled():
    fail("the stored styles' labels are not enabled")
categories = [c.value() for c in layers["batiments"].renderer().categories()]
if "numerote" not in categories or "sans_voie" not in categories:
    fail(f"batiments categories: {categories}")

settings = QgsMapSettings()
settings.setLayers([layers["adresses"], layers["voies_a_nommer"], layers["voies"],
                    layers["batiments"]])  # top first
settings.setDestinationCrs(layers["adresses"].crs())
extent = layers["adresses"].extent()
extent.scale(0.25)  # a quarter of the commune: labels are drawn below 1:10,000
settings.setExtent(extent)
settings.setOutputSize(QSize(1200, 1200))
settings.setBackgroundColor(QColor(255, 255, 255))
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
image = job.renderedImage()
if not image.save(png):
    fail(f"cannot save {png}")
colours = set()
for y in range(0, image.height(), 7):
    for x in range(0, image.width(), 7):
        colours.add(image.pixel(x, y))
labels = job.takeLabelingResults().labelsWithinRect(settings.visibleExtent())
address_labels = [l for l in labels if l.layerID == layers["adresses"].id()]
print(f"rendered {png}: {len(colours)} colours sampled, {len(address_labels)} address labels, "
      f"{len(labels)} labels in all; styles: " +
      ", ".join(f"{n} {l.renderer().type()}" for n, l in layers.items()))
if len(colours) < 5:
    fail("the picture is blank")
if not address_labels:
    fail("no address number was drawn")
# PyQGIS 3.22 can crash tearing down its objects at exit; the checks are done.
sys.stdout.flush()
os._exit(0)
