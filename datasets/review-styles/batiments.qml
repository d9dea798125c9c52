<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- adressage review.gpkg, layer batiments: each building coloured by what became of it. -->
<qgis version="3.22.0" styleCategories="Symbology" labelsEnabled="0">
  <renderer-v2 type="categorizedSymbol" attr="devenir" symbollevels="0" forceraster="0" enableorderby="0">
    <categories>
      <category value="numerote" symbol="0" label="numéroté" render="true"/>
      <category value="annexe" symbol="1" label="annexe" render="true"/>
      <category value="en_attente_de_nom" symbol="2" label="en attente d'un nom de voie" render="true"/>
      <category value="desserte_sous_le_minimum" symbol="3" label="desserte sous le minimum" render="true"/>
      <category value="sans_voie" symbol="4" label="sans voie à portée" render="true"/>
      <category value="hors_commune" symbol="5" label="hors de la commune" render="true"/>
      <category value="inutilisable" symbol="6" label="géométrie inutilisable" render="true"/>
    </categories>
    <symbols>
      <symbol type="fill" name="0" alpha="0.8" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="178,223,138,255"/>
          <prop k="outline_color" v="80,80,80,255"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="1" alpha="0.8" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="202,178,214,255"/>
          <prop k="outline_color" v="80,80,80,255"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="2" alpha="0.8" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="255,127,0,255"/>
          <prop k="outline_color" v="80,80,80,255"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="3" alpha="0.8" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="253,191,111,255"/>
          <prop k="outline_color" v="80,80,80,255"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="4" alpha="0.8" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="227,26,28,255"/>
          <prop k="outline_color" v="80,80,80,255"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="5" alpha="0.8" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="200,200,200,255"/>
          <prop k="outline_color" v="120,120,120,255"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="6" alpha="0.8" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="0,0,0,255"/>
          <prop k="outline_color" v="0,0,0,255"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="b_diagonal"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <layerGeometryType>2</layerGeometryType>
</qgis>
