#!/usr/bin/env python3
"""Usage: render_batch_review.py BATCH-REVIEW.gpkg OUT.png COUNT

Opens the communes layer of a batch's batch-review.gpkg in QGIS (headless, offscreen) as a
coordinator dragging the file in would: it must come with its stored rule-based style (failed,
buildings without address, alerts, ready) and labels; renders it to OUT.png and checks the
picture is not blank and that COUNT commune labels were drawn. Exit 77 when QGIS's Python
bindings are not installed (the test is then skipped), 1 on a failed check."""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
try:
    from qgis.core import QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings, QgsVectorLayer
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
except ImportError:
    print("SKIP: QGIS's Python bindings (python3-qgis) are not installed")
    sys.exit(77)

gpkg, png, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
app = QgsApplication([], False)
app.initQgis()


def fail(message):
    print("FAIL: " + message, flush=True)
    os._exit(1)


layer = QgsVectorLayer(f"{gpkg}|layername=communes", "communes", "ogr")
if not layer.isValid():
    fail("QGIS cannot open layer communes")
if layer.renderer().type() != "RuleRenderer":
    fail(f"renderer {layer.renderer().type()}, not its stored style's RuleRenderer")
rules = [r.label() for r in layer.renderer().rootRule().children()]
if len(rules) != 4 or not layer.labelsEnabled():
    fail(f"rules {rules}, labels {layer.labelsEnabled()}")
settings = QgsMapSettings()
settings.setLayers([layer])
settings.setDestinationCrs(layer.crs())
extent = layer.extent()
extent.scale(1.1)
settings.setExtent(extent)
settings.setOutputSize(QSize(1000, 1000))
settings.setBackgroundColor(QColor(255, 255, 255))
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
image = job.renderedImage()
if not image.save(png):
    fail(f"cannot save {png}")
colours = set()
for y in range(0, image.height(), 5):
    for x in range(0, image.width(), 5):
        colours.add(image.pixel(x, y))
labels = job.takeLabelingResults().labelsWithinRect(settings.visibleExtent())
print(f"rendered {png}: {len(colours)} colours sampled, {len(labels)} labels "
      f"({', '.join(l.labelText.replace(chr(10), ' / ') for l in labels)}); rules: {rules}")
if len(colours) < 3:
    fail("the picture is blank")
if len(labels) != count:
    fail(f"{len(labels)} commune labels drawn, expected {count}")
sys.stdout.flush()
os._exit(0)
