<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- adressage review.gpkg, layer voies_a_nommer: dashed, labelled with the first proposal, or
     the id when there is none. -->
<qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="1">
  <renderer-v2 type="singleSymbol" symbollevels="0" forceraster="0" enableorderby="0">
    <symbols>
      <symbol type="line" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" pass="0" locked="0">
          <prop k="line_color" v="255,127,0,255"/>
          <prop k="line_width" v="1.2"/>
          <prop k="line_width_unit" v="MM"/>
          <prop k="line_style" v="dash"/>
          <prop k="capstyle" v="round"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="coalesce(&quot;proposition_1&quot;, &quot;id&quot;)" isExpression="1" fontFamily="Sans Serif" fontSize="9" fontSizeUnit="Point" textColor="166,54,3,255" textOpacity="1" namedStyle="Bold" fontWeight="75">
        <text-buffer bufferDraw="1" bufferSize="0.8" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="1"/>
      </text-style>
      <placement placement="2" placementFlags="10" dist="1" distUnits="MM"/>
      <rendering obstacle="1" mergeLines="1"/>
    </settings>
  </labeling>
  <layerGeometryType>1</layerGeometryType>
</qgis>
