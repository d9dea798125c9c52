<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- adressage batch-review.gpkg, layer communes: each commune of a batch coloured by what is
     left to decide (failed; buildings waiting for a voie name; ambiguous or alerts; done),
     labelled with its name and the buildings without an address. -->
<qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="1">
  <renderer-v2 type="RuleRenderer" symbollevels="0" forceraster="0" enableorderby="0">
    <rules key="{00000000-0000-0000-0000-000000000000}">
      <rule key="{00000000-0000-0000-0000-000000000001}" filter="&quot;status&quot; = 'failed'" symbol="0" label="échec : voir reason"/>
      <rule key="{00000000-0000-0000-0000-000000000002}" filter="&quot;status&quot; &lt;&gt; 'failed' AND &quot;buildings_without_address&quot; &gt; 0" symbol="1" label="bâtiments sans adresse (voies à nommer…)"/>
      <rule key="{00000000-0000-0000-0000-000000000003}" filter="&quot;status&quot; &lt;&gt; 'failed' AND &quot;buildings_without_address&quot; = 0 AND (&quot;alerts_E&quot; + &quot;alerts_W&quot; + &quot;geometric_alerts_W&quot; &gt; 0)" symbol="2" label="alertes à revoir"/>
      <rule key="{00000000-0000-0000-0000-000000000004}" filter="ELSE" symbol="3" label="prête"/>
    </rules>
    <symbols>
      <symbol type="fill" name="0" alpha="0.7" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="227,26,28,255"/>
          <prop k="outline_color" v="60,60,60,255"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="1" alpha="0.7" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="255,127,0,255"/>
          <prop k="outline_color" v="60,60,60,255"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="2" alpha="0.7" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="255,237,111,255"/>
          <prop k="outline_color" v="60,60,60,255"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="3" alpha="0.7" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="178,223,138,255"/>
          <prop k="outline_color" v="60,60,60,255"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="nom || '\n' || &quot;buildings_without_address&quot; || ' sans adresse'" isExpression="1" fontSize="8" fontFamily="DejaVu Sans" textColor="20,20,20,255" namedStyle="Regular" fontWeight="50" fontItalic="0" fontSizeUnit="Point" textOpacity="1" multilineHeight="1">
        <text-buffer bufferDraw="1" bufferSize="0.8" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.8" bufferJoinStyle="128" bufferNoFill="1"/>
      </text-style>
      <text-format wrapChar="" multilineAlign="1" plussign="0" formatNumbers="0" decimals="0"/>
      <placement placement="1" dist="0" priority="5" offsetType="0" centroidWhole="1" centroidInside="1"/>
      <rendering scaleVisibility="0" obstacle="1" displayAll="0" upsidedownLabels="0" minFeatureSize="0" drawLabels="1" limitNumLabels="0" maxNumLabels="2000"/>
    </settings>
  </labeling>
  <layerGeometryType>2</layerGeometryType>
</qgis>
