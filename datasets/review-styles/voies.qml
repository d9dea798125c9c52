<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- adressage review.gpkg, layer voies: each voie in its numbering direction (arrows), its name
     as label. -->
<qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="1">
  <renderer-v2 type="singleSymbol" symbollevels="0" forceraster="0" enableorderby="0">
    <symbols>
      <symbol type="line" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" pass="0" locked="0">
          <prop k="line_color" v="31,120,180,255"/>
          <prop k="line_width" v="0.8"/>
          <prop k="line_width_unit" v="MM"/>
          <prop k="capstyle" v="round"/>
          <prop k="joinstyle" v="round"/>
        </layer>
        <layer class="MarkerLine" enabled="1" pass="0" locked="0">
          <prop k="placement" v="interval"/>
          <prop k="interval" v="25"/>
          <prop k="interval_unit" v="MM"/>
          <prop k="rotate" v="1"/>
          <symbol type="marker" name="@0@1" alpha="1" clip_to_extent="1" force_rhr="0">
            <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
              <prop k="name" v="filled_arrowhead"/>
              <prop k="color" v="31,120,180,255"/>
              <prop k="outline_color" v="31,120,180,255"/>
              <prop k="outline_width" v="0"/>
              <prop k="size" v="3"/>
              <prop k="size_unit" v="MM"/>
            </layer>
          </symbol>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="voie_nom" isExpression="0" fontFamily="Sans Serif" fontSize="9" fontSizeUnit="Point" textColor="8,48,107,255" textOpacity="1" namedStyle="Italic" fontItalic="1">
        <text-buffer bufferDraw="1" bufferSize="0.8" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="1"/>
      </text-style>
      <placement placement="2" placementFlags="10" dist="1" distUnits="MM" repeatDistance="120" repeatDistanceUnits="MM"/>
      <rendering obstacle="1" mergeLines="1"/>
    </settings>
  </labeling>
  <layerGeometryType>1</layerGeometryType>
</qgis>
