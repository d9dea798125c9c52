"""Shared by render_review.py and render_batch_review.py: QGIS started headless (offscreen),
the checks' failure, and a map of layers drawn to a PNG. Importing it exits 77 (the test is then
skipped) when QGIS's Python bindings (python3-qgis) are not installed."""
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

APP = QgsApplication([], False)
APP.initQgis()


def fail(message):
    print("FAIL: " + message, flush=True)
    os._exit(1)


def open_layer(gpkg, name):
    """Layer `name` of `gpkg` as a user dragging the file in gets it (its default style)."""
    layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    if not layer.isValid():
        fail(f"QGIS cannot open layer {name}")
    return layer


def render(layers, extent, side, png, step):
    """Draws `layers` (top first) over `extent` on a white square of `side` pixels, saves it to
    `png`; returns the number of colours sampled every `step` pixels and the labels drawn."""
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[0].crs())
    settings.setExtent(extent)
    settings.setOutputSize(QSize(side, side))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    if not image.save(png):
        fail(f"cannot save {png}")
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    labels = job.takeLabelingResults().labelsWithinRect(settings.visibleExtent())
    return len(colours), labels


def done():
    """PyQGIS 3.22 can crash tearing down its objects at exit; the checks are done."""
    sys.stdout.flush()
    os._exit(0)
