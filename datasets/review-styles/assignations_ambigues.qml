<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- adressage review.gpkg, layer assignations_ambigues: from each ambiguous building, a segment
     to the voie chosen and one to the other; labelled with the ratio of the distances. -->
<qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="1">
  <renderer-v2 type="singleSymbol" symbollevels="0" forceraster="0" enableorderby="0">
    <symbols>
      <symbol type="line" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" pass="0" locked="0">
          <prop k="line_color" v="174,1,126,255"/>
          <prop k="line_width" v="0.5"/>
          <prop k="line_width_unit" v="MM"/>
          <prop k="line_style" v="dot"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="'×' || format_number(&quot;rapport&quot;, 2)" isExpression="1" fontFamily="Sans Serif" fontSize="7" fontSizeUnit="Point" textColor="174,1,126,255" textOpacity="1" namedStyle="Normal">
        <text-buffer bufferDraw="1" bufferSize="0.6" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="1"/>
      </text-style>
      <placement placement="2" placementFlags="10" dist="0.5" distUnits="MM"/>
      <rendering obstacle="0"/>
    </settings>
  </labeling>
  <layerGeometryType>1</layerGeometryType>
</qgis>
