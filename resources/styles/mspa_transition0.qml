<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis maxScale="0" hasScaleBasedVisibilityFlag="0" minScale="1e+08" version="3.22.16-Białowieża" styleCategories="AllStyleCategories">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal mode="0" fetchMode="0" enabled="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <customproperties>
    <Option type="Map">
      <Option name="identify/format" value="Value" type="QString"/>
    </Option>
  </customproperties>
  <pipe-data-defined-properties>
    <Option type="Map">
      <Option name="name" value="" type="QString"/>
      <Option name="properties"/>
      <Option name="type" value="collection" type="QString"/>
    </Option>
  </pipe-data-defined-properties>
  <pipe>
    <provider>
      <resampling maxOversampling="2" zoomedInResamplingMethod="nearestNeighbour" enabled="false" zoomedOutResamplingMethod="nearestNeighbour"/>
    </provider>
    <rasterrenderer band="1" nodataColor="" alphaBand="-1" type="paletted" opacity="1">
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <colorPalette>
        <paletteEntry value="0" alpha="255" color="#dcdcdc" label="0 Background"/>
        <paletteEntry value="1" alpha="255" color="#ff8c00" label="1 Branch"/>
        <paletteEntry value="3" alpha="255" color="#000000" label="3 Edge"/>
        <paletteEntry value="5" alpha="255" color="#0000ff" label="5 Perforation"/>
        <paletteEntry value="9" alpha="255" color="#a03c00" label="9 Islet"/>
        <paletteEntry value="17" alpha="255" color="#00c800" label="17 Core"/>
        <paletteEntry value="33" alpha="255" color="#ff0000" label="33 Bridge"/>
        <paletteEntry value="35" alpha="255" color="#000000" label="35 Bridge in edge"/>
        <paletteEntry value="37" alpha="255" color="#0000ff" label="37 Bridge in perforation"/>
        <paletteEntry value="65" alpha="255" color="#ffff00" label="65 Loop"/>
        <paletteEntry value="67" alpha="255" color="#000000" label="67 Loop in edge"/>
        <paletteEntry value="69" alpha="255" color="#0000ff" label="69 Loop in perforation"/>
        <paletteEntry value="100" alpha="255" color="#888888" label="100 Core-opening background"/>
        <paletteEntry value="101" alpha="255" color="#ff8c00" label="101 Branch (internal)"/>
        <paletteEntry value="103" alpha="255" color="#000000" label="103 Edge (internal)"/>
        <paletteEntry value="105" alpha="255" color="#0000ff" label="105 Perforation (internal)"/>
        <paletteEntry value="109" alpha="255" color="#a03c00" label="109 Islet (internal)"/>
        <paletteEntry value="117" alpha="255" color="#00c800" label="117 Core (internal)"/>
        <paletteEntry value="129" alpha="255" color="#ffffff" label="129 Missing"/>
        <paletteEntry value="133" alpha="255" color="#ff0000" label="133 Bridge (internal)"/>
        <paletteEntry value="135" alpha="255" color="#000000" label="135 Bridge in edge (internal)"/>
        <paletteEntry value="137" alpha="255" color="#0000ff" label="137 Bridge in perforation (internal)"/>
        <paletteEntry value="165" alpha="255" color="#ffff00" label="165 Loop (internal)"/>
        <paletteEntry value="167" alpha="255" color="#000000" label="167 Loop in edge (internal)"/>
        <paletteEntry value="169" alpha="255" color="#0000ff" label="169 Loop in perforation (internal)"/>
        <paletteEntry value="220" alpha="255" color="#c3c3c3" label="220 Border-opening background"/>
      </colorPalette>
    </rasterrenderer>
    <brightnesscontrast brightness="0" contrast="0" gamma="1"/>
    <huesaturation colorizeRed="255" colorizeGreen="128" saturation="0" colorizeOn="0" invertColors="0" colorizeBlue="128" grayscaleMode="0" colorizeStrength="100"/>
    <rasterresampler maxOversampling="2"/>
    <resamplingStage>resamplingFilter</resamplingStage>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
