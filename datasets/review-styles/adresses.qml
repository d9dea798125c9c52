<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- adressage review.gpkg, layer adresses: a point per BAL row, its number as label. -->
<qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="1">
  <renderer-v2 type="singleSymbol" symbollevels="0" forceraster="0" enableorderby="0">
    <symbols>
      <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <prop k="name" v="circle"/>
          <prop k="color" v="227,26,28,255"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="1.8"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="concat(&quot;numero&quot;, &quot;suffixe&quot;)" isExpression="1" fontFamily="Sans Serif" fontSize="8" fontSizeUnit="Point" textColor="0,0,0,255" textOpacity="1" namedStyle="Bold" fontWeight="75">
        <text-buffer bufferDraw="1" bufferSize="0.8" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="1"/>
      </text-style>
      <placement placement="0" dist="0.6" distUnits="MM" quadOffset="2"/>
      <rendering obstacle="1"/>
    </settings>
  </labeling>
  <layerGeometryType>0</layerGeometryType>
</qgis>
