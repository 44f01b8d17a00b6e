<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Barriers</name>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Barriers (Barrier Mapper)</source>
        <translation>障碍点识别（Barrier Mapper）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>barrier,restoration,improvement score,Barrier Mapper,Linkage Mapper,corridor,least-cost,key area,restoration zoning</source>
        <translation>障碍点,生态修复,改善得分,Barrier Mapper,Linkage Mapper,廊道,最小累积阻力,关键区域,生态修复分区,barrier,restoration,improvement score,corridor,least-cost,key area,restoration zoning</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>&lt;p&gt;Finds the places whose restoration would most shorten the corridors, as Linkage Mapper's Barrier Mapper does. For every active link between sources A and B and every detection radius r, each cell p is scored with the &lt;b&gt;improvement score&lt;/b&gt;&lt;/p&gt;&lt;p&gt;IS = (LCD − m&lt;sub&gt;A&lt;/sub&gt; − m&lt;sub&gt;B&lt;/sub&gt; − 2r) / 2r&lt;/p&gt;&lt;p&gt;where LCD is the least-cost distance of the link, m&lt;sub&gt;A&lt;/sub&gt; and m&lt;sub&gt;B&lt;/sub&gt; are the smallest cost-weighted distances to A and to B on the ring of radius r around p (the outermost cell of a circle of radius r), and 2r is the cost of crossing the circle once it is restored to resistance 1. IS is the drop in corridor cost per map unit restored. A thin barrier of extra cost C across a link scores C / 2r at its centre.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Semantics&lt;/b&gt;: 'Linkage Mapper' (the default) gives what Barrier Mapper gives: the ring holds the cells whose centre lies between r − 1 and r map units from p, cells where restoring would not help (IS ≤ 0) are NoData, and cells inside sources are scored too (a circle centred in a source can cover a barrier at its edge). With a ring one map unit wide, a radius needs cell centres at that distance: use multiples of the cell size (on 30 m cells, 400 m has none; such a radius is left out with a warning, and a run without any usable radius stops with the nearest multiples). 'ESP Toolkit earlier' keeps the rules of earlier versions: a ring one cell wide (r − cell size to r), so any radius of at least one cell works and the diagonal cells next to the rim count too; 0 where restoring would not help, which suits sums and means over areas; and sources NoData. Both give the same score where the ring minima lie on the axis cells (for example at the centre of a straight barrier).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Radii&lt;/b&gt;: from the minimum to the maximum in steps (for example 400, 800, 1200 m; each at least one cell). Small radii find narrow barriers (a road, a dam), large radii wide ones (a town). &lt;b&gt;Combining&lt;/b&gt;: across links by the maximum (the best score of any link) or the sum (a barrier centrality: places that help many links); across radii by the maximum (Linkage Mapper) or the sum. &lt;b&gt;Percent&lt;/b&gt;: 100 × IS / LCD, the percent of each corridor's cost saved per map unit restored, which compares links of different lengths. &lt;b&gt;Barrier circles&lt;/b&gt;: each centre's score spread over its whole circle (a focal maximum of radius r), which shows the area to restore rather than its centre.&lt;/p&gt;&lt;p&gt;Inputs: the sources (polygons with an id field, or an id raster on the resistance grid), the resistance raster (projected CRS, square cells; NoData cells are impassable) and the links of 'Linkage pathways' (only links with Active = 1 are used). Each link's least-cost distance is recomputed on this resistance raster. Outputs: the score raster (NoData where restoring would not help and on NoData cells of the resistance; see Semantics), the barrier circles on request, and the scores graded into classes (the top class is usually mapped as the barriers to restore).&lt;/p&gt;&lt;p&gt;Reference: McRae, B.H., Hall, S.A., Beier, P. &amp;amp; Theobald, D.M. (2012) Where to restore ecological connectivity? Detecting barriers and quantifying restoration benefits. PLoS ONE 7: e52604.&lt;/p&gt;</source>
        <translation>&lt;p&gt;与 Linkage Mapper 的 Barrier Mapper 相同，找出修复后最能缩短廊道的位置。对源地 A 与 B 之间的每条有效连接和每个探测半径 r，为每个栅格 p 计算&lt;b&gt;改善得分&lt;/b&gt;&lt;/p&gt;&lt;p&gt;IS = (LCD − m&lt;sub&gt;A&lt;/sub&gt; − m&lt;sub&gt;B&lt;/sub&gt; − 2r) / 2r&lt;/p&gt;&lt;p&gt;其中 LCD 为该连接的最小累积阻力距离，m&lt;sub&gt;A&lt;/sub&gt; 与 m&lt;sub&gt;B&lt;/sub&gt; 为 p 周围半径 r 的圆环（半径 r 的圆最外一圈栅格）上到 A 和到 B 的最小累积阻力距离，2r 为圆内修复为阻力 1 后穿过该圆的代价。IS 为每修复一个地图单位廊道代价的下降量。横跨连接、额外代价为 C 的窄障碍在其中心得分 C / 2r。&lt;/p&gt;&lt;p&gt;&lt;b&gt;计算语义&lt;/b&gt;：“Linkage Mapper”（默认）与 Barrier Mapper 结果相同：圆环为中心距 p 在 r − 1 到 r 个地图单位之间的栅格，修复无益处（IS ≤ 0）的栅格为 NoData，源地内的栅格也计分（圆心位于源地内的圆可覆盖其边缘的障碍）。圆环宽一个地图单位，因此半径处必须有栅格中心：请使用栅格大小的整数倍（30 米栅格上 400 米处没有栅格中心；这样的半径会被略去并给出警告，若没有任何可用半径，运行将停止并给出最接近的整数倍）。“ESP Toolkit 早期”保留以前版本的规则：圆环宽一个栅格（r − 栅格大小 到 r），因此至少一个栅格的任何半径都可用，圆周旁的对角栅格也计入；修复无益处为 0，便于按区域求和或求平均；源地为 NoData。当圆环上的最小值位于轴向栅格（例如笔直障碍的中心）时，两者得分相同。&lt;/p&gt;&lt;p&gt;&lt;b&gt;半径&lt;/b&gt;：从最小值到最大值按步长取值（例如 400、800、1200 米；每个至少一个栅格）。小半径找窄障碍（道路、水坝），大半径找宽障碍（城镇）。&lt;b&gt;合并&lt;/b&gt;：各连接之间取最大值（任一连接的最佳得分）或求和（障碍中心性：有益于多条连接的位置）；各半径之间取最大值（Linkage Mapper）或求和。&lt;b&gt;百分比&lt;/b&gt;：100 × IS / LCD，即每修复一个地图单位节省的廊道代价百分比，便于比较长度不同的连接。&lt;b&gt;障碍圆&lt;/b&gt;：把每个中心的得分扩展到整个圆（半径 r 的焦点最大值），显示需修复的区域而非其中心。&lt;/p&gt;&lt;p&gt;输入：源地（带 ID 字段的多边形，或阻力网格上的 ID 栅格）、阻力栅格（投影坐标系，正方形栅格；NoData 栅格不可通行）以及“连接路径”的连接（只使用 Active = 1 的连接）。每条连接的最小累积阻力距离在此阻力栅格上重新计算。输出：得分栅格（NoData 栅格为 NoData）、按需输出的障碍圆，以及分级后的得分（最高级通常作为需修复的障碍点）。&lt;/p&gt;&lt;p&gt;参考文献：McRae, B.H., Hall, S.A., Beier, P. &amp;amp; Theobald, D.M. (2012) Where to restore ecological connectivity? Detecting barriers and quantifying restoration benefits. PLoS ONE 7: e52604。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Give the raster the links were built on, or the one whose barriers you want to map; its cells must be square.</source>
        <translation>请给出构建连接时所用的栅格，或需要识别其障碍点的栅格；其像元必须为正方形。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Combine links by</source>
        <translation>连接合并方式</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Sum</source>
        <translation>求和</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Maximum: each cell keeps the best score of any link (Linkage Mapper's default). Sum: the scores of all links add up, so places that would improve several corridors stand out (barrier centrality).</source>
        <translation>最大值：每个像元保留任一连接的最佳得分（Linkage Mapper 默认）。求和：所有连接的得分相加，从而突出能改善多条廊道的位置（障碍中心性）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Combine radii by</source>
        <translation>半径合并方式</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>How the rasters of the different radii are merged: the maximum (Linkage Mapper) or the sum.</source>
        <translation>不同半径栅格的合并方式：最大值（Linkage Mapper）或求和。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Percent improvement</source>
        <translation>改善百分比</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Write 100 × IS / LCD (percent of the corridor's cost saved per map unit restored) instead of IS, so that short and long links compare fairly.</source>
        <translation>写出 100 × IS / LCD（每修复一个地图单位节省的廊道成本百分比）而非 IS，使长短不同的连接可以公平比较。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Cost-weighted distance threshold</source>
        <translation>成本加权距离阈值</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Optional, in cost units: cells at or beyond this cost-weighted distance from a source are not used as ends of a restored circle, which keeps the search near the sources and corridors (Linkage Mapper's CWD threshold). Empty: no limit.</source>
        <translation>可选，以成本单位计：与源地的成本加权距离达到或超过此值的像元不作为修复圆的端点，使搜索集中在源地和廊道附近（Linkage Mapper 的 CWD 阈值）。为空：不限。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Semantics</source>
        <translation>计算语义</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Linkage Mapper</source>
        <translation>Linkage Mapper 规则</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>ESP Toolkit earlier</source>
        <translation>ESP Toolkit 早期规则</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Linkage Mapper: a ring r − 1 to r map units, NoData where restoring would not help, sources scored (as Barrier Mapper). ESP Toolkit earlier: a ring one cell wide, 0 where restoring would not help, sources NoData.</source>
        <translation>Linkage Mapper：圆环为 r − 1 到 r 个地图单位，修复无益处为 NoData，源地计分（与 Barrier Mapper 相同）。ESP Toolkit 早期：圆环宽一个栅格，修复无益处为 0，源地为 NoData。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Write barrier circles</source>
        <translation>写出障碍圆</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Also write the barrier circles (each score spread over its circle). They go to the 'Barrier circles' file when one is given, else to a temporary file.</source>
        <translation>同时写出障碍圆（每个得分扩展到其圆上）。给出了“障碍圆”文件时写入该文件，否则写入临时文件。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Barrier scores</source>
        <translation>障碍点得分</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Float32 GeoTIFF: improvement score (cost units saved per map unit restored, or percent) at the centre of the restored circle, combined over links and radii; NoData where restoring would not shorten any corridor (0 with the earlier semantics, which also makes sources NoData) and on NoData cells of the resistance raster.</source>
        <translation>Float32 GeoTIFF：被修复圆中心的改善得分（每修复一个地图单位节省的代价单位，或百分比），在各连接和各半径间合并；修复不能缩短任何廊道处为 NoData（早期语义下为 0，且源地为 NoData），阻力栅格的 NoData 栅格也为 NoData。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Barrier circles</source>
        <translation>障碍圆</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Float32 GeoTIFF: every score spread over its whole circle (focal maximum of radius r), combined over radii; written when a file is given here or 'Write barrier circles' is ticked.</source>
        <translation>Float32 GeoTIFF：每个得分扩展到整个圆上（半径 r 的焦点最大值），在各半径间合并；在此给出文件或勾选“写出障碍圆”时写出。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>barrier scores above 0</source>
        <translation>大于 0 的障碍点得分</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Highest barrier score</source>
        <translation>最高障碍点得分</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Number of links used</source>
        <translation>所用连接数</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>It keeps a cost-distance map per source and two maps per radius: use coarser cells, fewer radii or fewer links.</source>
        <translation>它为每个源地保留一张成本距离图、为每个半径保留两张图：请使用更粗的像元、更少的半径或更少的连接。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>{links} links, radii {radii} map units.</source>
        <translation>{links} 条连接，半径 {radii} 地图单位。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>No cell would shorten any corridor at these radii (no score is above 0). Try smaller radii, or check that the links cross high-resistance areas.</source>
        <translation>在这些半径下没有任何栅格能缩短廊道（没有大于 0 的得分）。请尝试更小的半径，或检查连接是否穿过高阻力区域。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Barrier score class</source>
        <translation>障碍点得分等级</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Barrier improvement score (percent of LCD per map unit)</source>
        <translation>障碍点改善得分（每地图单位占 LCD 的百分比）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Barrier improvement score (cost saved per map unit restored)</source>
        <translation>障碍点改善得分（每修复一个地图单位节省的成本）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Class limits: {edges}</source>
        <translation>分级界限：{edges}</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Cost of crossing one map unit of each cell, e.g. the output of 'Resistance surface'; positive everywhere except NoData, which cannot be crossed. Must be in a projected CRS.</source>
        <translation>穿越每个像元一个地图单位的成本，例如“阻力面”的输出；除 NoData（不可穿越）外处处为正。必须采用投影坐标系。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Resistance raster</source>
        <translation>阻力栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Sources (polygons)</source>
        <translation>源地（面）</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Ecological sources (core areas) as polygons, for example the output of 'Extract ecological sources'. Each polygon is burnt onto the resistance grid (cells whose centre it covers). Give either these polygons or a source id raster.</source>
        <translation>以面表示的生态源地（核心区），例如“提取生态源地”的输出。每个面被栅格化到阻力网格上（其覆盖的像元中心）。给出这些面或源地编号栅格之一。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source id field</source>
        <translation>源地编号字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Positive whole-number id of each source (source_id in 'Extract ecological sources'). Features sharing an id form one source. Empty: features are numbered 1, 2, ... in layer order.</source>
        <translation>每个源地的正整数编号（“提取生态源地”中的 source_id）。编号相同的要素构成一个源地。为空：要素按图层顺序编号 1, 2, ...。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source id raster</source>
        <translation>源地编号栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Instead of polygons: a raster of source ids (0 or NoData = no source) on the grid of the resistance raster, such as the source id raster of 'Extract ecological sources'.</source>
        <translation>代替面要素：位于阻力栅格网格上的源地编号栅格（0 或 NoData = 非源地），例如“提取生态源地”输出的源地编号栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>Corridor links</source>
        <translation>廊道连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>The least-cost paths of 'Linkage pathways' (fields From_Core, To_Core, CW_Dist and Active). Only active links (Active = 1) are used; edit Active to leave links out or bring them back.</source>
        <translation>“生态廊道识别”输出的最小累积阻力路径（字段 From_Core、To_Core、CW_Dist 和 Active）。只使用有效连接（Active = 1）；编辑 Active 可排除或恢复连接。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Minimum detection radius (map units; empty: 3 cells)</source>
        <translation>最小探测半径（地图单位；为空：3 个像元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Smallest radius of the restored circle, in map units (metres), at least one cell. Empty: 3 cells (90 m on 30 m cells). Linkage Mapper's tutorial uses 400 m; Chinese studies on 30 m cells often 30-300 m. With Linkage Mapper's semantics every radius needs cell centres at that distance: multiples of the cell size always have them.</source>
        <translation>被修复圆的最小半径，以地图单位（米）计，至少一个栅格。留空：3 个栅格（30 米栅格上为 90 米）。Linkage Mapper 教程使用 400 米；国内基于 30 米栅格的研究常用 30-300 米。采用 Linkage Mapper 语义时，每个半径处都必须有栅格中心：栅格大小的整数倍总满足这一点。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Maximum detection radius (map units; empty: 3 × minimum)</source>
        <translation>最大探测半径（地图单位；为空：最小值的 3 倍）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Largest radius, in map units. Empty: 3 times the minimum radius. Equal to the minimum: a single radius. Time grows with the number of radii and with each radius in cells.</source>
        <translation>最大半径，以地图单位计。为空：最小半径的 3 倍。等于最小值：单一半径。耗时随半径个数以及每个半径的像元数增加。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Radius step (map units; empty: the minimum; 0: one radius)</source>
        <translation>半径步长（地图单位；为空：最小值；0：单一半径）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Radii run from the minimum to the maximum in this step. Empty: the minimum radius (so the default radii are 3, 6 and 9 cells). 0: the minimum radius only, as in Linkage Mapper.</source>
        <translation>半径以此步长从最小值增加到最大值。为空：最小半径（因此默认半径为 3、6 和 9 个像元）。0：仅使用最小半径，与 Linkage Mapper 相同。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Number of classes</source>
        <translation>分级数</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>The {what} are graded into this many classes (studies use 3-5; the top class is usually taken as the key areas).</source>
        <translation>将{what}分为这么多级（研究中常用 3-5 级；通常取最高一级作为关键区域）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Classification method</source>
        <translation>分级方法</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Natural breaks (Jenks)</source>
        <translation>自然断点法（Jenks）</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Quantile</source>
        <translation>分位数</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Equal interval</source>
        <translation>等间距</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Jenks natural breaks as ArcGIS computes them (exact on up to 10,000 values; larger rasters are sampled evenly through the sorted values), quantiles (equal numbers of cells) or equal intervals between the minimum and the maximum.</source>
        <translation>按 ArcGIS 的算法计算的 Jenks 自然断点（不超过 10,000 个值时精确；更大的栅格在排序后的值中均匀抽样）、分位数（各级像元数相等）或最小值与最大值之间的等间距。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Classes</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Byte GeoTIFF: class 1 (lowest) to N (highest), 0 = NoData; styled yellow to red with the class limits in the legend.</source>
        <translation>Byte GeoTIFF：1 级（最低）到 N 级（最高），0 = NoData；样式为黄到红，图例中显示分级界限。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Give the resistance raster.</source>
        <translation>请提供阻力栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Give the sources either as polygons or as a source id raster (exactly one of the two).</source>
        <translation>请以面或源地编号栅格之一给出源地（二者只能选其一）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>The resistance raster is in a geographic CRS (degrees); cost distances need metres. Reproject it to a projected CRS first (Raster &gt; Projections &gt; Warp).</source>
        <translation>阻力栅格采用地理坐标系（度）；成本距离需要以米计。请先将其重投影到投影坐标系（栅格 &gt; 投影 &gt; 变形）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source ids must be whole numbers; the source id raster holds fractions.</source>
        <translation>源地编号必须为整数；源地编号栅格含有小数。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>The source layer has no polygon.</source>
        <translation>源地图层中没有面。</translation>
    </message>
    <message>
        <source>&lt;p&gt;Finds the places whose restoration would most shorten the corridors, as Linkage Mapper's Barrier Mapper does. For every active link between sources A and B and every detection radius r, each cell p is scored with the &lt;b&gt;improvement score&lt;/b&gt;&lt;/p&gt;&lt;p&gt;IS = (LCD − m&lt;sub&gt;A&lt;/sub&gt; − m&lt;sub&gt;B&lt;/sub&gt; − 2r) / 2r&lt;/p&gt;&lt;p&gt;where LCD is the least-cost distance of the link, m&lt;sub&gt;A&lt;/sub&gt; and m&lt;sub&gt;B&lt;/sub&gt; are the smallest cost-weighted distances to A and to B on the ring of radius r around p (the outermost cell of a circle of radius r), and 2r is the cost of crossing the circle once it is restored to resistance 1. IS is the drop in corridor cost per map unit restored. A thin barrier of extra cost C across a link scores C / 2r at its centre.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Semantics&lt;/b&gt;: 'Linkage Mapper' (the default) gives what Barrier Mapper gives: the ring holds the cells whose centre lies between r − 1 and r map units from p, cells where restoring would not help (IS ≤ 0) are NoData, and cells inside sources are scored too (a circle centred in a source can cover a barrier at its edge). With a ring one map unit wide, a radius must have cell centres at that distance: use multiples of the cell size (on 30 m cells, 400 m has none and is refused). 'ESP Toolkit earlier' keeps the rules of earlier versions: a ring one cell wide (r − cell size to r), so any radius of at least one cell works and the diagonal cells next to the rim count too; 0 where restoring would not help, which suits sums and means over areas; and sources NoData. Both give the same score where the ring minima lie on the axis cells (for example at the centre of a straight barrier).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Radii&lt;/b&gt;: from the minimum to the maximum in steps (for example 400, 800, 1200 m; each at least one cell). Small radii find narrow barriers (a road, a dam), large radii wide ones (a town). &lt;b&gt;Combining&lt;/b&gt;: across links by the maximum (the best score of any link) or the sum (a barrier centrality: places that help many links); across radii by the maximum (Linkage Mapper) or the sum. &lt;b&gt;Percent&lt;/b&gt;: 100 × IS / LCD, the percent of each corridor's cost saved per map unit restored, which compares links of different lengths. &lt;b&gt;Barrier circles&lt;/b&gt;: each centre's score spread over its whole circle (a focal maximum of radius r), which shows the area to restore rather than its centre.&lt;/p&gt;&lt;p&gt;Inputs: the sources (polygons with an id field, or an id raster on the resistance grid), the resistance raster (projected CRS, square cells; NoData cells are impassable) and the links of 'Linkage pathways' (only links with Active = 1 are used). Each link's least-cost distance is recomputed on this resistance raster. Outputs: the score raster (NoData where restoring would not help and on NoData cells of the resistance; see Semantics), the barrier circles on request, and the scores graded into classes (the top class is usually mapped as the barriers to restore).&lt;/p&gt;&lt;p&gt;Reference: McRae, B.H., Hall, S.A., Beier, P. &amp;amp; Theobald, D.M. (2012) Where to restore ecological connectivity? Detecting barriers and quantifying restoration benefits. PLoS ONE 7: e52604.&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;与 Linkage Mapper 的 Barrier Mapper 相同，找出修复后最能缩短廊道的位置。对源地 A 与 B 之间的每条有效连接和每个探测半径 r，为每个栅格 p 计算&lt;b&gt;改善得分&lt;/b&gt;&lt;/p&gt;&lt;p&gt;IS = (LCD − m&lt;sub&gt;A&lt;/sub&gt; − m&lt;sub&gt;B&lt;/sub&gt; − 2r) / 2r&lt;/p&gt;&lt;p&gt;其中 LCD 为该连接的最小累积阻力距离，m&lt;sub&gt;A&lt;/sub&gt; 与 m&lt;sub&gt;B&lt;/sub&gt; 为 p 周围半径 r 的圆环（半径 r 的圆最外一圈栅格）上到 A 和到 B 的最小累积阻力距离，2r 为圆内修复为阻力 1 后穿过该圆的代价。IS 为每修复一个地图单位廊道代价的下降量。横跨连接、额外代价为 C 的窄障碍在其中心得分 C / 2r。&lt;/p&gt;&lt;p&gt;&lt;b&gt;计算语义&lt;/b&gt;：“Linkage Mapper”（默认）与 Barrier Mapper 结果相同：圆环为中心距 p 在 r − 1 到 r 个地图单位之间的栅格，修复无益处（IS ≤ 0）的栅格为 NoData，源地内的栅格也计分（圆心位于源地内的圆可覆盖其边缘的障碍）。圆环宽一个地图单位，因此半径处必须有栅格中心：请使用栅格大小的整数倍（30 米栅格上 400 米处没有栅格中心，将被拒绝）。“ESP Toolkit 早期”保留以前版本的规则：圆环宽一个栅格（r − 栅格大小 到 r），因此至少一个栅格的任何半径都可用，圆周旁的对角栅格也计入；修复无益处为 0，便于按区域求和或求平均；源地为 NoData。当圆环上的最小值位于轴向栅格（例如笔直障碍的中心）时，两者得分相同。&lt;/p&gt;&lt;p&gt;&lt;b&gt;半径&lt;/b&gt;：从最小值到最大值按步长取值（例如 400、800、1200 米；每个至少一个栅格）。小半径找窄障碍（道路、水坝），大半径找宽障碍（城镇）。&lt;b&gt;合并&lt;/b&gt;：各连接之间取最大值（任一连接的最佳得分）或求和（障碍中心性：有益于多条连接的位置）；各半径之间取最大值（Linkage Mapper）或求和。&lt;b&gt;百分比&lt;/b&gt;：100 × IS / LCD，即每修复一个地图单位节省的廊道代价百分比，便于比较长度不同的连接。&lt;b&gt;障碍圆&lt;/b&gt;：把每个中心的得分扩展到整个圆（半径 r 的焦点最大值），显示需修复的区域而非其中心。&lt;/p&gt;&lt;p&gt;输入：源地（带 ID 字段的多边形，或阻力网格上的 ID 栅格）、阻力栅格（投影坐标系，正方形栅格；NoData 栅格不可通行）以及“连接路径”的连接（只使用 Active = 1 的连接）。每条连接的最小累积阻力距离在此阻力栅格上重新计算。输出：得分栅格（NoData 栅格为 NoData）、按需输出的障碍圆，以及分级后的得分（最高级通常作为需修复的障碍点）。&lt;/p&gt;&lt;p&gt;参考文献：McRae, B.H., Hall, S.A., Beier, P. &amp;amp; Theobald, D.M. (2012) Where to restore ecological connectivity? Detecting barriers and quantifying restoration benefits. PLoS ONE 7: e52604。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Finds the places whose restoration would most shorten the corridors, as Linkage Mapper's Barrier Mapper does. For every active link between sources A and B and every detection radius r, each cell p is scored with the &lt;b&gt;improvement score&lt;/b&gt;&lt;/p&gt;&lt;p&gt;IS = (LCD − m&lt;sub&gt;A&lt;/sub&gt; − m&lt;sub&gt;B&lt;/sub&gt; − 2r) / 2r&lt;/p&gt;&lt;p&gt;where LCD is the least-cost distance of the link, m&lt;sub&gt;A&lt;/sub&gt; and m&lt;sub&gt;B&lt;/sub&gt; are the smallest cost-weighted distances to A and to B on the ring of radius r around p (the outermost cell of a circle of radius r), and 2r is the cost of crossing the circle once it is restored to resistance 1. IS is the drop in corridor cost per map unit restored; negative values (restoring there would not help) are 0. A thin barrier of extra cost C across a link scores C / 2r at its centre.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Radii&lt;/b&gt;: from the minimum to the maximum in steps (for example 400, 800, 1200 m; each at least one cell). Small radii find narrow barriers (a road, a dam), large radii wide ones (a town). &lt;b&gt;Combining&lt;/b&gt;: across links by the maximum (the best score of any link) or the sum (a barrier centrality: places that help many links); across radii by the maximum (Linkage Mapper) or the sum. &lt;b&gt;Percent&lt;/b&gt;: 100 × IS / LCD, the percent of each corridor's cost saved per map unit restored, which compares links of different lengths. &lt;b&gt;Barrier circles&lt;/b&gt;: each centre's score spread over its whole circle (a focal maximum of radius r), which shows the area to restore rather than its centre.&lt;/p&gt;&lt;p&gt;Inputs: the sources (polygons with an id field, or an id raster on the resistance grid), the resistance raster (projected CRS, square cells; NoData cells are impassable) and the links of 'Linkage pathways' (only links with Active = 1 are used). Each link's least-cost distance is recomputed on this resistance raster. Outputs: the score raster (source cells and NoData cells are NoData), the barrier circles on request, and the scores graded into classes (the top class is usually mapped as the barriers to restore).&lt;/p&gt;&lt;p&gt;Reference: McRae, B.H., Hall, S.A., Beier, P. &amp;amp; Theobald, D.M. (2012) Where to restore ecological connectivity? Detecting barriers and quantifying restoration benefits. PLoS ONE 7: e52604.&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;按 Linkage Mapper 障碍点识别工具（Barrier Mapper）的方法，找出修复后最能缩短廊道的位置。对源地 A 和 B 之间的每条有效连接及每个探测半径 r，为每个像元 p 计算&lt;b&gt;改善得分&lt;/b&gt;&lt;/p&gt;&lt;p&gt;IS = (LCD − m&lt;sub&gt;A&lt;/sub&gt; − m&lt;sub&gt;B&lt;/sub&gt; − 2r) / 2r&lt;/p&gt;&lt;p&gt;其中 LCD 为该连接的最小累积阻力距离，m&lt;sub&gt;A&lt;/sub&gt; 和 m&lt;sub&gt;B&lt;/sub&gt; 为 p 周围半径 r 的圆环（半径为 r 的圆最外圈像元）上到 A 和到 B 的最小成本加权距离，2r 为该圆修复到阻力 1 后的穿越成本。IS 是每修复一个地图单位所减少的廊道成本；负值（在此修复无益）记为 0。横跨连接、额外成本为 C 的窄障碍在其中心得分为 C / 2r。&lt;/p&gt;&lt;p&gt;&lt;b&gt;半径&lt;/b&gt;：从最小值到最大值按步长取值（例如 400、800、1200 m；每个至少一个像元）。小半径识别窄障碍（道路、水坝），大半径识别宽障碍（城镇）。&lt;b&gt;合并&lt;/b&gt;：各连接之间取最大值（任一连接的最佳得分）或求和（障碍中心性：有利于许多连接的位置）；各半径之间取最大值（Linkage Mapper）或求和。&lt;b&gt;百分比&lt;/b&gt;：100 × IS / LCD，即每修复一个地图单位节省的廊道成本百分比，便于比较长度不同的连接。&lt;b&gt;障碍圆&lt;/b&gt;：将每个中心的得分扩展到整个圆上（半径 r 的焦点最大值），显示需要修复的区域而非仅其中心。&lt;/p&gt;&lt;p&gt;输入：源地（带 ID 字段的面，或阻力网格上的编号栅格）、阻力栅格（投影坐标系，正方形像元；NoData 像元不可通行）以及“生态廊道识别”输出的连接（只使用 Active = 1 的连接）。每条连接的最小累积阻力距离在此阻力栅格上重新计算。输出：得分栅格（源地像元和 NoData 像元为 NoData）、按需输出的障碍圆，以及分级后的得分（通常将最高一级作为需修复的障碍点制图）。&lt;/p&gt;&lt;p&gt;参考文献：McRae, B.H., Hall, S.A., Beier, P. &amp;amp; Theobald, D.M. (2012) Where to restore ecological connectivity? Detecting barriers and quantifying restoration benefits. PLoS ONE 7: e52604.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Float32 GeoTIFF: improvement score (cost units saved per map unit restored, or percent) at the centre of the restored circle, combined over links and radii; 0 where restoring would not shorten any corridor; NoData on sources and on NoData cells of the resistance raster.</source>
        <translation type="vanished">Float32 GeoTIFF：修复圆中心处的改善得分（每修复一个地图单位节省的成本单位，或百分比），在各连接和各半径间合并；修复不会缩短任何廊道处为 0；源地及阻力栅格的 NoData 像元上为 NoData。</translation>
    </message>
    <message>
        <source>No cell would shorten any corridor at these radii (every score is 0). Try smaller radii, or check that the links cross high-resistance areas.</source>
        <translation type="vanished">在这些半径下没有像元能缩短任何廊道（所有得分均为 0）。请尝试更小的半径，或检查连接是否穿过高阻力区域。</translation>
    </message>
    <message>
        <source>Smallest radius of the restored circle, in map units (metres), at least one cell. Empty: 3 cells (90 m on 30 m cells). Linkage Mapper's tutorial uses 400 m; Chinese studies on 30 m cells often 30-300 m.</source>
        <translation type="vanished">修复圆的最小半径，以地图单位（米）计，至少一个像元。为空：3 个像元（30 m 像元时为 90 m）。Linkage Mapper 教程使用 400 m；国内基于 30 m 像元的研究常用 30-300 m。</translation>
    </message>
</context>
<context>
    <name>Centrality</name>
    <message>
        <location filename="../../algorithms/connectivity/centrality.py"/>
        <source>Current-flow centrality (Centrality Mapper)</source>
        <translation>电流中心性（Centrality Mapper）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/centrality.py"/>
        <source>centrality,current flow,betweenness,Centrality Mapper,Linkage Mapper,network,corridor,source,stepping stone,key corridor</source>
        <translation>中心性,电流,介数,Centrality Mapper,Linkage Mapper,网络,廊道,源地,踏脚石,关键廊道,centrality,current flow,betweenness,network,corridor,source,stepping stone,key corridor</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/centrality.py"/>
        <source>&lt;p&gt;Ranks the sources and corridors by how much of the network's movement runs through them, as Linkage Mapper's Centrality Mapper does. The network is a circuit: each source is a node, each active link a resistor whose resistance is the link's cost-weighted distance (CW_Dist). For every pair of sources in turn, 1 A enters at one and leaves at the other; the currents are summed over all pairs.&lt;/p&gt;&lt;p&gt;&lt;b&gt;CF_Central&lt;/b&gt; of a link is the total current it carries; of a source, the total current passing through it, where the source's own pairs count 1 A each. Links and sources that hold the network together (bridges, hubs, stepping stones) score high; a link with a parallel alternative shares its current. Pairs in disconnected parts of the network carry nothing; a source without any active link scores 0.&lt;/p&gt;&lt;p&gt;Inputs: the links of 'Linkage pathways' (fields From_Core, To_Core, CW_Dist, Active; only Active = 1 links are resistors) and, optionally, the source polygons with their id field, which then receive the source scores. Outputs: every link with CF_Central (NULL on inactive links) and the sources with CF_Central (the polygons, or a table of source ids when no polygons are given). The values equal networkx's current-flow betweenness (unnormalised) times 2 for links and plus (number of sources in the component - 1) for sources.&lt;/p&gt;&lt;p&gt;Reference: Carroll, C., McRae, B.H. &amp;amp; Brookes, A. (2012) Use of linkage mapping and centrality analysis across habitat gradients to conserve connectivity of gray wolf populations in western North America. Conservation Biology 26: 78-87.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按 Linkage Mapper 中心性工具（Centrality Mapper）的方法，根据网络中经过源地和廊道的移动量对其排序。网络是一个电路：每个源地是一个节点，每条有效连接是一个电阻，其阻值为该连接的成本加权距离（CW_Dist）。依次对每对源地，1 A 电流从一端流入、另一端流出；将所有点对的电流求和。&lt;/p&gt;&lt;p&gt;连接的 &lt;b&gt;CF_Central&lt;/b&gt; 是其承载的总电流；源地的 CF_Central 是流经它的总电流，其中以该源地为端点的点对各计 1 A。维系网络整体的连接和源地（桥、枢纽、踏脚石）得分高；有并行替代路线的连接分担其电流。位于网络不连通部分的点对不贡献电流；没有任何有效连接的源地得分为 0。&lt;/p&gt;&lt;p&gt;输入：“生态廊道识别”输出的连接（字段 From_Core、To_Core、CW_Dist、Active；只有 Active = 1 的连接作为电阻），以及可选的带 ID 字段的源地面，源地得分将写入其中。输出：每条连接及其 CF_Central（无效连接为 NULL），以及源地及其 CF_Central（面要素；未给出面时为源地编号表）。这些值等于 networkx 的电流介数中心性（未归一化），连接乘以 2，源地加上（所在连通分量的源地数 - 1）。&lt;/p&gt;&lt;p&gt;参考文献：Carroll, C., McRae, B.H. &amp;amp; Brookes, A. (2012) Use of linkage mapping and centrality analysis across habitat gradients to conserve connectivity of gray wolf populations in western North America. Conservation Biology 26: 78-87.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/centrality.py"/>
        <source>Sources (polygons)</source>
        <translation>源地（面）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/centrality.py"/>
        <source>Optional: the ecological sources the links join, for example the output of 'Extract ecological sources'. They are copied to the sources output with their CF_Central. Empty: the sources output is a table of the source ids found in the links.</source>
        <translation>可选：连接所连的生态源地，例如“提取生态源地”的输出。它们连同其 CF_Central 被复制到源地输出中。为空：源地输出为连接中出现的源地编号表。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/centrality.py"/>
        <source>Source id field</source>
        <translation>源地编号字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/centrality.py"/>
        <source>The id of each source, as used in From_Core and To_Core (source_id in 'Extract ecological sources'). Empty: features are numbered 1, 2, ... in layer order.</source>
        <translation>每个源地的编号，与 From_Core 和 To_Core 中一致（“提取生态源地”中的 source_id）。为空：要素按图层顺序编号 1, 2, ...。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/centrality.py"/>
        <source>Links with centrality</source>
        <translation>带中心性的连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/centrality.py"/>
        <source>Every feature of the links layer with its fields plus CF_Central (A, the current summed over all pairs of sources); NULL on inactive links.</source>
        <translation>连接图层的所有要素及其字段，另加 CF_Central（A，所有源地点对的电流之和）；无效连接为 NULL。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/centrality.py"/>
        <source>Sources with centrality</source>
        <translation>带中心性的源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/centrality.py"/>
        <source>The source polygons plus CF_Central (A, current through the source summed over all pairs), or, without polygons, a table of source_id and CF_Central.</source>
        <translation>源地面另加 CF_Central（A，所有点对流经该源地的电流之和）；未给出面时为 source_id 和 CF_Central 的表。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/centrality.py"/>
        <source>The links join sources {ids}, which the source layer does not have (by the id field); they count in the network but get no polygon.</source>
        <translation>连接所连的源地 {ids} 在源地图层中没有（按 ID 字段）；它们计入网络，但没有面。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/centrality.py"/>
        <source>{links} active links between {nodes} sources; highest link centrality {link:.6g}, highest source centrality {node:.6g}.</source>
        <translation>{nodes} 个源地之间有 {links} 条有效连接；最高连接中心性 {link:.6g}，最高源地中心性 {node:.6g}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/centrality.py"/>
        <source>Active link {id} has CW_Dist {value}; a link's resistance must be a positive cost-weighted distance. Fill CW_Dist (the links of 'Linkage pathways' have it) or set Active to 0 on that link.</source>
        <translation>有效连接 {id} 的 CW_Dist 为 {value}；连接的电阻必须为正的成本加权距离。请填写 CW_Dist（“生态廊道识别”输出的连接带有此字段），或将该连接的 Active 设为 0。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>Corridor links</source>
        <translation>廊道连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>The least-cost paths of 'Linkage pathways' (fields From_Core, To_Core, CW_Dist and Active). Only active links (Active = 1) are used; edit Active to leave links out or bring them back.</source>
        <translation>“生态廊道识别”输出的最小累积阻力路径（字段 From_Core、To_Core、CW_Dist 和 Active）。只使用有效连接（Active = 1）；编辑 Active 可排除或恢复连接。</translation>
    </message>
</context>
<context>
    <name>Circuitscape</name>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Circuit connectivity (Circuitscape)</source>
        <translation>电路理论连通性（Circuitscape）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Treats the landscape as an electrical circuit (Circuitscape 5 semantics, same numbers) and computes effective resistances between focal nodes and the current that flows through every cell.
Input: a resistance raster (or conductances); cells with NoData are barriers; zero or negative resistances are refused (use short-circuit regions for cells that should conduct freely). All rasters must share one grid.
Focal nodes: a raster of integer ids, a point layer with an id field (one cell per point), or a polygon layer (each polygon a focal region).
Modes: pairwise (every pair), one-to-all, all-to-one (focal nodes), advanced (source and ground rasters).
Outputs: cumulative current (A, the sum over all pairs or focal nodes), maximum current, voltage (advanced), the resistance matrix in Circuitscape's layout (ohm; -1 = not connected) and as a table, and on request every pair's current and voltage map in a folder, named as Circuitscape names them.
Reference: McRae, B.H. et al. (2008) Using circuit theory to model connectivity in ecology, evolution, and conservation. Ecology 89: 2712-2724.</source>
        <translation>将景观视为电路（Circuitscape 5 的语义，结果数值相同），计算焦点节点之间的有效电阻以及流经每个像元的电流。
输入：阻力栅格（或电导）；NoData 像元为障碍；拒绝零或负阻力（应自由导电的像元请使用短路区域）。所有栅格必须共用同一网格。
焦点节点：整数 ID 栅格、带 ID 字段的点图层（每个点一个像元），或面图层（每个面为一个焦点区域）。
模式：pairwise（每一对）、one-to-all、all-to-one（焦点节点）、advanced（电流源和接地栅格）。
输出：累积电流（A，所有节点对或焦点节点之和）、最大电流、电压（advanced）、Circuitscape 格式的电阻矩阵（欧姆；-1 = 不连通）及其表格形式，以及按需输出到文件夹中的每对节点的电流和电压图，命名方式与 Circuitscape 相同。
参考文献：McRae, B.H. et al. (2008) Using circuit theory to model connectivity in ecology, evolution, and conservation. Ecology 89: 2712-2724.</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Resistance raster</source>
        <translation>阻力栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Cost of movement per cell (habitat_file). NoData and infinite values are barriers.</source>
        <translation>每个像元的移动成本（habitat_file）。NoData 和无穷大值为障碍。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Band of the resistance raster (default 1).</source>
        <translation>阻力栅格的波段（默认 1）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Values are resistances</source>
        <translation>值为阻力</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>habitat_map_is_resistances: unchecked means the raster holds conductances.</source>
        <translation>habitat_map_is_resistances：不勾选表示栅格存放的是电导。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Mode (scenario)</source>
        <translation>模式（情景）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>pairwise</source>
        <translation>pairwise（两两成对）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>one-to-all</source>
        <translation>one-to-all（一对多）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>all-to-one</source>
        <translation>all-to-one（多对一）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>advanced</source>
        <translation>advanced（高级）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>pairwise: current between every pair of focal nodes; one-to-all: 1 A into each focal node in turn, all others grounded; all-to-one: 1 A from every other node into each focal node in turn; advanced: source and ground rasters.</source>
        <translation>pairwise：每对焦点节点之间的电流；one-to-all：依次向每个焦点节点注入 1 A，其余全部接地；all-to-one：依次从其他每个节点向每个焦点节点注入 1 A；advanced：电流源和接地栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Focal nodes (raster of ids)</source>
        <translation>焦点节点（ID 栅格）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>point_file as a raster: cells with a positive integer id are focal nodes; an id on several cells is a focal region.</source>
        <translation>以栅格形式给出的 point_file：具有正整数 ID 的像元为焦点节点；同一 ID 占多个像元即为焦点区域。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Focal nodes (points or polygons)</source>
        <translation>焦点节点（点或面）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Points: each point is a focal node in the cell that holds it. Polygons: each polygon is a focal region (cells whose centre lies inside). Reprojected to the raster's CRS.</source>
        <translation>点：每个点为其所在像元中的一个焦点节点。面：每个面为一个焦点区域（中心位于面内的像元）。会重投影到栅格的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Focal id field</source>
        <translation>焦点 ID 字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Positive integer id of each focal feature; features sharing an id form one focal node. Empty: the feature number (1, 2, ...).</source>
        <translation>每个焦点要素的正整数 ID；ID 相同的要素构成一个焦点节点。为空：使用要素序号（1, 2, ...）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Short-circuit regions</source>
        <translation>短路区域</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>polygon_file: cells with the same positive id are joined into one node of zero resistance (e.g. a lake or a protected area treated as one habitat).</source>
        <translation>polygon_file：具有相同正 ID 的像元被合并为一个零电阻节点（例如将湖泊或保护地视为一个生境）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Mask</source>
        <translation>掩膜</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>mask_file: cells where the mask is NoData or &lt;= 0 are removed.</source>
        <translation>mask_file：掩膜为 NoData 或 &lt;= 0 的像元被移除。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Current sources (advanced)</source>
        <translation>电流源（advanced）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>source_file: current injected per cell (A), advanced mode.</source>
        <translation>source_file：每个像元注入的电流（A），advanced 模式。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Grounds (advanced)</source>
        <translation>接地（advanced）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>ground_file: resistance (or conductance) to ground per cell; 0 resistance is a direct ground. NoData: no ground.</source>
        <translation>ground_file：每个像元的接地电阻（或电导）；电阻为 0 即直接接地。NoData：无接地。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Ground values are resistances</source>
        <translation>接地值为电阻</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>ground_file_is_resistances: unchecked means ground values are conductances.</source>
        <translation>ground_file_is_resistances：不勾选表示接地值为电导。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Unit currents</source>
        <translation>单位电流</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>use_unit_currents: every nonzero source injects 1 A.</source>
        <translation>use_unit_currents：每个非零电流源注入 1 A。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Direct grounds</source>
        <translation>直接接地</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>use_direct_grounds: every ground connects with zero resistance.</source>
        <translation>use_direct_grounds：每个接地以零电阻连接。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Where a source and a ground coincide</source>
        <translation>电流源与接地重合时</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>keep both</source>
        <translation>二者都保留</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>remove the source</source>
        <translation>移除电流源</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>remove the ground</source>
        <translation>移除接地</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>remove both</source>
        <translation>二者都移除</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>remove_src_or_gnd (keepall, rmvsrc, rmvgnd, rmvall).</source>
        <translation>remove_src_or_gnd（keepall、rmvsrc、rmvgnd、rmvall）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Included pairs file</source>
        <translation>包含点对文件</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>included_pairs_file in Circuitscape's format (mode include/exclude + id pairs, or the min/max matrix). Only these pairs are solved; in pairwise mode the others get -1 in the resistance matrix.</source>
        <translation>Circuitscape 格式的 included_pairs_file（mode include/exclude 加 ID 对，或 min/max 矩阵）。只求解这些点对；成对模式下其余点对在电阻矩阵中为 -1。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Variable source strengths</source>
        <translation>可变电流源强度</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>variable_source_file: 'id strength' lines (one-to-all and all-to-one).</source>
        <translation>variable_source_file：“ID 强度”行（one-to-all 和 all-to-one）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Connect four neighbours only</source>
        <translation>仅连接四邻域</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>connect_four_neighbors_only: no diagonal connections.</source>
        <translation>connect_four_neighbors_only：无对角连接。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Connect using average resistances</source>
        <translation>按平均阻力连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>connect_using_avg_resistances: a link's resistance is the mean of the two cells' resistances (default: the mean of their conductances).</source>
        <translation>connect_using_avg_resistances：连接的电阻为两个像元阻力的平均值（默认：两者电导的平均值）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Solver</source>
        <translation>求解器</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>auto (by memory and work)</source>
        <translation>auto（按内存和计算量）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>AMG-preconditioned CG</source>
        <translation>AMG 预条件共轭梯度（CG）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>All give the same numbers (AMG-CG to about 1e-7). auto estimates the memory of a CHOLMOD factor against the memory available and the time of both for the number of focal nodes: it factorises while the factor fits (about 20 million cells in 24 GB when a third are NoData) and takes AMG-CG, whose memory grows linearly, beyond; the log shows both estimates.</source>
        <translation>各求解器结果相同（AMG-CG 精确到约 1e-7）。auto 会估算 CHOLMOD 分解所需内存与当前可用内存，并按焦点数量估算两种方法的耗时：只要分解能放入内存就直接分解（约 2000 万像元、其中三分之一为无数据时需 24 GB），超出则使用内存线性增长的 AMG-CG；日志会给出两种估算。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Worker processes</source>
        <translation>工作进程数</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Pairwise mode: the pairs (and focal-region pairs) are solved in this many workers, local processes or a Dask cluster as the provider's engine setting says (Settings &gt; Options &gt; Processing &gt; Providers &gt; ESP Toolkit); 0 takes the provider's worker count. 1 (the default) solves in this process: every worker factorises the whole grid, so each needs the memory of a serial run. The numbers are the same either way.</source>
        <translation>成对模式：节点对（及焦点区域对）由这么多个工作进程求解，按提供程序的引擎设置使用本地进程或 Dask 集群（设置 &gt; 选项 &gt; 处理 &gt; 提供程序 &gt; ESP Toolkit）；0 表示采用提供程序设置的工作进程数。1（默认）在本进程中求解：每个工作进程都要分解整个栅格，因此每个都需要与串行运行相同的内存。两种方式结果相同。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Log-transform maps</source>
        <translation>对结果图取对数</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>log_transform_maps: write log10 of currents (before accumulation, as Circuitscape does).</source>
        <translation>log_transform_maps：写出电流的 log10（在累加之前，与 Circuitscape 相同）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Per-pair current maps</source>
        <translation>逐对电流图</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>write_cur_maps: one current map per pair or focal node, into the maps folder.</source>
        <translation>write_cur_maps：每对节点或每个焦点节点一张电流图，写入结果图文件夹。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Per-pair voltage maps</source>
        <translation>逐对电压图</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>write_volt_maps: one voltage map per pair or focal node, into the maps folder.</source>
        <translation>write_volt_maps：每对节点或每个焦点节点一张电压图，写入结果图文件夹。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Cumulative current</source>
        <translation>累积电流</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Sum of the current over all pairs / focal nodes (A).</source>
        <translation>所有节点对/焦点节点的电流之和（A）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Maximum current</source>
        <translation>最大电流</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Cell-wise maximum current over all pairs / focal nodes (A).</source>
        <translation>所有节点对/焦点节点中逐像元的最大电流（A）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Voltage (advanced)</source>
        <translation>电压（advanced）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Potential of every cell (V), advanced mode.</source>
        <translation>每个像元的电势（V），advanced 模式。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Resistance matrix</source>
        <translation>电阻矩阵</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Circuitscape matrix (*.out)</source>
        <translation>Circuitscape 矩阵（*.out）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Effective resistances in Circuitscape's layout: header row '0 ids', header column ids, -1 for pairs that are not connected or not in the included pairs.</source>
        <translation>Circuitscape 格式的有效电阻：首行为“0 与各 ID”，首列为各 ID；未连通或不在所含点对中的点对为 -1。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Resistances</source>
        <translation>电阻</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>One row per pair: from_id, to_id, resistance (ohm; -1 not connected or not in the included pairs).</source>
        <translation>每个点对一行：from_id、to_id、电阻（欧姆；-1 表示未连通或不在所含点对中）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Per-pair maps folder</source>
        <translation>逐对结果图文件夹</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Folder for per-pair / per-node maps (curmap_&lt;id&gt;_&lt;id&gt;.tif, voltmap_...).</source>
        <translation>逐对/逐节点结果图的文件夹（curmap_&lt;id&gt;_&lt;id&gt;.tif、voltmap_...）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Focal nodes</source>
        <translation>焦点节点</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Current sources</source>
        <translation>电流源</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Grounds</source>
        <translation>接地</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Circuitscape</source>
        <translation>Circuitscape 计算</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Circuitscape on {cells:,.0f} cells with data</source>
        <translation>Circuitscape 在 {cells:,.0f} 个有数据的像元上</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Use coarser cells or a smaller extent, or the AMG-CG solver, which needs less memory than a direct factorisation.</source>
        <translation>请使用更粗的像元或更小的范围，或改用 AMG-CG 求解器，它比直接分解需要更少的内存。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>The {what} range is extreme: the largest value is {ratio:.1e} times the smallest. Results stay exact with the direct solvers, but AMG-CG may converge slowly; consider capping very high resistances or making them NoData.</source>
        <translation>{what}的取值范围极端：最大值是最小值的 {ratio:.1e} 倍。直接求解器的结果仍然精确，但 AMG-CG 可能收敛缓慢；请考虑限制过高的阻力值或将其设为 NoData。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>resistance</source>
        <translation>阻力</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>conductance</source>
        <translation>电导</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Give focal nodes either as a raster or as a vector layer, not both.</source>
        <translation>请以栅格或矢量图层之一给出焦点节点，不要同时给出。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>This mode needs focal nodes: a raster of ids or a point/polygon layer.</source>
        <translation>此模式需要焦点节点：ID 栅格或点/面图层。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>The focal nodes give {count} node(s) on the resistance grid ({ids}); this mode needs at least two. Check that the layer or raster holds two or more ids inside the extent of the resistance raster.</source>
        <translation>焦点在阻力栅格上只有 {count} 个节点（{ids}）；此模式至少需要两个。请检查图层或栅格在阻力栅格范围内是否有两个或更多编号。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Fewer than two focal nodes lie on habitat: {ids} lie only on NoData cells of the resistance raster. Move them onto cells with a resistance.</source>
        <translation>位于生境上的焦点节点少于两个：{ids} 仅位于阻力栅格的 NoData 像元上。请将其移到有阻力值的像元上。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Focal node(s) {ids} lie only on NoData cells; as in Circuitscape their resistances are -1 and they carry no current.</source>
        <translation>焦点节点 {ids} 仅位于 NoData 像元上；与 Circuitscape 相同，其电阻为 -1，且不承载电流。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Advanced mode needs a current source raster and a ground raster.</source>
        <translation>advanced 模式需要电流源栅格和接地栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscape.py"/>
        <source>Wrote {count} maps to {folder}</source>
        <translation>已将 {count} 张图写入 {folder}</translation>
    </message>
    <message>
        <source>auto (by size)</source>
        <translation type="vanished">auto（按规模）</translation>
    </message>
    <message>
        <source>All give the same numbers; auto takes CHOLMOD up to several million cells and AMG-CG (least memory) above.</source>
        <translation type="vanished">各求解器结果相同；auto 在数百万像元以内使用 CHOLMOD，超过则使用 AMG-CG（内存最省）。</translation>
    </message>
    <message>
        <source>included_pairs_file in Circuitscape's format (mode include/exclude + id pairs, or the min/max matrix). Only these pairs are solved.</source>
        <translation type="vanished">Circuitscape 格式的 included_pairs_file（include/exclude 模式 + ID 对，或 min/max 矩阵）。只求解这些点对。</translation>
    </message>
    <message>
        <source>Effective resistances in Circuitscape's layout: header row '0 ids', header column ids, -1 for pairs that are not connected.</source>
        <translation type="vanished">Circuitscape 格式的有效电阻：表头行“0 ids”，表头列为 ID，不连通的点对为 -1。</translation>
    </message>
    <message>
        <source>One row per pair: from_id, to_id, resistance (ohm; -1 not connected).</source>
        <translation type="vanished">每对节点一行：from_id、to_id、resistance（欧姆；-1 不连通）。</translation>
    </message>
</context>
<context>
    <name>CircuitscapeIni</name>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>Circuitscape INI file (run as is)</source>
        <translation>Circuitscape INI 文件（原样运行）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>Runs a Circuitscape 5 INI file unchanged, with Circuitscape's own semantics: raster pairwise, one-to-all, all-to-one and advanced modes, and network (graph) mode. Paths in the INI are read relative to the INI's folder. Outputs are Circuitscape's files, named from the INI's output_file (&lt;prefix&gt;_resistances.out, _cum_curmap.asc, _curmap_&lt;id&gt;_&lt;id&gt;.asc, ...; GeoTIFF when write_as_tif = True), so scripts built around Circuitscape keep working. Results agree with Circuitscape.jl's verification cases to 1e-6.
Reference: McRae, B.H. et al. (2008) Using circuit theory to model connectivity in ecology, evolution, and conservation. Ecology 89: 2712-2724.</source>
        <translation>原样运行 Circuitscape 5 的 INI 文件，采用 Circuitscape 自身的语义：栅格 pairwise、one-to-all、all-to-one 和 advanced 模式，以及网络（图）模式。INI 中的路径相对于 INI 所在文件夹读取。输出为 Circuitscape 的文件，以 INI 的 output_file 命名（&lt;prefix&gt;_resistances.out、_cum_curmap.asc、_curmap_&lt;id&gt;_&lt;id&gt;.asc、...；write_as_tif = True 时为 GeoTIFF），因此围绕 Circuitscape 编写的脚本仍可使用。结果与 Circuitscape.jl 的验证算例一致到 1e-6。
参考文献：McRae, B.H. et al. (2008) Using circuit theory to model connectivity in ecology, evolution, and conservation. Ecology 89: 2712-2724.</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>Circuitscape INI file</source>
        <translation>Circuitscape INI 文件</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>A Circuitscape .ini file (as written by Circuitscape's GUI, Linkage Mapper or by hand). Relative paths inside it are relative to its folder.</source>
        <translation>Circuitscape 的 .ini 文件（由 Circuitscape 图形界面、Linkage Mapper 或手工编写）。其中的相对路径相对于其所在文件夹。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>Solver</source>
        <translation>求解器</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>as in the INI (cg+amg, cholmod)</source>
        <translation>与 INI 相同（cg+amg、cholmod）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>auto (by memory and work)</source>
        <translation>auto（按内存和计算量）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>AMG-preconditioned CG</source>
        <translation>AMG 预条件共轭梯度（CG）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>Override the INI's solver. All give the same numbers to about 1e-8; CHOLMOD is fastest up to a few million cells, AMG-CG needs the least memory.</source>
        <translation>覆盖 INI 中的求解器。各求解器结果一致到约 1e-8；数百万像元以内 CHOLMOD 最快，AMG-CG 内存最省。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>Worker processes</source>
        <translation>工作进程数</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>Pairs are solved in this many worker processes, or on a Dask cluster when the provider's engine setting says so (Settings &gt; Options &gt; Processing &gt; Providers &gt; ESP Toolkit); 0 takes the provider's worker count. 1 (the default) solves in this process: every worker factorises the whole grid, so each worker needs the memory of a serial run. The numbers are the same either way.</source>
        <translation>节点对由这么多个工作进程求解；若提供程序的引擎设置为 Dask，则在 Dask 集群上求解（设置 &gt; 选项 &gt; 处理 &gt; 提供程序 &gt; ESP Toolkit）；0 表示采用提供程序设置的工作进程数。1（默认）在本进程中求解：每个工作进程都要分解整个栅格，因此每个工作进程都需要与串行运行相同的内存。两种方式结果相同。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>Output prefix</source>
        <translation>输出前缀</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>Files written</source>
        <translation>已写出的文件</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>The INI file {path} does not exist.</source>
        <translation>INI 文件 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>Scenario: {scenario} ({kind}); outputs: {prefix}_*</source>
        <translation>情景：{scenario}（{kind}）；输出：{prefix}_*</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/circuitscapeini.py"/>
        <source>Wrote {path}</source>
        <translation>已写出 {path}</translation>
    </message>
    <message>
        <source>Pairs are solved in this many worker processes (0: one per core), or on a Dask cluster when the provider's engine setting says so (Settings &gt; Options &gt; Processing &gt; Providers &gt; ESP Toolkit). 1 solves in this process. The numbers are the same either way.</source>
        <translation type="vanished">点对在这么多个工作进程中求解（0：每个核心一个），当提供者的引擎设置为 Dask 时则在 Dask 集群上求解（设置 &gt; 选项 &gt; 处理 &gt; 提供者 &gt; ESP Toolkit）。1 表示在本进程中求解。两种方式结果相同。</translation>
    </message>
    <message>
        <source>auto (by size)</source>
        <translation type="vanished">auto（按规模）</translation>
    </message>
</context>
<context>
    <name>CollaborativeZoning</name>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Collaborative zoning across administrative units</source>
        <translation>跨行政单元协同分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>collaboration,cross-boundary,county,administrative units,ledger,community,Louvain,compensation,burden,benefit,跨区域协同,生态修复</source>
        <translation>协同,跨区域协同,跨县协同,县域,行政单元,台账,社区,Louvain,生态补偿,负担,受益,生态修复,collaboration,cross-boundary,county,administrative units,ledger,community,compensation,burden,benefit</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>&lt;p&gt;Attributes the ecological security pattern to administrative units (for example counties) so that they can plan its restoration together.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Unit layer (ledger)&lt;/b&gt;: the units with, per unit, the source area (src_km2, src_n sources, src_pct of the unit), the corridor length (cor_km, cor_n), the part of cross-boundary sources and corridors inside it (xsrc_km2, xsrc_n, xcor_km, xcor_n), the cross-boundary links with an end in it (xlink_n), pinch points and barriers (pinch_n, pinch_km2, bar_n, bar_km2; a patch counts in the unit holding most of it), zone areas (z1_km2-z4_km2), the restoration account (burden_km2, benefit_km2, net_km2), the collaboration zone (community) and, with a group field, the collaboration zone most common in the unit's group (grp_comm). Units without elements get zeros.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cross-boundary links&lt;/b&gt;: active links whose two sources lie in different units (a source belongs to the unit holding most of its area). &lt;b&gt;Matrix&lt;/b&gt;: unit by unit, the number of links, the sum of a link field (for example CF_Central from 'Centrality'), or the effective resistance of a pairwise circuit with the source cells of each unit as one focal region (× cell size, in cost units). &lt;b&gt;Collaboration zones&lt;/b&gt;: Louvain communities of the unit graph weighted by the matrix (by conductance 1/R for resistances), with a fixed seed; with a group field (for example the prefecture) its modularity and the adjusted Rand index of the two groupings are reported. &lt;b&gt;Shares&lt;/b&gt;: every source and corridor split over the units (each sums to 100 %). &lt;b&gt;Account&lt;/b&gt;: each barrier key area (from 'Restoration zoning') is restored by the units it lies in and benefits the units of the sources of the links it improves, in proportion to its improvement score for each link (Barrier Mapper's score, radii as in 'Barriers'), half to each end source, split by source area: restorer, beneficiary, km².&lt;/p&gt;&lt;p&gt;Units are burnt onto the resistance grid by cell centre (the first unit wins where they overlap), so the ledger's areas and lengths have the grid's resolution. Overlapping units and gaps between them are reported. The CRS must be projected.&lt;/p&gt;&lt;p&gt;Reference: Blondel et al. (2008) Fast unfolding of communities in large networks, J. Stat. Mech. P10008; Hubert &amp;amp; Arabie (1985) Comparing partitions, J. Classif. 2: 193-218.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将生态安全格局归属到各行政单元（例如县），以便各单元协同规划其修复。&lt;/p&gt;&lt;p&gt;&lt;b&gt;单元图层（台账）&lt;/b&gt;：各单元及其逐单元指标：源地面积（src_km2，源地数 src_n，占单元比例 src_pct）、廊道长度（cor_km、cor_n）、位于单元内的跨界源地和廊道部分（xsrc_km2、xsrc_n、xcor_km、xcor_n）、一端位于该单元的跨界连接（xlink_n）、夹点和障碍点（pinch_n、pinch_km2、bar_n、bar_km2；斑块计入占其面积最多的单元）、各分区面积（z1_km2-z4_km2）、修复受益账户（burden_km2、benefit_km2、net_km2）、协同分区（community），以及给出分组字段时，该单元所在分组中最常见的协同分区（grp_comm）。没有格局要素的单元取零。&lt;/p&gt;&lt;p&gt;&lt;b&gt;跨界连接&lt;/b&gt;：两端源地位于不同单元的有效连接（源地归属于占其面积最多的单元）。&lt;b&gt;矩阵&lt;/b&gt;：单元 × 单元，取连接数、某连接字段之和（例如“电流中心性”的 CF_Central），或以每个单元的源地像元为一个焦点区域的 pairwise 电路的有效电阻（× 像元大小，以成本单位计）。&lt;b&gt;协同分区&lt;/b&gt;：以矩阵为权重（电阻取电导 1/R）的单元图的 Louvain 社区，采用固定随机种子；给出分组字段（例如地级市）时，报告其模块度以及两种分组的调整兰德指数。&lt;b&gt;占比&lt;/b&gt;：每个源地和廊道在各单元间的分配（各自合计 100 %）。&lt;b&gt;账户&lt;/b&gt;：每个障碍点关键区域（来自“生态修复分区”）由其所在单元修复，并使其所改善连接的源地所在单元受益，受益按其对每条连接的改善得分（Barrier Mapper 得分，半径与“障碍点识别”相同）成比例分配，两端源地各一半，再按源地面积分配：修复方、受益方、km²。&lt;/p&gt;&lt;p&gt;单元按像元中心栅格化到阻力网格上（重叠处以第一个单元为准），因此台账的面积和长度精度为网格分辨率。会报告单元之间的重叠和空隙。坐标参考系必须为投影坐标系。&lt;/p&gt;&lt;p&gt;参考文献：Blondel et al. (2008) Fast unfolding of communities in large networks, J. Stat. Mech. P10008; Hubert &amp;amp; Arabie (1985) Comparing partitions, J. Classif. 2: 193-218.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Administrative units</source>
        <translation>行政单元</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Polygons of the units that share the pattern, for example the 122 counties of Hunan.</source>
        <translation>共享该格局的单元的面，例如湖南省的 122 个县级单元。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Unit name field</source>
        <translation>单元名称字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>The name of each unit, written in every table.</source>
        <translation>每个单元的名称，写入每张表中。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Existing grouping field</source>
        <translation>现有分组字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Optional: an existing grouping of the units (for example the prefecture), compared with the collaboration zones.</source>
        <translation>可选：单元的现有分组（例如地级市），用于与协同分区比较。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Its grid is the grid the units are counted on.</source>
        <translation>其网格即统计单元所用的网格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Link weight field</source>
        <translation>连接权重字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>For the matrix mode 'Sum of a link field': for example CF_Central (current flow) of 'Centrality' or Eff_Resist of 'Pinch points'.</source>
        <translation>用于矩阵模式“连接字段之和”：例如“电流中心性”的 CF_Central（电流）或“夹点识别”的 Eff_Resist。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Restoration zones</source>
        <translation>生态修复分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>The zone raster of 'Restoration zoning' (on the resistance grid): zone areas per unit.</source>
        <translation>“生态修复分区”输出的分区栅格（位于阻力网格上）：逐单元统计各分区面积。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Key restoration areas</source>
        <translation>关键修复区域</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>The key areas of 'Restoration zoning' (field kind_id): pinch points and barriers per unit, and the barriers of the restoration account.</source>
        <translation>“生态修复分区”输出的关键区域（字段 kind_id）：逐单元统计夹点和障碍点，以及修复受益账户中的障碍点。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Unit matrix</source>
        <translation>单元矩阵</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Number of links</source>
        <translation>连接数</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Sum of a link field</source>
        <translation>连接字段之和</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Effective resistance (circuit)</source>
        <translation>有效电阻（电路）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>What the unit-by-unit matrix holds and what weighs the collaboration graph.</source>
        <translation>单元 × 单元矩阵的内容，以及协同图的权重。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>A link ties together</source>
        <translation>连接关联的单元</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>The units of its two sources</source>
        <translation>其两端源地所在的单元</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Every unit its corridor crosses</source>
        <translation>其廊道穿过的每个单元</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>For the link matrices: only the units holding the link's two sources, or also every unit its least-cost path crosses (they must keep the corridor open together). The effective-resistance matrix is not affected.</source>
        <translation>对于连接矩阵：只计连接两端源地所在的单元，或同时计其最小累积阻力路径穿过的每个单元（这些单元须共同保持廊道畅通）。有效电阻矩阵不受影响。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Community resolution</source>
        <translation>社区划分分辨率</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Louvain resolution: above 1 gives more, smaller collaboration zones; below 1 fewer, larger ones.</source>
        <translation>Louvain 分辨率：大于 1 得到更多、更小的协同分区；小于 1 得到更少、更大的协同分区。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Seed of the Louvain search: the same inputs and seed give the same zones.</source>
        <translation>Louvain 搜索的随机种子：相同的输入和种子得到相同的分区。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Unit ledger</source>
        <translation>单元台账</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>The units with the ledger fields and their collaboration zone.</source>
        <translation>各单元及其台账字段和所属协同分区。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Cross-boundary links</source>
        <translation>跨界连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Active links whose sources lie in different units, with both names.</source>
        <translation>两端源地位于不同单元的有效连接，含两端单元名称。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Table: one row and one column per unit.</source>
        <translation>表：每个单元一行一列。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Element shares</source>
        <translation>要素占比</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Table: each source (km²) and corridor (km) per unit, with its share.</source>
        <translation>表：每个源地（km²）和廊道（km）在各单元中的数量及其占比。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Restoration account</source>
        <translation>修复受益账户</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Table: barrier area restored in one unit for the benefit of another.</source>
        <translation>表：在一个单元内修复、使另一单元受益的障碍点面积。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Number of collaboration zones</source>
        <translation>协同分区数</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Modularity of the collaboration zones</source>
        <translation>协同分区的模块度</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Modularity of the existing grouping</source>
        <translation>现有分组的模块度</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Adjusted Rand index of the two groupings</source>
        <translation>两种分组的调整兰德指数</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Number of cross-boundary links</source>
        <translation>跨界连接数</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Area of overlapping units (km²)</source>
        <translation>单元重叠面积（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Area of gaps between units (km²)</source>
        <translation>单元间空隙面积（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Collaborative zoning</source>
        <translation>协同分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>{k} collaboration zones, modularity {q:.3f}; the existing grouping has modularity {g:.3f}; adjusted Rand index {ari:.3f}.</source>
        <translation>{k} 个协同分区，模块度 {q:.3f}；现有分组的模块度为 {g:.3f}；调整兰德指数 {ari:.3f}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Choose the link weight field for the matrix mode 'Sum of a link field'.</source>
        <translation>请为矩阵模式“连接字段之和”选择连接权重字段。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>{n} links have no value in '{field}' and count as 0.</source>
        <translation>{n} 条连接在“{field}”中没有值，按 0 计。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>{n} links lie (or have a source) outside every unit and are left out of the matrix.</source>
        <translation>{n} 条连接（或其源地）位于所有单元之外，未计入矩阵。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Collaboration zone {k}</source>
        <translation>协同分区 {k}</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>No shared corridor</source>
        <translation>无共享廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Source</source>
        <translation>源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Corridor</source>
        <translation>廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Units overlap on {area:.4g} km² ({n} pairs; largest: {pairs}). Each overlapping cell is counted once, in the first unit of the layer.</source>
        <translation>单元在 {area:.4g} km² 上重叠（{n} 对；最大：{pairs}）。每个重叠像元只计一次，计入图层中的第一个单元。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>The units leave {n} gaps of {area:.4g} km² in all; elements there are counted as outside every unit.</source>
        <translation>单元之间留有 {n} 处空隙，共 {area:.4g} km²；其中的要素计为位于所有单元之外。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/collaborativezoning.py"/>
        <source>Outside every unit: {items}. Check that the units cover the study area.</source>
        <translation>位于所有单元之外：{items}。请检查单元是否覆盖研究区。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Cost of crossing one map unit of each cell, e.g. the output of 'Resistance surface'; positive everywhere except NoData, which cannot be crossed. Must be in a projected CRS.</source>
        <translation>穿越每个像元一个地图单位的成本，例如“阻力面”的输出；除 NoData（不可穿越）外处处为正。必须采用投影坐标系。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Resistance raster</source>
        <translation>阻力栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Sources (polygons)</source>
        <translation>源地（面）</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Ecological sources (core areas) as polygons, for example the output of 'Extract ecological sources'. Each polygon is burnt onto the resistance grid (cells whose centre it covers). Give either these polygons or a source id raster.</source>
        <translation>以面表示的生态源地（核心区），例如“提取生态源地”的输出。每个面被栅格化到阻力网格上（其覆盖的像元中心）。给出这些面或源地编号栅格之一。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source id field</source>
        <translation>源地编号字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Positive whole-number id of each source (source_id in 'Extract ecological sources'). Features sharing an id form one source. Empty: features are numbered 1, 2, ... in layer order.</source>
        <translation>每个源地的正整数编号（“提取生态源地”中的 source_id）。编号相同的要素构成一个源地。为空：要素按图层顺序编号 1, 2, ...。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source id raster</source>
        <translation>源地编号栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Instead of polygons: a raster of source ids (0 or NoData = no source) on the grid of the resistance raster, such as the source id raster of 'Extract ecological sources'.</source>
        <translation>代替面要素：位于阻力栅格网格上的源地编号栅格（0 或 NoData = 非源地），例如“提取生态源地”输出的源地编号栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>Corridor links</source>
        <translation>廊道连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>The least-cost paths of 'Linkage pathways' (fields From_Core, To_Core, CW_Dist and Active). Only active links (Active = 1) are used; edit Active to leave links out or bring them back.</source>
        <translation>“生态廊道识别”输出的最小累积阻力路径（字段 From_Core、To_Core、CW_Dist 和 Active）。只使用有效连接（Active = 1）；编辑 Active 可排除或恢复连接。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Minimum detection radius (map units; empty: 3 cells)</source>
        <translation>最小探测半径（地图单位；为空：3 个像元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Smallest radius of the restored circle, in map units (metres), at least one cell. Empty: 3 cells (90 m on 30 m cells). Linkage Mapper's tutorial uses 400 m; Chinese studies on 30 m cells often 30-300 m. With Linkage Mapper's semantics every radius needs cell centres at that distance: multiples of the cell size always have them.</source>
        <translation>被修复圆的最小半径，以地图单位（米）计，至少一个栅格。留空：3 个栅格（30 米栅格上为 90 米）。Linkage Mapper 教程使用 400 米；国内基于 30 米栅格的研究常用 30-300 米。采用 Linkage Mapper 语义时，每个半径处都必须有栅格中心：栅格大小的整数倍总满足这一点。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Maximum detection radius (map units; empty: 3 × minimum)</source>
        <translation>最大探测半径（地图单位；为空：最小值的 3 倍）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Largest radius, in map units. Empty: 3 times the minimum radius. Equal to the minimum: a single radius. Time grows with the number of radii and with each radius in cells.</source>
        <translation>最大半径，以地图单位计。为空：最小半径的 3 倍。等于最小值：单一半径。耗时随半径个数以及每个半径的像元数增加。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Radius step (map units; empty: the minimum; 0: one radius)</source>
        <translation>半径步长（地图单位；为空：最小值；0：单一半径）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Radii run from the minimum to the maximum in this step. Empty: the minimum radius (so the default radii are 3, 6 and 9 cells). 0: the minimum radius only, as in Linkage Mapper.</source>
        <translation>半径以此步长从最小值增加到最大值。为空：最小半径（因此默认半径为 3、6 和 9 个像元）。0：仅使用最小半径，与 Linkage Mapper 相同。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Give the resistance raster.</source>
        <translation>请提供阻力栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Give the sources either as polygons or as a source id raster (exactly one of the two).</source>
        <translation>请以面或源地编号栅格之一给出源地（二者只能选其一）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>The resistance raster is in a geographic CRS (degrees); cost distances need metres. Reproject it to a projected CRS first (Raster &gt; Projections &gt; Warp).</source>
        <translation>阻力栅格采用地理坐标系（度）；成本距离需要以米计。请先将其重投影到投影坐标系（栅格 &gt; 投影 &gt; 变形）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source ids must be whole numbers; the source id raster holds fractions.</source>
        <translation>源地编号必须为整数；源地编号栅格含有小数。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>The source layer has no polygon.</source>
        <translation>源地图层中没有面。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>The key areas layer has no kind_id field; give the key areas written by 'Restoration zoning'.</source>
        <translation>关键区域图层没有 kind_id 字段；请提供“生态修复分区”输出的关键区域。</translation>
    </message>
    <message>
        <source>Smallest radius of the restored circle, in map units (metres), at least one cell. Empty: 3 cells (90 m on 30 m cells). Linkage Mapper's tutorial uses 400 m; Chinese studies on 30 m cells often 30-300 m.</source>
        <translation type="vanished">修复圆的最小半径，以地图单位（米）计，至少一个像元。为空：3 个像元（30 m 像元时为 90 m）。Linkage Mapper 教程使用 400 m；国内基于 30 m 像元的研究常用 30-300 m。</translation>
    </message>
</context>
<context>
    <name>CompareEsp</name>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Compare two runs (before / after)</source>
        <translation>两次运行对比（前期 / 后期）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>compare,change,before,after,restoration,effectiveness,evaluation,ECA,equivalent connected area,transition,county,prefecture,修复成效,变化</source>
        <translation>对比,变化,前期,后期,生态修复,修复成效,成效评估,ECA,等效连通面积,转移,县域,地市,compare,change,before,after,restoration,effectiveness,evaluation,equivalent connected area,transition,county,prefecture</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>&lt;p&gt;Compares two runs of 'Ecological security pattern' (esp:securitypattern): two years of land cover, or the plan before and after a restoration. It reads source_ids.tif, zones.tif and corridor_links.gpkg from each run's folder; the two runs must be on one grid (same CRS, extent and cells; a projected CRS).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sources&lt;/b&gt;: each source after is matched to the source before it shares most cells with; sources before that overlap none after are lost, sources after that overlap none before are gained. &lt;b&gt;Corridors&lt;/b&gt;: an active link after whose two sources match the two sources of a link before is the same corridor (matched; its least-cost distance CW_Dist before and after and the relative change); links after without such a link before are new, links before without one after are lost.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ECA&lt;/b&gt;, the equivalent connected area (Saura &amp;amp; Rubio 2010): ECA = √(Σ&lt;sub&gt;i&lt;/sub&gt;Σ&lt;sub&gt;j&lt;/sub&gt; a&lt;sub&gt;i&lt;/sub&gt; a&lt;sub&gt;j&lt;/sub&gt; p*&lt;sub&gt;ij&lt;/sub&gt;), a&lt;sub&gt;i&lt;/sub&gt; the area of source i (km², from its cells), p*&lt;sub&gt;ij&lt;/sub&gt; the largest product of p = exp(−k d) over the paths of active links between i and j (d = CW_Dist, k = −ln(p0) / d0, p0 = the probability at the kernel distance d0; p*&lt;sub&gt;ii&lt;/sub&gt; = 1). The same kernel is used for both runs, so the two ECAs compare. A county's ECA is Σ&lt;sub&gt;i&lt;/sub&gt;Σ&lt;sub&gt;j&lt;/sub&gt; a&lt;sub&gt;i&lt;/sub&gt;(county) a&lt;sub&gt;j&lt;/sub&gt; p*&lt;sub&gt;ij&lt;/sub&gt; / ECA (its shares add up to the ECA).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Effectiveness score&lt;/b&gt; of each county. Its four parts k are the ECA, the source area, the mean corridor cost (the mean CW_Dist of the active links with an end in the county; a source lies in the county holding most of it) and the restoration-zone area. For each part, r&lt;sub&gt;k&lt;/sub&gt; = d&lt;sub&gt;k&lt;/sub&gt; × (after − before) / before, clipped to [−1, 1], with d&lt;sub&gt;k&lt;/sub&gt; = +1 for the ECA and the source area and d&lt;sub&gt;k&lt;/sub&gt; = −1 (reversed sign: a decrease is an improvement) for the corridor cost and the restoration-zone area; r&lt;sub&gt;k&lt;/sub&gt; = 0 when before and after are both 0 and r&lt;sub&gt;k&lt;/sub&gt; = d&lt;sub&gt;k&lt;/sub&gt; when only before is 0. Then score = 100 × Σ&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;k&lt;/sub&gt; r&lt;sub&gt;k&lt;/sub&gt; / Σ&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;k&lt;/sub&gt;, the sums over the parts defined in the county: a part that is NaN (a county without corridors has no mean corridor cost) is left out of both sums. The score runs from −100 to 100; 0 is no change. A prefecture's score comes from its sums (ECA, source and restoration-zone areas of its counties; mean cost of the links with an end in the prefecture), not from the mean of its counties' scores.&lt;/p&gt;&lt;p&gt;Outputs: the counties with their indicators before (_a) and after (_b), r_eca, r_src, r_lcd, r_rz and the score; maps of source change and zone change; the links with their status; the zone transitions (km²) per county and in all; the prefectures' indicators and scores.&lt;/p&gt;&lt;p&gt;References: Saura &amp;amp; Rubio (2010) A common currency for the different ways in which patches and links can contribute to habitat availability and connectivity in the landscape, Ecography 33: 523-537. The issue that asked for this tool cites Liu, Tan &amp;amp; Jiao (2024) for evaluating a restoration by comparing the network before and after it; the composite score and its weights are this plugin's own choice.&lt;/p&gt;</source>
        <translation>&lt;p&gt;比较“生态安全格局”（esp:securitypattern）的两次运行：两个年份的土地覆被，或修复前后的规划方案。它从每次运行的文件夹读取 source_ids.tif、zones.tif 和 corridor_links.gpkg；两次运行必须位于同一网格上（坐标参考系、范围和像元均相同，且为投影坐标系）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;源地&lt;/b&gt;：后期的每个源地与同其共有像元最多的前期源地匹配；与任何后期源地都不重叠的前期源地为消失，与任何前期源地都不重叠的后期源地为新增。&lt;b&gt;廊道&lt;/b&gt;：若后期某条有效连接的两个源地与前期某条连接的两个源地相匹配，则二者为同一条廊道（匹配；给出其前期和后期的最小累积阻力距离 CW_Dist 及相对变化）；前期没有对应连接的后期连接为新增，后期没有对应连接的前期连接为消失。&lt;/p&gt;&lt;p&gt;&lt;b&gt;ECA&lt;/b&gt;，即等效连通面积（Saura &amp;amp; Rubio 2010）：ECA = √(Σ&lt;sub&gt;i&lt;/sub&gt;Σ&lt;sub&gt;j&lt;/sub&gt; a&lt;sub&gt;i&lt;/sub&gt; a&lt;sub&gt;j&lt;/sub&gt; p*&lt;sub&gt;ij&lt;/sub&gt;)，其中 a&lt;sub&gt;i&lt;/sub&gt; 为源地 i 的面积（km²，由其像元计算），p*&lt;sub&gt;ij&lt;/sub&gt; 为 i 与 j 之间经由有效连接的各条路径上 p = exp(−k d) 乘积的最大值（d = CW_Dist，k = −ln(p0) / d0，p0 为核距离 d0 处的概率；p*&lt;sub&gt;ii&lt;/sub&gt; = 1）。两次运行使用同一核函数，因此二者的 ECA 可以比较。县的 ECA 为 Σ&lt;sub&gt;i&lt;/sub&gt;Σ&lt;sub&gt;j&lt;/sub&gt; a&lt;sub&gt;i&lt;/sub&gt;(县) a&lt;sub&gt;j&lt;/sub&gt; p*&lt;sub&gt;ij&lt;/sub&gt; / ECA（各县份额之和等于 ECA）。&lt;/p&gt;&lt;p&gt;各县的&lt;b&gt;成效得分&lt;/b&gt;。其四个组成部分 k 为 ECA、源地面积、廊道平均成本（一端位于该县的有效连接的 CW_Dist 平均值；源地归属于占其面积最多的县）和生态修复区面积。对每个部分，r&lt;sub&gt;k&lt;/sub&gt; = d&lt;sub&gt;k&lt;/sub&gt; × (后期 − 前期) / 前期，截断到 [−1, 1]；ECA 和源地面积取 d&lt;sub&gt;k&lt;/sub&gt; = +1，廊道成本和生态修复区面积取 d&lt;sub&gt;k&lt;/sub&gt; = −1（符号取反：减少即为改善）；前期和后期均为 0 时 r&lt;sub&gt;k&lt;/sub&gt; = 0，仅前期为 0 时 r&lt;sub&gt;k&lt;/sub&gt; = d&lt;sub&gt;k&lt;/sub&gt;。得分 = 100 × Σ&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;k&lt;/sub&gt; r&lt;sub&gt;k&lt;/sub&gt; / Σ&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;k&lt;/sub&gt;，两个求和均只针对该县有定义的部分：值为 NaN 的部分（没有廊道的县没有廊道平均成本）不计入两个求和。得分范围为 −100 至 100；0 表示没有变化。地市的得分由其汇总值计算（其下各县的 ECA、源地面积和生态修复区面积；一端位于该地市的连接的平均成本），而不是其下各县得分的平均值。&lt;/p&gt;&lt;p&gt;输出：各县及其前期（_a）和后期（_b）指标、r_eca、r_src、r_lcd、r_rz 和得分；源地变化图和分区变化图；带状态的连接；各县及全域的分区转移（km²）；各地市的指标和得分。&lt;/p&gt;&lt;p&gt;参考文献：Saura &amp;amp; Rubio (2010) A common currency for the different ways in which patches and links can contribute to habitat availability and connectivity in the landscape, Ecography 33: 523-537。提出本工具需求的 issue 引用了 Liu, Tan &amp;amp; Jiao (2024)，即通过比较修复前后的网络来评估修复效果；综合得分及其权重为本插件自行设定。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Run before (output folder)</source>
        <translation>前期运行（输出文件夹）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>The output folder of a run of 'Ecological security pattern' (esp:securitypattern), for example with this year's land cover.</source>
        <translation>“生态安全格局”（esp:securitypattern）某次运行的输出文件夹，例如使用今年土地覆被的运行。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Run after (output folder)</source>
        <translation>后期运行（输出文件夹）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>The output folder of a second run, for example with the land cover of the plan after restoration; on the same grid as the run before (a different grid is refused).</source>
        <translation>第二次运行的输出文件夹，例如使用修复后规划土地覆被的运行；须与前期运行位于同一网格上（网格不同将被拒绝）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Administrative units</source>
        <translation>行政单元</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Polygons of the counties the change is reported for; burnt onto the runs' grid by cell centre (the first unit wins where they overlap).</source>
        <translation>需报告变化的各县的面；按像元中心栅格化到两次运行的网格上（重叠处以第一个单元为准）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Unit name field</source>
        <translation>单元名称字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>The name of each unit, written in every table; empty: Unit 1, Unit 2, ... in layer order.</source>
        <translation>每个单元的名称，写入每张表中；为空：按图层顺序依次命名为单元 1、单元 2……</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Group field</source>
        <translation>分组字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Optional: the group of each unit (for example the prefecture); the groups get their own indicators and score.</source>
        <translation>可选：每个单元所属的分组（例如地级市）；为各分组单独计算指标和得分。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Kernel distance (cost units, 0 = median)</source>
        <translation>核距离（成本单位，0 = 中位数）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>The least-cost distance d0 at which a direct move has the probability p0. 0 takes the median CW_Dist of the active links of the run before; the same kernel serves both runs so that their ECAs compare.</source>
        <translation>直接扩散概率为 p0 时的最小累积阻力距离 d0。0 表示取前期运行有效连接 CW_Dist 的中位数；两次运行使用同一核函数，以便比较二者的 ECA。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Probability at the kernel distance</source>
        <translation>核距离处的概率</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>p0 of the probability of connectivity (Conefor studies use 0.5).</source>
        <translation>连通概率中的 p0（Conefor 研究常用 0.5）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Weight of the ECA</source>
        <translation>ECA 权重</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Weight of the source area</source>
        <translation>源地面积权重</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Weight of the corridor cost</source>
        <translation>廊道成本权重</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Weight of the restoration-zone area</source>
        <translation>生态修复区面积权重</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>w_k of this part in the effectiveness score, 0 or more; the weights need not add up to 1 (the score divides by their sum), but not all may be 0.</source>
        <translation>该部分在成效得分中的权重 w_k，不小于 0；各权重之和不必为 1（得分会除以权重之和），但不能全部为 0。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Change by unit</source>
        <translation>各单元变化</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>The units with src_km2, eca_km2, lcd (mean corridor cost) and rz_km2 (restoration-zone area) before (_a) and after (_b), the relative changes r_eca, r_src, r_lcd, r_rz and the score (-100 to 100).</source>
        <translation>各单元及其前期（_a）和后期（_b）的 src_km2、eca_km2、lcd（廊道平均成本）和 rz_km2（生态修复区面积），相对变化 r_eca、r_src、r_lcd、r_rz，以及得分（-100 至 100）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Corridor changes</source>
        <translation>廊道变化</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>The active links after (status matched, new, or extra: a second link between the sources of one link before) and the lost links before (status lost; their own Link_ID and sources), with lcd_before, lcd_after and rel_change = (after - before) / before.</source>
        <translation>后期的有效连接（status 为 matched、new，或 extra：与某条前期连接的两个源地之间的第二条连接）和前期已消失的连接（status 为 lost；保留其自身的 Link_ID 和源地），带 lcd_before、lcd_after 和 rel_change = (after - before) / before。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Zone transitions</source>
        <translation>分区转移</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Table: zone before, zone after and area (km²), per unit, outside every unit and in all (0 = no zone).</source>
        <translation>表格：前期分区、后期分区和面积（km²），分别按单元、所有单元之外和全域统计（0 = 无分区）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Change by group</source>
        <translation>各分组变化</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Table: per group (prefecture) the same indicators and score, from the sums of its units; written only with a group field.</source>
        <translation>表格：各分组（地市）的同类指标和得分，由其下各单元的汇总值计算；仅在给出分组字段时写出。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Source change</source>
        <translation>源地变化</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Byte GeoTIFF: 1 source in both runs, 2 lost, 3 gained, 0 (NoData) no source in either run.</source>
        <translation>Byte GeoTIFF：1 两期均为源地，2 消失，3 新增，0（NoData）两期均非源地。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Zone change</source>
        <translation>分区变化</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Byte GeoTIFF: 10 × zone before + zone after where the zone changed (12 = conservation -&gt; restoration; 0 = no zone), 0 (NoData) where it did not.</source>
        <translation>Byte GeoTIFF：分区发生变化处为 10 × 前期分区 + 后期分区（12 = 保护区 -&gt; 修复区；0 = 无分区），未变化处为 0（NoData）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>ECA before (km²)</source>
        <translation>前期 ECA（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>ECA after (km²)</source>
        <translation>后期 ECA（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Sources gained</source>
        <translation>新增源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Sources lost</source>
        <translation>消失源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>New corridors</source>
        <translation>新增廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Lost corridors</source>
        <translation>消失廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>All four weights are 0; give at least one part of the score a weight above 0.</source>
        <translation>四个权重均为 0；请至少为得分的一个部分设置大于 0 的权重。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>run before</source>
        <translation>前期运行</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>run after</source>
        <translation>后期运行</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Active links without a least-cost distance in the {role} are left out: {ids}.</source>
        <translation>{role}中没有最小累积阻力距离的有效连接已被舍去：{ids}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>Kernel: p = {p:g} at {d:.6g} cost units.</source>
        <translation>核函数：{d:.6g} 成本单位处 p = {p:g}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>No group field: the table by group is not written.</source>
        <translation>未给出分组字段：不写出分组表。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/compareesp.py"/>
        <source>ECA {a:.6g} -&gt; {b:.6g} km²; sources: {lost} lost, {gained} gained; corridors: {lost_links} lost, {new} new.</source>
        <translation>ECA {a:.6g} -&gt; {b:.6g} km²；源地：消失 {lost} 个，新增 {gained} 个；廊道：消失 {lost_links} 条，新增 {new} 条。</translation>
    </message>
</context>
<context>
    <name>ConnectivityImportance</name>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Connectivity importance (IIC, PC, dPC)</source>
        <translation>景观连通性重要性（IIC、PC、dPC）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>connectivity,Conefor,IIC,PC,dPC,dIIC,ECA,equivalent connected area,probability of connectivity,patch importance,graph,sources,stepping stone</source>
        <translation>连通性,景观连通性,Conefor,IIC,PC,dPC,dIIC,ECA,等效连通面积,连通概率,斑块重要性,图,源地,踏脚石,connectivity,equivalent connected area,probability of connectivity,patch importance,graph,sources,stepping stone</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>&lt;p&gt;Landscape connectivity of habitat patches as Conefor computes it, and how much each patch contributes: the step of the 'MSPA - Conefor' route that ranks core patches before the most important become ecological sources.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Indices&lt;/b&gt; (a = patch area, A&lt;sub&gt;L&lt;/sub&gt; = landscape area):&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;IIC&lt;/b&gt; = Σ&lt;sub&gt;i&lt;/sub&gt;Σ&lt;sub&gt;j&lt;/sub&gt; a&lt;sub&gt;i&lt;/sub&gt;a&lt;sub&gt;j&lt;/sub&gt; / (1 + nl&lt;sub&gt;ij&lt;/sub&gt;) / A&lt;sub&gt;L&lt;/sub&gt;²: patches closer than d0 are linked; nl&lt;sub&gt;ij&lt;/sub&gt; is the number of links on the shortest path between i and j (pairs in different components add nothing).&lt;/li&gt;&lt;li&gt;&lt;b&gt;PC&lt;/b&gt; = Σ&lt;sub&gt;i&lt;/sub&gt;Σ&lt;sub&gt;j&lt;/sub&gt; a&lt;sub&gt;i&lt;/sub&gt;a&lt;sub&gt;j&lt;/sub&gt; p*&lt;sub&gt;ij&lt;/sub&gt; / A&lt;sub&gt;L&lt;/sub&gt;²: a direct move across distance d succeeds with p = p0&lt;sup&gt;d/d0&lt;/sup&gt;; p*&lt;sub&gt;ij&lt;/sub&gt; is the best product of p over any path through other patches.&lt;/li&gt;&lt;li&gt;&lt;b&gt;ECA&lt;/b&gt; = √(PC × A&lt;sub&gt;L&lt;/sub&gt;²), the equivalent connected area (map units²): the area of one patch that would give the same PC.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Importance&lt;/b&gt;: dI = 100 × (I − I&lt;sub&gt;without the patch&lt;/sub&gt;) / I, in %, split (Saura &amp;amp; Rubio 2010) into &lt;i&gt;intra&lt;/i&gt; (the patch's own area), &lt;i&gt;flux&lt;/i&gt; (connections that start or end at the patch) and &lt;i&gt;connector&lt;/i&gt; (the patch as a stepping stone between others); the three add up to dI. The same split is given for dIIC.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Probability at d0&lt;/b&gt;: Conefor studies use p0 = 0.5 (d0 = median dispersal distance); Graphab's default is 0.05 (d0 = maximum dispersal distance). Pairs whose direct probability is below the smallest probability kept are unlinked (Makurhini's 0.01), which bounds the search for neighbours.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs&lt;/b&gt;: either a polygon layer (one feature per patch; a projected CRS, areas and distances from the geometries; patch id from a field or the feature number 1, 2, ...) or a raster of patch ids (0, negative and NoData = no patch). Euclidean distances are the gap between the patch edges: exact polygon distances for polygons, the gap between the nearest cell edges for a raster (so both give the same numbers for grid-aligned patches). Least-cost distances (cost units) run over the resistance raster (NoData = impassable); polygons are burnt onto its grid (a cell belongs to a patch when its centre lies inside), a patch raster must be on its grid.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landscape area&lt;/b&gt; A&lt;sub&gt;L&lt;/sub&gt; (changes IIC and PC, not dIIC, dPC or ECA): when not given, the area of the patch raster's data cells (not NoData), or of the bounding box of all polygons.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: the patches (input fields kept) with patch_id, area_km2, dIIC and dPC with their fractions and the rank by dPC (1 = most important); the links with distance and probability (optional); IIC, PC and ECA.&lt;/p&gt;&lt;p&gt;Reference: Saura, S. &amp;amp; Rubio, L. (2010) A common currency for the different ways in which patches and links can contribute to habitat availability and connectivity in the landscape. Ecography 33: 523-537.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按 Conefor 的方法计算生境斑块的景观连通性及各斑块的贡献：即“MSPA - Conefor”路线中先对核心斑块排序、再将最重要者作为生态源地的那一步。&lt;/p&gt;&lt;p&gt;&lt;b&gt;指数&lt;/b&gt;（a = 斑块面积，A&lt;sub&gt;L&lt;/sub&gt; = 景观面积）：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;IIC&lt;/b&gt; = Σ&lt;sub&gt;i&lt;/sub&gt;Σ&lt;sub&gt;j&lt;/sub&gt; a&lt;sub&gt;i&lt;/sub&gt;a&lt;sub&gt;j&lt;/sub&gt; / (1 + nl&lt;sub&gt;ij&lt;/sub&gt;) / A&lt;sub&gt;L&lt;/sub&gt;²：距离小于 d0 的斑块相连；nl&lt;sub&gt;ij&lt;/sub&gt; 为 i 与 j 之间最短路径上的连接数（分属不同连通分量的斑块对贡献为零）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;PC&lt;/b&gt; = Σ&lt;sub&gt;i&lt;/sub&gt;Σ&lt;sub&gt;j&lt;/sub&gt; a&lt;sub&gt;i&lt;/sub&gt;a&lt;sub&gt;j&lt;/sub&gt; p*&lt;sub&gt;ij&lt;/sub&gt; / A&lt;sub&gt;L&lt;/sub&gt;²：跨越距离 d 的直接迁移以概率 p = p0&lt;sup&gt;d/d0&lt;/sup&gt; 成功；p*&lt;sub&gt;ij&lt;/sub&gt; 为经由其他斑块的任一路径上 p 的最大乘积。&lt;/li&gt;&lt;li&gt;&lt;b&gt;ECA&lt;/b&gt; = √(PC × A&lt;sub&gt;L&lt;/sub&gt;²)，等效连通面积（地图单位²）：能给出相同 PC 的单个斑块的面积。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;重要性&lt;/b&gt;：dI = 100 × (I − I&lt;sub&gt;移除该斑块后&lt;/sub&gt;) / I，以 % 计，并（按 Saura &amp;amp; Rubio 2010）分解为 &lt;i&gt;intra&lt;/i&gt;（斑块自身面积）、&lt;i&gt;flux&lt;/i&gt;（始于或止于该斑块的连接）和 &lt;i&gt;connector&lt;/i&gt;（斑块作为其他斑块之间的踏脚石）；三者之和等于 dI。dIIC 也给出相同的分解。&lt;/p&gt;&lt;p&gt;&lt;b&gt;d0 处的概率&lt;/b&gt;：Conefor 研究使用 p0 = 0.5（d0 = 扩散距离中位数）；Graphab 默认为 0.05（d0 = 最大扩散距离）。直接概率低于“保留的最小概率”的斑块对不相连（Makurhini 取 0.01），这限定了邻居搜索范围。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入&lt;/b&gt;：面图层（每个斑块一个要素；投影坐标系，面积和距离由几何计算；斑块 ID 取自字段或要素序号 1, 2, ...），或斑块 ID 栅格（0、负值和 NoData = 非斑块）。欧氏距离为斑块边缘之间的间隔：面要素为精确的多边形距离，栅格为最近像元边缘之间的间隔（因此对齐网格的斑块二者结果相同）。最小累积阻力距离（成本单位）在阻力栅格上计算（NoData = 不可通行）；面要素被栅格化到其网格上（像元中心位于斑块内即属于该斑块），斑块栅格必须与其网格一致。&lt;/p&gt;&lt;p&gt;&lt;b&gt;景观面积&lt;/b&gt; A&lt;sub&gt;L&lt;/sub&gt;（影响 IIC 和 PC，不影响 dIIC、dPC 或 ECA）：未给出时，取斑块栅格有数据（非 NoData）像元的面积，或所有面要素外包矩形的面积。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;：斑块（保留输入字段），含 patch_id、area_km2、dIIC 和 dPC 及其分量以及按 dPC 的排名（1 = 最重要）；连接及其距离和概率（可选）；IIC、PC 和 ECA。&lt;/p&gt;&lt;p&gt;参考文献：Saura, S. &amp;amp; Rubio, L. (2010) A common currency for the different ways in which patches and links can contribute to habitat availability and connectivity in the landscape. Ecography 33: 523-537.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Patch polygons</source>
        <translation>斑块面</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>One feature per habitat patch, in a projected CRS (metres). Give either this or a patch raster.</source>
        <translation>每个生境斑块一个要素，采用投影坐标系（米）。给出此项或斑块栅格之一。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Patch id field</source>
        <translation>斑块 ID 字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Whole-number, unique patch ids. Empty: patches are numbered 1, 2, ... in the order of the features.</source>
        <translation>唯一的整数斑块 ID。为空：斑块按要素顺序编号 1, 2, ...。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Patch raster</source>
        <translation>斑块栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Patch id per cell (whole numbers; 0, negative values and NoData are no patch), for example from 'Extract ecological sources' or a labelled MSPA core. Give either this or patch polygons.</source>
        <translation>每个像元的斑块 ID（整数；0、负值和 NoData 为非斑块），例如来自“提取生态源地”或经标记的 MSPA 核心区。给出此项或斑块面之一。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Landscape area (map units²)</source>
        <translation>景观面积（地图单位²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>A_L, the area of the study area, e.g. 1.2e10 m² for 12,000 km². Empty: the data cells of the patch raster, or the bounding box of the polygons. Only IIC and PC depend on it.</source>
        <translation>A_L，研究区面积，例如 12,000 km² 对应 1.2e10 m²。为空：取斑块栅格有数据的像元，或面要素的外包矩形。只有 IIC 和 PC 取决于它。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Patches with importance</source>
        <translation>带重要性的斑块</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>The patches with area_km2, dIIC, dPC, their intra / flux / connector fractions (%) and the rank by dPC.</source>
        <translation>斑块，含 area_km2、dIIC、dPC 及其 intra / flux / connector 分量（%）和按 dPC 的排名。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Links</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>A table of the patch pairs within reach: from, to (patch ids), distance and direct probability p0^(d/d0).</source>
        <translation>可达范围内的斑块对表：from、to（斑块 ID）、距离和直接概率 p0^(d/d0)。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>IIC</source>
        <translation>IIC</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>PC</source>
        <translation>PC</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>ECA (map units²)</source>
        <translation>ECA（地图单位²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Give exactly one patch input: either patch polygons or a patch raster.</source>
        <translation>请只给出一种斑块输入：斑块面或斑块栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Connectivity importance of {count} patches</source>
        <translation>{count} 个斑块的连通重要性计算</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Merge or drop small patches (a minimum area), or work on part of the landscape at a time.</source>
        <translation>请合并或去掉小斑块（设定最小面积），或一次只处理景观的一部分。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>{count} patches, {links} pairs within {cutoff:.6g} (where p falls to {pmin:g}).</source>
        <translation>{count} 个斑块，{links} 对位于 {cutoff:.6g} 以内（p 降至 {pmin:g} 处）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>IIC = {iic:.6g}, PC = {pc:.6g}, ECA = {eca:.6g} map units² ({eca_km2:.6g} km² in metres); landscape area {landscape:.6g}; {components} components and {links} links within d0 = {d0:g}.</source>
        <translation>IIC = {iic:.6g}，PC = {pc:.6g}，ECA = {eca:.6g} 地图单位²（以米计为 {eca_km2:.6g} km²）；景观面积 {landscape:.6g}；在 d0 = {d0:g} 内有 {components} 个连通分量和 {links} 条连接。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>The patch polygons are in a geographic CRS ({crs}, degrees); areas and distances need metres. Reproject them first (Vector &gt; Data Management Tools &gt; Reproject Layer) to a projected CRS such as the local UTM or Gauss-Kruger zone.</source>
        <translation>斑块面采用地理坐标系（{crs}，度）；面积和距离需要以米计。请先将其重投影（矢量 &gt; 数据管理工具 &gt; 重投影图层）到投影坐标系，例如当地的 UTM 或高斯-克吕格分带。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>{count} features without geometry were left out.</source>
        <translation>已舍去 {count} 个没有几何图形的要素。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Patch id {id} occurs more than once in field '{field}'; patch ids must be unique.</source>
        <translation>斑块 ID {id} 在字段“{field}”中出现了不止一次；斑块 ID 必须唯一。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Patch(es) {ids} have invalid geometries (for example a self-intersecting outline, whose area would count as 0); they were repaired as 'Fix geometries' does before measuring areas and distances.</source>
        <translation>斑块 {ids} 的几何无效（例如边界自相交，其面积会被算作 0）；在量算面积和距离之前已按“修复几何”的方式修复。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Patch(es) {ids} have no area (a line or a point drawn as a polygon); their dIIC and dPC would be 0. Delete or redraw them.</source>
        <translation>斑块 {ids} 没有面积（以多边形形式绘制的线或点）；其 dIIC 和 dPC 会为 0。请删除或重新绘制。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>The resistance raster is in a geographic CRS (degrees); least-cost distances need a projected CRS. Warp it first (Raster &gt; Projections &gt; Warp).</source>
        <translation>阻力栅格采用地理坐标系（度）；最小累积阻力距离需要投影坐标系。请先对其变形（栅格 &gt; 投影 &gt; 变形）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>Resistance raster</source>
        <translation>阻力栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>{count} patches cover no cell centre of the resistance grid and get no links (e.g. patch {id}).</source>
        <translation>有 {count} 个斑块未覆盖阻力网格的任何像元中心，因而没有连接（例如斑块 {id}）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/connectivityimportance.py"/>
        <source>The patch raster is in a geographic CRS (degrees); areas and distances need metres. Warp it to a projected CRS first (Raster &gt; Projections &gt; Warp).</source>
        <translation>斑块栅格采用地理坐标系（度）；面积和距离需要以米计。请先将其变形到投影坐标系（栅格 &gt; 投影 &gt; 变形）。</translation>
    </message>
</context>
<context>
    <name>EspDock</name>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>ESP Toolkit</source>
        <translation>ESP 工具箱</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>The ESP Toolkit Processing provider is not loaded.</source>
        <translation>ESP 工具箱的处理工具提供者未加载。</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Run step</source>
        <translation>运行此步</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Run this stage only. It reads the earlier stages' products from the output folder.</source>
        <translation>仅运行此阶段。它从输出文件夹读取前面阶段的产品。</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Run all</source>
        <translation>全部运行</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Run the four stages one after the other.</source>
        <translation>依次运行全部四个阶段。</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Open report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Open report.html of the output folder in the web browser.</source>
        <translation>在网页浏览器中打开输出文件夹中的 report.html。</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Choose the inputs, then run the steps one by one or all at once. Every product is written to the output folder.</source>
        <translation>选择输入，然后逐步运行或一次性全部运行。每个产品都写入输出文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Where the heavy steps run their independent tasks (Omniscape windows, Circuitscape pairs, the sources' cost-distance searches, the tiles of large rasters): local worker processes or a Dask cluster, and how many workers. An algorithm's own worker count wins. Settings &gt; Options &gt; Processing &gt; Providers &gt; ESP Toolkit.</source>
        <translation>繁重步骤的独立任务（Omniscape 窗口、Circuitscape 节点对、各生态源地的成本距离搜索、大栅格的分块）在何处运行：本地工作进程或 Dask 集群，以及工作进程数。算法自身设置的工作进程数优先。设置 &gt; 选项 &gt; 处理 &gt; 提供程序 &gt; ESP Toolkit。</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Open the Processing options (ESP Toolkit under Providers).</source>
        <translation>打开处理选项（提供程序下的 ESP Toolkit）。</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Parallel tasks: {engine}</source>
        <translation>并行任务：{engine}</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>ESP Toolkit: {stages}</source>
        <translation>ESP 工具箱：{stages}</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Running {stages} …</source>
        <translation>正在运行 {stages} …</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Cancelling …</source>
        <translation>正在取消 …</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Running {stages}, step {n} of {total}: {step} …</source>
        <translation>正在运行 {stages}，第 {n}/{total} 步：{step} …</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>The run failed; see the Processing log.</source>
        <translation>运行失败；请查看处理工具日志。</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py"/>
        <source>Done in {seconds:.0f} s: {count} layers added to the group “ESP Toolkit”. Every product is in {folder}.</source>
        <translation>用时 {seconds:.0f} 秒完成：已将 {count} 个图层添加到图层组“ESP Toolkit”。所有产品位于 {folder}。</translation>
    </message>
</context>
<context>
    <name>EspToolkit</name>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>Could not apply the style {path}: {message}</source>
        <translation>无法应用样式 {path}：{message}</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>MSPA class</source>
        <translation>MSPA 类型</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>Quality, 0 (none) to 1 (best)</source>
        <translation>生境质量，0（无）至 1（最好）</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>Degradation, 2–98 % of cells</source>
        <translation>退化度（2–98 % 分位）</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>Cost of crossing a cell</source>
        <translation>穿越一个像元的阻力</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>Current, 2–98 % of cells</source>
        <translation>电流（2–98 % 分位）</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>Cost above the least-cost path</source>
        <translation>高出最小累积阻力路径的成本</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>Improvement score, 2–98 % of cells</source>
        <translation>改善得分（2–98 % 分位）</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>Voltage</source>
        <translation>电压</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>from {low:g} to {high:g}</source>
        <translation>在 {low:g} 到 {high:g} 之间</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>at least {low:g}</source>
        <translation>不小于 {low:g}</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>at most {high:g}</source>
        <translation>不大于 {high:g}</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>a finite number</source>
        <translation>有限的数</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>a number</source>
        <translation>数</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>'{name}' ({key}) is {value}; it must be {kind} {allowed}.</source>
        <translation>“{name}”（{key}）为 {value}；它必须是{allowed}的{kind}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>The field '{field}' ({name}) is not in the layer '{layer}'; its fields are: {fields}.</source>
        <translation>字段“{field}”（{name}）不在图层“{layer}”中；该图层的字段为：{fields}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>A finished output could not be moved onto its name: {error}</source>
        <translation>已完成的输出无法移动到其名称：{error}</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>The run was cancelled; no output was written.</source>
        <translation>运行已取消，未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>The run was cancelled. Kept: {files}, finished before the cancel; nothing else was written.</source>
        <translation>运行已取消。保留了取消前已完成的：{files}；其余均未写出。</translation>
    </message>
    <message>
        <location filename="../../algorithms/base.py"/>
        <source>The run was cancelled. Kept in {folder}: {files}, finished before the cancel; nothing else was written.</source>
        <translation>运行已取消。{folder} 中保留了取消前已完成的：{files}；其余均未写出。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>Link {id}: no path joins source {a} and source {b} on this resistance raster (NoData cells separate them). Set its Active to 0.</source>
        <translation>连接 {id}：在此阻力栅格上没有路径连通源地 {a} 和源地 {b}（二者被 NoData 像元隔开）。请将其 Active 设为 0。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/barriers.py"/>
        <source>No cell centre lies on the one-map-unit ring of radius {radii} map units on cells of {cell:g}; Linkage Mapper's Barrier Mapper gets no score there, so these radii are left out. Radii that are multiples of the cell size always have cells on their ring.</source>
        <translation>栅格大小为 {cell:g} 时，半径 {radii} 个地图单位的一个地图单位宽的圆环上没有栅格中心；Linkage Mapper 的 Barrier Mapper 在此得不到分数，因此略去这些半径。栅格大小整数倍的半径，其圆环上总有栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/engine.py"/>
        <source>Enter 0 (one worker per core) or a positive number of workers.</source>
        <translation>请输入 0（每个 CPU 核心一个工作进程）或正整数的工作进程数。</translation>
    </message>
    <message>
        <location filename="../../algorithms/engine.py"/>
        <source>Engine for parallel tasks</source>
        <translation>并行任务的运行引擎</translation>
    </message>
    <message>
        <location filename="../../algorithms/engine.py"/>
        <source>Dask scheduler address (empty: a local cluster)</source>
        <translation>Dask 调度器地址（留空：本机集群）</translation>
    </message>
    <message>
        <location filename="../../algorithms/engine.py"/>
        <source>Workers for parallel tasks (0: one per core)</source>
        <translation>并行任务的工作进程数（0：每核一个）</translation>
    </message>
    <message>
        <location filename="../../algorithms/engine.py"/>
        <source>Dask scheduler {address}</source>
        <translation>Dask 调度器 {address}</translation>
    </message>
    <message>
        <location filename="../../algorithms/engine.py"/>
        <source>Dask LocalCluster, 1 worker</source>
        <translation>Dask 本地集群，1 个工作进程</translation>
    </message>
    <message>
        <location filename="../../algorithms/engine.py"/>
        <source>Dask LocalCluster, {n} workers</source>
        <translation>Dask 本地集群，{n} 个工作进程</translation>
    </message>
    <message>
        <location filename="../../algorithms/engine.py"/>
        <source>In the QGIS process (1 worker)</source>
        <translation>在 QGIS 进程内（1 个工作进程）</translation>
    </message>
    <message>
        <location filename="../../algorithms/engine.py"/>
        <source>Local worker processes, {n} workers (one per core)</source>
        <translation>本地工作进程，{n} 个（每核一个）</translation>
    </message>
    <message>
        <location filename="../../algorithms/engine.py"/>
        <source>Local worker processes, {n} workers</source>
        <translation>本地工作进程，{n} 个</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Very low</source>
        <translation>极低</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Medium-low</source>
        <translation>中低</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Medium-high</source>
        <translation>中高</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Very high</source>
        <translation>极高</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Class {number}</source>
        <translation>第 {number} 类</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <source>Source in both runs</source>
        <translation>两期均为源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <source>Source lost</source>
        <translation>消失源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <source>Source gained</source>
        <translation>新增源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <source>No zone</source>
        <translation>无分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <source>Conservation</source>
        <translation>保护区</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <source>Restoration</source>
        <translation>修复区</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <source>Improvement</source>
        <translation>提升区</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <source>Control</source>
        <translation>管控区</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <source>{a} -&gt; {b}</source>
        <translation>{a} -&gt; {b}</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <source>Score {low:g} to {high:g}</source>
        <translation>得分 {low:g} 至 {high:g}</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <source>Corridor in both runs</source>
        <translation>两期均有的廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <source>New corridor</source>
        <translation>新增廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <source>Second corridor between the same sources</source>
        <translation>同一对源地间的第二条廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <source>Lost corridor</source>
        <translation>消失廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/comparison.py"/>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/compensation.py"/>
        <source>(no group)</source>
        <translation>（无分组）</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/compensation.py"/>
        <location filename="../../algorithms/report/programme.py"/>
        <source>county</source>
        <translation>县域</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/compensation.py"/>
        <location filename="../../algorithms/report/programme.py"/>
        <source>prefecture</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/csfiles.py"/>
        <source>Input file not found: {path}</source>
        <translation>找不到输入文件：{path}</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/csfiles.py"/>
        <source>GDAL cannot read the raster {path}.</source>
        <translation>GDAL 无法读取栅格 {path}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/csfiles.py"/>
        <source>GDAL opened {path} but cannot read all its cells: {error}. The file may be truncated or damaged; write it again.</source>
        <translation>GDAL 打开了 {path}，但无法读取其全部像元：{error}。文件可能被截断或已损坏；请重新生成该文件。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/csfiles.py"/>
        <location filename="../../algorithms/io/raster.py"/>
        <location filename="../../algorithms/io/sinks.py"/>
        <source>no details</source>
        <translation>无详细信息</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/csfiles.py"/>
        <source>{path} is not a text file (it holds binary data). Give the INI or text file Circuitscape or Omniscape reads.</source>
        <translation>{path} 不是文本文件（含有二进制数据）。请提供 Circuitscape 或 Omniscape 读取的 INI 或文本文件。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/csfiles.py"/>
        <source>{path} is neither UTF-8 nor GBK text (line {line}). Save it as UTF-8 and run again.</source>
        <translation>{path} 既不是 UTF-8 也不是 GBK 文本（第 {line} 行）。请另存为 UTF-8 后重新运行。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/csfiles.py"/>
        <source>The habitat raster has no georeferencing.</source>
        <translation>生境栅格没有地理参考。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/destinations.py"/>
        <source>The outputs '{first}' and '{second}' are both {output}: one would overwrite the other. Give each output its own file.</source>
        <translation>输出“{first}”和“{second}”都是 {output}：其中一个会覆盖另一个。请为每个输出指定各自的文件。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/destinations.py"/>
        <source>The output '{output}' ({name}) is the input file of '{input}': writing it would overwrite the input. Choose another file name for the output.</source>
        <translation>输出“{output}”（{name}）就是“{input}”的输入文件：写入它会覆盖输入。请为输出另选文件名。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/destinations.py"/>
        <source>The output '{output}' ({name}) cannot be written: check that its folder exists and that you may write there (and that the file is not read-only), or choose another place.</source>
        <translation>无法写入输出“{output}”（{name}）：请检查其文件夹是否存在、你是否有写入权限（以及文件是否为只读），或另选位置。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>Give the corridor links layer.</source>
        <translation>请提供廊道连接图层。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>The links layer lacks the fields {fields}; use the least-cost paths written by 'Linkage pathways'.</source>
        <translation>连接图层缺少字段 {fields}；请使用“生态廊道识别”输出的最小累积阻力路径。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>Active links need positive whole-number From_Core and To_Core; link {id} has {a} and {b}.</source>
        <translation>有效连接的 From_Core 和 To_Core 必须为正整数；连接 {id} 的值为 {a} 和 {b}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>The links layer has no active link (Active = 1). Set Active to 1 on the links to use.</source>
        <translation>连接图层中没有有效连接（Active = 1）。请将要使用的连接的 Active 设为 1。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>Active link {id} joins source {a} to itself; fix From_Core / To_Core or set Active to 0.</source>
        <translation>有效连接 {id} 将源地 {a} 与自身相连；请修正 From_Core / To_Core，或将 Active 设为 0。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>Active link {id} joins sources {a} and {b}, but source {missing} is not among the sources (or covers no passable cell of the resistance grid). Give the sources the links were built from, or set Active to 0 on that link.</source>
        <translation>有效连接 {id} 连接源地 {a} 和 {b}，但源地 {missing} 不在给定的源地中（或未覆盖阻力网格上任何可通行像元）。请提供构建这些连接时所用的源地，或将该连接的 Active 设为 0。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>CW_Dist in the links layer differs from the least-cost distance on this resistance raster (link: CW_Dist / recomputed): {links}. The recomputed values are used; were the links built on other inputs?</source>
        <translation>连接图层中的 CW_Dist 与在此阻力栅格上重新计算的最小累积阻力距离不一致（连接：CW_Dist / 重算值）：{links}。将使用重新计算的值；这些连接是否基于其他输入构建？</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/patches.py"/>
        <source>The field '{field}' is not in the layer; its fields are: {fields}.</source>
        <translation>字段“{field}”不在图层中；该图层的字段为：{fields}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/patches.py"/>
        <source>Feature {fid} has no id in field '{field}'.</source>
        <translation>要素 {fid} 在字段“{field}”中没有 ID。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/patches.py"/>
        <source>Ids must be positive whole numbers; feature {fid} has {value} in field '{field}'.</source>
        <translation>ID 必须为正整数；要素 {fid} 在字段“{field}”中的值为 {value}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/programme.py"/>
        <source>The default restoration actions restore to land-cover classes: give the land-cover raster, or an actions table with target resistances.</source>
        <translation>默认修复措施以土地覆被类型为修复目标：请提供土地覆被栅格，或提供带目标阻力值的措施表。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/programme.py"/>
        <source>The actions table {path} cannot be read ({error}); give a UTF-8 CSV file with the columns class (or kind), target_class or resistance, and cost_per_km2.</source>
        <translation>无法读取措施表 {path}（{error}）；请提供 UTF-8 编码的 CSV 文件，包含 class（或 kind）、target_class 或 resistance 以及 cost_per_km2 列。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/programme.py"/>
        <source>Connectivity gained against cost</source>
        <translation>连通性增益与成本</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/programme.py"/>
        <source>Cumulative cost (10⁴ CNY)</source>
        <translation>累计成本（万元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/programme.py"/>
        <source>Gain in equivalent connected area (km²)</source>
        <translation>等效连通面积增益（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/programme.py"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/raster.py"/>
        <source>{role} '{name}' is not a file raster (its provider is '{provider}'). Save it as a GeoTIFF first (right-click the layer &gt; Export &gt; Save As).</source>
        <translation>{role}“{name}”不是文件栅格（其数据提供者为“{provider}”）。请先将其另存为 GeoTIFF（右键单击图层 &gt; 导出 &gt; 另存为）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/raster.py"/>
        <source>{crs}, {cols} x {rows} cells of {dx:g} x {dy:g}, extent {xmin:.6g}, {ymin:.6g} : {xmax:.6g}, {ymax:.6g}</source>
        <translation>{crs}，{cols} × {rows} 个像元，像元大小 {dx:g} × {dy:g}，范围 {xmin:.6g}, {ymin:.6g} : {xmax:.6g}, {ymax:.6g}</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/raster.py"/>
        <source>unknown CRS</source>
        <translation>未知坐标参考系</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/raster.py"/>
        <source>{role} '{name}' is not on the same grid as {ref_role} '{ref_name}'.
  {name}: {this}
  {ref_name}: {ref}
Resample or clip it to the grid of '{ref_name}' first, for example with Raster &gt; Projections &gt; Warp (Reproject), setting the target CRS, the output extent and the resolution of '{ref_name}'. ESP Toolkit never resamples silently.</source>
        <translation>{role}“{name}”与{ref_role}“{ref_name}”不在同一网格上。
  {name}：{this}
  {ref_name}：{ref}
请先将其重采样或裁剪到“{ref_name}”的网格，例如使用 栅格 &gt; 投影 &gt; 变形（重投影），并将目标坐标参考系、输出范围和分辨率设为与“{ref_name}”相同。ESP 工具箱从不悄悄重采样。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/raster.py"/>
        <source>{what} on {cells:,.0f} cells</source>
        <translation>{cells:,.0f} 个像元上的{what}</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/raster.py"/>
        <source>Use coarser cells (resample the rasters) or a smaller extent (clip them), or run it on a machine with more memory.</source>
        <translation>请使用更粗的像元（对栅格重采样）或更小的范围（裁剪栅格），或在内存更大的机器上运行。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/raster.py"/>
        <source>Reading {role} '{name}'</source>
        <translation>读取{role}“{name}”</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/raster.py"/>
        <source>{role} '{name}' cannot be read by GDAL ({path}): {error}</source>
        <translation>GDAL 无法读取{role}“{name}”（{path}）：{error}</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/raster.py"/>
        <source>{role} '{name}' has no band {band}; it has {count}.</source>
        <translation>{role}“{name}”没有波段 {band}；它只有 {count} 个波段。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/raster.py"/>
        <location filename="../../algorithms/io/tiledraster.py"/>
        <source>{role} '{name}' is rotated; warp it to a north-up grid first.</source>
        <translation>{role}“{name}”是旋转的栅格；请先将其变形为正北朝上的网格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/raster.py"/>
        <source>{role} '{name}' cannot be read completely ({path}): {error}. The file may be truncated or damaged; write it again.</source>
        <translation>无法完整读取{role}“{name}”（{path}）：{error}。文件可能被截断或已损坏；请重新生成该文件。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/raster.py"/>
        <source>Output '{path}' must be a GeoTIFF file (.tif).</source>
        <translation>输出“{path}”必须是 GeoTIFF 文件（.tif）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/runfolder.py"/>
        <source>The folder '{folder}' ({role}) does not exist. Give the output folder of a run of 'Ecological security pattern' (esp:securitypattern).</source>
        <translation>文件夹“{folder}”（{role}）不存在。请提供“生态安全格局”（esp:securitypattern）某次运行的输出文件夹。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/runfolder.py"/>
        <source>The folder '{folder}' ({role}) has no {file} ({title}). Run 'Ecological security pattern' (esp:securitypattern) into that folder through the stage '{stage}' first, or give the folder of a run that did.</source>
        <translation>文件夹“{folder}”（{role}）中没有 {file}（{title}）。请先将“生态安全格局”（esp:securitypattern）运行到该文件夹，至少运行到“{stage}”阶段；或提供已运行到该阶段的文件夹。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/runfolder.py"/>
        <source>The output '{output}' ({name}) is a product of a run the comparison reads: writing it would overwrite that run. Choose another file name.</source>
        <translation>输出“{output}”（{name}）是本次对比所读取的运行的成果，写出它会覆盖该运行的结果。请另选文件名。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/runfolder.py"/>
        <source>{file} of the {role} cannot be read ({path}); write it again by running 'Ecological security pattern' into that folder.</source>
        <translation>无法读取{role}的 {file}（{path}）；请将“生态安全格局”再次运行到该文件夹以重新写出。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/runfolder.py"/>
        <source>Comparing two runs</source>
        <translation>正在对比两次运行</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/runfolder.py"/>
        <source>zones.tif of the {role} holds values outside the zone codes 1-4; give the zones written by 'Restoration zoning'.</source>
        <translation>{role}的 zones.tif 含有分区代码 1-4 以外的值；请提供“生态修复分区”输出的分区。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/runfolder.py"/>
        <source>The corridor links of the {role} cannot be read ({path}).</source>
        <translation>无法读取{role}的廊道连接（{path}）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/runfolder.py"/>
        <source>The corridor links of the {role} ({path}) lack the fields {fields}; give the folder of a run of 'Ecological security pattern'.</source>
        <translation>{role}的廊道连接（{path}）缺少字段 {fields}；请提供“生态安全格局”某次运行的文件夹。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/runfolder.py"/>
        <source>Active link {id} of the links in '{path}' ({role}) has no whole-number From_Core / To_Core.</source>
        <translation>“{path}”（{role}）中的有效连接 {id} 没有整数的 From_Core / To_Core。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/runfolder.py"/>
        <source>Active link {id} of the {role} joins sources {a} and {b}, which are not two sources of its source_ids.tif. Give the folder of one complete run (links and sources of the same run).</source>
        <translation>{role}的有效连接 {id} 连接源地 {a} 和 {b}，但二者并非其 source_ids.tif 中的两个源地。请提供同一次完整运行的文件夹（连接与源地来自同一次运行）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sinks.py"/>
        <source>Writing an output table or vector layer failed ({detail}). Check the free space and the destination, then run again; the incomplete output was removed.</source>
        <translation>写入输出表或矢量图层失败（{detail}）。请检查剩余空间和目标位置后重新运行；不完整的输出已删除。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Sources {ids} cover no cell centre of the resistance grid and are left out; use a finer grid or larger sources.</source>
        <translation>源地 {ids} 未覆盖阻力网格的任何像元中心，已被舍去；请使用更细的网格或更大的源地。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/surfaces.py"/>
        <source>The cost-distance surfaces could not be computed on {n} workers ({detail}); they are computed here, one after another.</source>
        <translation>无法在 {n} 个工作进程上计算成本距离面（{detail}）；改为在此处逐个计算。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/surfaces.py"/>
        <source>{count} cost-distance surfaces computed on {n} workers.</source>
        <translation>已在 {n} 个工作进程上计算 {count} 个成本距离面。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/surfaces.py"/>
        <source>The workers saved their cost-distance surfaces where this computer does not see them ({folder}); they are computed here again. A cluster's workers need that folder on a shared disk.</source>
        <translation>工作进程把成本距离面保存在本机看不到的位置（{folder}）；将在此处重新计算。集群的工作进程需要把该文件夹放在共享磁盘上。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/tiledraster.py"/>
        <source>{role} '{name}' is not a raster file, so it cannot be read tile by tile. Save it as a GeoTIFF (right-click &gt; Export &gt; Save As) and run again with the file.</source>
        <translation>{role}“{name}”不是栅格文件，无法分块读取。请将其另存为 GeoTIFF（右键 &gt; 导出 &gt; 另存为），再用该文件重新运行。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/tiledraster.py"/>
        <source>{role} '{name}' has NoData settings of its own in QGIS (layer Properties &gt; Transparency), which a run by tiles cannot apply: its workers read the file itself. Write the layer to a GeoTIFF with those NoData values (Raster &gt; Conversion &gt; Translate, 'Assign a specified NoData value to output bands') and run again with that file.</source>
        <translation>{role}“{name}”在 QGIS 中设置了自己的无数据值（图层属性 &gt; 透明度），分块运行无法应用：工作进程直接读取文件本身。请把该图层连同这些无数据值写成 GeoTIFF（栅格 &gt; 转换 &gt; 转换格式，“为输出波段指定无数据值”），再用该文件重新运行。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/units.py"/>
        <source>(outside every unit)</source>
        <translation>（不在任何单元内）</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/units.py"/>
        <source>Administrative unit {number} ('{name}') has no geometry; remove it or fix it.</source>
        <translation>行政单元 {number}（“{name}”）没有几何图形；请删除或修复它。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/units.py"/>
        <source>Unit {n}</source>
        <translation>单元 {n}</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/units.py"/>
        <source>The administrative units layer is empty.</source>
        <translation>行政单元图层为空。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Ecological conservation zone</source>
        <translation>生态保护区</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Ecological restoration zone</source>
        <translation>生态修复区</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Ecological improvement zone</source>
        <translation>生态提升区</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Ecological control zone</source>
        <translation>生态管控区</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Point</source>
        <translation>点状</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Line</source>
        <translation>线状</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Surface</source>
        <translation>面状</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Pinch point</source>
        <translation>夹点</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Barrier</source>
        <translation>障碍点</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Breakpoint</source>
        <translation>断裂点</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Corridor</source>
        <translation>廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Degraded land in sources</source>
        <translation>源地内退化地</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>Degraded land in corridors</source>
        <translation>廊道内退化地</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/zones.py"/>
        <source>The grid is in a geographic CRS (degrees); areas and lengths need a projected CRS. Reproject the rasters first (Raster &gt; Projections &gt; Warp).</source>
        <translation>网格采用地理坐标系（度）；面积和长度需要投影坐标系。请先对栅格进行重投影（栅格 &gt; 投影 &gt; 变形（重投影））。</translation>
    </message>
    <message>
        <location filename="../../algorithms/provider.py"/>
        <source>Ecological security pattern (model)</source>
        <translation>生态安全格局（模型）</translation>
    </message>
    <message>
        <location filename="../../algorithms/provider.py"/>
        <location filename="../../algorithms/base.py"/>
        <source>5 · Workflows</source>
        <translation>5 · 工作流</translation>
    </message>
    <message>
        <location filename="../../algorithms/provider.py"/>
        <source>The ecological security pattern chain of ESP Toolkit as a model: MSPA sources ranked by dPC, land-cover resistance, pairwise current, least-cost corridors, pinch points, barriers, centrality, restoration zones, the county ledger and the restoration programme with its compensation ledger. The algorithm 'Ecological security pattern (whole chain)' runs the same steps and adds habitat quality, the comparison with an earlier run and the report.</source>
        <translation>以模型形式呈现的 ESP 工具箱生态安全格局流程：按 dPC 排序的 MSPA 生态源地、土地覆被阻力面、pairwise 电流、最小累积阻力廊道、夹点、障碍点、中心性、生态修复分区、县域台账，以及修复方案及其生态补偿台账。算法“生态安全格局（全流程）”运行相同的步骤，并另外包含生境质量、与先前运行的对比以及报告。</translation>
    </message>
    <message>
        <location filename="../../algorithms/provider.py"/>
        <source>ESP Toolkit</source>
        <translation>ESP 工具箱</translation>
    </message>
    <message>
        <location filename="../../algorithms/provider.py"/>
        <source>ESP Toolkit: ecological security patterns and restoration zoning</source>
        <translation>ESP 工具箱：生态安全格局与生态修复分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>Distance between patches</source>
        <translation>斑块间距离</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>Edge-to-edge Euclidean</source>
        <translation>边缘到边缘欧氏距离</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>Least-cost over a resistance raster</source>
        <translation>基于阻力栅格的最小累积阻力距离</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>Euclidean: the straight-line gap between the nearest edges of two patches. Least-cost: the accumulated cost (cell size x mean resistance of the two cells, x sqrt 2 diagonally) of the cheapest route between their edges, in cost units.</source>
        <translation>欧氏距离：两个斑块最近边缘之间的直线间隔。最小累积阻力：两斑块边缘之间最低成本路线的累积成本（像元大小 × 相邻两像元阻力的平均值，对角方向再乘以 √2），单位为成本单位。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>Resistance raster (least cost)</source>
        <translation>阻力栅格（最小累积阻力）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>Required for least-cost distances; NoData cells cannot be crossed. Patch rasters must be on its grid.</source>
        <translation>使用最小累积阻力距离时必填；NoData 像元不可穿越。斑块栅格必须与其网格一致。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>Dispersal distance d0</source>
        <translation>扩散距离 d0</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>In map units (metres) for Euclidean distances, in cost units for least cost. Two patches closer than d0 are linked for IIC; for PC the probability of a direct move between them is p0 ^ (d / d0). Studies test several (500-10,000 m) and keep the one where the index levels off.</source>
        <translation>欧氏距离时为地图单位（米），最小累积阻力时为成本单位。距离小于 d0 的两个斑块在 IIC 中视为连接；在 PC 中两者之间直接迁移的概率为 p0 ^ (d / d0)。研究中常测试多个取值（500-10,000 m），取指数趋于平稳处的距离。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>Probability at d0</source>
        <translation>d0 处的概率</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>0.5 (Conefor practice, median dispersal distance)</source>
        <translation>0.5（Conefor 惯例，扩散距离中位数）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>0.05 (Graphab default, maximum dispersal distance)</source>
        <translation>0.05（Graphab 默认，最大扩散距离）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>p0, the probability that an organism crosses the distance d0.</source>
        <translation>p0：生物穿越距离 d0 的概率。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>Custom probability at d0</source>
        <translation>d0 处的自定义概率</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>Used only when the preset is 'Custom'.</source>
        <translation>仅当预设为“自定义”时使用。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>Smallest probability kept</source>
        <translation>保留的最小概率</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>Pairs whose direct probability is lower count as unconnected (Makurhini does the same with 0.01); this bounds the search for neighbours and costs almost nothing in PC. 0 keeps every pair.</source>
        <translation>直接概率低于此值的斑块对视为不连通（Makurhini 同样采用 0.01）；这限定了邻居搜索范围，对 PC 几乎没有影响。取 0 时保留所有斑块对。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/dispersal.py"/>
        <source>Least-cost distances need a resistance raster; choose one or switch to Euclidean distances.</source>
        <translation>最小累积阻力距离需要阻力栅格；请选择一个阻力栅格，或改用欧氏距离。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/onmap.py"/>
        <source>Source id</source>
        <translation>源地编号</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/onmap.py"/>
        <source>Pinch-point class</source>
        <translation>夹点等级</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/onmap.py"/>
        <source>Barrier class</source>
        <translation>障碍点等级</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/onmap.py"/>
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/preflight.py"/>
        <source>The input {path} ({name}) lies in the output folder under the name of a product the run writes there, so the run would overwrite it. Move it, or choose another output folder.</source>
        <translation>输入 {path}（{name}）位于输出文件夹中，且与本次运行要写入的某个成果同名，运行会覆盖它。请移走它，或另选输出文件夹。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/preflight.py"/>
        <source>The land cover is in a geographic CRS ({crs}, degrees); areas, distances and radii need metres. Reproject it to a projected CRS first.</source>
        <translation>土地覆被采用地理坐标系（{crs}，单位为度）；面积、距离和半径都需要以米计。请先将其重投影到投影坐标系。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/preflight.py"/>
        <source>Habitat classes must be class codes separated by commas (ranges like 21-24 are allowed), not '{text}'.</source>
        <translation>生境类型必须是以逗号分隔的类型代码（可用 21-24 这样的范围），而不是“{text}”。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/preflight.py"/>
        <source>Habitat quality needs both the threats table and the sensitivity table; only the {given} is given. Give both, or neither to skip habitat quality.</source>
        <translation>生境质量需要威胁表和敏感性表两者；现在只给了{given}。请两者都给，或都不给以跳过生境质量。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/preflight.py"/>
        <source>threats table</source>
        <translation>威胁因子表</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/preflight.py"/>
        <source>sensitivity table</source>
        <translation>敏感度表</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/preflight.py"/>
        <source>The administrative units layer '{name}' must hold polygons.</source>
        <translation>行政单元图层“{name}”必须是多边形图层。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/preflight.py"/>
        <source>The administrative units layer '{name}' has no polygon; zoning needs the counties' outlines.</source>
        <translation>行政单元图层“{name}”中没有多边形；分区需要各县的边界。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/preflight.py"/>
        <source>The field '{field}' is not in the layer '{name}' (its fields: {fields}).</source>
        <translation>图层“{name}”中没有字段“{field}”（其字段为：{fields}）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/preflight.py"/>
        <source>Another run is writing into {folder} (process {pid} on {host}, started {since}). Wait for it to finish, or choose another output folder. If no run is going on, delete {lock}.</source>
        <translation>另一次运行正在写入 {folder}（{host} 上的进程 {pid}，开始于 {since}）。请等待其完成，或另选输出文件夹。如果并没有运行在进行，请删除 {lock}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/preflight.py"/>
        <source>Cannot lock the output folder {folder}.</source>
        <translation>无法锁定输出文件夹 {folder}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <location filename="../../algorithms/base.py"/>
        <source>1 · Sources</source>
        <translation>1 · 生态源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <location filename="../../algorithms/base.py"/>
        <source>2 · Resistance</source>
        <translation>2 · 阻力面</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <location filename="../../algorithms/base.py"/>
        <source>3 · Connectivity</source>
        <translation>3 · 连通性</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <location filename="../../algorithms/base.py"/>
        <source>4 · Zoning</source>
        <translation>4 · 分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>5 · Programme</source>
        <translation>5 · 修复方案</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>{name}: {cells} cells, values {sign} {limit:.6g}</source>
        <translation>{name}：{cells} 个像元，取值 {sign} {limit:.6g}</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>{name}: no cell passes the threshold.</source>
        <translation>{name}：没有像元达到阈值。</translation>
    </message>
    <message>
        <location filename="../../ui/params.py"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>MSPA classes</source>
        <translation>MSPA 类型</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Habitat quality</source>
        <translation>生境质量</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Habitat degradation</source>
        <translation>生境退化度</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Ecological sources</source>
        <translation>生态源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Source ids</source>
        <translation>源地编号</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Source points</source>
        <translation>源地点</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Cumulative current</source>
        <translation>累积电流</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Effective resistances between sources</source>
        <translation>源地间有效电阻</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Corridors (NLCC)</source>
        <translation>廊道（NLCC）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Least-cost corridors</source>
        <translation>最小累积阻力廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Pinch points (current)</source>
        <translation>夹点（电流）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Pinch points (network current)</source>
        <translation>夹点（网络电流）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Pinch points</source>
        <translation>夹点</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Barriers (improvement score)</source>
        <translation>障碍点（改善得分）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Barriers</source>
        <translation>障碍点</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Corridor centrality</source>
        <translation>廊道中心性</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Source centrality</source>
        <translation>源地中心性</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Restoration zones</source>
        <translation>生态修复分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Zone polygons</source>
        <translation>分区面</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Key restoration areas</source>
        <translation>关键修复区域</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Zoning statistics</source>
        <translation>分区统计</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>County ledger</source>
        <translation>县域台账</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Cross-boundary corridors</source>
        <translation>跨县廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>County connectivity matrix</source>
        <translation>县域连通性矩阵</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Element shares by county</source>
        <translation>各县要素占比</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Restoration account</source>
        <translation>修复受益账户</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Restoration sites (priority)</source>
        <translation>修复点位（优先级）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Gain curve</source>
        <translation>收益曲线</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Gain curve chart</source>
        <translation>收益曲线图</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Resistance after restoration</source>
        <translation>修复后阻力面</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Compensation ledger</source>
        <translation>生态补偿台账</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Transfers between counties</source>
        <translation>县际转移支付</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Compensation by prefecture</source>
        <translation>各地市生态补偿台账</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Effectiveness by county</source>
        <translation>各县修复成效</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Source change</source>
        <translation>源地变化</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Zone change</source>
        <translation>分区变化</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Corridor change</source>
        <translation>廊道变化</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Zone transitions</source>
        <translation>分区转移</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Effectiveness by prefecture</source>
        <translation>各地市修复成效</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Report (PDF)</source>
        <translation>报告（PDF）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Report (Word)</source>
        <translation>报告（Word）</translation>
    </message>
    <message>
        <source>The ecological security pattern chain of ESP Toolkit as a model: MSPA sources ranked by dPC, land-cover resistance, pairwise current, least-cost corridors, pinch points, barriers, centrality, restoration zones and the county ledger. The algorithm 'Ecological security pattern (whole chain)' runs the same steps and adds habitat quality and the report.</source>
        <translation type="vanished">以模型形式表示的 ESP 工具箱生态安全格局流程：按 dPC 排序的 MSPA 生态源地、土地覆被阻力、成对累积电流、最小累积阻力廊道、夹点、障碍点、中心性、生态修复分区和县域台账。算法“生态安全格局（全流程）”运行相同的步骤，并另外计算生境质量、编写报告。</translation>
    </message>
    <message>
        <source>No barrier radius ({radii} m) has a cell centre on its one-metre ring on {cell:g} m cells, so the barrier step could not score any. Use radii that are multiples of the cell size, for example {nearest}.</source>
        <translation type="vanished">在 {cell:g} 米的栅格上，没有任何障碍半径（{radii} 米）的一米宽圆环上有栅格中心，因此障碍步骤无法计分。请使用栅格大小整数倍的半径，例如 {nearest}。</translation>
    </message>
</context>
<context>
    <name>EspToolkitPlugin</name>
    <message>
        <location filename="../../plugin.py"/>
        <source>ESP Toolkit</source>
        <translation>ESP 工具箱</translation>
    </message>
    <message>
        <location filename="../../plugin.py"/>
        <source>ESP Toolkit: the ecological security pattern chain, step by step</source>
        <translation>ESP 工具箱：逐步构建生态安全格局</translation>
    </message>
</context>
<context>
    <name>ExtractSources</name>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Extract ecological sources</source>
        <translation>提取生态源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>sources,ecological source,core,MSPA,dPC,PC,IIC,Conefor,habitat quality,patch,minimum area</source>
        <translation>源地,生态源地,核心区,MSPA,dPC,PC,IIC,Conefor,生境质量,斑块,最小面积,sources,ecological source,core,habitat quality,patch,minimum area</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>&lt;p&gt;Picks the ecological sources of a security pattern the way Chinese ESP studies do with GuidosToolbox and Conefor, in one step:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Candidates&lt;/b&gt;: cells of the class raster with one of the listed values (MSPA core: 17 and 117; or land-cover classes; or 1 in a mask), and/or cells whose habitat quality reaches a minimum or lies in the top natural-breaks class (the MSPA plus InVEST route, e.g. Kangbao County: habitat quality, MSPA and connectivity together, Front. Ecol. Evol. 2023, 1301149).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Patches&lt;/b&gt;: candidates joined by their 8 (or 4) neighbours; patches smaller than the minimum area are dropped.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Importance&lt;/b&gt;: the connectivity importance of every remaining patch (dPC and its intra, flux and connector fractions; dIIC), with the landscape area = all data cells of the class raster. Same method and parameters as 'Connectivity importance'.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Selection&lt;/b&gt;: patches with dPC at or above the threshold; of those the N most important when N &gt; 0.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: source polygons numbered 1..k from the highest dPC, with area (km²), dPC, dPCintra, dPCflux, dPCconnector, dIIC and the mean habitat quality when a quality raster is given; and a raster of source ids (0 = none) on the input grid, ready as the focal-node raster of 'Circuit connectivity (Circuitscape)'.&lt;/p&gt;&lt;p&gt;All rasters must share one grid. Reference: Saura, S. &amp; Rubio, L. (2010) A common currency for the different ways in which patches and links can contribute to habitat availability and connectivity in the landscape. Ecography 33: 523-537.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按国内生态安全格局研究中借助 GuidosToolbox 和 Conefor 的做法，一步提取安全格局的生态源地：&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;候选&lt;/b&gt;：类型栅格中取值属于所列值的像元（MSPA 核心区：17 和 117；或土地覆被类型；或掩膜中的 1），和/或生境质量达到最低值或位于自然断点法最高等级的像元（MSPA 与 InVEST 结合的路线，例如康保县将生境质量、MSPA 与连通性结合：Front. Ecol. Evol. 2023, 1301149）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;斑块&lt;/b&gt;：候选像元按 8（或 4）邻域连接成斑块；小于最小面积的斑块被舍去。&lt;/li&gt;&lt;li&gt;&lt;b&gt;重要性&lt;/b&gt;：计算每个保留斑块的连通性重要性（dPC 及其 intra、flux 和 connector 分量；dIIC），景观面积 = 类型栅格所有有数据的像元。方法和参数与“景观连通性重要性”相同。&lt;/li&gt;&lt;li&gt;&lt;b&gt;筛选&lt;/b&gt;：dPC 不低于阈值的斑块；当 N &gt; 0 时取其中最重要的 N 个。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;：按 dPC 从高到低编号 1..k 的源地面，含面积（km²）、dPC、dPCintra、dPCflux、dPCconnector、dIIC，给出质量栅格时还含平均生境质量；以及输入网格上的源地编号栅格（0 = 无），可直接作为“电路理论连通性（Circuitscape）”的焦点节点栅格。&lt;/p&gt;&lt;p&gt;所有栅格必须共用同一网格。参考文献：Saura, S. &amp; Rubio, L. (2010) A common currency for the different ways in which patches and links can contribute to habitat availability and connectivity in the landscape. Ecography 33: 523-537.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Class raster (MSPA, land cover or mask)</source>
        <translation>类型栅格（MSPA、土地覆被或掩膜）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Usually the output of 'Morphological spatial pattern analysis (MSPA)'. Its data cells make up the landscape of the PC and IIC indices. Optional when a quality raster with a minimum is given.</source>
        <translation>通常为“形态学空间格局分析（MSPA）”的输出。其有数据的像元构成 PC 和 IIC 指数的景观。给出带最低质量的质量栅格时为可选。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Band of the class raster; band 1 when not set.</source>
        <translation>类型栅格的波段；未设置时为波段 1。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Candidate values</source>
        <translation>候选值</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Comma-separated values of the class raster that make a candidate cell. MSPA: 17 = core, 117 = core inside a core opening. CLCD forest: 2.</source>
        <translation>类型栅格中构成候选像元的取值，以逗号分隔。MSPA：17 = 核心区，117 = 核心区孔洞内的核心区。CLCD 林地：2。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Habitat quality raster</source>
        <translation>生境质量栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>For example the output of 'Habitat quality (InVEST)'. Its mean over each source is reported; with a minimum quality it also limits the candidates.</source>
        <translation>例如“生境质量（InVEST）”的输出。报告每个源地内的平均值；给出最低质量时还用于限定候选像元。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Minimum quality</source>
        <translation>最低质量</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Candidates must have at least this quality (e.g. 0.7). Leave empty to use the quality raster only for the report.</source>
        <translation>候选像元的质量至少应达到此值（例如 0.7）。留空则质量栅格仅用于报告。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Keep the top class of N quality classes</source>
        <translation>仅保留 N 级质量分级中的最高级</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Grades the quality of the remaining candidates into N natural-breaks (Jenks) classes and keeps only the highest: the 'high quality' grade that habitat-quality source rules keep (5 classes is usual). A threshold that follows the data, so it suits any half-saturation constant. 0: no grading.</source>
        <translation>将剩余候选像元的生境质量按自然断点法（Jenks）分为 N 级，只保留最高一级，即生境质量源地识别规则所取的“高质量”等级（通常分 5 级）。该阈值随数据而定，因此适用于任意半饱和常数。0：不分级。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Patch connectivity</source>
        <translation>斑块连通性</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>8 neighbours</source>
        <translation>8 邻域</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>4 neighbours</source>
        <translation>4 邻域</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Whether cells touching at a corner belong to one patch (8, as MSPA's default foreground connectivity).</source>
        <translation>角点相接的像元是否属于同一斑块（8，与 MSPA 默认的前景连通性相同）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Minimum patch area (km²)</source>
        <translation>最小斑块面积（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Smaller patches are dropped before the importance is computed. Provincial studies use 1-10 km², county studies 0.1-0.5 km².</source>
        <translation>计算重要性之前舍去较小的斑块。省域研究常用 1-10 km²，县域研究常用 0.1-0.5 km²。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Minimum dPC (%)</source>
        <translation>最小 dPC（%）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Patches whose dPC (percent loss of PC when the patch is removed) is below this are not sources. 0 keeps every patch above the minimum area.</source>
        <translation>dPC（移除斑块后 PC 下降的百分比）低于此值的斑块不作为源地。取 0 时保留所有超过最小面积的斑块。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Keep at most N sources (0 = no limit)</source>
        <translation>最多保留 N 个源地（0 = 不限）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Of the patches above the dPC threshold, keep the N with the highest dPC.</source>
        <translation>在 dPC 超过阈值的斑块中，保留 dPC 最高的 N 个。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Ecological sources</source>
        <translation>生态源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>One polygon per source with its id, area and importance.</source>
        <translation>每个源地一个面，含其编号、面积和重要性。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Source id raster</source>
        <translation>源地编号栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Int32 GeoTIFF, source id per cell and 0 elsewhere; the focal-node input of Circuitscape and of the corridor tools. Optional: the polygons serve those tools too.</source>
        <translation>Int32 GeoTIFF，每个像元的源地编号，其余为 0；Circuitscape 及廊道工具的焦点输入。可选：这些工具也可直接使用多边形。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Number of sources</source>
        <translation>源地数量</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Total source area (km²)</source>
        <translation>源地总面积（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>PC of the candidate patches</source>
        <translation>候选斑块的 PC</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Equivalent connected area (km²)</source>
        <translation>等效连通面积（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Give a class raster (such as MSPA output) with its candidate values, or a habitat quality raster with a minimum quality.</source>
        <translation>请给出带候选值的类型栅格（例如 MSPA 输出），或带最低质量的生境质量栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Candidate values must be numbers separated by commas, such as 17,117.</source>
        <translation>候选值必须是以逗号分隔的数值，例如 17,117。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Class raster</source>
        <translation>类型栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Resistance raster</source>
        <translation>阻力栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Extracting sources</source>
        <translation>源地提取</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>The rasters are in a geographic CRS (degrees); areas and distances need metres. Reproject them to a projected CRS first.</source>
        <translation>栅格采用地理坐标系（度）；面积和距离需要以米计。请先将其重投影到投影坐标系。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>{cells} candidate cells, habitat quality {low:.3f} to {high:.3f}.</source>
        <translation>{cells} 个候选像元，生境质量 {low:.3f} 至 {high:.3f}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>{kept} of {count} candidate patches are sources; PC = {pc:.6g}, IIC = {iic:.6g}, ECA = {eca:.6g} km².</source>
        <translation>{count} 个候选斑块中有 {kept} 个为源地；PC = {pc:.6g}，IIC = {iic:.6g}，ECA = {eca:.6g} km²。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/extractsources.py"/>
        <source>Ecological source id</source>
        <translation>生态源地编号</translation>
    </message>
    <message>
        <source>&lt;p&gt;Picks the ecological sources of a security pattern the way Chinese ESP studies do with GuidosToolbox and Conefor, in one step:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Candidates&lt;/b&gt;: cells of the class raster with one of the listed values (MSPA core: 17 and 117; or land-cover classes; or 1 in a mask), and/or cells whose habitat quality reaches a minimum.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Patches&lt;/b&gt;: candidates joined by their 8 (or 4) neighbours; patches smaller than the minimum area are dropped.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Importance&lt;/b&gt;: the connectivity importance of every remaining patch (dPC and its intra, flux and connector fractions; dIIC), with the landscape area = all data cells of the class raster. Same method and parameters as 'Connectivity importance'.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Selection&lt;/b&gt;: patches with dPC at or above the threshold; of those the N most important when N &gt; 0.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: source polygons numbered 1..k from the highest dPC, with area (km²), dPC, dPCintra, dPCflux, dPCconnector, dIIC and the mean habitat quality when a quality raster is given; and a raster of source ids (0 = none) on the input grid, ready as the focal-node raster of 'Circuit connectivity (Circuitscape)'.&lt;/p&gt;&lt;p&gt;All rasters must share one grid. Reference: Saura, S. &amp; Rubio, L. (2010) A common currency for the different ways in which patches and links can contribute to habitat availability and connectivity in the landscape. Ecography 33: 523-537.&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;按国内生态安全格局研究中借助 GuidosToolbox 和 Conefor 的做法，一步提取安全格局的生态源地：&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;候选&lt;/b&gt;：类型栅格中取值属于所列值的像元（MSPA 核心区：17 和 117；或土地覆被类型；或掩膜中的 1），和/或生境质量达到最低值的像元。&lt;/li&gt;&lt;li&gt;&lt;b&gt;斑块&lt;/b&gt;：候选像元按 8（或 4）邻域连接成斑块；小于最小面积的斑块被舍去。&lt;/li&gt;&lt;li&gt;&lt;b&gt;重要性&lt;/b&gt;：计算每个保留斑块的连通性重要性（dPC 及其 intra、flux 和 connector 分量；dIIC），景观面积 = 类型栅格所有有数据的像元。方法和参数与“景观连通性重要性”相同。&lt;/li&gt;&lt;li&gt;&lt;b&gt;筛选&lt;/b&gt;：dPC 不低于阈值的斑块；当 N &gt; 0 时取其中最重要的 N 个。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;：按 dPC 从高到低编号 1..k 的源地面，含面积（km²）、dPC、dPCintra、dPCflux、dPCconnector、dIIC，给出质量栅格时还含平均生境质量；以及输入网格上的源地编号栅格（0 = 无），可直接作为“电路理论连通性（Circuitscape）”的焦点节点栅格。&lt;/p&gt;&lt;p&gt;所有栅格必须共用同一网格。参考文献：Saura, S. &amp; Rubio, L. (2010) A common currency for the different ways in which patches and links can contribute to habitat availability and connectivity in the landscape. Ecography 33: 523-537.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Int32 GeoTIFF, source id per cell and 0 elsewhere; the focal-node input of Circuitscape and of the corridor tools.</source>
        <translation type="vanished">Int32 GeoTIFF，像元值为源地编号，其余为 0；作为 Circuitscape 和廊道工具的焦点节点输入。</translation>
    </message>
</context>
<context>
    <name>HabitatQuality</name>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Cannot read the {label} {path}: {error}</source>
        <translation>无法读取{label} {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Habitat quality (InVEST)</source>
        <translation>生境质量（InVEST）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>habitat quality,InVEST,degradation,threat,rarity,biodiversity,ecological source,sensitivity,half-saturation</source>
        <translation>生境质量,InVEST,退化,威胁因子,稀缺性,生物多样性,生态源地,敏感度,半饱和,habitat quality,degradation,threat,rarity,biodiversity,ecological source,sensitivity,half-saturation</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>&lt;p&gt;Habitat degradation, habitat quality and (optionally) rarity as in the InVEST Habitat Quality model.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Degradation&lt;/b&gt; of cell x of class j: D = &amp;beta;&lt;sub&gt;x&lt;/sub&gt; &amp;Sigma;&lt;sub&gt;r&lt;/sub&gt; (w&lt;sub&gt;r&lt;/sub&gt; / &amp;Sigma;w) S&lt;sub&gt;jr&lt;/sub&gt; i&lt;sub&gt;r&lt;/sub&gt;(x), where the threat term i&lt;sub&gt;r&lt;/sub&gt;(x) depends on the chosen &lt;b&gt;semantics&lt;/b&gt;:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;InVEST 3.13 and later&lt;/b&gt; (default; checked against InVEST 3.20.2): the decay of the distance d to the &lt;b&gt;nearest&lt;/b&gt; threat cell only, 1 - d/d&lt;sub&gt;max&lt;/sub&gt; (linear) or exp(-2.99 d/d&lt;sub&gt;max&lt;/sub&gt;) (exponential), kept at exactly d&lt;sub&gt;max&lt;/sub&gt; and 0 beyond; every non-zero threat value counts as a full threat (intensities are ignored). D never exceeds 1.&lt;/li&gt;&lt;li&gt;&lt;b&gt;InVEST 3.12 and earlier&lt;/b&gt; (3.3 to 3.12; checked against 3.12.1): the threat intensities convolved with InVEST's normalised kernels: linear 1 - d/d&lt;sub&gt;max&lt;/sub&gt; out to d&lt;sub&gt;max&lt;/sub&gt;, exponential exp(-d/d&lt;sub&gt;max&lt;/sub&gt;) (without 2.99) out to 5 d&lt;sub&gt;max&lt;/sub&gt;; needs square cells.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Users' guide sum&lt;/b&gt; (this toolkit's earlier default): the sum over &lt;b&gt;every threat cell&lt;/b&gt; within d&lt;sub&gt;max&lt;/sub&gt; of intensity x decay (linear 1 - d/d&lt;sub&gt;max&lt;/sub&gt;, exponential exp(-2.99 d/d&lt;sub&gt;max&lt;/sub&gt;)), by default with each threat's decay weights divided by their total (advanced option).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Distances are measured between cell centres in metres. &lt;b&gt;Quality&lt;/b&gt;: Q = H (1 - D&lt;sup&gt;2.5&lt;/sup&gt; / (D&lt;sup&gt;2.5&lt;/sup&gt; + k&lt;sup&gt;2.5&lt;/sup&gt;)); Q = 0 where H = 0 and never exceeds H. &lt;b&gt;Rarity&lt;/b&gt; (with a baseline land cover): R = 1 - N / (N&lt;sub&gt;baseline&lt;/sub&gt; + N) per class; 0.5 = no change, above 0.5 the class became rarer, 0 = class absent from the baseline.&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAX_DIST unit.&lt;/b&gt; InVEST 3.15 and later write MAX_DIST in metres and key the sensitivity table by LUCODE; InVEST up to 3.14 and this toolkit's earlier tables use km and LULC. 'Automatic' (default) reads metres when the sensitivity table has a LUCODE column and km otherwise, so both kinds of table work as they are; choose km or metres to override. A reach below one cell or more than ten times the raster's diagonal is refused as a unit mistake.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs.&lt;/b&gt; A land-cover raster of whole class codes in a projected CRS (metres). A threats table (CSV file or table layer) with the columns THREAT, MAX_DIST (metres or km, see above), WEIGHT (0-1) and DECAY (linear / exponential). One raster per threat with intensities 0-1 (NoData = no threat), on the land-cover grid: chosen in 'Threat rasters' and matched by layer or file name (also name_c), or read from the table's CUR_PATH column (relative to the CSV file). A sensitivity table with LUCODE or LULC, HABITAT (0-1) and one column per threat (0-1; InVEST's older L_ prefix is accepted); every class of the land cover must be in it. Optional: polygons with an ACCESS field (0-1, cells outside polygons 1; an empty ACCESS counts 0 with the InVEST semantics, as InVEST burns it, and 1 with the users' guide sum).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt; (float32, NoData where the land cover is NoData): degradation D, quality Q (0-1) and rarity R. The log reports the highest D; the users' guide advises k = half of it, kept fixed across scenarios.&lt;/p&gt;&lt;p&gt;Reference: Sharp, R. et al. InVEST User's Guide, Habitat Quality. The Natural Capital Project, Stanford University.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按 InVEST 生境质量模型计算生境退化度、生境质量以及（可选的）稀缺性。&lt;/p&gt;&lt;p&gt;类型 j 的栅格 x 的&lt;b&gt;退化度&lt;/b&gt;：D = &amp;beta;&lt;sub&gt;x&lt;/sub&gt; &amp;Sigma;&lt;sub&gt;r&lt;/sub&gt; (w&lt;sub&gt;r&lt;/sub&gt; / &amp;Sigma;w) S&lt;sub&gt;jr&lt;/sub&gt; i&lt;sub&gt;r&lt;/sub&gt;(x)，其中威胁项 i&lt;sub&gt;r&lt;/sub&gt;(x) 取决于所选的&lt;b&gt;计算语义&lt;/b&gt;：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;InVEST 3.13 及以后&lt;/b&gt;（默认；已与 InVEST 3.20.2 核对）：只取到&lt;b&gt;最近&lt;/b&gt;威胁栅格的距离 d 的衰减，1 - d/d&lt;sub&gt;max&lt;/sub&gt;（线性）或 exp(-2.99 d/d&lt;sub&gt;max&lt;/sub&gt;)（指数），恰在 d&lt;sub&gt;max&lt;/sub&gt; 处仍计入，超出为 0；任何非零威胁值都按完全威胁计（忽略强度）。D 不超过 1。&lt;/li&gt;&lt;li&gt;&lt;b&gt;InVEST 3.12 及以前&lt;/b&gt;（3.3 至 3.12；已与 3.12.1 核对）：威胁强度与 InVEST 归一化核的卷积：线性 1 - d/d&lt;sub&gt;max&lt;/sub&gt; 至 d&lt;sub&gt;max&lt;/sub&gt;，指数 exp(-d/d&lt;sub&gt;max&lt;/sub&gt;)（不含 2.99）至 5 d&lt;sub&gt;max&lt;/sub&gt;；需要正方形栅格。&lt;/li&gt;&lt;li&gt;&lt;b&gt;用户指南求和&lt;/b&gt;（本工具以前的默认）：对 d&lt;sub&gt;max&lt;/sub&gt; 内&lt;b&gt;每个威胁栅格&lt;/b&gt;的强度 × 衰减求和（线性 1 - d/d&lt;sub&gt;max&lt;/sub&gt;，指数 exp(-2.99 d/d&lt;sub&gt;max&lt;/sub&gt;)），默认将每种威胁的衰减权重除以其总和（高级选项）。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;距离按栅格中心之间的米数计算。&lt;b&gt;生境质量&lt;/b&gt;：Q = H (1 - D&lt;sup&gt;2.5&lt;/sup&gt; / (D&lt;sup&gt;2.5&lt;/sup&gt; + k&lt;sup&gt;2.5&lt;/sup&gt;))；H = 0 处 Q = 0，且 Q 不超过 H。&lt;b&gt;稀缺性&lt;/b&gt;（需基准期土地覆被）：每类 R = 1 - N / (N&lt;sub&gt;baseline&lt;/sub&gt; + N)；0.5 表示无变化，大于 0.5 表示该类变得更稀少，0 表示基准期没有该类。&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAX_DIST 单位。&lt;/b&gt;InVEST 3.15 及以后以米记 MAX_DIST，敏感性表以 LUCODE 为键；InVEST 3.14 及以前和本工具以前的表用千米和 LULC。“自动”（默认）在敏感性表有 LUCODE 列时按米读取，否则按千米读取，两种表都可原样使用；也可选择千米或米覆盖自动判断。影响距离小于一个栅格或超过栅格对角线十倍时，视为单位错误而拒绝。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入。&lt;/b&gt;以整数类别编码表示的土地覆被栅格，投影坐标系（米）。威胁表（CSV 文件或表图层），含 THREAT、MAX_DIST（米或千米，见上）、WEIGHT（0-1）和 DECAY（linear / exponential）列。每种威胁一个强度为 0-1 的栅格（NoData = 无威胁），与土地覆被同一网格：在“威胁栅格”中选择并按图层名或文件名匹配（也接受 name_c），或由表的 CUR_PATH 列读取（相对于 CSV 文件）。敏感性表含 LUCODE 或 LULC、HABITAT（0-1）及每种威胁一列（0-1；也接受 InVEST 旧的 L_ 前缀）；土地覆被的每个类别都必须在表中。可选：带 ACCESS 字段（0-1）的多边形，多边形外的栅格取 1；ACCESS 为空时，InVEST 语义下按 0 计（与 InVEST 的栅格化一致），用户指南求和下按 1 计。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;（float32，土地覆被为 NoData 处为 NoData）：退化度 D、生境质量 Q（0-1）和稀缺性 R。日志报告最大的 D；用户指南建议 k 取其一半，并在各情景中保持不变。&lt;/p&gt;&lt;p&gt;参考文献：Sharp, R. et al. InVEST User's Guide, Habitat Quality. The Natural Capital Project, Stanford University.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Land-cover raster</source>
        <translation>土地覆被栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Whole-number land-cover classes in a projected CRS (cell size in metres). Its NoData cells are NoData in every output.</source>
        <translation>投影坐标系（像元大小以米计）下的整数土地覆被类型。其 NoData 像元在所有输出中均为 NoData。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Land-cover band</source>
        <translation>土地覆被波段</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Band holding the class codes; band 1 when not set.</source>
        <translation>存放类型代码的波段；未设置时为波段 1。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Threats table (CSV file)</source>
        <translation>威胁因子表（CSV 文件）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>InVEST threats table: THREAT, MAX_DIST (metres or km: see 'MAX_DIST unit'), WEIGHT (0-1, relative), DECAY (linear or exponential), optionally CUR_PATH (threat raster, relative to the CSV file). Give this or the threats table layer, not both.</source>
        <translation>InVEST 威胁表：THREAT、MAX_DIST（米或千米，见“MAX_DIST 单位”）、WEIGHT（0-1，相对权重）、DECAY（linear 或 exponential），可选 CUR_PATH（威胁栅格，相对于 CSV 文件）。给出此项或威胁表图层，不要同时给出。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Threats table (layer)</source>
        <translation>威胁因子表（图层）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>The threats table as a layer (a table, spreadsheet sheet or any vector layer) with the columns of the CSV file. Give this or the CSV file.</source>
        <translation>以图层形式提供的威胁因子表（表格、电子表格工作表或任意矢量图层），列与 CSV 文件相同。给出此项或 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Threat rasters</source>
        <translation>威胁因子栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>One raster per threat, intensity 0-1 (band 1; NoData = no threat), on the land-cover grid. Each is matched to its threat by layer name or file name (the threat name, or the name followed by _c). Leave empty to use the table's CUR_PATH column.</source>
        <translation>每个威胁因子一个栅格，强度 0-1（波段 1；NoData = 无威胁），位于土地覆被网格上。每个栅格按图层名或文件名（威胁因子名称，或名称后加 _c）与其威胁因子匹配。留空则使用表中的 CUR_PATH 列。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Sensitivity table (CSV file)</source>
        <translation>敏感度表（CSV 文件）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>InVEST sensitivity table: LUCODE or LULC (class code), NAME (optional), HABITAT (0-1) and one column per threat with the class's sensitivity (0-1), named like the threat or L_ plus the threat. Give this or the sensitivity table layer.</source>
        <translation>InVEST 敏感性表：LUCODE 或 LULC（类别编码）、NAME（可选）、HABITAT（0-1），以及每种威胁一列、记录该类对该威胁的敏感性（0-1），列名与威胁同名或为 L_ 加威胁名。给出此项或敏感性表图层。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Sensitivity table (layer)</source>
        <translation>敏感度表（图层）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>The sensitivity table as a layer with the columns of the CSV file.</source>
        <translation>以图层形式提供的敏感度表，列与 CSV 文件相同。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Accessibility polygons</source>
        <translation>可达性面</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Polygons with a field ACCESS from 0 (protected: no threat reaches) to 1 (fully accessible); degradation is multiplied by it. Cells whose centre lies in no polygon get 1. A polygon whose ACCESS is empty counts 0 with the InVEST semantics (InVEST burns it so) and 1 with the users' guide sum.</source>
        <translation>带 ACCESS 字段的多边形，取值从 0（受保护：威胁无法到达）到 1（完全可达）；退化度乘以该值。中心不在任何多边形内的栅格取 1。ACCESS 为空的多边形在 InVEST 语义下按 0 计（InVEST 如此栅格化），在用户指南求和下按 1 计。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Semantics</source>
        <translation>计算语义</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>InVEST 3.13 and later (nearest threat cell)</source>
        <translation>InVEST 3.13 及以后（最近威胁栅格）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>InVEST 3.12 and earlier (convolution)</source>
        <translation>InVEST 3.12 及以前（卷积）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Users' guide sum (every threat cell)</source>
        <translation>用户指南求和（每个威胁栅格）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>How threats reach a cell. InVEST 3.13 and later (default, as InVEST 3.20): only the nearest threat cell counts, with decay 1 - d/dmax or exp(-2.99 d/dmax) up to and including dmax, and any non-zero threat value is a full threat. InVEST 3.12 and earlier (3.3-3.12): the threat intensities convolved with InVEST's normalised kernels (exponential exp(-d/dmax) out to 5 dmax); square cells only. Users' guide sum (this toolkit's earlier default): intensity x decay summed over every threat cell within dmax. The three give different values wherever several threat cells are in reach.</source>
        <translation>威胁如何到达一个栅格。InVEST 3.13 及以后（默认，与 InVEST 3.20 相同）：只计最近的威胁栅格，衰减为 1 - d/dmax 或 exp(-2.99 d/dmax)，包含 dmax 处，任何非零威胁值均按完全威胁计。InVEST 3.12 及以前（3.3-3.12）：威胁强度与 InVEST 归一化核卷积（指数为 exp(-d/dmax)，延伸到 5 dmax）；仅限正方形栅格。用户指南求和（本工具以前的默认）：对 dmax 内每个威胁栅格的强度 × 衰减求和。当多个威胁栅格在影响范围内时，三者结果不同。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>MAX_DIST unit</source>
        <translation>MAX_DIST 单位</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Automatic (metres with a LUCODE sensitivity table, else km)</source>
        <translation>自动（敏感性表含 LUCODE 时为米，否则为千米）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Kilometres (InVEST 3.14 and earlier)</source>
        <translation>千米（InVEST 3.14 及以前）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Metres (InVEST 3.15 and later)</source>
        <translation>米（InVEST 3.15 及以后）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Unit of the threats table's MAX_DIST. InVEST 3.15 and later write metres and key the sensitivity table by LUCODE; earlier InVEST and this toolkit's earlier tables write km with LULC. Automatic reads metres when the sensitivity table has a LUCODE column and km otherwise, so tables of either kind need no rewriting. A reach below one cell or beyond ten times the raster's diagonal is refused.</source>
        <translation>威胁表中 MAX_DIST 的单位。InVEST 3.15 及以后以米记，敏感性表以 LUCODE 为键；更早的 InVEST 和本工具以前的表以千米记，并用 LULC。“自动”在敏感性表有 LUCODE 列时按米读取，否则按千米读取，因此两种表都无需改写。影响距离小于一个栅格或超过栅格对角线十倍时将被拒绝。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Half-saturation constant k</source>
        <translation>半饱和常数 k</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>The degradation D at which quality falls to half of the habitat suitability (must be above 0). The users' guide advises half of the highest D of a first run, which the log reports; keep it fixed when comparing scenarios.</source>
        <translation>质量降至生境适宜性一半时的退化度 D（必须大于 0）。用户手册建议取首次运行最高 D 的一半（日志会报告）；比较情景时请保持不变。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Divide each decay kernel by its sum (InVEST scale)</source>
        <translation>将每个衰减核除以其总和（InVEST 尺度）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Users' guide sum only (ignored by the InVEST semantics). On (default): each threat's decay weights are divided by their total, so D is a weighted mean threat intensity between 0 and 1, the same at any cell size, and k = 0.5 is meaningful. Off: D is the users' guide's literal sum over threat cells; set k from a first run.</source>
        <translation>仅用于用户指南求和（InVEST 语义下忽略）。开启（默认）：每种威胁的衰减权重除以其总和，D 为 0 到 1 之间的加权平均威胁强度，在任何栅格大小下相同，k = 0.5 有意义。关闭：D 为用户指南中对威胁栅格的字面求和；请根据首次运行结果设定 k。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Baseline land cover (for rarity)</source>
        <translation>基准期土地覆被（用于稀缺性）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Land cover of a reference time (band 1) on the land-cover grid, same class codes. Needed for the rarity output.</source>
        <translation>参考时期的土地覆被（波段 1），位于土地覆被网格上，类型代码相同。稀缺性输出需要此项。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Habitat degradation</source>
        <translation>生境退化度</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Total threat D per cell (deg_sum_c in InVEST), float32 GeoTIFF. Optional: skip it when only the quality is wanted.</source>
        <translation>每个像元的总威胁 D（InVEST 中的 deg_sum_c），float32 GeoTIFF。可选：只需要生境质量时可跳过。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Habitat quality</source>
        <translation>生境质量</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Q from 0 to the class's habitat suitability (quality_c in InVEST), float32 GeoTIFF.</source>
        <translation>Q，取值从 0 到该类型的生境适宜性（InVEST 中的 quality_c），float32 GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Habitat rarity</source>
        <translation>生境稀缺性</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>R per cell (rarity_c in InVEST); needs a baseline land cover. NoData also where the baseline is NoData.</source>
        <translation>每个像元的 R（InVEST 中的 rarity_c）；需要基准期土地覆被。基准期为 NoData 处也为 NoData。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Give the {label} either as a CSV file or as a table layer (exactly one of the two).</source>
        <translation>请以 CSV 文件或表图层之一给出{label}（二者只能选其一）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>No raster for threat {threats}: choose the threat rasters in 'Threat rasters' (named like the threats), or give their paths in a CUR_PATH column of the threats table.</source>
        <translation>威胁因子 {threats} 没有栅格：请在“威胁因子栅格”中选择威胁因子栅格（按威胁因子命名），或在威胁因子表的 CUR_PATH 列中给出其路径。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>The raster of threat '{name}' was not found or cannot be read: {path} (CUR_PATH '{given}', relative to the threats table's folder).</source>
        <translation>未找到或无法读取威胁因子“{name}”的栅格：{path}（CUR_PATH 为“{given}”，相对于威胁因子表所在文件夹）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Several threat rasters match threat '{name}' ({layers}); the first is used.</source>
        <translation>有多个威胁因子栅格与威胁因子“{name}”匹配（{layers}）；使用第一个。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>No threat raster matches threat {threats}. A raster matches a threat when its layer name or file name is the threat name (or the name followed by _c). Rasters given: {given}.</source>
        <translation>没有威胁因子栅格与威胁因子 {threats} 匹配。当栅格的图层名或文件名为威胁因子名称（或名称后加 _c）时即匹配。已给出的栅格：{given}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Threat raster '{name}' matches no threat of the table and is not used.</source>
        <translation>威胁因子栅格“{name}”与表中任何威胁因子都不匹配，未被使用。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>The accessibility layer has no field ACCESS; its fields are: {fields}.</source>
        <translation>可达性图层没有 ACCESS 字段；其字段为：{fields}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Feature {fid} of the accessibility layer has ACCESS = {value}; it must lie between 0 and 1.</source>
        <translation>可达性图层的要素 {fid} 的 ACCESS = {value}；它必须介于 0 和 1 之间。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>metres</source>
        <translation>米</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>km</source>
        <translation>千米</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>MAX_DIST of threat '{name}' is {given:g} {unit} = {m:g} m, less than one cell ({cell:g} m), so the threat would reach no other cell. Is MAX_DIST in km? Set 'MAX_DIST unit' to match the table.</source>
        <translation>威胁“{name}”的 MAX_DIST 为 {given:g} {unit} = {m:g} 米，小于一个栅格（{cell:g} 米），威胁到达不了任何其他栅格。MAX_DIST 是否以千米为单位？请将“MAX_DIST 单位”设为与表一致。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>MAX_DIST of threat '{name}' is {given:g} {unit} = {m:g} m, more than {far:g} times the raster's diagonal ({diagonal:g} m). Is MAX_DIST in metres? Set 'MAX_DIST unit' to match the table.</source>
        <translation>威胁“{name}”的 MAX_DIST 为 {given:g} {unit} = {m:g} 米，超过栅格对角线（{diagonal:g} 米）的 {far:g} 倍。MAX_DIST 是否以米为单位？请将“MAX_DIST 单位”设为与表一致。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>The rarity output needs a baseline land cover. Choose one in 'Baseline land cover', or skip the rarity output.</source>
        <translation>稀缺性输出需要基准期土地覆被。请在“基准期土地覆被”中选择一个，或跳过稀缺性输出。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>A baseline land cover was given but the rarity output is skipped, so it is not used.</source>
        <translation>已给出基准期土地覆被，但跳过了稀缺性输出，因此未使用它。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>The land cover is in a geographic CRS ({crs}, degrees), but the threats' reach (MAX_DIST) is a distance in metres. Reproject the land cover and the threat rasters to a projected CRS (Raster &gt; Projections &gt; Warp), for example the UTM zone or the CGCS2000 Gauss-Kruger zone of the area.</source>
        <translation>土地覆被采用地理坐标系（{crs}，单位为度），而威胁的影响距离（MAX_DIST）以米为单位。请将土地覆被和威胁栅格重投影到投影坐标系（栅格 &gt; 投影 &gt; 变形），例如该地区的 UTM 分带或 CGCS2000 高斯-克吕格分带。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>threats table</source>
        <translation>威胁因子表</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>sensitivity table</source>
        <translation>敏感度表</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>MAX_DIST is read in {unit}: the sensitivity table is keyed by {key} (InVEST {versions}).</source>
        <translation>MAX_DIST 按{unit}读取：敏感性表以 {key} 为键（InVEST {versions}）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>The output {output} is the raster of threat '{name}' named in the threats table: writing it would overwrite that input. Choose another file name.</source>
        <translation>输出 {output} 就是威胁表中威胁“{name}”的栅格：写入它会覆盖该输入。请另选文件名。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Land cover</source>
        <translation>土地覆被</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Threat raster '{name}'</source>
        <translation>威胁因子栅格“{name}”</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Baseline land cover</source>
        <translation>基准期土地覆被</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Reading {n} raster(s)</source>
        <translation>正在读取 {n} 个栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Threat '{name}': reach {m:g} m ({cells:.4g} cells), weight {w:g}, {decay} decay, raster '{layer}'</source>
        <translation>威胁“{name}”：影响距离 {m:g} 米（{cells:.4g} 个栅格），权重 {w:g}，{decay} 衰减，栅格“{layer}”</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Highest degradation D = {d:.6g}; the users' guide suggests k = half of it ({half:.6g}). Mean quality {q:.4f} with k = {k:g}.</source>
        <translation>最高退化度 D = {d:.6g}；用户手册建议 k 取其一半（{half:.6g}）。k = {k:g} 时平均质量为 {q:.4f}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>The highest degradation is {ratio:.0f} times k, so quality is close to 0 wherever a threat reaches. Consider a larger half-saturation constant, or dividing each decay kernel by its sum.</source>
        <translation>最高退化度是 k 的 {ratio:.0f} 倍，因此威胁所及之处质量接近 0。请考虑增大半饱和常数，或将每个衰减核除以其总和。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>Habitat quality in {n} tiles of {m} cells, each read with {halo} cells more on every side</source>
        <translation>生境质量分 {n} 块计算，每块 {m} 个像元，每块四周多读 {halo} 个像元</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/habitatquality.py"/>
        <source>{k} tiles were kept from an earlier run of this job.</source>
        <translation>沿用了本任务先前运行保留的 {k} 块。</translation>
    </message>
    <message>
        <source>Total threat D per cell (deg_sum_c in InVEST), float32 GeoTIFF.</source>
        <translation type="vanished">每个像元的总威胁 D（InVEST 中的 deg_sum_c），float32 GeoTIFF。</translation>
    </message>
    <message>
        <source>&lt;p&gt;Habitat degradation, habitat quality and (optionally) rarity as in the InVEST Habitat Quality model.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Degradation&lt;/b&gt; of cell x of class j: D = &amp;beta;&lt;sub&gt;x&lt;/sub&gt; &amp;Sigma;&lt;sub&gt;r&lt;/sub&gt; (w&lt;sub&gt;r&lt;/sub&gt; / &amp;Sigma;w) S&lt;sub&gt;jr&lt;/sub&gt; &amp;Sigma;&lt;sub&gt;y&lt;/sub&gt; r&lt;sub&gt;y&lt;/sub&gt; i&lt;sub&gt;rxy&lt;/sub&gt;, summed over &lt;b&gt;every threat cell y&lt;/b&gt; within the threat's maximum distance (linear decay 1 - d/d&lt;sub&gt;max&lt;/sub&gt;, exponential exp(-2.99 d/d&lt;sub&gt;max&lt;/sub&gt;), distances between cell centres in metres), computed exactly by FFT convolution. By default each threat's decay weights are divided by their total, as the InVEST releases that convolved threat rasters did, so D is a weighted mean threat intensity between 0 and 1 that does not depend on the cell size, and k = 0.5 keeps its usual meaning. Untick 'Divide each decay kernel by its sum' (advanced) for the users' guide's literal sum, which grows with the number of threat cells in reach. Recent InVEST (3.10 and later) counts only the nearest threat cell, so its values differ near dense threats. &lt;b&gt;Quality&lt;/b&gt;: Q = H (1 - D&lt;sup&gt;2.5&lt;/sup&gt; / (D&lt;sup&gt;2.5&lt;/sup&gt; + k&lt;sup&gt;2.5&lt;/sup&gt;)); Q = 0 where H = 0 and never exceeds H. &lt;b&gt;Rarity&lt;/b&gt; (with a baseline land cover): R = 1 - N / (N&lt;sub&gt;baseline&lt;/sub&gt; + N) per class; 0.5 = no change, above 0.5 the class became rarer, 0 = class absent from the baseline.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs.&lt;/b&gt; A land-cover raster of whole class codes in a projected CRS (metres). A threats table (CSV file or table layer) with the columns THREAT, MAX_DIST (km), WEIGHT (0-1) and DECAY (linear / exponential). One raster per threat with intensities 0-1 (NoData = no threat), on the land-cover grid: chosen in 'Threat rasters' and matched by layer or file name (also name_c), or read from the table's CUR_PATH column (relative to the CSV file). A sensitivity table with LULC, HABITAT (0-1) and one column per threat (0-1; InVEST's older L_ prefix is accepted); every class of the land cover must be in it. Optional: polygons with an ACCESS field (0-1, cells outside polygons 1).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt; (float32, NoData where the land cover is NoData): degradation D, quality Q (0-1) and rarity R. The log reports the highest D; the users' guide advises k = half of it, kept fixed across scenarios.&lt;/p&gt;&lt;p&gt;Reference: Sharp, R. et al. InVEST User's Guide, Habitat Quality. The Natural Capital Project, Stanford University.&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;按 InVEST 生境质量（Habitat Quality）模型计算生境退化度、生境质量以及（可选的）生境稀缺性。&lt;/p&gt;&lt;p&gt;类型 j 的像元 x 的&lt;b&gt;退化度&lt;/b&gt;：D = &amp;beta;&lt;sub&gt;x&lt;/sub&gt; &amp;Sigma;&lt;sub&gt;r&lt;/sub&gt; (w&lt;sub&gt;r&lt;/sub&gt; / &amp;Sigma;w) S&lt;sub&gt;jr&lt;/sub&gt; &amp;Sigma;&lt;sub&gt;y&lt;/sub&gt; r&lt;sub&gt;y&lt;/sub&gt; i&lt;sub&gt;rxy&lt;/sub&gt;，对威胁因子最大影响距离内的&lt;b&gt;每个威胁像元 y&lt;/b&gt; 求和（线性衰减 1 - d/d&lt;sub&gt;max&lt;/sub&gt;，指数衰减 exp(-2.99 d/d&lt;sub&gt;max&lt;/sub&gt;)，距离为像元中心之间以米计的距离），通过 FFT 卷积精确计算。默认情况下，每个威胁因子的衰减权重除以其总和，与采用威胁栅格卷积的 InVEST 版本一致，因此 D 是介于 0 和 1 之间、与像元大小无关的加权平均威胁强度，k = 0.5 保持其通常含义。取消勾选“将每个衰减核除以其总和”（高级）可得到用户手册中的字面求和，其值随影响范围内威胁像元数增加而增大。较新的 InVEST（3.10 及以后）只计最近的威胁像元，因此在威胁密集处其值不同。&lt;b&gt;质量&lt;/b&gt;：Q = H (1 - D&lt;sup&gt;2.5&lt;/sup&gt; / (D&lt;sup&gt;2.5&lt;/sup&gt; + k&lt;sup&gt;2.5&lt;/sup&gt;))；H = 0 处 Q = 0，且 Q 不超过 H。&lt;b&gt;稀缺性&lt;/b&gt;（需基准期土地覆被）：每个类型 R = 1 - N / (N&lt;sub&gt;baseline&lt;/sub&gt; + N)；0.5 = 无变化，高于 0.5 表示该类型变得更稀少，0 = 基准期无此类型。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入。&lt;/b&gt;投影坐标系（米）下、以整数类型代码表示的土地覆被栅格。威胁因子表（CSV 文件或表图层），含 THREAT、MAX_DIST（km）、WEIGHT（0-1）和 DECAY（linear / exponential）列。每个威胁因子一个强度为 0-1 的栅格（NoData = 无威胁），位于土地覆被网格上：在“威胁因子栅格”中选择并按图层名或文件名（也可为 name_c）匹配，或从表的 CUR_PATH 列读取（相对于 CSV 文件）。敏感度表，含 LULC、HABITAT（0-1）以及每个威胁因子一列（0-1；也接受 InVEST 旧版的 L_ 前缀）；土地覆被中的每个类型都必须在表中。可选：带 ACCESS 字段（0-1，面外像元为 1）的面图层。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;（float32，土地覆被为 NoData 处为 NoData）：退化度 D、质量 Q（0-1）和稀缺性 R。日志会报告最高的 D；用户手册建议 k 取其一半，并在各情景间保持不变。&lt;/p&gt;&lt;p&gt;参考文献：Sharp, R. et al. InVEST User's Guide, Habitat Quality. The Natural Capital Project, Stanford University.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>InVEST threats table: THREAT, MAX_DIST (km), WEIGHT (0-1, relative), DECAY (linear or exponential), optionally CUR_PATH (threat raster, relative to the CSV file). Give this or the threats table layer, not both.</source>
        <translation type="vanished">InVEST 威胁因子表：THREAT、MAX_DIST（km）、WEIGHT（0-1，相对值）、DECAY（linear 或 exponential），可选 CUR_PATH（威胁因子栅格，相对于 CSV 文件）。给出此项或威胁因子表图层，不要同时给出。</translation>
    </message>
    <message>
        <source>InVEST sensitivity table: LULC (class code), NAME (optional), HABITAT (0-1) and one column per threat with the class's sensitivity (0-1), named like the threat or L_ plus the threat. Give this or the sensitivity table layer.</source>
        <translation type="vanished">InVEST 敏感度表：LULC（类型代码）、NAME（可选）、HABITAT（0-1），以及每个威胁因子一列，填写该类型的敏感度（0-1），列名与威胁因子相同或为 L_ 加威胁因子名。给出此项或敏感度表图层。</translation>
    </message>
    <message>
        <source>Polygons with a field ACCESS from 0 (protected: no threat reaches) to 1 (fully accessible); degradation is multiplied by it. Cells whose centre lies in no polygon, or in one whose ACCESS is empty, get 1.</source>
        <translation type="vanished">带 ACCESS 字段的面，取值从 0（受保护：威胁无法到达）到 1（完全可达）；退化度乘以该值。中心不在任何面内、或所在面的 ACCESS 为空的像元取 1。</translation>
    </message>
    <message>
        <source>On (default): each threat's decay weights are divided by their total, as the InVEST releases that convolved threat rasters did, so D is a weighted mean threat intensity between 0 and 1, the same at any cell size, and k = 0.5 is meaningful. Off: D is the users' guide's literal sum over threat cells; set k from a first run.</source>
        <translation type="vanished">开启（默认）：每个威胁因子的衰减权重除以其总和，与采用威胁栅格卷积的 InVEST 版本一致，因此 D 是介于 0 和 1 之间的加权平均威胁强度，在任何像元大小下都相同，k = 0.5 有意义。关闭：D 为用户手册中对威胁像元的字面求和；请根据首次运行设置 k。</translation>
    </message>
    <message>
        <source>Threat '{name}': reach {km:g} km ({cells} cells), weight {w:g}, {decay} decay, raster '{layer}'</source>
        <translation type="vanished">威胁因子“{name}”：影响范围 {km:g} km（{cells} 个像元），权重 {w:g}，{decay} 衰减，栅格“{layer}”</translation>
    </message>
    <message>
        <source>MAX_DIST of threat '{name}' is read as {km:g} km. MAX_DIST is in km, as in the InVEST users' guide; if the table gives metres, divide by 1000.</source>
        <translation type="vanished">威胁因子“{name}”的 MAX_DIST 读作 {km:g} km。与 InVEST 用户手册一致，MAX_DIST 以 km 计；若表中为米，请除以 1000。</translation>
    </message>
</context>
<context>
    <name>LinkagePathways</name>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Linkage pathways (least-cost corridors)</source>
        <translation>生态廊道识别（最小累积阻力廊道）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>corridor,least-cost path,LCP,MCR,minimum cumulative resistance,Linkage Mapper,cost distance,CWD,NLCC,network</source>
        <translation>廊道,生态廊道,最小累积阻力路径,最小累积阻力,MCR,Linkage Mapper,成本距离,CWD,NLCC,网络,corridor,least-cost path,LCP,minimum cumulative resistance,cost distance,network</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>&lt;p&gt;Maps the corridors between ecological sources over a resistance surface, step by step as Linkage Mapper's &lt;i&gt;Build Network and Map Linkages&lt;/i&gt;:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Candidate links&lt;/b&gt; join sources whose allocation zones touch: each cell goes to its cheapest source (cost-weighted) and/or to its nearest source (Euclidean).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Distances&lt;/b&gt;: the edge-to-edge Euclidean distance of each candidate; the cost-weighted distance (CWD) from every source, moving between 8 neighbours at the step length × the mean resistance of the two cells (the MCR model); the least-cost distance CW_Dist and the least-cost path (LCP) of each link.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Pruning&lt;/b&gt;: links beyond the distance limits, links whose path crosses a third source, and (optionally) links that are not among the N nearest neighbours of either source are kept in the output but marked inactive; separate clusters can be joined again by their shortest link.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Corridors&lt;/b&gt;: the normalized least-cost corridor NLCC = CWD_A + CWD_B − CW_Dist of every active link, mosaicked by minimum (0 on the paths), optionally truncated at a cost-weighted width. Like Linkage Mapper, which writes both &lt;i&gt;_corridors&lt;/i&gt; and &lt;i&gt;_corridors_truncated_at_&lt;/i&gt;, the tool can write the untruncated mosaic beside the truncated one.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;Link fields&lt;/b&gt; (Linkage Mapper's names): Link_ID, Active (1/0; edit it to change which links the pinch-point, barrier and centrality tools use), Link_Type (1 corridor, 10 nearest neighbour, 20 constellation; -1 not a nearest neighbour, -11/-13 Euclidean distance above the maximum / below the minimum, -12/-14 cost distance above the maximum or not connected / below the minimum, -15 passes through another source), Link_Info, From_Core, To_Core, Euc_Dist (map units), CW_Dist (cost units = map units × resistance), LCP_Length, cwd2Euc_R = CW_Dist / Euc_Dist and cwd2Path_R = CW_Dist / LCP_Length (lower means an easier corridor).&lt;/p&gt;&lt;p&gt;Reference: McRae, B.H. &amp; Kavanagh, D.M. (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按 Linkage Mapper 的&lt;i&gt;构建网络并绘制连接（Build Network and Map Linkages）&lt;/i&gt;逐步绘制阻力面上生态源地之间的廊道：&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;候选连接&lt;/b&gt;连接分配区相邻的源地：每个栅格归属于其代价最低的源地（累积阻力）和/或最近的源地（欧氏距离）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;距离&lt;/b&gt;：每条候选连接的边到边欧氏距离；从每个源地出发的累积阻力距离（CWD），在 8 邻域间移动，代价为步长 × 两栅格阻力的平均值（MCR 模型）；每条连接的最小累积阻力距离 CW_Dist 和最小成本路径（LCP）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;筛选&lt;/b&gt;：超出距离限制的连接、路径穿过第三个源地的连接，以及（可选）不属于任一端源地 N 个最近邻的连接，保留在输出中但标记为无效；分离的簇可用其最短连接重新相连。&lt;/li&gt;&lt;li&gt;&lt;b&gt;廊道&lt;/b&gt;：每条有效连接的归一化最小成本廊道 NLCC = CWD_A + CWD_B − CW_Dist，按最小值镶嵌（路径上为 0），可按累积阻力宽度截断。与同时写出 &lt;i&gt;_corridors&lt;/i&gt; 和 &lt;i&gt;_corridors_truncated_at_&lt;/i&gt; 的 Linkage Mapper 一样，本工具可在截断的镶嵌之外另写出未截断的镶嵌。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;连接字段&lt;/b&gt;（沿用 Linkage Mapper 的名称）：Link_ID、Active（1/0；修改它可改变夹点、障碍点和中心性工具使用的连接）、Link_Type（1 廊道，10 最近邻，20 星座；-1 非最近邻，-11/-13 欧氏距离高于最大值/低于最小值，-12/-14 累积阻力距离高于最大值或不连通/低于最小值，-15 穿过其他源地）、Link_Info、From_Core、To_Core、Euc_Dist（地图单位）、CW_Dist（代价单位 = 地图单位 × 阻力）、LCP_Length、cwd2Euc_R = CW_Dist / Euc_Dist 和 cwd2Path_R = CW_Dist / LCP_Length（越低表示廊道越容易通行）。&lt;/p&gt;&lt;p&gt;参考文献：McRae, B.H. &amp; Kavanagh, D.M. (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Adjacency</source>
        <translation>邻接方式</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Cost-weighted and Euclidean</source>
        <translation>成本加权与欧氏</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Cost-weighted</source>
        <translation>成本加权</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Euclidean</source>
        <translation>欧氏</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Which allocation zones must touch for two sources to be linked (Linkage Mapper's default: both).</source>
        <translation>两个源地相连需要哪种分配区相接（Linkage Mapper 默认：二者）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Maximum Euclidean distance (0 = no limit)</source>
        <translation>最大欧氏距离（0 = 不限）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Links whose sources lie farther apart than this (map units, edge to edge) are dropped (-11). Linkage Mapper's demo: 40,000 m.</source>
        <translation>源地间距离（地图单位，边缘到边缘）超过此值的连接被舍去（-11）。Linkage Mapper 示例：40,000 m。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Maximum cost-weighted distance (0 = no limit)</source>
        <translation>最大成本加权距离（0 = 不限）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Links costlier than this (cost units) are dropped (-12). A limit also shortens every cost search.</source>
        <translation>成本（成本单位）高于此值的连接被舍去（-12）。设置限值也会缩短每次成本搜索。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Nearest neighbours per source (0 = all)</source>
        <translation>每个源地的最近邻数（0 = 全部）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Keep a link only when it is among the N nearest links of at least one of its sources (Linkage Mapper's default 4); the others become -1.</source>
        <translation>仅当连接属于其至少一个端点源地的 N 条最近连接之一时才保留（Linkage Mapper 默认 4）；其他连接变为 -1。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Nearest by</source>
        <translation>最近邻依据</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Cost-weighted distance</source>
        <translation>成本加权距离</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Euclidean distance</source>
        <translation>欧氏距离</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>What 'nearest' measures.</source>
        <translation>“最近”的度量方式。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Connect constellations</source>
        <translation>连接星座</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>After the nearest-neighbour pruning, join groups of sources that are no longer connected through their shortest dropped link (type 20).</source>
        <translation>最近邻筛除之后，通过被舍去的最短连接将不再相连的源地组连接起来（类型 20）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Drop links that pass through another source</source>
        <translation>舍去穿过其他源地的连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>A path that crosses a third source is served by the two links through it (type -15).</source>
        <translation>穿过第三个源地的路径由经过该源地的两条连接代替（类型 -15）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Corridor width (cost units, 0 = whole map)</source>
        <translation>廊道宽度（成本单位，0 = 全图）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Cells whose NLCC is above this width are NoData in the corridor raster. Linkage Mapper's demo truncates at 200,000; pinch-point studies use 5,000-20,000 on 30 m grids.</source>
        <translation>NLCC 高于此宽度的像元在廊道栅格中为 NoData。Linkage Mapper 示例截断于 200,000；夹点研究在 30 m 网格上常用 5,000-20,000。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Minimum Euclidean distance</source>
        <translation>最小欧氏距离</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Links between sources closer than this (map units) are dropped (-13).</source>
        <translation>源地间距离小于此值（地图单位）的连接被舍去（-13）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Minimum cost-weighted distance</source>
        <translation>最小成本加权距离</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Links cheaper than this (cost units) are dropped (-14).</source>
        <translation>成本低于此值（成本单位）的连接被舍去（-14）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Least-cost paths</source>
        <translation>最小累积阻力路径</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>One line per candidate link, from From_Core to To_Core through cell centres, with Linkage Mapper's attributes; links dropped before their cost search have no geometry.</source>
        <translation>每条候选连接一条线，从 From_Core 经像元中心到 To_Core，带 Linkage Mapper 的属性；在成本搜索之前就被舍去的连接没有几何图形。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Corridors (NLCC)</source>
        <translation>廊道（NLCC）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Float32 GeoTIFF: normalized least-cost corridor value in cost units, 0 on the least-cost paths; NoData outside the width and on NoData cells. Optional: skip it when only the links are wanted.</source>
        <translation>Float32 GeoTIFF：以成本单位表示的归一化最小成本廊道值，最小成本路径上为 0；宽度以外和 NoData 像元为 NoData。可选：只需要连接线时可跳过。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Corridors, untruncated (NLCC)</source>
        <translation>廊道，未截断（NLCC）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Float32 GeoTIFF: the same corridor values before the truncation at the corridor width (Linkage Mapper's corridors raster; the corridors output above is its truncated one). NoData only where no active link reaches (or beyond the maximum cost-weighted distance) and on NoData cells. Asking for it lets the cost searches run past the width, which takes longer.</source>
        <translation>Float32 GeoTIFF：在按廊道宽度截断之前的同一廊道值（Linkage Mapper 的 corridors 栅格；上面的廊道输出是其截断版本）。仅在没有有效连接到达处（或超出最大累积阻力距离处）以及 NoData 栅格上为 NoData。输出此项会让代价搜索越过宽度继续进行，耗时更长。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Float32 GeoTIFF: cost-weighted distance to the nearest source (the MCR surface).</source>
        <translation>Float32 GeoTIFF：到最近源地的成本加权距离（MCR 面）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Candidate links</source>
        <translation>候选连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Active links</source>
        <translation>有效连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Linkage pathways</source>
        <translation>连接路径计算</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>It keeps one cost-distance map per source: use coarser cells, a smaller extent or fewer sources.</source>
        <translation>它为每个源地保留一张成本距离图：请使用更粗的像元、更小的范围或更少的源地。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>{active} of {count} candidate links are active.</source>
        <translation>{count} 条候选连接中有 {active} 条有效。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>No link is active: loosen the distance limits or the nearest-neighbour setting.</source>
        <translation>没有有效连接：请放宽距离限值或最近邻设置。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Normalized least-cost corridor (cost units)</source>
        <translation>归一化最小累积阻力廊道（成本单位）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Normalized least-cost corridor, untruncated (cost units)</source>
        <translation>归一化最小成本廊道，未截断（代价单位）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/linkagepathways.py"/>
        <source>Cost-weighted distance to the nearest source</source>
        <translation>到最近源地的成本加权距离</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Sources (polygons)</source>
        <translation>源地（面）</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Ecological sources (core areas) as polygons, for example the output of 'Extract ecological sources'. Each polygon is burnt onto the resistance grid (cells whose centre it covers). Give either these polygons or a source id raster.</source>
        <translation>以面表示的生态源地（核心区），例如“提取生态源地”的输出。每个面被栅格化到阻力网格上（其覆盖的像元中心）。给出这些面或源地编号栅格之一。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source id field</source>
        <translation>源地编号字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Positive whole-number id of each source (source_id in 'Extract ecological sources'). Features sharing an id form one source. Empty: features are numbered 1, 2, ... in layer order.</source>
        <translation>每个源地的正整数编号（“提取生态源地”中的 source_id）。编号相同的要素构成一个源地。为空：要素按图层顺序编号 1, 2, ...。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source id raster</source>
        <translation>源地编号栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Instead of polygons: a raster of source ids (0 or NoData = no source) on the grid of the resistance raster, such as the source id raster of 'Extract ecological sources'.</source>
        <translation>代替面要素：位于阻力栅格网格上的源地编号栅格（0 或 NoData = 非源地），例如“提取生态源地”输出的源地编号栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Cost of crossing one map unit of each cell, e.g. the output of 'Resistance surface'; positive everywhere except NoData, which cannot be crossed. Must be in a projected CRS.</source>
        <translation>穿越每个像元一个地图单位的成本，例如“阻力面”的输出；除 NoData（不可穿越）外处处为正。必须采用投影坐标系。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Resistance raster</source>
        <translation>阻力栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Give the resistance raster.</source>
        <translation>请提供阻力栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Give the sources either as polygons or as a source id raster (exactly one of the two).</source>
        <translation>请以面或源地编号栅格之一给出源地（二者只能选其一）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>The resistance raster is in a geographic CRS (degrees); cost distances need metres. Reproject it to a projected CRS first (Raster &gt; Projections &gt; Warp).</source>
        <translation>阻力栅格采用地理坐标系（度）；成本距离需要以米计。请先将其重投影到投影坐标系（栅格 &gt; 投影 &gt; 变形）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source ids must be whole numbers; the source id raster holds fractions.</source>
        <translation>源地编号必须为整数；源地编号栅格含有小数。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>The source layer has no polygon.</source>
        <translation>源地图层中没有面。</translation>
    </message>
    <message>
        <source>Float32 GeoTIFF: normalized least-cost corridor value in cost units, 0 on the least-cost paths; NoData outside the width and on NoData cells.</source>
        <translation type="vanished">Float32 GeoTIFF：以成本单位计的归一化最小累积阻力廊道值，最小累积阻力路径上为 0；宽度以外和 NoData 像元上为 NoData。</translation>
    </message>
    <message>
        <source>&lt;p&gt;Maps the corridors between ecological sources over a resistance surface, step by step as Linkage Mapper's &lt;i&gt;Build Network and Map Linkages&lt;/i&gt;:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Candidate links&lt;/b&gt; join sources whose allocation zones touch: each cell goes to its cheapest source (cost-weighted) and/or to its nearest source (Euclidean).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Distances&lt;/b&gt;: the edge-to-edge Euclidean distance of each candidate; the cost-weighted distance (CWD) from every source, moving between 8 neighbours at the step length × the mean resistance of the two cells (the MCR model); the least-cost distance CW_Dist and the least-cost path (LCP) of each link.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Pruning&lt;/b&gt;: links beyond the distance limits, links whose path crosses a third source, and (optionally) links that are not among the N nearest neighbours of either source are kept in the output but marked inactive; separate clusters can be joined again by their shortest link.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Corridors&lt;/b&gt;: the normalized least-cost corridor NLCC = CWD_A + CWD_B − CW_Dist of every active link, mosaicked by minimum (0 on the paths), optionally truncated at a cost-weighted width.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;Link fields&lt;/b&gt; (Linkage Mapper's names): Link_ID, Active (1/0; edit it to change which links the pinch-point, barrier and centrality tools use), Link_Type (1 corridor, 10 nearest neighbour, 20 constellation; -1 not a nearest neighbour, -11/-13 Euclidean distance above the maximum / below the minimum, -12/-14 cost distance above the maximum or not connected / below the minimum, -15 passes through another source), Link_Info, From_Core, To_Core, Euc_Dist (map units), CW_Dist (cost units = map units × resistance), LCP_Length, cwd2Euc_R = CW_Dist / Euc_Dist and cwd2Path_R = CW_Dist / LCP_Length (lower means an easier corridor).&lt;/p&gt;&lt;p&gt;Reference: McRae, B.H. &amp; Kavanagh, D.M. (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle.&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;在阻力面上识别生态源地之间的廊道，逐步对应 Linkage Mapper 的 &lt;i&gt;Build Network and Map Linkages&lt;/i&gt;：&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;候选连接&lt;/b&gt;：连接分配区相接的源地：每个像元分配给其成本最低的源地（成本加权）和/或最近的源地（欧氏）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;距离&lt;/b&gt;：每条候选连接的边缘到边缘欧氏距离；从每个源地出发的成本加权距离（CWD），在 8 邻域间移动，成本为步长 × 两像元阻力的平均值（最小累积阻力模型，MCR）；每条连接的最小累积阻力距离 CW_Dist 和最小累积阻力路径（LCP）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;筛除&lt;/b&gt;：超出距离限值的连接、路径穿过第三个源地的连接，以及（可选）不属于任一端源地 N 个最近邻的连接，仍保留在输出中但标记为无效；分离的源地组可以通过其最短连接重新连接。&lt;/li&gt;&lt;li&gt;&lt;b&gt;廊道&lt;/b&gt;：每条有效连接的归一化最小累积阻力廊道 NLCC = CWD_A + CWD_B − CW_Dist，按最小值镶嵌（路径上为 0），可选地按成本加权宽度截断。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;连接字段&lt;/b&gt;（沿用 Linkage Mapper 的名称）：Link_ID、Active（1/0；编辑它可改变夹点、障碍点和中心性工具所用的连接）、Link_Type（1 廊道，10 最近邻，20 星座连接；-1 非最近邻，-11/-13 欧氏距离高于最大值/低于最小值，-12/-14 成本距离高于最大值或不连通/低于最小值，-15 穿过其他源地）、Link_Info、From_Core、To_Core、Euc_Dist（地图单位）、CW_Dist（成本单位 = 地图单位 × 阻力）、LCP_Length、cwd2Euc_R = CW_Dist / Euc_Dist 和 cwd2Path_R = CW_Dist / LCP_Length（越低表示廊道越易通行）。&lt;/p&gt;&lt;p&gt;参考文献：McRae, B.H. &amp; Kavanagh, D.M. (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Mspa</name>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Morphological spatial pattern analysis (MSPA)</source>
        <translation>形态学空间格局分析（MSPA）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>MSPA,GuidosToolbox,GTB,GWB,core,edge,bridge,loop,islet,perforation,branch,morphology,forest,fragmentation,ecological source</source>
        <translation>MSPA,GuidosToolbox,GTB,GWB,形态学空间格局分析,核心区,边缘区,桥接区,环道区,孤岛,穿孔区,支线,形态学,森林,破碎化,生态源地,core,edge,bridge,loop,islet,perforation,branch,fragmentation,ecological source</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>&lt;p&gt;Segments the foreground of a binary map (habitat / non-habitat) into the MSPA classes of GuidosToolbox (GTB): core, islet, perforation, edge, loop, bridge and branch, with GTB's output codes, so the result can replace a GTB run in an ecological-source workflow (cores, codes 17 and 117, are the usual candidate sources).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Input&lt;/b&gt;: a land-cover raster and the list of classes that form the foreground (for example forest, shrub, grassland, water), or, with the list empty, a raster already coded as GTB wants it: 0 missing, 1 background, 2 foreground. NoData cells are missing. Edge width is counted in cells (real width = edge width x cell size); the table's areas are exact in a projected CRS.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Output&lt;/b&gt;: a Byte raster of MSPA codes (styled with GTB's colours) and a table of the area of every class. Codes:&lt;/p&gt;{classes}&lt;p&gt;Classes inside a core opening (a hole of a core) get +100 when 'internal / external' is on (101 branch, 103 edge, 105 perforation, 109 islet, 117 core, 133-137 bridge, 165-169 loop, 100 background inside a core opening). 35/37 and 67/69 are bridge and loop cells where they cross an edge or perforation. As in GTB, 'transition' changes only their colours, not the codes: with it off they keep their codes and are drawn in the colour of the edge or perforation they cross, and the table still lists them under their own codes. Missing cells are 129. As in GTB, with 'internal / external' on every perforation lies inside a core opening and is therefore reported as 105.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Agreement with GuidosToolbox&lt;/b&gt;: every class, bridges, loops and branches included, is GTB's cell for cell, at both connectivities, every edge width and both settings of transition and internal / external: the connectors come from the same order-independent anchored thinning, widened by the same distance measured within the non-core foreground, and told apart by the same flooding from the cores. The tests compare every cell of the MSPA engine's own outputs (20 maps, 32 settings, engine v2.3 and v2.4) and GWB's published example.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Border frame&lt;/b&gt; (advanced): GTB pads the map with a copy of its outer rows and columns so that the map border is no edge. GTB desktop and GWB (MSPA engine v2.3, the default) leave the frame's corners empty and place the right and bottom copies one cell inwards; pyguidos 2.6.1 and later (engine v2.4) fill the corners and the whole frame. The results differ only near the right and bottom map borders and the corners; pick the one whose numbers you compare with.&lt;/p&gt;&lt;p&gt;Reference: Soille, P. &amp; Vogt, P. (2009) Morphological segmentation of binary patterns. Pattern Recognition Letters 30: 456-459.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将二值图（生境/非生境）的前景分割为 GuidosToolbox（GTB）的 MSPA 类型：核心区、孤岛、穿孔区、边缘区、环道区、桥接区和支线，并采用 GTB 的输出代码，因此结果可在生态源地识别流程中替代 GTB 的运行结果（核心区，代码 17 和 117，通常作为候选源地）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入&lt;/b&gt;：土地覆被栅格及构成前景的类型列表（例如林地、灌木、草地、水体）；或在列表为空时，使用已按 GTB 要求编码的栅格：0 缺失，1 背景，2 前景。NoData 像元视为缺失。边缘宽度以像元计（实际宽度 = 边缘宽度 × 像元大小）；在投影坐标系下，表中的面积是精确的。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;：MSPA 代码的 Byte 栅格（采用 GTB 配色）及各类型面积表。代码：&lt;/p&gt;{classes}&lt;p&gt;开启“内部/外部”时，核心区孔洞（核心区内的洞）内的类型加 100（101 支线，103 边缘区，105 穿孔区，109 孤岛，117 核心区，133-137 桥接区，165-169 环道区，100 核心区孔洞内的背景）。35/37 和 67/69 是穿越边缘区或穿孔区的桥接区和环道区像元。与 GTB 相同，“过渡”只改变它们的颜色而不改变代码：关闭时它们保留原代码，以所穿越的边缘区或穿孔区的颜色绘制，表中仍按各自的代码列出。缺失像元为 129。与 GTB 相同，开启“内部/外部”时，每个穿孔区都位于核心区孔洞内，因此记为 105。&lt;/p&gt;&lt;p&gt;&lt;b&gt;与 GuidosToolbox 的一致性&lt;/b&gt;：所有类型（包括桥接区、环道区和支线）在两种连通性、每种边缘宽度以及“过渡”和“内部/外部”的各种设置下，均与 GTB 逐像元一致：连接线来自相同的与顺序无关的锚定细化，按相同的、在非核心前景内量测的距离加宽，并以相同的从核心区出发的淹没过程区分桥接与环道。测试逐像元比对了 MSPA 引擎自身的输出（20 幅图、32 种设置、引擎 v2.3 与 v2.4）以及 GWB 公布的示例。&lt;/p&gt;&lt;p&gt;&lt;b&gt;边框&lt;/b&gt;（高级）：GTB 在图幅外围补一圈复制的外侧行列，使图幅边界不构成边缘。GTB 桌面版和 GWB（MSPA 引擎 v2.3，默认）让边框四角留空，并把右侧和下侧的复制带向内错一个像元；pyguidos 2.6.1 及更高版本（引擎 v2.4）填满四角和整圈边框。两者只在右、下图幅边界和四角附近有差别；请选择与你要对照的结果相同的版本。&lt;/p&gt;&lt;p&gt;参考文献：Soille, P. &amp; Vogt, P. (2009) Morphological segmentation of binary patterns. Pattern Recognition Letters 30: 456-459.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Land-cover or foreground raster</source>
        <translation>土地覆被或前景栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Class codes (with a list of foreground classes), or a raster coded 0 missing, 1 background, 2 foreground. Its NoData cells are missing (129).</source>
        <translation>类型代码（配合前景类型列表），或编码为 0 缺失、1 背景、2 前景的栅格。其 NoData 像元视为缺失（129）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Band holding the classes; band 1 when not set.</source>
        <translation>存放类型的波段；未设置时为波段 1。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Foreground classes (e.g. 2,3,4,9)</source>
        <translation>前景类型（例如 2,3,4,9）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Codes of the land-cover classes that form the habitat, separated by commas; '21-24' is a range. Every other class is background. Leave empty when the raster is already coded 0 missing / 1 background / 2 foreground; any other value is then an error.</source>
        <translation>构成生境的土地覆被类型代码，以逗号分隔；'21-24' 表示一个范围。其他类型均为背景。若栅格已编码为 0 缺失 / 1 背景 / 2 前景，请留空；此时出现其他值即报错。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Foreground connectivity</source>
        <translation>前景连通性</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>8: diagonal neighbours are connected (GTB's default); 4: only edge neighbours. The background uses the other connectivity.</source>
        <translation>8：对角相邻视为连通（GTB 默认）；4：仅边相邻。背景采用另一种连通性。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Edge width (cells)</source>
        <translation>边缘宽度（像元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Width of edges and perforations in cells: the real width is edge width x cell size (1 cell at 30 m = 30 m). A patch needs to be about 2 x edge width + 1 cells thick to hold core.</source>
        <translation>边缘区和穿孔区的宽度（像元数）：实际宽度 = 边缘宽度 × 像元大小（30 m 像元时 1 个像元 = 30 m）。斑块厚度约需 2 × 边缘宽度 + 1 个像元才能包含核心区。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Transition</source>
        <translation>过渡</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>On: bridge and loop cells that cross an edge or perforation into a core (35, 37, 67, 69) are drawn as bridge / loop. Off: they are drawn in the colour of the edge / perforation they cross, so core boundaries look closed. As in GTB the codes in the raster and the table are the same either way.</source>
        <translation>开启：穿越边缘区或穿孔区进入核心区的桥接区和环道区像元（35、37、67、69）按桥接区/环道区绘制。关闭：按其所穿越的边缘区/穿孔区的颜色绘制，使核心区边界看起来是闭合的。与 GTB 相同，两种情况下栅格和表中的代码都相同。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Internal / external</source>
        <translation>内部/外部</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>On: classes inside core openings (holes of cores) get +100, background in holes of the foreground that are not core openings gets 220.</source>
        <translation>开启：核心区孔洞（核心区内的洞）内的类型加 100，前景孔洞中不属于核心区孔洞的背景记为 220。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Border frame</source>
        <translation>边框</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>GuidosToolbox desktop and GWB (MSPA v2.3)</source>
        <translation>GuidosToolbox 桌面版和 GWB（MSPA v2.3）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>pyguidos 2.6.1 and later (MSPA v2.4)</source>
        <translation>pyguidos 2.6.1 及更高版本（MSPA v2.4）</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>How the map border is padded before the analysis. v2.3 (GTB desktop, GWB) leaves the frame's corners empty and its right and bottom bands one cell short; v2.4 (pyguidos) fills them. Only classes near the right and bottom borders and the corners can differ.</source>
        <translation>分析前如何填补图幅边界。v2.3（GTB 桌面版、GWB）让边框四角留空，右侧和下侧复制带少一个像元；v2.4（pyguidos）将其填满。只有右、下边界和四角附近的类型可能不同。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>MSPA classes</source>
        <translation>MSPA 类型</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Byte GeoTIFF of MSPA codes on the input grid; 129 = missing. Its NoData value, 255, never occurs.</source>
        <translation>输入网格上的 MSPA 代码 Byte GeoTIFF；129 = 缺失。其 NoData 值 255 不会出现。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>MSPA class areas</source>
        <translation>MSPA 类型面积</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>One row per class present: code, class, cells, area_km2, pct_foreground (share of the foreground, empty for background and missing), pct_data (share of the cells with data).</source>
        <translation>每个出现的类型一行：code（代码）、class（类型）、cells（像元数）、area_km2（面积）、pct_foreground（占前景的比例，背景和缺失为空）、pct_data（占有数据像元的比例）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Foreground classes must be class codes separated by commas (ranges like 21-24 are allowed), not '{text}'.</source>
        <translation>前景类型必须是以逗号分隔的类型代码（允许 21-24 这样的范围），而不是“{text}”。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>The raster is in a geographic CRS; areas use the cell area at the centre of the raster ({area:.6g} km2) and are approximate. Reproject it to an equal-area or projected CRS for exact areas.</source>
        <translation>栅格采用地理坐标系；面积按栅格中心处的像元面积（{area:.6g} km2）计算，为近似值。如需精确面积，请将其重投影到等积或投影坐标系。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>The raster has no CRS; its cell size is taken as metres for the areas.</source>
        <translation>栅格没有坐标参考系；计算面积时其像元大小按米处理。</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>MSPA</source>
        <translation>MSPA 分析</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Reading {name}</source>
        <translation>正在读取 {name}</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>Input raster</source>
        <translation>输入栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>{code:&gt;3} {name}: {cells} cells, {pct:.2f} % of the foreground</source>
        <translation>{code:&gt;3} {name}：{cells} 个像元，占前景的 {pct:.2f} %</translation>
    </message>
    <message>
        <location filename="../../algorithms/sources/mspa.py"/>
        <source>MSPA {conn}_{ew}_{trans}_{intext}</source>
        <translation>MSPA {conn}_{ew}_{trans}_{intext}</translation>
    </message>
    <message>
        <source>&lt;p&gt;Segments the foreground of a binary map (habitat / non-habitat) into the MSPA classes of GuidosToolbox (GTB): core, islet, perforation, edge, loop, bridge and branch, with GTB's output codes, so the result can replace a GTB run in an ecological-source workflow (cores, codes 17 and 117, are the usual candidate sources).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Input&lt;/b&gt;: a land-cover raster and the list of classes that form the foreground (for example forest, shrub, grassland, water), or, with the list empty, a raster already coded as GTB wants it: 0 missing, 1 background, 2 foreground. NoData cells are missing. Edge width is counted in cells (real width = edge width x cell size); the table's areas are exact in a projected CRS.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Output&lt;/b&gt;: a Byte raster of MSPA codes (styled with GTB's colours) and a table of the area of every class. Codes:&lt;/p&gt;{classes}&lt;p&gt;Classes inside a core opening (a hole of a core) get +100 when 'internal / external' is on (101 branch, 103 edge, 105 perforation, 109 islet, 117 core, 133-137 bridge, 165-169 loop, 100 background inside a core opening). 35/37 and 67/69 are bridge and loop cells where they cross an edge or perforation. As in GTB, 'transition' changes only their colours, not the codes: with it off they keep their codes and are drawn in the colour of the edge or perforation they cross, and the table still lists them under their own codes. Missing cells are 129. As in GTB, with 'internal / external' on every perforation lies inside a core opening and is therefore reported as 105.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Agreement with GuidosToolbox&lt;/b&gt;: core, islet, edge and perforation, the internal (+100) and border-opening (220) rules, and the treatment of missing data and of the map border follow GTB's definitions cell for cell. Bridge, loop and branch depend on a skeleton computed by thinning, and our thinning (order-independent anchored thinning in numpy) is not GTB's compiled code: single cells may differ where a connector enters a core or edge, or where a corridor two cells wide could be thinned to either side, so connector areas can differ slightly from GTB's.&lt;/p&gt;&lt;p&gt;Reference: Soille, P. &amp; Vogt, P. (2009) Morphological segmentation of binary patterns. Pattern Recognition Letters 30: 456-459.&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;将二值图（生境/非生境）的前景分割为 GuidosToolbox（GTB）的 MSPA 类型：核心区、孤岛、穿孔区、边缘区、环道区、桥接区和支线，并采用 GTB 的输出代码，因此结果可在生态源地识别流程中替代 GTB 的运行结果（核心区，代码 17 和 117，通常作为候选源地）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入&lt;/b&gt;：土地覆被栅格及构成前景的类型列表（例如林地、灌木、草地、水体）；或在列表为空时，使用已按 GTB 要求编码的栅格：0 缺失，1 背景，2 前景。NoData 像元视为缺失。边缘宽度以像元计（实际宽度 = 边缘宽度 × 像元大小）；在投影坐标系下，表中的面积是精确的。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;：MSPA 代码的 Byte 栅格（采用 GTB 配色）及各类型面积表。代码：&lt;/p&gt;{classes}&lt;p&gt;开启“内部/外部”时，核心区孔洞（核心区内的洞）内的类型加 100（101 支线，103 边缘区，105 穿孔区，109 孤岛，117 核心区，133-137 桥接区，165-169 环道区，100 核心区孔洞内的背景）。35/37 和 67/69 是穿越边缘区或穿孔区的桥接区和环道区像元。与 GTB 相同，“过渡”只改变它们的颜色而不改变代码：关闭时它们保留原代码，以所穿越的边缘区或穿孔区的颜色绘制，表中仍按各自的代码列出。缺失像元为 129。与 GTB 相同，开启“内部/外部”时，每个穿孔区都位于核心区孔洞内，因此记为 105。&lt;/p&gt;&lt;p&gt;&lt;b&gt;与 GuidosToolbox 的一致性&lt;/b&gt;：核心区、孤岛、边缘区和穿孔区，内部（+100）和边界孔洞（220）规则，以及缺失数据和图幅边界的处理，均逐像元遵循 GTB 的定义。桥接区、环道区和支线取决于细化得到的骨架，而本工具的细化（numpy 实现的与顺序无关的锚定细化）并非 GTB 的编译代码：在连接线进入核心区或边缘区处，或在两像元宽、可向任一侧细化的廊道处，个别像元可能不同，因此连接类型的面积可能与 GTB 略有差异。&lt;/p&gt;&lt;p&gt;参考文献：Soille, P. &amp; Vogt, P. (2009) Morphological segmentation of binary patterns. Pattern Recognition Letters 30: 456-459.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Segments the foreground of a binary map (habitat / non-habitat) into the MSPA classes of GuidosToolbox (GTB): core, islet, perforation, edge, loop, bridge and branch, with GTB's output codes, so the result can replace a GTB run in an ecological-source workflow (cores, codes 17 and 117, are the usual candidate sources).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Input&lt;/b&gt;: a land-cover raster and the list of classes that form the foreground (for example forest, shrub, grassland, water), or, with the list empty, a raster already coded as GTB wants it: 0 missing, 1 background, 2 foreground. NoData cells are missing. Edge width is counted in cells (real width = edge width x cell size); the table's areas are exact in a projected CRS.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Output&lt;/b&gt;: a Byte raster of MSPA codes (styled with GTB's colours) and a table of the area of every class. Codes:&lt;/p&gt;{classes}&lt;p&gt;Classes inside a core opening (a hole of a core) get +100 when 'internal / external' is on (101 branch, 103 edge, 105 perforation, 109 islet, 117 core, 133-137 bridge, 165-169 loop, 100 background inside a core opening). 35/37 and 67/69 are bridge and loop cells where they cross an edge or perforation ('transition'); with transition off they are reported as 3 or 5. Missing cells are 129. As in GTB, with 'internal / external' on every perforation lies inside a core opening and is therefore reported as 105.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Agreement with GuidosToolbox&lt;/b&gt;: core, islet, edge and perforation, the internal (+100) and border-opening (220) rules, and the treatment of missing data and of the map border follow GTB's definitions cell for cell. Bridge, loop and branch depend on a skeleton computed by thinning, and our thinning (order-independent anchored thinning in numpy) is not GTB's compiled code: single cells may differ where a connector enters a core or edge, or where a corridor two cells wide could be thinned to either side, so connector areas can differ slightly from GTB's.&lt;/p&gt;&lt;p&gt;Reference: Soille, P. &amp; Vogt, P. (2009) Morphological segmentation of binary patterns. Pattern Recognition Letters 30: 456-459.&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;将二值图（生境/非生境）的前景分割为 GuidosToolbox（GTB）的 MSPA 类型：核心区、孤岛、穿孔区、边缘区、环道区、桥接区和支线，并采用 GTB 的输出代码，因此结果可在生态源地识别流程中替代 GTB 的运行结果（核心区，代码 17 和 117，通常作为候选源地）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入&lt;/b&gt;：土地覆被栅格及构成前景的类型列表（例如林地、灌木、草地、水体）；或在列表为空时，使用已按 GTB 要求编码的栅格：0 缺失，1 背景，2 前景。NoData 像元视为缺失。边缘宽度以像元计（实际宽度 = 边缘宽度 × 像元大小）；在投影坐标系下，表中的面积是精确的。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;：MSPA 代码的 Byte 栅格（采用 GTB 配色）及各类型面积表。代码：&lt;/p&gt;{classes}&lt;p&gt;开启“内部/外部”时，核心区孔洞（核心区内的洞）内的类型加 100（101 支线，103 边缘区，105 穿孔区，109 孤岛，117 核心区，133-137 桥接区，165-169 环道区，100 核心区孔洞内的背景）。35/37 和 67/69 是穿越边缘区或穿孔区的桥接区和环道区像元（“过渡”）；关闭过渡时它们记为 3 或 5。缺失像元为 129。与 GTB 相同，开启“内部/外部”时，每个穿孔区都位于核心区孔洞内，因此记为 105。&lt;/p&gt;&lt;p&gt;&lt;b&gt;与 GuidosToolbox 的一致性&lt;/b&gt;：核心区、孤岛、边缘区和穿孔区，内部（+100）和边界孔洞（220）规则，以及缺失数据和图幅边界的处理，均逐像元遵循 GTB 的定义。桥接区、环道区和支线取决于细化得到的骨架，而本工具的细化（numpy 实现的与顺序无关的锚定细化）并非 GTB 的编译代码：在连接线进入核心区或边缘区处，或在两像元宽、可向任一侧细化的廊道处，个别像元可能不同，因此连接类型的面积可能与 GTB 略有差异。&lt;/p&gt;&lt;p&gt;参考文献：Soille, P. &amp; Vogt, P. (2009) Morphological segmentation of binary patterns. Pattern Recognition Letters 30: 456-459.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>On: bridge and loop cells that cross an edge or perforation into a core are shown as bridge / loop (35, 37, 67, 69). Off: they are shown as edge / perforation (3, 5), so core boundaries are closed.</source>
        <translation type="vanished">开启：穿越边缘区或穿孔区进入核心区的桥接区和环道区像元显示为桥接区/环道区（35、37、67、69）。关闭：它们显示为边缘区/穿孔区（3、5），从而使核心区边界闭合。</translation>
    </message>
</context>
<context>
    <name>Omniscape</name>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Omnidirectional current (Omniscape)</source>
        <translation>全向电流（Omniscape）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Wall-to-wall connectivity without focal nodes (Omniscape.jl's algorithm, same numbers). Every block centre in turn is a ground; every source cell within the radius injects current in proportion to its strength, and the currents of all windows are summed.
Inputs: a resistance raster (NoData = barrier; values must be positive) and either a source-strength raster on the same grid or sources taken from the resistance (1/resistance, cells above the cut-off resistance are no source).
Outputs: cumulative current (A); optionally the flow potential (the current of the same sources on a uniform landscape) and the normalised current (cumulative / flow potential: above 1 = channelled, below 1 = impeded).
Advanced: a reclass table (reclassify_resistance) replaces resistance values before the run, and condition rasters (conditional connectivity) let a source send current to a target only when its condition value is within a range of the target's (or equal to it), optionally compared with a future raster.
Windows are independent tasks; with more than one worker process they are solved in parallel, and memory for the outputs does not grow with the workers.
Reference: McRae, B.H. et al. (2016) Conserving nature's stage: mapping omnidirectional connectivity for resilient terrestrial landscapes in the Pacific Northwest. The Nature Conservancy; Landau, V.A. et al. (2021) Omniscape.jl, JOSS 6(57): 2829.</source>
        <translation>无需焦点节点的全域连通性（Omniscape.jl 的算法，结果相同）。依次以每个块中心为接地点；半径内的每个源栅格按其强度注入电流，所有窗口的电流相加。
输入：阻力栅格（NoData = 障碍；值须为正），以及同一网格上的源强度栅格，或由阻力取源（1/阻力，阻力高于截断值的栅格不作为源）。
输出：累积电流（A）；可选流动潜力（相同源在均质景观上的电流）和归一化电流（累积电流 / 流动潜力：大于 1 = 汇聚，小于 1 = 受阻）。
高级：重分类表（reclassify_resistance）在运行前替换阻力值；条件栅格（条件连通性）使源只在其条件值与目标值相差在某范围内（或相等）时向目标输送电流，可与未来栅格比较。
各窗口是独立任务；工作进程多于一个时并行求解，输出所需内存不随工作进程增加。
参考文献：McRae, B.H. et al. (2016) Conserving nature's stage: mapping omnidirectional connectivity for resilient terrestrial landscapes in the Pacific Northwest. The Nature Conservancy; Landau, V.A. et al. (2021) Omniscape.jl, JOSS 6(57): 2829。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Resistance raster</source>
        <translation>阻力栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>resistance_file: positive resistance per cell; NoData is a barrier.</source>
        <translation>resistance_file：每个像元的正阻力值；NoData 为障碍。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Band of the resistance raster (default 1).</source>
        <translation>阻力栅格的波段（默认 1）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Values are conductances</source>
        <translation>值为电导</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>resistance_is_conductance: the raster holds conductances, not resistances.</source>
        <translation>resistance_is_conductance：栅格存放的是电导而非阻力。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Source strength</source>
        <translation>电流源强度</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>source_file: relative source strength per cell, on the resistance grid. Leave empty to take sources from the resistance.</source>
        <translation>source_file：每个像元的相对电流源强度，位于阻力网格上。留空则由阻力推导电流源。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Sources from resistance</source>
        <translation>由阻力推导电流源</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>source_from_resistance: source strength = 1 / resistance.</source>
        <translation>source_from_resistance：电流源强度 = 1 / 阻力。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Cut-off resistance</source>
        <translation>截断阻力</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>r_cutoff: with sources from resistance, cells with a higher resistance are no source. Empty: no cut-off.</source>
        <translation>r_cutoff：由阻力推导电流源时，阻力高于此值的像元不作为电流源。为空：不截断。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Source threshold</source>
        <translation>电流源阈值</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>source_threshold: source-raster values below it are set to 0.</source>
        <translation>source_threshold：电流源栅格中低于此值的值设为 0。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Radius (cells)</source>
        <translation>半径（像元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>radius: sources within this distance (in cells) of a target send current to it. Choose about the dispersal distance of the species divided by the cell size.</source>
        <translation>radius：距目标此距离（像元数）以内的电流源向其输送电流。约取物种扩散距离除以像元大小。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Block size (cells)</source>
        <translation>块大小（像元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>block_size: targets are the centres of blocks of this size (odd; an even value is raised by one). Larger blocks run much faster; Omniscape's authors suggest up to about a tenth of the radius.</source>
        <translation>block_size：目标为此大小的块的中心（奇数；偶数值加 1）。块越大运行越快；Omniscape 作者建议最多约为半径的十分之一。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Buffer (cells)</source>
        <translation>缓冲区（像元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>buffer: landscape beyond the radius that current may use (no sources).</source>
        <translation>buffer：半径以外电流可经过的景观（不含电流源）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Correct block artifacts</source>
        <translation>校正块状伪影</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>correct_artifacts: remove the pattern that blocks larger than 1 leave.</source>
        <translation>correct_artifacts：消除块大小大于 1 时留下的图案。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Connect four neighbours only</source>
        <translation>仅连接四邻域</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>connect_four_neighbors_only: no diagonal connections.</source>
        <translation>connect_four_neighbors_only：无对角连接。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Window solver</source>
        <translation>窗口求解器</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>auto (by memory and work)</source>
        <translation>auto（按内存和计算量）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>AMG-preconditioned CG</source>
        <translation>AMG 预条件共轭梯度（CG）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Solver for each window; all give the same numbers.</source>
        <translation>每个窗口的求解器；各求解器结果相同。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Worker processes</source>
        <translation>工作进程数</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>1 solves the windows in this process; more start that many workers; 0 (the default) takes the provider's setting (Settings &gt; Options &gt; Processing &gt; Providers &gt; ESP Toolkit: local processes or a Dask cluster, one worker per core unless set). The numbers are the same either way.</source>
        <translation>1 在本进程中求解各窗口；更大的值启动相应数量的工作进程；0（默认）采用提供程序的设置（设置 &gt; 选项 &gt; 处理 &gt; 提供程序 &gt; ESP Toolkit：本地进程或 Dask 集群，未设置时每核一个工作进程）。两种方式结果相同。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Reclass table</source>
        <translation>重分类表</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>reclass_table: a text file of 'old new' value pairs, one a line, that replace resistance values before the run (new = missing makes a class NoData). Empty: no reclassification.</source>
        <translation>reclass_table：每行一对“旧值 新值”的文本文件，在运行前替换阻力值（新值为 missing 时该类变为 NoData）。留空：不重分类。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Condition {k}</source>
        <translation>条件 {k}</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>condition{k}_file: a raster on the resistance grid (e.g. temperature). With it, a source only sends current to a target whose condition matches its own (conditional connectivity). Condition 2 needs condition 1.</source>
        <translation>condition{k}_file：与阻力同一网格的栅格（如气温）。给出后，源只向条件与自身相符的目标输送电流（条件连通性）。条件 2 需要条件 1。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Condition {k}, future</source>
        <translation>条件 {k}（未来）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>condition{k}_future_file: compare each source's present value with the target's future value (compare_to_future). Empty: compare with the present raster.</source>
        <translation>condition{k}_future_file：将每个源的当前值与目标的未来值比较（compare_to_future）。留空：与当前栅格比较。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Comparison {k}</source>
        <translation>比较方式 {k}</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>within (source minus target in [lower, upper])</source>
        <translation>within（源减目标在 [下限, 上限] 内）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>equal (same class)</source>
        <translation>equal（同一类别）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>comparison{k}: 'within' keeps sources whose value minus the median of the target block lies between the lower and upper limits; 'equal' keeps sources equal to the block's most frequent value.</source>
        <translation>comparison{k}：“within”保留其值减去目标块中位数后位于下限与上限之间的源；“equal”保留与该块最常见值相等的源。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Condition {k}: lower limit</source>
        <translation>条件 {k}：下限</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>condition{k}_lower: lowest allowed difference (source minus target) for 'within'.</source>
        <translation>condition{k}_lower：“within”允许的最小差值（源减目标）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Condition {k}: upper limit</source>
        <translation>条件 {k}：上限</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>condition{k}_upper: highest allowed difference (source minus target) for 'within'.</source>
        <translation>condition{k}_upper：“within”允许的最大差值（源减目标）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Cumulative current</source>
        <translation>累积电流</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>cum_currmap: current summed over all windows (A).</source>
        <translation>cum_currmap：所有窗口的电流之和（A）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Flow potential</source>
        <translation>流动潜力</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>flow_potential: the current of the same sources on a landscape of resistance 1.</source>
        <translation>flow_potential：相同电流源在阻力为 1 的景观上的电流。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Normalised current</source>
        <translation>归一化电流</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>normalized_cum_currmap: cumulative current / flow potential.</source>
        <translation>normalized_cum_currmap：累积电流 / 流动潜力。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Reclassified resistance</source>
        <translation>重分类后的阻力</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>classified_resistance: the resistance after the reclass table (only with a reclass table).</source>
        <translation>classified_resistance：经重分类表处理后的阻力（仅在给出重分类表时）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Omniscape</source>
        <translation>Omniscape 计算</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Use a smaller radius (at most about the raster's size), fewer workers, or coarser cells.</source>
        <translation>请使用更小的半径（最多约为栅格的大小）、更少的工作进程或更粗的像元。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Give a source-strength raster or tick 'Sources from resistance'.</source>
        <translation>请给出电流源强度栅格，或勾选“由阻力推导电流源”。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>The reclassified resistance needs a reclass table.</source>
        <translation>输出重分类后的阻力需要重分类表。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Resistance raster '{name}' is rotated; warp it to a north-up grid first.</source>
        <translation>阻力栅格“{name}”是旋转的；请先重投影为正北朝上的栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Omniscape ran in {n} tiles of up to {core} x {core} cells: {computed} computed now, {resumed} resumed from an earlier run.</source>
        <translation>Omniscape 分 {n} 块运行，每块至多 {core} x {core} 个像元：本次计算 {computed} 块，沿用先前运行的 {resumed} 块。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>A future raster for condition {k} needs the present raster of condition {k} too.</source>
        <translation>条件 {k} 的未来栅格还需要条件 {k} 的当前栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscape.py"/>
        <source>Condition 2 needs condition 1: give the first condition raster first.</source>
        <translation>条件 2 需要条件 1：请先给出第一个条件栅格。</translation>
    </message>
    <message>
        <source>1 solves the windows in this process; more start that many worker processes; 0 uses one per CPU core.</source>
        <translation type="vanished">1 表示在本进程中求解各窗口；更大的值启动相应数量的工作进程；0 表示每个 CPU 核心一个。</translation>
    </message>
    <message>
        <source>auto (by size)</source>
        <translation type="vanished">auto（按规模）</translation>
    </message>
    <message>
        <source>Wall-to-wall connectivity without focal nodes (Omniscape.jl's algorithm, same numbers). Every block centre in turn is a ground; every source cell within the radius injects current in proportion to its strength, and the currents of all windows are summed.
Inputs: a resistance raster (NoData = barrier; values must be positive) and either a source-strength raster on the same grid or sources taken from the resistance (1/resistance, cells above the cut-off resistance are no source).
Outputs: cumulative current (A); optionally the flow potential (the current of the same sources on a uniform landscape) and the normalised current (cumulative / flow potential: above 1 = channelled, below 1 = impeded).
Windows are independent tasks; with more than one worker process they are solved in parallel, and memory for the outputs does not grow with the workers.
Reference: McRae, B.H. et al. (2016) Conserving nature's stage: mapping omnidirectional connectivity for resilient terrestrial landscapes in the Pacific Northwest. The Nature Conservancy; Landau, V.A. et al. (2021) Omniscape.jl, JOSS 6(57): 2829.</source>
        <translation type="vanished">无需焦点节点的全覆盖连通性（Omniscape.jl 的算法，结果数值相同）。依次以每个块的中心为接地；半径内的每个电流源像元按其强度成比例地注入电流，再将所有窗口的电流求和。
输入：阻力栅格（NoData = 障碍；值必须为正），以及同一网格上的电流源强度栅格，或由阻力推导电流源（1/阻力，阻力高于截断值的像元不作为电流源）。
输出：累积电流（A）；可选流动潜力（相同电流源在均质景观上的电流）和归一化电流（累积电流 / 流动潜力：大于 1 = 汇聚，小于 1 = 受阻）。
各窗口是相互独立的任务；使用多个工作进程时并行求解，输出所需内存不随工作进程数增加。
参考文献：McRae, B.H. et al. (2016) Conserving nature's stage: mapping omnidirectional connectivity for resilient terrestrial landscapes in the Pacific Northwest. The Nature Conservancy; Landau, V.A. et al. (2021) Omniscape.jl, JOSS 6(57): 2829.</translation>
    </message>
</context>
<context>
    <name>OmniscapeIni</name>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Omniscape INI file (run as is)</source>
        <translation>Omniscape INI 文件（原样运行）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Runs an Omniscape.jl INI file unchanged, with Omniscape's own semantics and numbers: the resistance_file (or conductances with resistance_is_conductance), the source_file (unless source_from_resistance), the reclass_table (reclassify_resistance), the condition files of conditional connectivity, and every moving-window option (radius, block_size, buffer, correct_artifacts, flow potential, normalised current, four neighbours).
Outputs go into Omniscape's layout: the folder project_name (a new folder project_name_1, _2, ... when it exists already), holding config.ini and cum_currmap, flow_potential, normalized_cum_currmap and classified_resistance as the INI asks (write_raw_currmap, calc_flow_potential, calc_normalized_current, write_reclassified_resistance); GeoTIFF unless write_as_tif = false, then ESRI ASCII grids; double precision; NoData -9999.
Differences from Omniscape.jl: paths in the INI (also project_name) are read relative to the INI's folder, not the working directory; config.ini is a verbatim copy of the INI; precision = single computes in double precision and only writes single-precision files; parallelize and parallel_batch_size are replaced by the worker processes below; the folder is made only when the run succeeds.
Reference: Landau, V.A., Shah, V.B., Anantharaman, R. and Hall, K.R. (2021) Omniscape.jl: Software to compute omnidirectional landscape connectivity. JOSS 6(57): 2829.</source>
        <translation>原样运行 Omniscape.jl 的 INI 文件，采用 Omniscape 自身的语义和数值：resistance_file（或 resistance_is_conductance 时的电导）、source_file（source_from_resistance 时除外）、reclass_table（reclassify_resistance）、条件连通性的条件文件，以及所有移动窗口选项（radius、block_size、buffer、correct_artifacts、流动潜力、归一化电流、四邻域）。
输出按 Omniscape 的目录结构写入：文件夹 project_name（已存在时新建 project_name_1、_2……），其中有 config.ini，以及 INI 要求的 cum_currmap、flow_potential、normalized_cum_currmap 和 classified_resistance（write_raw_currmap、calc_flow_potential、calc_normalized_current、write_reclassified_resistance）；默认为 GeoTIFF，write_as_tif = false 时为 ESRI ASCII 栅格；双精度；NoData 为 -9999。
与 Omniscape.jl 的不同：INI 中的路径（包括 project_name）相对于 INI 所在文件夹读取，而非工作目录；config.ini 是 INI 的逐字副本；precision = single 时以双精度计算、只以单精度写出；parallelize 和 parallel_batch_size 由下面的工作进程数代替；只有运行成功才建立文件夹。
参考文献：Landau, V.A., Shah, V.B., Anantharaman, R. and Hall, K.R. (2021) Omniscape.jl: Software to compute omnidirectional landscape connectivity. JOSS 6(57): 2829。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Omniscape INI file</source>
        <translation>Omniscape INI 文件</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>An Omniscape.jl .ini file. Relative paths inside it, and project_name, are relative to its folder.</source>
        <translation>Omniscape.jl 的 .ini 文件。其中的相对路径和 project_name 均相对于该文件所在文件夹。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Window solver</source>
        <translation>窗口求解器</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>as in the INI (cg+amg, cholmod)</source>
        <translation>与 INI 相同（cg+amg、cholmod）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>auto (by memory and work)</source>
        <translation>auto（按内存和计算量）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>AMG-preconditioned CG</source>
        <translation>AMG 预条件共轭梯度（CG）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Override the INI's solver. All give the same numbers to about 1e-8.</source>
        <translation>覆盖 INI 中的求解器。各求解器结果相差约 1e-8。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Worker processes</source>
        <translation>工作进程数</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Replaces the INI's parallelize: 1 solves the windows in this process; more start that many workers; 0 (the default) takes the provider's setting (Settings &gt; Options &gt; Processing &gt; Providers &gt; ESP Toolkit: local processes or a Dask cluster, one worker per core unless set). The numbers are the same either way.</source>
        <translation>取代 INI 中的 parallelize：1 在本进程中求解各窗口；更大的值启动相应数量的工作进程；0（默认）采用提供程序的设置（设置 &gt; 选项 &gt; 处理 &gt; 提供程序 &gt; ESP Toolkit：本地进程或 Dask 集群，未设置时每核一个工作进程）。两种方式结果相同。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Open the maps when done</source>
        <translation>完成后打开地图</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Add the written maps to the project, styled, when the run ends.</source>
        <translation>运行结束后将写出的地图加入项目并应用样式。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Project folder written</source>
        <translation>写出的项目文件夹</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Cumulative current</source>
        <translation>累积电流</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Flow potential</source>
        <translation>流动潜力</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Normalised current</source>
        <translation>归一化电流</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Reclassified resistance</source>
        <translation>重分类后的阻力</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Files written</source>
        <translation>已写出的文件</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>The INI file {path} does not exist.</source>
        <translation>INI 文件 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>The project folder {wanted} exists already; writing to {folder}, as Omniscape does.</source>
        <translation>项目文件夹 {wanted} 已存在；按 Omniscape 的做法写入 {folder}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/omniscapeini.py"/>
        <source>Wrote {path}</source>
        <translation>已写出 {path}</translation>
    </message>
    <message>
        <source>Replaces the INI's parallelize: 1 solves the windows in this process; more start that many worker processes; 0 uses one per CPU core.</source>
        <translation type="vanished">代替 INI 中的 parallelize：1 表示在本进程中求解各窗口；更大的数启动相应数量的工作进程；0 表示每个 CPU 核一个。</translation>
    </message>
    <message>
        <source>auto (by size)</source>
        <translation type="vanished">auto（按规模）</translation>
    </message>
</context>
<context>
    <name>PinchPoints</name>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Pinch points (Pinchpoint Mapper)</source>
        <translation>夹点识别（Pinchpoint Mapper）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>pinch point,pinchpoint,Pinchpoint Mapper,Linkage Mapper,Circuitscape,circuit,current,corridor,bottleneck,effective resistance,ecological node</source>
        <translation>夹点,Pinchpoint Mapper,Linkage Mapper,Circuitscape,电路理论,电流,廊道,瓶颈,有效电阻,生态节点,pinch point,pinchpoint,circuit,current,corridor,bottleneck,effective resistance,ecological node</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>&lt;p&gt;Finds the pinch points of the corridors: narrow places where movement between two sources has no alternative, so the current concentrates. This is Linkage Mapper's Pinchpoint Mapper on the Circuitscape engine of this plugin (same numbers).&lt;/p&gt;&lt;p&gt;For every active link (A, B) of the links layer: the normalized least-cost corridor NLCC = CWD&lt;sub&gt;A&lt;/sub&gt; + CWD&lt;sub&gt;B&lt;/sub&gt; - LCD is computed and cut at the corridor width (cells with NLCC &amp;le; width form the corridor); the resistance is kept inside the corridor only (optionally squared); 1 A flows from source A to source B (each shorted into one node, as Circuitscape's focal regions, 8 neighbours, average conductance). The current maps of all links, with the link's own two sources set to NoData, are combined by maximum into the adjacent-pairs pinch-point raster.&lt;/p&gt;&lt;p&gt;Per link the effective resistance between A and B times the cell size is written as &lt;b&gt;Eff_Resist&lt;/b&gt; (cost units, comparable with CW_Dist) and &lt;b&gt;cwd2EffR_r&lt;/b&gt; = CW_Dist / Eff_Resist: near 1 for a one-cell-wide path, higher for wide corridors with many parallel routes (not written when resistances are squared). The cost distances used are computed here from the sources and the resistance raster.&lt;/p&gt;&lt;p&gt;The network modes add one run on the union of all corridors plus every source, each source a focal region: all pairs (current summed over every pair of sources) or all to one (each source grounded in turn, every other source injecting 1 A); source cells are NoData.&lt;/p&gt;&lt;p&gt;Inputs: the sources (polygons or an id raster), the resistance raster they were linked on (square cells, projected CRS; NoData = impassable) and the links of 'Linkage pathways'. Classes: the adjacent-pairs current graded into N classes; the top class is usually taken as the pinch points.&lt;/p&gt;&lt;p&gt;References: McRae, B.H. (2012) Pinchpoint Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle; McRae, B.H., Dickson, B.G., Keitt, T.H. &amp;amp; Shah, V.B. (2008) Using circuit theory to model connectivity in ecology, evolution, and conservation. Ecology 89: 2712-2724.&lt;/p&gt;</source>
        <translation>&lt;p&gt;识别廊道中的夹点：两个源地之间的移动没有替代路线、因而电流集中的狭窄之处。这就是基于本插件 Circuitscape 引擎（结果数值相同）的 Linkage Mapper 夹点识别工具（Pinchpoint Mapper）。&lt;/p&gt;&lt;p&gt;对连接图层中的每条有效连接（A, B）：计算归一化最小累积阻力廊道 NLCC = CWD&lt;sub&gt;A&lt;/sub&gt; + CWD&lt;sub&gt;B&lt;/sub&gt; - LCD，并按廊道宽度截断（NLCC &amp;le; 宽度的像元构成廊道）；仅保留廊道内的阻力（可选取平方）；1 A 电流从源地 A 流向源地 B（每个源地短路为一个节点，如同 Circuitscape 的焦点区域，8 邻域，平均电导）。将所有连接的电流图（每条连接自身的两个源地设为 NoData）按最大值合并，得到相邻点对夹点栅格。&lt;/p&gt;&lt;p&gt;对每条连接，将 A 与 B 之间的有效电阻乘以像元大小写为 &lt;b&gt;Eff_Resist&lt;/b&gt;（成本单位，可与 CW_Dist 比较），并写出 &lt;b&gt;cwd2EffR_r&lt;/b&gt; = CW_Dist / Eff_Resist：单像元宽的路径接近 1，具有许多并行路线的宽廊道更高（阻力取平方时不写出）。所用的成本距离在此由源地和阻力栅格计算。&lt;/p&gt;&lt;p&gt;网络模式另外在所有廊道与全部源地的并集上运行一次，每个源地为一个焦点区域：所有点对（对每对源地的电流求和）或多对一（依次将每个源地接地，其他每个源地注入 1 A）；源地像元为 NoData。&lt;/p&gt;&lt;p&gt;输入：源地（面或编号栅格）、构建连接所用的阻力栅格（正方形像元，投影坐标系；NoData = 不可通行）以及“生态廊道识别”输出的连接。分级：将相邻点对电流分为 N 级；通常取最高一级作为夹点。&lt;/p&gt;&lt;p&gt;参考文献：McRae, B.H. (2012) Pinchpoint Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle; McRae, B.H., Dickson, B.G., Keitt, T.H. &amp;amp; Shah, V.B. (2008) Using circuit theory to model connectivity in ecology, evolution, and conservation. Ecology 89: 2712-2724.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Give the raster the links were built on; its cells must be square.</source>
        <translation>请给出构建连接时所用的栅格；其像元必须为正方形。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Corridor width (cost units)</source>
        <translation>廊道宽度（成本单位）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Cost-weighted corridor width (Linkage Mapper's CWD cutoff): cells whose NLCC is at most this value form the corridor in which current flows. In the units of the cost distances (map units x resistance). Linkage Mapper's tutorials use 5,000-20,000; try a few widths and keep the one where the pinch points stop moving.</source>
        <translation>成本加权廊道宽度（Linkage Mapper 的 CWD 截断值）：NLCC 不超过此值的像元构成电流流经的廊道。单位与成本距离相同（地图单位 × 阻力）。Linkage Mapper 教程使用 5,000-20,000；可尝试几个宽度，取夹点位置不再移动的那个。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Square resistances</source>
        <translation>阻力取平方</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Square the resistances for the circuit runs only (the corridors use them as they are). Accentuates the difference between good and poor habitat; the ratio cwd2EffR_r is then left empty.</source>
        <translation>仅在电路计算中对阻力取平方（廊道仍使用原值）。这会放大优质与劣质生境之间的差异；此时比值 cwd2EffR_r 留空。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>adjacent pairs</source>
        <translation>相邻点对</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>adjacent pairs and all pairs (network)</source>
        <translation>相邻点对和所有点对（网络）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>adjacent pairs and all to one (network)</source>
        <translation>相邻点对和多对一（网络）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Adjacent pairs: one circuit per link, confined to its corridor. The network modes add one circuit on all corridors together with every source, all pairs or all to one, written to the network current output.</source>
        <translation>相邻点对：每条连接一个电路，限于其廊道内。网络模式另外在全部廊道与所有源地上构建一个电路，按所有点对或多对一计算，写入网络电流输出。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Connect four neighbours only</source>
        <translation>仅连接四邻域</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Circuitscape's connect_four_neighbors_only: no diagonal connections in the circuits (the cost distances still use 8 neighbours, so a corridor of diagonal steps may then not conduct).</source>
        <translation>Circuitscape 的 connect_four_neighbors_only：电路中没有对角连接（成本距离仍使用 8 邻域，因此仅由对角步构成的廊道可能不导电）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Connect using average resistances</source>
        <translation>按平均阻力连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Circuitscape's connect_using_avg_resistances: a connection's resistance is the mean of the two cells' resistances (default: the mean of their conductances).</source>
        <translation>Circuitscape 的 connect_using_avg_resistances：连接的电阻为两个像元阻力的平均值（默认：两者电导的平均值）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Pinch points (adjacent pairs)</source>
        <translation>夹点（相邻点对）</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Current (A) for 1 A between the two sources of each link, the maximum over links; NoData outside every corridor and on the two sources of each link.</source>
        <translation>每条连接两源地之间通 1 A 时的电流（A），取各连接的最大值；所有廊道以外及每条连接的两个源地上为 NoData。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Network current</source>
        <translation>网络电流</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Written by the network modes only: cumulative current (A) over all pairs or all to one on the union of the corridors; NoData outside it and on source cells.</source>
        <translation>仅由网络模式写出：在廊道并集上按所有点对或多对一计算的累积电流（A）；并集以外及源地像元上为 NoData。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Links with effective resistance</source>
        <translation>带有效电阻的连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Every feature of the links layer with its fields plus Eff_Resist (effective resistance x cell size, cost units) and cwd2EffR_r (CW_Dist / Eff_Resist); NULL on inactive links and links whose sources are not connected.</source>
        <translation>连接图层的所有要素及其字段，另加 Eff_Resist（有效电阻 × 像元大小，成本单位）和 cwd2EffR_r（CW_Dist / Eff_Resist）；无效连接及源地不连通的连接为 NULL。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>pinch-point currents</source>
        <translation>夹点电流</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>No current flows in any corridor: the sources of every active link are disconnected (NoData cells between them, or diagonal-only corridors with four neighbours). Check the resistance raster's NoData and the links.</source>
        <translation>所有廊道中都没有电流：每条有效连接的源地都不连通（二者之间有 NoData 像元，或在四邻域下廊道仅由对角步构成）。请检查阻力栅格的 NoData 和连接。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>pinch-point current classes</source>
        <translation>夹点电流分级</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>The network modes write the network current: give a file (or a temporary output) for 'Network current', or choose the mode 'adjacent pairs'.</source>
        <translation>网络模式会写出网络电流：请为“网络电流”指定文件（或临时输出），或选择“相邻点对”模式。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>'Network current' is only written by the network modes; the mode 'adjacent pairs' skips it.</source>
        <translation>“网络电流”仅由网络模式写出；“相邻点对”模式会跳过它。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Link {id} ({a}-{b}): cost distance {cost:.6g}, Eff_Resist {eff:.6g}, cwd2EffR_r {ratio:.4g}</source>
        <translation>连接 {id}（{a}-{b}）：成本距离 {cost:.6g}，Eff_Resist {eff:.6g}，cwd2EffR_r {ratio:.4g}</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Links {ids}: their sources are not connected through passable cells; they get no current and NULL values.</source>
        <translation>连接 {ids}：其源地之间没有可通行像元相连；它们没有电流，取值为 NULL。</translation>
    </message>
    <message>
        <location filename="../../algorithms/connectivity/pinchpoints.py"/>
        <source>Links {ids}: no current flows between their sources inside the corridor (with four neighbours only, a corridor of diagonal steps does not conduct); widen the corridor or use eight neighbours.</source>
        <translation>连接 {ids}：其源地之间在廊道内没有电流（仅四邻域时，由对角步构成的廊道不导电）；请加宽廊道或使用八邻域。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Sources (polygons)</source>
        <translation>源地（面）</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Ecological sources (core areas) as polygons, for example the output of 'Extract ecological sources'. Each polygon is burnt onto the resistance grid (cells whose centre it covers). Give either these polygons or a source id raster.</source>
        <translation>以面表示的生态源地（核心区），例如“提取生态源地”的输出。每个面被栅格化到阻力网格上（其覆盖的像元中心）。给出这些面或源地编号栅格之一。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source id field</source>
        <translation>源地编号字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Positive whole-number id of each source (source_id in 'Extract ecological sources'). Features sharing an id form one source. Empty: features are numbered 1, 2, ... in layer order.</source>
        <translation>每个源地的正整数编号（“提取生态源地”中的 source_id）。编号相同的要素构成一个源地。为空：要素按图层顺序编号 1, 2, ...。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source id raster</source>
        <translation>源地编号栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Instead of polygons: a raster of source ids (0 or NoData = no source) on the grid of the resistance raster, such as the source id raster of 'Extract ecological sources'.</source>
        <translation>代替面要素：位于阻力栅格网格上的源地编号栅格（0 或 NoData = 非源地），例如“提取生态源地”输出的源地编号栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Cost of crossing one map unit of each cell, e.g. the output of 'Resistance surface'; positive everywhere except NoData, which cannot be crossed. Must be in a projected CRS.</source>
        <translation>穿越每个像元一个地图单位的成本，例如“阻力面”的输出；除 NoData（不可穿越）外处处为正。必须采用投影坐标系。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Resistance raster</source>
        <translation>阻力栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>Corridor links</source>
        <translation>廊道连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>The least-cost paths of 'Linkage pathways' (fields From_Core, To_Core, CW_Dist and Active). Only active links (Active = 1) are used; edit Active to leave links out or bring them back.</source>
        <translation>“生态廊道识别”输出的最小累积阻力路径（字段 From_Core、To_Core、CW_Dist 和 Active）。只使用有效连接（Active = 1）；编辑 Active 可排除或恢复连接。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Number of classes</source>
        <translation>分级数</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>The {what} are graded into this many classes (studies use 3-5; the top class is usually taken as the key areas).</source>
        <translation>将{what}分为这么多级（研究中常用 3-5 级；通常取最高一级作为关键区域）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Classification method</source>
        <translation>分级方法</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Natural breaks (Jenks)</source>
        <translation>自然断点法（Jenks）</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Quantile</source>
        <translation>分位数</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Equal interval</source>
        <translation>等间距</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Jenks natural breaks as ArcGIS computes them (exact on up to 10,000 values; larger rasters are sampled evenly through the sorted values), quantiles (equal numbers of cells) or equal intervals between the minimum and the maximum.</source>
        <translation>按 ArcGIS 的算法计算的 Jenks 自然断点（不超过 10,000 个值时精确；更大的栅格在排序后的值中均匀抽样）、分位数（各级像元数相等）或最小值与最大值之间的等间距。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Classes</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/classes.py"/>
        <source>Byte GeoTIFF: class 1 (lowest) to N (highest), 0 = NoData; styled yellow to red with the class limits in the legend.</source>
        <translation>Byte GeoTIFF：1 级（最低）到 N 级（最高），0 = NoData；样式为黄到红，图例中显示分级界限。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Give the resistance raster.</source>
        <translation>请提供阻力栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Give the sources either as polygons or as a source id raster (exactly one of the two).</source>
        <translation>请以面或源地编号栅格之一给出源地（二者只能选其一）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>The resistance raster is in a geographic CRS (degrees); cost distances need metres. Reproject it to a projected CRS first (Raster &gt; Projections &gt; Warp).</source>
        <translation>阻力栅格采用地理坐标系（度）；成本距离需要以米计。请先将其重投影到投影坐标系（栅格 &gt; 投影 &gt; 变形）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source ids must be whole numbers; the source id raster holds fractions.</source>
        <translation>源地编号必须为整数；源地编号栅格含有小数。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>The source layer has no polygon.</source>
        <translation>源地图层中没有面。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>MSPA classes</source>
        <translation>MSPA 类型</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Habitat quality</source>
        <translation>生境质量</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <location filename="../../algorithms/report/overview.py"/>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Ecological sources</source>
        <translation>生态源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Cumulative current</source>
        <translation>累积电流</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Least-cost corridors</source>
        <translation>最小累积阻力廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <location filename="../../algorithms/report/stages.py"/>
        <location filename="../../algorithms/report/counties.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Pinch points</source>
        <translation>夹点</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <location filename="../../algorithms/report/stages.py"/>
        <location filename="../../algorithms/report/counties.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Barriers</source>
        <translation>障碍点</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Restoration zones</source>
        <translation>生态修复分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <location filename="../../algorithms/report/overview.py"/>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Key restoration areas</source>
        <translation>关键修复区域</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <location filename="../../algorithms/report/overview.py"/>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Collaboration zones</source>
        <translation>协同分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <location filename="../../algorithms/report/overview.py"/>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Cross-boundary corridors</source>
        <translation>跨县廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Ecological conservation zone</source>
        <translation>生态保护区</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Ecological restoration zone</source>
        <translation>生态修复区</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Ecological improvement zone</source>
        <translation>生态提升区</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Ecological control zone</source>
        <translation>生态管控区</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Pinch point</source>
        <translation>夹点</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Barrier</source>
        <translation>障碍点</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Breakpoint</source>
        <translation>断裂点</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Corridor</source>
        <translation>廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Degraded land in sources</source>
        <translation>源地内退化地</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Degraded land in corridors</source>
        <translation>廊道内退化地</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Corridor (active)</source>
        <translation>廊道（有效）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Dropped link</source>
        <translation>舍去的连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>No shared corridor</source>
        <translation>无共享廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>{value} km²</source>
        <translation>{value} km²</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>{value} %</source>
        <translation>{value} %</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>{what} is not in this folder: run the stage that writes it to see it here.</source>
        <translation>此文件夹中没有{what}：运行生成它的阶段后即可在此看到。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Charts need the Python package matplotlib, which is not installed.</source>
        <translation>图表需要 Python 包 matplotlib，但尚未安装。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>No data to draw for this figure.</source>
        <translation>此图没有可绘制的数据。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Figure {n}. {title}.</source>
        <translation>图 {n} {title}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Table {n}. {title}</source>
        <translation>表 {n} {title}</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Collaboration zone {k}</source>
        <translation>协同分区 {k}</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/page.py"/>
        <source>Level {n}</source>
        <translation>{n} 级</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>1 · Sources</source>
        <translation>1 · 生态源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>2 · Resistance</source>
        <translation>2 · 阻力面</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>3 · Connectivity</source>
        <translation>3 · 连通性</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>4 · Zoning</source>
        <translation>4 · 分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>Collaboration between counties</source>
        <translation>县域协同</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>5 · Restoration programme</source>
        <translation>5 · 生态修复方案</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>Effectiveness</source>
        <translation>修复成效</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>Methods and parameters</source>
        <translation>方法与参数</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>Annex A · County ledger</source>
        <translation>附录 A · 县域台账</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>Annex B · Key restoration sites</source>
        <translation>附录 B · 重点修复点位</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>Page {n} of {total}</source>
        <translation>第 {n} 页，共 {total} 页</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>The PDF could not be printed ({error}); the HTML report is complete.</source>
        <translation>无法打印 PDF（{error}）；HTML 报告是完整的。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>The Word report (report.docx) was skipped: the Python package python-docx is not installed in the Python of QGIS. The HTML and PDF reports are complete. To get the Word report, install python-docx and run the zoning stage again: on Windows, in the OSGeo4W Shell, run: python -m pip install python-docx; on Debian or Ubuntu: sudo apt install python3-docx; on macOS: /Applications/QGIS.app/Contents/MacOS/bin/pip3 install python-docx.</source>
        <translation>未生成 Word 报告（report.docx）：QGIS 的 Python 中没有安装 python-docx 包。HTML 和 PDF 报告是完整的。如需 Word 报告，请安装 python-docx 后重新运行分区阶段：Windows 上在 OSGeo4W Shell 中运行：python -m pip install python-docx；Debian 或 Ubuntu 上运行：sudo apt install python3-docx；macOS 上运行：/Applications/QGIS.app/Contents/MacOS/bin/pip3 install python-docx。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/writer.py"/>
        <source>The Word report (report.docx) could not be written ({error}); the HTML report is complete.</source>
        <translation>无法写出 Word 报告（report.docx）（{error}）；HTML 报告是完整的。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>Ecological security pattern of {area}</source>
        <translation>{area}生态安全格局</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>Ecological security pattern report</source>
        <translation>生态安全格局报告</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>{n} sources, {area}</source>
        <translation>{n} 个源地，{area}</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <location filename="../../algorithms/report/stages.py"/>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Corridors</source>
        <translation>廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>{active} active links of {total}, {length} km of least-cost paths</source>
        <translation>{total} 条连接中有 {active} 条有效，最小累积阻力路径共 {length} km</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>{n}, of which {pinch} pinch points and {barriers} barriers</source>
        <translation>{n} 处，其中夹点 {pinch} 处、障碍点 {barriers} 处</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Counties</source>
        <translation>县域</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>{n}, of which {k} hold part of the pattern</source>
        <translation>{n} 个，其中 {k} 个包含格局的一部分</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>{k} (modularity {q})</source>
        <translation>{k} 个（模块度 {q}）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>This folder holds no product of the workflow yet.</source>
        <translation>此文件夹中还没有工作流的任何产品。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>Key figures of the pattern</source>
        <translation>格局关键指标</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Key figure</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>The layer of ecological sources</source>
        <translation>生态源地图层</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Ecological sources over habitat quality (0 = none, 1 = best).</source>
        <translation>生境质量背景上的生态源地（0 = 无，1 = 最好）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>No habitat quality in this run (it needs the threat and sensitivity tables): the map shows the MSPA classes instead.</source>
        <translation>本次运行没有生境质量（需要威胁因子表和敏感度表）：地图改为显示 MSPA 类型。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Ecological sources over the MSPA classes of the foreground.</source>
        <translation>前景 MSPA 类型背景上的生态源地。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Source</source>
        <translation>源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <location filename="../../algorithms/report/counties.py"/>
        <location filename="../../algorithms/report/programme.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>dPC (%)</source>
        <translation>dPC（%）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>dIIC (%)</source>
        <translation>dIIC（%）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Mean habitat quality</source>
        <translation>平均生境质量</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Current-flow centrality</source>
        <translation>电流中心性</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>dPC and dIIC: the loss of landscape connectivity (PC, IIC) if the source disappeared, in % of the whole.</source>
        <translation>dPC 和 dIIC：源地消失时景观连通性（PC、IIC）的损失，占总量的 %。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>The resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>The cost of moving through each cell (low = easy).</source>
        <translation>穿越每个像元的成本（低 = 容易）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Resistance ranges from {low} to {high}; half of the cells lie below {median}.</source>
        <translation>阻力取值从 {low} 到 {high}；一半像元低于 {median}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>The connectivity products</source>
        <translation>连通性产品</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Current and corridors</source>
        <translation>电流与廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Cumulative current and corridors</source>
        <translation>累积电流与廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Cumulative current between the sources (circuit theory) with the least-cost corridors.</source>
        <translation>源地之间的累积电流（电路理论）及最小累积阻力廊道。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Distribution of the cell currents</source>
        <translation>像元电流分布</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Current (logarithmic)</source>
        <translation>电流（对数）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Cells (logarithmic)</source>
        <translation>像元数（对数）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Histogram of the cell currents; solid line: median, dashed: 98th percentile. {zero} cells carry no current and {tiny} less than a billionth of the largest; they are left out.</source>
        <translation>像元电流直方图；实线：中位数，虚线：第 98 百分位数。有 {zero} 个像元没有电流，{tiny} 个像元的电流不到最大值的十亿分之一；它们未计入。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Pinch points and barriers</source>
        <translation>夹点与障碍点</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Left: pinch points (classes of the current in the corridors, 5 = strongest). Right: barriers (classes of the improvement score, 5 = most gained by restoration). Pale green: sources.</source>
        <translation>左：夹点（廊道内电流分级，5 = 最强）。右：障碍点（改善得分分级，5 = 修复收益最大）。浅绿色：源地。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>The layer of corridor links</source>
        <translation>廊道连接图层</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Sources</source>
        <translation>源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <location filename="../../algorithms/report/counties.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Length (km)</source>
        <translation>长度（km）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Width (m)</source>
        <translation>宽度（m）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Cost distance</source>
        <translation>成本距离</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Effective resistance</source>
        <translation>有效电阻</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Mean current</source>
        <translation>平均电流</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Length: the least-cost path. Width: twice the distance from the path to the edge of the corridor, averaged along the path; area: width x length. Mean current: the cumulative current on the path. Pinch points and barriers: the key restoration areas of those kinds nearest to the corridor's path.</source>
        <translation>长度：最小成本路径的长度。宽度：路径到廊道边缘距离的两倍，沿路径取平均；面积：宽度 × 长度。平均电流：路径上的累积电流。夹点与障碍点：距该廊道路径最近的这两类关键修复区域。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>{n} further links were dropped by the corridor step (the reason is in the field Link_Info of the layer of corridor links).</source>
        <translation>另有 {n} 条连接在廊道步骤中被舍去（原因见廊道连接图层的 Link_Info 字段）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>The restoration zones</source>
        <translation>生态修复分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Restoration zones and key restoration areas</source>
        <translation>生态修复分区与关键修复区域</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>The key restoration areas are coloured by level (1 = most urgent).</source>
        <translation>关键修复区域按级别着色（1 = 最紧迫）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Cells</source>
        <translation>像元数</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Share (%)</source>
        <translation>占比（%）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <location filename="../../algorithms/report/programme.py"/>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>The layer of key restoration areas</source>
        <translation>关键修复区域图层</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>No key restoration area was found.</source>
        <translation>未发现关键修复区域。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Annex B lists every one of the {n} key restoration areas with a point inside it, its county and its coordinates.</source>
        <translation>附录 B 列出全部 {n} 处关键修复区域，以及各区域内的一个点、所在县和坐标。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Key restoration areas by kind and level</source>
        <translation>按类型和级别统计的关键修复区域</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <location filename="../../algorithms/report/programme.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/stages.py"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>The county ledger</source>
        <translation>县域台账</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Counties coloured by collaboration zone (counties that share corridors), with the corridors whose sources lie in different counties.</source>
        <translation>按协同分区着色的县（共享廊道的县），以及源地位于不同县的廊道。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>{links} corridors link sources in different counties; {k} collaboration zones group the counties that share corridors.</source>
        <translation>有 {links} 条廊道连接位于不同县的源地；{k} 个协同分区将共享廊道的县归为一组。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Annex A holds the ledger of all {n} counties.</source>
        <translation>附录 A 为全部 {n} 个县的台账。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Link</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>From county</source>
        <translation>起点县</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>To county</source>
        <translation>终点县</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Prefectures and collaboration zones</source>
        <translation>地市与协同分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>The run was given no group field (such as the prefecture), so the counties are not summed by group.</source>
        <translation>本次运行未指定分组字段（如地市），因此未按分组汇总各县。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>The counties summed by prefecture</source>
        <translation>按地市汇总的县域指标</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Prefecture</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Sources (km²)</source>
        <translation>源地（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Corridors (km)</source>
        <translation>廊道（km）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Net (km²)</source>
        <translation>净值（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>No county shares a corridor with another, so the collaboration zones cannot be compared with the {g} prefectures.</source>
        <translation>没有县与其他县共享廊道，因此无法将协同分区与 {g} 个地市进行比较。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>The collaboration zones against the {g} prefectures, over the {n} counties that share a corridor: adjusted Rand index {ari} (1: the same grouping, 0: no more alike than chance). Modularity on the county matrix: {qz} for the collaboration zones, {qg} for the prefectures (higher: more of the corridors stay inside the groups).</source>
        <translation>在共享廊道的 {n} 个县中，协同分区与 {g} 个地市的调整兰德指数为 {ari}（1：分组相同；0：相似程度与随机无异）。基于县域矩阵的模块度：协同分区为 {qz}，地市为 {qg}（越高：留在组内的廊道越多）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>The ledger holds no zone areas.</source>
        <translation>台账中没有分区面积。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Zone areas of the counties with the largest pattern</source>
        <translation>格局规模最大的县的各分区面积</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Zone areas by county</source>
        <translation>各县分区面积</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>The {n} counties with the largest conservation, restoration and improvement zones, and their control zone.</source>
        <translation>生态保护区、生态修复区和生态提升区面积最大的 {n} 个县，及其生态管控区。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>The ledger holds no restoration account (no barrier key areas were given).</source>
        <translation>台账中没有修复受益账户（未给出障碍点关键区域）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>No county restores a barrier for another: the restoration account is empty.</source>
        <translation>没有县为其他县修复障碍点：修复受益账户为空。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Burden</source>
        <translation>负担</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Benefit</source>
        <translation>受益</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Net</source>
        <translation>净值</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Restoration account: the counties with the largest burden, then benefit</source>
        <translation>修复受益账户：负担最大（其次受益最大）的县</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Restoration account by county</source>
        <translation>各县修复受益账户</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Burden: barrier area a county restores; benefit: the share of that restoration that serves its sources; net = benefit - burden.</source>
        <translation>负担：县所修复的障碍点面积；受益：该修复中服务于本县源地的份额；净值 = 受益 - 负担。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Restoration account</source>
        <translation>修复受益账户</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>The restoration account</source>
        <translation>修复受益账户</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>The restoration account is empty.</source>
        <translation>修复受益账户为空。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Restoring county</source>
        <translation>修复县</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>Benefiting county</source>
        <translation>受益县</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/counties.py"/>
        <source>The {n} largest of {total} entries; the table in the folder lists all.</source>
        <translation>{total} 条记录中最大的 {n} 条；文件夹中的表列出全部记录。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>The layer of restoration sites</source>
        <translation>修复点位图层</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>The layer of restoration sites holds no site.</source>
        <translation>修复点位图层中没有点位。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Priority sites</source>
        <translation>优先修复点位</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Compensation between counties</source>
        <translation>县际生态保护补偿</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>{n} candidate sites were evaluated, each restored alone, and ranked by their gain in equivalent connected area (ECA) per cost.</source>
        <translation>共评估了 {n} 个候选点位：逐一单独修复，并按单位成本的等效连通面积（ECA）增量排序。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>No site was chosen: none fits the budget and gains connectivity.</source>
        <translation>没有点位入选：没有既在预算之内又能提高连通性的点位。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>{k} of them were chosen within the budget, at a total cost of {cost} × 10⁴ CNY.</source>
        <translation>其中 {k} 个在预算内入选，总成本 {cost} 万元。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Restored together, they raise the ECA of the sources from {before} to {after} km² (+{gain} km², {percent}).</source>
        <translation>共同修复后，源地的 ECA 从 {before} km² 提高到 {after} km²（+{gain} km²，{percent}）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Restoration sites</source>
        <translation>修复点位</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Chosen</source>
        <translation>入选</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Candidate not chosen</source>
        <translation>未入选的候选点位</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>The sites chosen within the budget (filled) and the candidates left out (outlined), over the restoration zones.</source>
        <translation>生态修复分区背景上预算内入选的点位（填充）和未入选的候选点位（仅显示轮廓）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Priority restoration sites</source>
        <translation>优先修复点位</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Site</source>
        <translation>点位</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <location filename="../../algorithms/report/annex.py"/>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Cost (10⁴ CNY)</source>
        <translation>成本（万元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>ECA gain (km²)</source>
        <translation>ECA 增量（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Gain per cost (m² per 10⁴ CNY)</source>
        <translation>单位成本收益（m²/万元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>The chosen sites in the order the portfolio takes them, then the best of the others. ECA gain: with the site restored alone; gain per cost: that gain in m² per 10⁴ CNY. Rank: by gain per cost alone (1 = best). County: the county holding a point inside the site. The layer of restoration sites lists all {n} candidates.</source>
        <translation>先按修复组合的纳入顺序列出入选点位，再列出其余点位中排名靠前者。ECA 增量：单独修复该点位时的增量；单位成本收益：该增量除以成本，以 m²/万元计。排名：仅按单位成本收益排序（1 = 最佳）。县：点位内部一点所在的县。修复点位图层列出全部 {n} 个候选点位。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Connectivity gained against cost</source>
        <translation>连通性收益与成本</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Cumulative cost (10⁴ CNY)</source>
        <translation>累计成本（万元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Gain in equivalent connected area (km²)</source>
        <translation>等效连通面积增量（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>The gain curve</source>
        <translation>收益曲线</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Gain curve of the portfolio</source>
        <translation>修复组合的收益曲线</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>The cumulative gain in ECA against the cumulative cost, one step per site in the order the portfolio takes them.</source>
        <translation>ECA 累计增量随累计成本的变化，按修复组合的纳入顺序每个点位一步。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>The compensation ledger</source>
        <translation>补偿台账</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>No county carries a cost or gains: the compensation ledger is empty.</source>
        <translation>没有县承担成本或获得收益：补偿台账为空。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Compensation ledger</source>
        <translation>补偿台账</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Cost carried (10⁴ CNY)</source>
        <translation>实际承担成本（万元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Benefit (%)</source>
        <translation>受益占比（%）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Fair cost (10⁴ CNY)</source>
        <translation>应担成本（万元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Net (10⁴ CNY)</source>
        <translation>净额（万元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Paid (10⁴ CNY)</source>
        <translation>支付额（万元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Received (10⁴ CNY)</source>
        <translation>受偿额（万元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Cost carried: the cost of the chosen sites' cells in the county. Benefit: its share of the gain in connectivity. Fair cost: the part of the whole cost the county should carry for that gain (whoever benefits compensates). Net = cost carried - fair cost: above 0 the county is owed, below 0 it owes; the transfers below settle it.</source>
        <translation>实际承担成本：入选点位位于该县境内的像元的成本。受益占比：该县在连通性收益中所占的份额。应担成本：为获得该收益，该县应承担的那部分总成本（谁受益、谁补偿）。净额 = 实际承担成本 - 应担成本：大于 0 表示该县应获补偿，小于 0 表示该县应支付补偿；下方的转移支付即用于结清。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>{n} further counties neither carry a cost nor gain; the compensation layer lists every county.</source>
        <translation>另有 {n} 个县既未承担成本也未获得收益；补偿图层列出全部县。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>The table of transfers</source>
        <translation>转移支付表</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>No transfer is needed: every county carries its fair cost.</source>
        <translation>无需转移支付：每个县都已承担其应担成本。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Transfers between counties</source>
        <translation>县际转移支付</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Transfers between prefectures</source>
        <translation>地市间转移支付</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Payer</source>
        <translation>支付方</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Payee</source>
        <translation>受偿方</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Amount (10⁴ CNY)</source>
        <translation>金额（万元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>The {n} largest of {total} transfers; the table in the folder lists all.</source>
        <translation>{total} 笔转移支付中金额最大的 {n} 笔；文件夹中的表列出全部。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/programme.py"/>
        <source>Each payer pays its payee the amount; the transfers between prefectures net those of their counties.</source>
        <translation>每个支付方向其受偿方支付所列金额；地市间转移支付是其所辖各县转移支付轧差后的结果。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>The comparison with an earlier run</source>
        <translation>与前期运行的比较结果</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>This run (after) compared with an earlier run (before), for example the land cover of another year or the plan after restoration (Compare two runs, esp:compareesp).</source>
        <translation>将本次运行（后期）与较早的一次运行（前期）进行比较，例如不同年份的土地覆被，或修复后的规划方案（“两次运行对比（前期 / 后期）”，esp:compareesp）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Zone transitions</source>
        <translation>分区转移</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Effectiveness score</source>
        <translation>成效得分</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Effectiveness by county</source>
        <translation>各县修复成效</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Effectiveness by prefecture</source>
        <translation>各地市修复成效</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Equivalent connected area (ECA)</source>
        <translation>等效连通面积（ECA）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Source area</source>
        <translation>源地面积</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Source cells</source>
        <translation>源地像元</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>{kept} kept, {lost} lost, {gained} gained</source>
        <translation>保留 {kept}，消失 {lost}，新增 {gained}</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>{matched} in both runs ({costlier} costlier, {cheaper} cheaper); {new} new, {lost} lost</source>
        <translation>两次运行共有 {matched} 条（成本升高 {costlier} 条，降低 {cheaper} 条）；新增 {new} 条，消失 {lost} 条</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>; {extra} second corridors between the same sources</source>
        <translation>；同一对源地之间的第二条廊道 {extra} 条</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Before and after</source>
        <translation>前后对比</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Areas summed over the counties. Costlier and cheaper: the least-cost distance of a corridor found in both runs rose or fell.</source>
        <translation>面积为各县之和。成本升高与降低：两次运行中均存在的廊道，其最小累积阻力距离增大或减小。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>{before} -&gt; {after} ({sign}{change})</source>
        <translation>{before} -&gt; {after}（{sign}{change}）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Lost</source>
        <translation>消失</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Gained</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>In both runs</source>
        <translation>两次运行共有</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Second between the same sources</source>
        <translation>同一对源地之间的第二条</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Source and corridor change</source>
        <translation>源地与廊道变化</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Source cells kept, lost and gained since the earlier run, and the corridors of both runs by their change.</source>
        <translation>与前期运行相比保留、消失和新增的源地像元，以及按变化情况显示的两次运行的廊道。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>The table of zone transitions</source>
        <translation>分区转移表</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>The table of zone transitions is empty.</source>
        <translation>分区转移表为空。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>No zone</source>
        <translation>无分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Zone before</source>
        <translation>前期分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Zone transitions (km²)</source>
        <translation>分区转移（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Area of each zone of the earlier run (rows) by its zone in this run (columns), in km²; the diagonal is unchanged.</source>
        <translation>前期运行各分区（行）在本次运行中所属分区（列）的面积，单位为 km²；对角线为未变化的面积。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>The score of a county is 100 × Σ w_k r_k / Σ w_k over four parts k: the ECA, the source area, the mean corridor cost and the restoration-zone area. r_k = (after - before) / before, clipped to [-1, 1], with the sign reversed for the corridor cost and the restoration-zone area (a decrease is an improvement); w_k are the weights of the comparison, and a part not defined in a county is left out. The score runs from -100 to 100; 0 is no change. A prefecture's score comes from the sums of its counties.</source>
        <translation>县的得分为 100 × Σ w_k r_k / Σ w_k，k 为四个部分：ECA、源地面积、廊道平均成本和生态修复区面积。r_k = (after - before) / before，截断到 [-1, 1]；廊道成本和生态修复区面积取相反符号（减少即为改善）；w_k 为比较时设定的权重，县内无定义的部分不计入。得分范围为 -100 到 100，0 表示无变化。地市得分由其所辖各县的合计值计算。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>The comparison holds no county.</source>
        <translation>比较结果中没有县。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>ECA before (km²)</source>
        <translation>前期 ECA（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>ECA after (km²)</source>
        <translation>后期 ECA（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>r ECA (%)</source>
        <translation>r ECA（%）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>r sources (%)</source>
        <translation>r 源地（%）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>r corridor cost (%)</source>
        <translation>r 廊道成本（%）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>r restoration zone (%)</source>
        <translation>r 生态修复区（%）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/effectiveness.py"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>Parameters of this run</source>
        <translation>本次运行的参数</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>The products of this run (layers, tables and this report) are in the folder {folder}.</source>
        <translation>本次运行的成果（图层、表格和本报告）位于文件夹 {folder}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>Sources: the foreground land-cover classes are split by morphological spatial pattern analysis (MSPA); core areas above the minimum area (of good habitat quality, when it is computed) are ranked by their importance for connectivity (dPC, Saura &amp; Pascual-Hortal 2007) and the top ones kept. Habitat quality follows the InVEST model when threat tables are given.</source>
        <translation>生态源地：前景土地覆被类型经形态学空间格局分析（MSPA）划分；面积大于最小面积（计算生境质量时还需生境质量良好）的核心区按其对连通性的重要性（dPC，Saura &amp; Pascual-Hortal 2007）排序，保留排名靠前者。给出威胁表时，生境质量按 InVEST 模型计算。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>Resistance: each land-cover class gets a cost, optionally raised where a correction raster (for example night-time light) is high.</source>
        <translation>阻力面：每个土地覆被类型赋予一个成本，可选地在校正栅格（例如夜间灯光）较高处提高成本。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>Connectivity: pairwise circuit theory (Circuitscape, McRae et al. 2008) gives the cumulative current; least-cost corridors join neighbouring sources (Linkage Mapper); pinch points are the corridor cells with the highest current and barriers those whose restoration would shorten the corridors most.</source>
        <translation>连通性：pairwise 电路理论（Circuitscape，McRae et al. 2008）给出累积电流；最小累积阻力廊道连接相邻源地（Linkage Mapper）；夹点是廊道中电流最高的像元，障碍点是修复后最能缩短廊道的像元。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>Zoning: every cell with data falls in one of four zones (conservation, restoration, improvement, control); key areas are graded into three levels by natural breaks within each kind.</source>
        <translation>分区：每个有数据的像元划入四类分区之一（保护、修复、提升、管控）；关键区域在各类型内按自然断点分为三级。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>Collaboration: the pattern is attributed to the counties; counties that share corridors form collaboration zones (Louvain communities). The modularity is computed here on the county matrix in the folder. The restoration account splits each barrier between the county that restores it and the counties whose sources it serves.</source>
        <translation>协同：将格局归属到各县；共享廊道的县构成协同分区（Louvain 社区）。模块度在此根据文件夹中的县域矩阵计算。修复受益账户将每个障碍点在修复它的县与其所服务源地所在的县之间分摊。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>Areas and lengths are counted on the cells of the analysis grid, so they carry its resolution. The annexes list every county and every key restoration site; the restoration account shows its largest entries, and the files in the folder hold all of them.</source>
        <translation>面积和长度按分析栅格的像元统计，因此带有其分辨率。附录列出全部县和全部重点修复点位；修复受益账户只列出最大的条目，文件夹中的文件包含全部条目。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>No run settings were recorded.</source>
        <translation>未记录运行设置。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/overview.py"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>The county ledger is empty.</source>
        <translation>县域台账为空。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Sources, corridors, pinch points and barriers: the parts of the pattern in each county (a corridor that crosses a boundary counts in both counties). Burden: barrier area a county restores; benefit: the share of that restoration that serves its sources; net = benefit - burden. The ledger layer in the folder holds these columns and more.</source>
        <translation>源地、廊道、夹点和障碍点：各县境内的格局组成（跨界廊道在两县均计入）。负担：该县需修复的障碍点面积；受益：修复中服务于本县源地的份额；净值 = 受益 - 负担。文件夹中的台账图层包含这些列及更多字段。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Cross-boundary links</source>
        <translation>跨界连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Collaboration zone</source>
        <translation>协同分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>County ledger: the pattern</source>
        <translation>县域台账：格局组成</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>County ledger: zones and restoration account</source>
        <translation>县域台账：分区与修复受益账户</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Conservation (km²)</source>
        <translation>保护区（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Restoration (km²)</source>
        <translation>修复区（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Improvement (km²)</source>
        <translation>提升区（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Control (km²)</source>
        <translation>管控区（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Burden (km²)</source>
        <translation>负担（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Benefit (km²)</source>
        <translation>受益（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Key restoration sites</source>
        <translation>重点修复点位</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Longitude (°)</source>
        <translation>经度（°）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Latitude (°)</source>
        <translation>纬度（°）</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/annex.py"/>
        <source>Sites by level (1 = most urgent), then kind, then score. Site: the key_id of the layer of key restoration areas. Longitude and latitude (WGS 84) of a point inside the site, and the county holding that point.</source>
        <translation>点位按级别（1 = 最紧迫）、类型、得分排序。点位：关键修复区域图层的 key_id。经纬度（WGS 84）为点位内部一点的坐标，县为该点所在的县。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>Study area</source>
        <translation>研究区</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>Analysis grid</source>
        <translation>分析栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>Prepared with</source>
        <translation>编制工具</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>{area} in {n} counties of {g} prefectures</source>
        <translation>{area}，{g} 个地市的 {n} 个县</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>{area} in {n} counties</source>
        <translation>{area}，{n} 个县</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>unknown CRS</source>
        <translation>未知坐标参考系</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>{crs}; cells of {x} × {y} m; {columns} × {rows} cells</source>
        <translation>{crs}；像元 {x} × {y} m；{columns} × {rows} 个像元</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>The input data were not recorded: this report was written from the output folder alone.</source>
        <translation>未记录输入数据：本报告仅根据输出文件夹生成。</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>cells of {cell}</source>
        <translation>像元 {cell}</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>{n} features</source>
        <translation>{n} 个要素</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>CRS</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../../algorithms/report/cover.py"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>No PDF was written; the HTML report is complete.</source>
        <translation type="vanished">未写出 PDF；HTML 报告是完整的。</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation type="vanished">文件夹：{folder}</translation>
    </message>
    <message>
        <source>Written {date} by ESP Toolkit {version}</source>
        <translation type="vanished">由 ESP 工具箱 {version} 于 {date} 生成</translation>
    </message>
    <message>
        <source>Run settings</source>
        <translation type="vanished">运行设置</translation>
    </message>
    <message>
        <source>Methods and notes</source>
        <translation type="vanished">方法与说明</translation>
    </message>
    <message>
        <source>Resistance surface: the cost of moving through each cell (low = easy).</source>
        <translation type="vanished">阻力面：穿越每个像元的成本（低 = 容易）。</translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="vanished">连接</translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="vanished">是</translation>
    </message>
    <message>
        <source>no</source>
        <translation type="vanished">否</translation>
    </message>
    <message>
        <source>From source</source>
        <translation type="vanished">起点源地</translation>
    </message>
    <message>
        <source>To source</source>
        <translation type="vanished">终点源地</translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="vanished">有效</translation>
    </message>
    <message>
        <source>Distance (km)</source>
        <translation type="vanished">距离（km）</translation>
    </message>
    <message>
        <source>Path length (km)</source>
        <translation type="vanished">路径长度（km）</translation>
    </message>
    <message>
        <source>The first {n} of {total} links; the layer in the folder lists all.</source>
        <translation type="vanished">{total} 条连接中的前 {n} 条；文件夹中的图层列出全部连接。</translation>
    </message>
    <message>
        <source>Restoration zones with the key restoration areas, coloured by level (1 = most urgent).</source>
        <translation type="vanished">生态修复分区及关键修复区域，按级别着色（1 = 最紧迫）。</translation>
    </message>
    <message>
        <source>County ledger</source>
        <translation type="vanished">县域台账</translation>
    </message>
    <message>
        <source>The {n} counties with the largest restoration burden (then benefit); the ledger in the folder lists all {total}.</source>
        <translation type="vanished">修复负担最大（其次受益最大）的 {n} 个县；文件夹中的台账列出全部 {total} 个。</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="vanished">设置</translation>
    </message>
    <message>
        <source>Sources: the foreground land-cover classes are split by morphological spatial pattern analysis (MSPA); core areas above the minimum area are ranked by their importance for connectivity (dPC, Saura &amp; Pascual-Hortal 2007) and the top ones kept. Habitat quality follows the InVEST model when threat tables are given.</source>
        <translation type="vanished">生态源地：用形态学空间格局分析（MSPA）对前景土地覆被类型进行分割；面积超过最小面积的核心区按其对连通性的重要性（dPC，Saura &amp; Pascual-Hortal 2007）排序，保留排名靠前者。给出威胁因子表时，生境质量按 InVEST 模型计算。</translation>
    </message>
    <message>
        <source>Areas and lengths are counted on the cells of the analysis grid, so they carry its resolution. Tables show the largest entries; the files in the folder hold all of them.</source>
        <translation type="vanished">面积和长度按分析网格的像元计算，因此其精度为网格分辨率。表格只显示最大的条目；文件夹中的文件包含全部条目。</translation>
    </message>
</context>
<context>
    <name>ResistanceSurface</name>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>resistance,cost,friction,land cover,reclass,MCR,night-time light,factor,weighted overlay,CLCD,CNLUCC,WorldCover</source>
        <translation>阻力,成本,摩擦,土地覆被,重分类,最小累积阻力,MCR,夜间灯光,因子,加权叠加,resistance,cost,friction,land cover,reclass,night-time light,factor,weighted overlay,CLCD,CNLUCC,WorldCover</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>&lt;p&gt;Builds a resistance (cost) surface for corridors and circuit theory from a land-cover raster.&lt;/p&gt;&lt;p&gt;&lt;b&gt;1. Reclass.&lt;/b&gt; Each land-cover class gets a resistance from a preset or a custom table (rows: class code, resistance; a CSV file with the same columns is also read; table rows override the preset). Built-in presets, on the 1-1000 scale (1 = easiest to cross):&lt;/p&gt;{presets}&lt;p&gt;CNLUCC level-2 codes (11, 12, 21, ...) take the value of their level-1 class. These defaults are starting points for a terrestrial species; the values lie within the ranges used by Chinese ESP studies on the 1-1000 scale (e.g. Jiao et al. 2023, Front. Ecol. Evol. 11:1301149). A class found in the raster but not in the table is an error that lists the classes, unless 'unmapped classes are NoData' is ticked.&lt;/p&gt;&lt;p&gt;&lt;b&gt;2. Correction (optional).&lt;/b&gt; A pressure raster C such as night-time light or impervious fraction scales each cell: R' = (C&lt;sub&gt;i&lt;/sub&gt; / mean C of the cells of the same class) x R&lt;sub&gt;class&lt;/sub&gt;. The ratio is clipped to the given limits so that a dark cell never gets zero resistance.&lt;/p&gt;&lt;p&gt;&lt;b&gt;3. Factors (optional).&lt;/b&gt; Factor rasters (elevation, slope, distance to roads, NDVI, ...) are each rescaled linearly to the range of the table's values and combined with the land-cover resistance by a weighted sum; weights are normalised to add up to 1. Direction '-' marks a factor whose high values lower the resistance (NDVI).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs&lt;/b&gt; must share one grid (CRS, extent, cell size); a mismatch is an error, never resampled silently. &lt;b&gt;Output&lt;/b&gt;: float32 resistance, NoData wherever any used input is NoData.&lt;/p&gt;</source>
        <translation>&lt;p&gt;由土地覆被栅格构建用于廊道和电路理论的阻力（成本）面。&lt;/p&gt;&lt;p&gt;&lt;b&gt;1. 重分类。&lt;/b&gt;每个土地覆被类型从预设或自定义表（行：类型代码, 阻力值；也可读取相同列的 CSV 文件；表中的行覆盖预设）中获得阻力值。内置预设采用 1-1000 尺度（1 = 最易穿越）：&lt;/p&gt;{presets}&lt;p&gt;CNLUCC 二级代码（11、12、21、...）取其一级类型的值。这些默认值是陆生物种的起始值；其取值位于国内 1-1000 尺度生态安全格局研究所用的范围内（例如 Jiao et al. 2023, Front. Ecol. Evol. 11:1301149）。栅格中出现而表中没有的类型会报错并列出这些类型，除非勾选了“未映射的类型设为 NoData”。&lt;/p&gt;&lt;p&gt;&lt;b&gt;2. 校正（可选）。&lt;/b&gt;用压力栅格 C（如夜间灯光或不透水面比例）对每个像元缩放：R' = (C&lt;sub&gt;i&lt;/sub&gt; / 同类型像元 C 的平均值) × R&lt;sub&gt;类型&lt;/sub&gt;。比值被截断到给定的限值内，使暗像元的阻力不会为零。&lt;/p&gt;&lt;p&gt;&lt;b&gt;3. 因子（可选）。&lt;/b&gt;各因子栅格（高程、坡度、距道路距离、NDVI、...）分别线性缩放到表中取值的范围，再与土地覆被阻力加权求和；权重归一化为和为 1。方向“-”表示该因子的高值降低阻力（NDVI）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入&lt;/b&gt;必须共用同一网格（坐标参考系、范围、像元大小）；不一致即报错，从不悄悄重采样。&lt;b&gt;输出&lt;/b&gt;：float32 阻力，任一所用输入为 NoData 处为 NoData。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Land-cover raster</source>
        <translation>土地覆被栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Whole-number class codes (CLCD, CNLUCC, WorldCover or your own). Its NoData cells stay NoData.</source>
        <translation>整数类型代码（CLCD、CNLUCC、WorldCover 或自定义）。其 NoData 像元保持为 NoData。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Land-cover band</source>
        <translation>土地覆被波段</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Band holding the class codes; band 1 when not set.</source>
        <translation>存放类型代码的波段；未设置时为波段 1。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Classification preset</source>
        <translation>分类预设</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Custom table only</source>
        <translation>仅使用自定义表</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Resistance per class of a common land-cover classification. Rows of the reclass table file and of the custom table override or extend it.</source>
        <translation>常用土地覆被分类体系中每个类型的阻力值。重分类表文件和自定义表中的行会覆盖或扩充它。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Custom reclass table (class, resistance)</source>
        <translation>自定义重分类表（类型, 阻力）</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Class</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Resistance</source>
        <translation>阻力</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Class codes with their resistance (&gt; 0). These rows replace the values of the preset and of the table file for the same classes.</source>
        <translation>类型代码及其阻力值（&gt; 0）。这些行替换预设和表文件中相同类型的值。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Reclass table file (CSV: class, resistance)</source>
        <translation>重分类表文件（CSV：类型, 阻力）</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>A CSV file whose first two columns are the class code and the resistance; a header row and further columns (labels) are allowed. Its rows override the preset.</source>
        <translation>前两列为类型代码和阻力值的 CSV 文件；允许有表头行和其他列（标签）。其中的行覆盖预设。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Unmapped classes are NoData</source>
        <translation>未映射的类型设为 NoData</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>When ticked, cells of classes missing from the table become NoData (impassable) instead of stopping with an error.</source>
        <translation>勾选后，表中缺失的类型的像元变为 NoData（不可通行），而不是报错停止。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Correction raster (night-time light, impervious surface, ...)</source>
        <translation>校正栅格（夜间灯光、不透水面等）</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Non-negative pressure C on the land-cover grid. Each cell's resistance becomes (C / mean C of its class) x class resistance.</source>
        <translation>位于土地覆被网格上的非负压力值 C。每个像元的阻力变为 (C / 其类型 C 的平均值) × 类型阻力。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>The ratio C / class mean is clipped to [lowest, highest] (lowest &lt;= 1 &lt;= highest), so that dark or saturated cells cannot give a zero or extreme resistance.</source>
        <translation>比值 C / 类型平均值被截断到 [最低, 最高]（最低 &lt;= 1 &lt;= 最高），使暗像元或饱和像元不会产生零或极端的阻力。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Lowest correction ratio</source>
        <translation>最低校正比值</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Highest correction ratio</source>
        <translation>最高校正比值</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Factor rasters</source>
        <translation>因子栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Additional resistance factors on the land-cover grid (band 1 of each is used). Each is rescaled to the range of the table's resistances before weighting.</source>
        <translation>位于土地覆被网格上的附加阻力因子（各取波段 1）。加权前每个因子缩放到表中阻力值的范围。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Weight of the land-cover resistance</source>
        <translation>土地覆被阻力的权重</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Used only with factor rasters. All weights are divided by their sum.</source>
        <translation>仅在有因子栅格时使用。所有权重除以其总和。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Factor weights (comma-separated, in factor order)</source>
        <translation>因子权重（逗号分隔，按因子顺序）</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>One non-negative weight per factor raster, e.g. '0.2, 0.1'. Empty: weight 1 for every factor.</source>
        <translation>每个因子栅格一个非负权重，例如 '0.2, 0.1'。为空：每个因子权重为 1。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Factor directions (+ or -, comma-separated)</source>
        <translation>因子方向（+ 或 -，逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>'+' when a high factor value means high resistance (slope, night-time light), '-' when it means low resistance (NDVI). Empty: '+' for every factor.</source>
        <translation>因子值高表示阻力高（坡度、夜间灯光）时为“+”，表示阻力低（NDVI）时为“-”。为空：每个因子均为“+”。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Float32 GeoTIFF on the land-cover grid, NoData where any used input is NoData.</source>
        <translation>土地覆被网格上的 Float32 GeoTIFF，任一所用输入为 NoData 处为 NoData。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>The custom reclass table has {n} values; it needs pairs of class code and resistance.</source>
        <translation>自定义重分类表有 {n} 个值；它需要“类型代码, 阻力值”对。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Cannot read the reclass table file {path}: {error}</source>
        <translation>无法读取重分类表文件 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>{label} must be numbers separated by commas, not '{text}'.</source>
        <translation>{label}必须是以逗号分隔的数值，而不是“{text}”。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Factor directions must be '+' or '-' separated by commas, not '{text}'.</source>
        <translation>因子方向必须是以逗号分隔的“+”或“-”，而不是“{text}”。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Factor weights</source>
        <translation>因子权重</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Factor weights or directions were given without factor rasters; they are ignored.</source>
        <translation>给出了因子权重或方向，但没有因子栅格；它们被忽略。</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Land cover</source>
        <translation>土地覆被</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Correction raster</source>
        <translation>校正栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Factor {n} ({name})</source>
        <translation>因子 {n}（{name}）</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>The resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Reading {n} raster(s)</source>
        <translation>正在读取 {n} 个栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Resistance: {n} cells, min {lo:g}, mean {mean:g}, max {hi:g}</source>
        <translation>阻力：{n} 个像元，最小 {lo:g}，平均 {mean:g}，最大 {hi:g}</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>resistance</source>
        <translation>阻力</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>Resistance surface in {n} tiles of {m} cells</source>
        <translation>阻力面分 {n} 块计算，每块 {m} 个像元</translation>
    </message>
    <message>
        <location filename="../../algorithms/resistance/resistancesurface.py"/>
        <source>{k} tiles were kept from an earlier run of this job.</source>
        <translation>沿用了本任务先前运行保留的 {k} 块。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>CLCD (China Land Cover Dataset, 9 classes)</source>
        <translation>CLCD（中国土地覆盖数据集，9 类）</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>CNLUCC level 1 (6 classes; level-2 codes take their parent's value)</source>
        <translation>CNLUCC 一级（6 类；二级代码取其上级类型的值）</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>ESA WorldCover (11 classes)</source>
        <translation>ESA WorldCover（11 类）</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Cropland</source>
        <translation>耕地</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Forest</source>
        <translation>林地</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Shrub</source>
        <translation>灌木</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Grassland</source>
        <translation>草地</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Water</source>
        <translation>水体</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Snow/Ice</source>
        <translation>冰雪</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Barren</source>
        <translation>裸地</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Impervious</source>
        <translation>不透水面</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Wetland</source>
        <translation>湿地</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Tree cover</source>
        <translation>树木覆盖</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Shrubland</source>
        <translation>灌木地</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Built-up</source>
        <translation>建设用地</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Bare / sparse vegetation</source>
        <translation>裸地/稀疏植被</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Snow and ice</source>
        <translation>冰雪</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Permanent water bodies</source>
        <translation>永久水体</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Herbaceous wetland</source>
        <translation>草本湿地</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Mangroves</source>
        <translation>红树林</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>Moss and lichen</source>
        <translation>苔藓和地衣</translation>
    </message>
</context>
<context>
    <name>RestorationScenarios</name>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Restoration scenarios and compensation</source>
        <translation>生态修复情景与补偿</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>restoration,scenario,portfolio,budget,priority,knapsack,greedy,ECA,equivalent connected area,compensation,transfer,生态修复,优先级,生态补偿</source>
        <translation>生态修复,修复情景,修复组合,预算,优先级,背包问题,贪心算法,ECA,等效连通面积,生态保护补偿,转移支付,生态补偿,restoration,scenario,portfolio,budget,priority,knapsack,greedy,equivalent connected area,compensation,transfer</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>&lt;p&gt;Ranks candidate restoration sites (for example the barriers and breakpoints among the key areas of 'Restoration zoning') by what restoring each one alone gains in connectivity per unit of cost, and chooses the sites to restore within a budget.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Restoring a site&lt;/b&gt; lowers the resistance of its cells to a target: an action keyed by the site's kind (barrier, breakpoint ...) applies to all its cells, otherwise each cell's land-cover class picks its action. A target class stands for the median resistance this surface gives that class; restoration never raises a resistance. The cost is the restored area times the action's cost per km² (10⁴ CNY). Without an actions table the CLCD defaults are used (cropland to forest at the Grain for Green subsidy, 240 × 10⁴ CNY/km²; the others are planning placeholders: give your own unit costs).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Gain&lt;/b&gt;: the equivalent connected area (ECA = √(Σ a_i a_j p*_ij), Saura &amp;amp; Rubio 2010) of the sources, with p = p0^(d/d0) on each link's least-cost distance d and p* the best product over paths. A site changes the links it touches (a site cell within the band of the link's least-cost path): their least-cost distance and effective resistance (in the corridor core) are recomputed on the restored surface, exactly. Each site is one task of the engine set in Processing options.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Portfolio&lt;/b&gt;: 'exact' tries every combination of the sites that gain and fit the budget (at most 16; each link then takes the lowest distance any chosen site gives it); 'greedy' takes the best gain per cost, restores it, evaluates the sites sharing its links again on the restored surface, and repeats while a site fits; 'automatic' is exact up to 12 candidates. The method used is in the log and in METHOD_USED. The gain curve lists the chosen sites in order with the cumulative cost and gain.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Compensation&lt;/b&gt; (with administrative units): each county carries the cost of the restored cells inside it; the gain (the change of a_i a_j p*_ij of every pair of sources) goes half to each source of the pair, split over the counties by the source's area. Each county's fair part is own share × its own cost + (1 − own share) × total cost × its benefit share; counties that carried more are paid by those that carried less (largest first), so that every transfer table balances to zero. This follows the principle 'whoever benefits compensates' (谁受益、谁补偿) of China's ecological protection compensation (General Office of the State Council, 2016; Regulations on Ecological Protection Compensation, 2024); the own share stands for a host's fixed part, as both provinces fund the Xin'an River pilot.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按单独修复每个候选修复点位（例如“生态修复分区”关键区域中的障碍点和断裂点）所带来的单位成本连通性收益对其排序，并在预算内选出要修复的点位。&lt;/p&gt;&lt;p&gt;&lt;b&gt;修复一个点位&lt;/b&gt;即将其像元的阻力降至目标值：按点位类型（障碍点、断裂点等）设定的措施适用于其全部像元，否则由每个像元的土地覆被类型确定其措施。目标类型代表该阻力面赋予该类型的阻力中位数；修复不会提高任何阻力。成本为修复面积乘以该措施的单位面积成本（万元/km²）。未给出措施表时采用 CLCD 默认值（耕地转林地按退耕还林补助标准，240 万元/km²；其余为规划占位值：请给出本地的单位成本）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;收益&lt;/b&gt;：源地的等效连通面积（ECA = √(Σ a_i a_j p*_ij)，Saura &amp;amp; Rubio 2010），其中每条连接按其最小累积阻力距离 d 取 p = p0^(d/d0)，p* 为各路径概率乘积的最大值。点位会改变其触及的连接（点位像元位于该连接最小累积阻力路径的缓冲带内）：这些连接的最小累积阻力距离和有效电阻（在廊道核心内）在修复后的阻力面上精确重算。每个点位是处理选项中所设引擎的一个任务。&lt;/p&gt;&lt;p&gt;&lt;b&gt;修复组合&lt;/b&gt;：“精确”穷举所有具有收益且在预算之内的点位的组合（最多 16 个；此时每条连接取各入选点位给出的最小距离）；“贪心”选取单位成本收益最高的点位并将其修复，在修复后的阻力面上重新评估与其共用连接的点位，只要仍有点位可纳入预算就重复此过程；“自动”在候选点位不超过 12 个时采用精确方法。实际采用的方法记录在日志和 METHOD_USED 中。收益曲线按顺序列出入选点位及累计成本和累计收益。&lt;/p&gt;&lt;p&gt;&lt;b&gt;补偿&lt;/b&gt;（给出行政单元时）：每个县承担其境内修复像元的成本；收益（每对源地 a_i a_j p*_ij 的变化量）平均分给该对中的两个源地，再按源地面积分配到各县。每个县的应担份额 = 自担比例 × 本县成本 + (1 − 自担比例) × 总成本 × 本县受益占比；承担较多的县由承担较少的县支付补偿（从最大额开始），从而使每张转移支付表收支平衡为零。这遵循我国生态保护补偿“谁受益、谁补偿”的原则（国务院办公厅，2016；《生态保护补偿条例》，2024）；自担比例代表所在地固定承担的部分，正如新安江流域试点由两省共同出资。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>The surface the pattern was built on.</source>
        <translation>构建生态安全格局所用的阻力面。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Candidate sites</source>
        <translation>候选点位</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Polygons of the sites to rank: the key areas of 'Restoration zoning' (their kind_id picks the kinds below and the action of each site), or your own project polygons (their cells act by land-cover class).</source>
        <translation>待排序点位的面要素：“生态修复分区”输出的关键区域（其 kind_id 决定下方所选类型及各点位的措施），或自定的项目面（其像元按土地覆被类型确定措施）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Key-area kinds that are candidates</source>
        <translation>作为候选的关键区域类型</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Barriers</source>
        <translation>障碍点</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Breakpoints</source>
        <translation>断裂点</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Degraded land in sources</source>
        <translation>源地内退化地</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Degraded land in corridors</source>
        <translation>廊道内退化地</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Used only when the sites have a kind_id field.</source>
        <translation>仅当点位图层有 kind_id 字段时使用。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Land-cover raster</source>
        <translation>土地覆被栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>The land cover of the resistance grid (CLCD codes with the default actions); needed when the actions name land-cover classes.</source>
        <translation>与阻力栅格同一网格的土地覆被（使用默认措施时为 CLCD 代码）；措施按土地覆被类型指定时必填。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Cumulative current</source>
        <translation>累积电流</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>The current map of 'Circuitscape': the current through each site is reported (it does not change the ranking).</source>
        <translation>“Circuitscape”输出的电流图：报告通过每个点位的电流（不影响排序）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Restoration actions (CSV)</source>
        <translation>修复措施（CSV）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Columns: class (land-cover code) or kind (barrier, breakpoint, degraded_source, degraded_corridor, pinch_point, corridor), target_class or resistance, cost_per_km2 (10⁴ CNY), note. Empty: the CLCD defaults.</source>
        <translation>列：class（土地覆被代码）或 kind（barrier、breakpoint、degraded_source、degraded_corridor、pinch_point、corridor），target_class 或 resistance，cost_per_km2（万元），note。为空：采用 CLCD 默认值。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Budget (10⁴ CNY)</source>
        <translation>预算（万元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>The money for the programme, in the unit of the actions' costs.</source>
        <translation>修复方案可用资金，单位与措施成本相同。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Portfolio method</source>
        <translation>组合方法</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Greedy with re-evaluation</source>
        <translation>贪心算法（逐步重新评估）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Exact (all combinations)</source>
        <translation>精确（穷举所有组合）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Automatic: exact up to 12 candidate sites, greedy beyond.</source>
        <translation>自动：候选点位不超过 12 个时采用精确方法，超过时采用贪心算法。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Kernel distance d0 (cost units)</source>
        <translation>核距离 d0（成本单位）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>The least-cost distance at which two sources connect with probability p0; 0 takes the median least-cost distance of the links.</source>
        <translation>两个源地以概率 p0 连通时的最小累积阻力距离；0 表示取各连接最小累积阻力距离的中位数。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Probability p0 at d0</source>
        <translation>d0 处的概率 p0</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Conefor's practice is 0.5 at the median dispersal distance.</source>
        <translation>Conefor 惯例为在扩散距离中位数处取 0.5。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Band of a link (cost units)</source>
        <translation>连接缓冲带（成本单位）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>A site touches a link when one of its cells lies within this many cost units of the link's least-cost path (NLCC).</source>
        <translation>当点位的某个像元与连接的最小累积阻力路径相距不超过此成本单位数（NLCC）时，视为该点位触及该连接。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Corridor core width (cost units)</source>
        <translation>廊道核心宽度（成本单位）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>The corridor the effective resistance is computed in, as in 'Pinch points'.</source>
        <translation>计算有效电阻所用的廊道，与“夹点识别”相同。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Worker processes</source>
        <translation>工作进程数</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>1 evaluates the sites in this process; more start that many workers; 0 takes the provider's setting. The numbers are the same either way.</source>
        <translation>1 表示在本进程中评估各点位；大于 1 则启动相应数量的工作进程；0 表示采用提供程序的设置。两种方式结果相同。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Administrative units</source>
        <translation>行政单元</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Counties: with them, the compensation ledger and transfers are written.</source>
        <translation>县级行政区：给出后将写出补偿台账和转移支付。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Unit name field</source>
        <translation>单元名称字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>The name of each unit, written in the ledger and the transfers; empty: Unit 1, Unit 2, ... in layer order.</source>
        <translation>各单元的名称，写入台账和转移支付表；为空：按图层顺序命名为 单元 1、单元 2……</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Group field (e.g. prefecture)</source>
        <translation>分组字段（例如地级市）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Optional: transfers between the groups are also listed (netted).</source>
        <translation>可选：同时列出各组之间（轧差后）的转移支付。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Own share of a host's cost</source>
        <translation>所在县自担比例</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>0: each county's net cost is proportional to its benefit; 1: each county pays for its own sites (no transfers); between: a part of each site is always the host's.</source>
        <translation>0：各县的净成本与其受益成正比；1：各县自行承担本县点位的成本（无转移支付）；介于两者之间：每个点位的一部分成本始终由所在县承担。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Restoration sites</source>
        <translation>修复点位</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>The sites with cost, gain (d_eca_km2), gain per cost, rank (1 = best alone), chosen (1 = in the portfolio) and order.</source>
        <translation>各点位及其成本、收益（d_eca_km2）、单位成本收益、排名（1 = 单独修复时最佳）、是否入选（1 = 纳入修复组合）和顺序。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Gain curve</source>
        <translation>收益曲线</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Table: the chosen sites in order with cumulative cost and gain.</source>
        <translation>表：按顺序排列的入选点位及累计成本和累计收益。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Compensation ledger</source>
        <translation>补偿台账</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>The units with cost carried, benefit, fair part, net, paid and received (written with administrative units).</source>
        <translation>各单元的实际承担成本、受益、应担份额、净额、支付额和受偿额（给出行政单元时写出）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Transfers</source>
        <translation>转移支付</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Table: who pays whom, between counties and between prefectures.</source>
        <translation>表：县与县之间、地市与地市之间由谁向谁支付。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Compensation by group</source>
        <translation>分组生态补偿台账</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Table: the ledger summed per group (prefecture), with the netted transfers between groups (written with a group field).</source>
        <translation>表格：按分组（地市）汇总的台账，以及分组之间轧差后的转移支付（给定分组字段时输出）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Gain curve chart</source>
        <translation>收益曲线图</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>PNG files (*.png)</source>
        <translation>PNG 文件 (*.png)</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>The gain curve drawn as a PNG.</source>
        <translation>以 PNG 格式绘制的收益曲线。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Restored resistance</source>
        <translation>修复后阻力</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>The resistance surface with the chosen sites restored: run the chain on it to see the plan's pattern.</source>
        <translation>入选点位修复后的阻力面：以其重新运行全流程，即可得到规划实施后的格局。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>ECA before (km²)</source>
        <translation>修复前 ECA（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>ECA with the portfolio (km²)</source>
        <translation>实施修复组合后 ECA（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Cost of the portfolio (10⁴ CNY)</source>
        <translation>修复组合成本（万元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>ECA gained (km²)</source>
        <translation>ECA 增量（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Number of sites chosen</source>
        <translation>入选点位数</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Portfolio method used</source>
        <translation>实际采用的组合方法</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>{n} candidate sites, {m} links, {k} sources; ECA {eca:.1f} km².</source>
        <translation>候选点位 {n} 个，连接 {m} 条，源地 {k} 个；ECA 为 {eca:.1f} km²。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <source>Portfolio ({method}): {n} sites, cost {cost:.1f} × 10⁴ CNY, ECA {a:.1f} -&gt; {b:.1f} km².</source>
        <translation>修复组合（{method}）：{n} 个点位，成本 {cost:.1f} 万元，ECA {a:.1f} -&gt; {b:.1f} km²。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationscenarios.py"/>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Resistance raster</source>
        <translation>阻力栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Cost of crossing one map unit of each cell, e.g. the output of 'Resistance surface'; positive everywhere except NoData, which cannot be crossed. Must be in a projected CRS.</source>
        <translation>穿越每个像元一个地图单位的成本，例如“阻力面”的输出；除 NoData（不可穿越）外处处为正。必须采用投影坐标系。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Sources (polygons)</source>
        <translation>源地（面）</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Ecological sources (core areas) as polygons, for example the output of 'Extract ecological sources'. Each polygon is burnt onto the resistance grid (cells whose centre it covers). Give either these polygons or a source id raster.</source>
        <translation>以面表示的生态源地（核心区），例如“提取生态源地”的输出。每个面被栅格化到阻力网格上（其覆盖的像元中心）。给出这些面或源地编号栅格之一。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source id field</source>
        <translation>源地编号字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Positive whole-number id of each source (source_id in 'Extract ecological sources'). Features sharing an id form one source. Empty: features are numbered 1, 2, ... in layer order.</source>
        <translation>每个源地的正整数编号（“提取生态源地”中的 source_id）。编号相同的要素构成一个源地。为空：要素按图层顺序编号 1, 2, ...。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source id raster</source>
        <translation>源地编号栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Instead of polygons: a raster of source ids (0 or NoData = no source) on the grid of the resistance raster, such as the source id raster of 'Extract ecological sources'.</source>
        <translation>代替面要素：位于阻力栅格网格上的源地编号栅格（0 或 NoData = 非源地），例如“提取生态源地”输出的源地编号栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>Corridor links</source>
        <translation>廊道连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/links.py"/>
        <source>The least-cost paths of 'Linkage pathways' (fields From_Core, To_Core, CW_Dist and Active). Only active links (Active = 1) are used; edit Active to leave links out or bring them back.</source>
        <translation>“生态廊道识别”输出的最小累积阻力路径（字段 From_Core、To_Core、CW_Dist 和 Active）。只使用有效连接（Active = 1）；编辑 Active 可排除或恢复连接。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Give the resistance raster.</source>
        <translation>请提供阻力栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Give the sources either as polygons or as a source id raster (exactly one of the two).</source>
        <translation>请以面或源地编号栅格之一给出源地（二者只能选其一）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>The resistance raster is in a geographic CRS (degrees); cost distances need metres. Reproject it to a projected CRS first (Raster &gt; Projections &gt; Warp).</source>
        <translation>阻力栅格采用地理坐标系（度）；成本距离需要以米计。请先将其重投影到投影坐标系（栅格 &gt; 投影 &gt; 变形）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source ids must be whole numbers; the source id raster holds fractions.</source>
        <translation>源地编号必须为整数；源地编号栅格含有小数。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>The source layer has no polygon.</source>
        <translation>源地图层中没有面。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/programme.py"/>
        <source>No candidate site: the sites layer has no polygon{which}. Give the key areas of 'Restoration zoning' or your own project polygons.</source>
        <translation>没有候选点位：点位图层中没有{which}面。请提供“生态修复分区”输出的关键区域或自定的项目面。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/programme.py"/>
        <source> of the kinds chosen</source>
        <translation>所选类型的</translation>
    </message>
    <message>
        <source>Pinch point</source>
        <translation type="vanished">夹点</translation>
    </message>
    <message>
        <source>Barrier</source>
        <translation type="vanished">障碍点</translation>
    </message>
    <message>
        <source>Breakpoint</source>
        <translation type="vanished">断裂点</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation type="vanished">廊道</translation>
    </message>
</context>
<context>
    <name>RestorationZoning</name>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Restoration zoning</source>
        <translation>生态修复分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>restoration zoning,ecological restoration,zones,key areas,pinch points,barriers,breakpoints,territorial spatial planning,生态修复分区,生态保护区,生态修复区</source>
        <translation>生态修复分区,生态修复,分区,关键修复区域,夹点,障碍点,断裂点,国土空间规划,生态保护区,生态修复区,生态提升区,生态管控区,restoration zoning,ecological restoration,zones,key areas,pinch points,barriers,breakpoints,territorial spatial planning</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>&lt;p&gt;Turns the ecological security pattern into the four zones of a territorial restoration plan and grades the key restoration areas.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Zones&lt;/b&gt; (a cell meeting several rules takes the first zone in the order restoration, conservation, improvement, control):&lt;/p&gt;&lt;ul&gt;&lt;li&gt;1 &lt;b&gt;Ecological conservation zone&lt;/b&gt; (生态保护区): sources and pinch points;&lt;/li&gt;&lt;li&gt;2 &lt;b&gt;Ecological restoration zone&lt;/b&gt; (生态修复区): barriers, breakpoints and degraded land inside sources and corridors;&lt;/li&gt;&lt;li&gt;3 &lt;b&gt;Ecological improvement zone&lt;/b&gt; (生态提升区): corridors and stepping stones;&lt;/li&gt;&lt;li&gt;4 &lt;b&gt;Ecological control zone&lt;/b&gt; (生态管控区): every other cell with data.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Corridors&lt;/b&gt; are the cells of the corridor raster of 'Linkage pathways' up to the corridor width (cost units), and/or the cells within the buffer distance of the active least-cost paths. &lt;b&gt;Pinch points&lt;/b&gt;, &lt;b&gt;barriers&lt;/b&gt; and &lt;b&gt;degraded land&lt;/b&gt; are the cells at or above their threshold (habitat quality: below it); an empty threshold takes the top class of the natural breaks (Jenks) of the positive values (habitat quality: the bottom class of the values inside sources and corridors). &lt;b&gt;Breakpoints&lt;/b&gt; are the cells of the least-cost paths outside sources whose land-cover class is one of the breaking classes (roads, built-up land).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Key areas&lt;/b&gt;, each graded into levels 1 (most important) to 3 by natural breaks within its kind: points: pinch points (highest current), barriers (highest improvement score) and breakpoints (cost of crossing them); lines: corridors (cost per metre along the least-cost path, CW_Dist / LCP_Length: the costliest corridors come first); surfaces: degraded land in sources and in corridors (area).&lt;/p&gt;&lt;p&gt;Every raster must be on the resistance raster's grid. Outputs: the zone raster (Byte, 0 = NoData), the dissolved zone polygons with their areas, the key areas as polygons and a statistics table (zones and key areas by level, areas in km²).&lt;/p&gt;&lt;p&gt;Reference: Peng (2025) 'pattern optimization – zoning collaboration – mechanism guarantee'; McRae et al. (2012) PLoS ONE 7: e52604 for barriers.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将生态安全格局转化为国土空间生态修复规划的四类分区，并对关键修复区域分级。&lt;/p&gt;&lt;p&gt;&lt;b&gt;分区&lt;/b&gt;（同时满足多条规则的像元按修复、保护、提升、管控的顺序取第一个分区）：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;1 &lt;b&gt;生态保护区&lt;/b&gt;：源地和夹点；&lt;/li&gt;&lt;li&gt;2 &lt;b&gt;生态修复区&lt;/b&gt;：源地和廊道内的障碍点、断裂点和退化地；&lt;/li&gt;&lt;li&gt;3 &lt;b&gt;生态提升区&lt;/b&gt;：廊道和踏脚石；&lt;/li&gt;&lt;li&gt;4 &lt;b&gt;生态管控区&lt;/b&gt;：其余所有有数据的像元。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;廊道&lt;/b&gt;为“生态廊道识别”廊道栅格中不超过廊道宽度（成本单位）的像元，和/或有效最小累积阻力路径缓冲距离内的像元。&lt;b&gt;夹点&lt;/b&gt;、&lt;b&gt;障碍点&lt;/b&gt;和&lt;b&gt;退化地&lt;/b&gt;为达到或超过各自阈值的像元（生境质量：低于阈值）；阈值为空时取正值自然断点（Jenks）分级的最高一级（生境质量：源地和廊道内取值的最低一级）。&lt;b&gt;断裂点&lt;/b&gt;为源地以外、土地覆被类型属于断裂类型（道路、建设用地）的最小累积阻力路径像元。&lt;/p&gt;&lt;p&gt;&lt;b&gt;关键区域&lt;/b&gt;，各自在同类内按自然断点分为 1 级（最重要）到 3 级：点状：夹点（最高电流）、障碍点（最高改善得分）和断裂点（穿越成本）；线状：廊道（沿最小累积阻力路径每米的成本，CW_Dist / LCP_Length：成本最高的廊道排在最前）；面状：源地和廊道内的退化地（面积）。&lt;/p&gt;&lt;p&gt;所有栅格必须位于阻力栅格的网格上。输出：分区栅格（Byte，0 = NoData）、融合后的分区面及其面积、以面表示的关键区域，以及统计表（按级别统计的分区和关键区域，面积以 km² 计）。&lt;/p&gt;&lt;p&gt;参考文献：彭（2025）“格局优化—分区协同—机制保障”；障碍点参见 McRae et al. (2012) PLoS ONE 7: e52604。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Its grid is the grid of the zones; its NoData cells get no zone. Every other raster must be on this grid.</source>
        <translation>其网格即分区的网格；其 NoData 像元不划入任何分区。其他所有栅格必须位于此网格上。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Corridor raster</source>
        <translation>廊道栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>The normalised least-cost corridors (NLCC) of 'Linkage pathways': cost units above the least-cost path. Give this, the corridor links, or both.</source>
        <translation>“生态廊道识别”输出的归一化最小累积阻力廊道（NLCC）：高出最小累积阻力路径的成本单位。给出此项、廊道连接，或二者都给出。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Corridor width (cost units)</source>
        <translation>廊道宽度（成本单位）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Corridor cells are those of the corridor raster at or below this value. Empty: every cell with a value (the width it was truncated to).</source>
        <translation>廊道像元为廊道栅格中取值不超过此值的像元。为空：所有有值的像元（即廊道栅格截断时的宽度）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Corridor links</source>
        <translation>廊道连接</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>The least-cost paths of 'Linkage pathways' (only Active = 1 links are used). They are buffered into corridors, give the breakpoints, and are graded as the line key areas.</source>
        <translation>“生态廊道识别”输出的最小累积阻力路径（只使用 Active = 1 的连接）。它们经缓冲成为廊道，用于确定断裂点，并作为线状关键区域分级。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Path buffer (map units)</source>
        <translation>路径缓冲距离（地图单位）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Cells whose centre lies within this distance of a least-cost path cell are corridor cells; studies use 100-500 m. It is also the half-width of the line key areas (at least half a cell).</source>
        <translation>中心位于最小累积阻力路径像元此距离以内的像元为廊道像元；研究中常用 100-500 m。它也是线状关键区域的半宽（至少半个像元）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Pinch point raster</source>
        <translation>夹点栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Current of 'Pinch points' (or any map where high values are pinch points).</source>
        <translation>“夹点识别”输出的电流（或任何高值表示夹点的图）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Pinch point threshold</source>
        <translation>夹点阈值</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Cells at or above it are pinch points. Empty: the top class of the natural breaks of the positive values.</source>
        <translation>达到或超过此值的像元为夹点。为空：正值自然断点分级的最高一级。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Barrier raster</source>
        <translation>障碍点栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Improvement scores of 'Barriers'.</source>
        <translation>“障碍点识别”输出的改善得分。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Barrier threshold</source>
        <translation>障碍点阈值</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Cells at or above it are barriers. Empty: the top class of the natural breaks of the positive scores.</source>
        <translation>达到或超过此值的像元为障碍点。为空：正得分自然断点分级的最高一级。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Ecological quality or degradation raster</source>
        <translation>生态质量或退化栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>For example the habitat quality or the degradation of 'Habitat quality', or an ecosystem-importance map. Its degraded cells inside sources and corridors go to the restoration zone.</source>
        <translation>例如“生境质量”输出的生境质量或退化度，或生态系统重要性图。源地和廊道内的退化像元划入生态修复区。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>The raster holds</source>
        <translation>栅格内容</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Quality or importance (low = degraded)</source>
        <translation>质量或重要性（低 = 退化）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Degradation (high = degraded)</source>
        <translation>退化度（高 = 退化）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Whether low values (habitat quality) or high values (degradation) mark degraded land.</source>
        <translation>退化地由低值（生境质量）还是高值（退化度）表示。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Degradation threshold</source>
        <translation>退化阈值</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Quality below it (or degradation at or above it) is degraded. Empty: the bottom (top) class of the natural breaks of the values inside sources and corridors. Chinese studies often take habitat quality below 0.4.</source>
        <translation>质量低于此值（或退化度达到或超过此值）即为退化。为空：源地和廊道内取值自然断点分级的最低（最高）一级。国内研究常取生境质量低于 0.4。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Land-cover raster for breakpoints</source>
        <translation>用于断裂点的土地覆被栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Least-cost path cells outside sources on the breaking classes below are breakpoints (where corridors cross roads and built-up land).</source>
        <translation>源地以外、位于下列断裂类型上的最小累积阻力路径像元为断裂点（廊道穿越道路和建设用地之处）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Breaking classes</source>
        <translation>断裂类型</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Comma-separated class values of that raster; 8 is impervious (built-up) land in CLCD.</source>
        <translation>该栅格的类型值，以逗号分隔；在 CLCD 中 8 为不透水面（建设用地）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Stepping stones</source>
        <translation>踏脚石</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Optional polygons of stepping-stone patches (for example habitat patches too small to be sources); they join the improvement zone.</source>
        <translation>可选的踏脚石斑块面（例如面积过小、不足以作为源地的生境斑块）；它们划入生态提升区。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Natural-breaks classes for empty thresholds</source>
        <translation>阈值为空时的自然断点分级数</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>An empty threshold takes the top (or bottom) class of this many Jenks classes, as the class rasters of 'Pinch points' and 'Barriers' show them.</source>
        <translation>阈值为空时，取这么多级 Jenks 分级中的最高（或最低）一级，与“夹点识别”和“障碍点识别”的分级栅格一致。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Restoration zones</source>
        <translation>生态修复分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Byte GeoTIFF: 1 conservation, 2 restoration, 3 improvement, 4 control, 0 NoData; styled with the zone names.</source>
        <translation>Byte GeoTIFF：1 保护，2 修复，3 提升，4 管控，0 NoData；按分区名称设置样式。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Zone polygons</source>
        <translation>分区面</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>One (multi)polygon per zone with its area (km²) and share (%).</source>
        <translation>每个分区一个（多部件）面，含其面积（km²）和占比（%）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Key restoration areas</source>
        <translation>关键修复区域</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Polygons with form (point, line, surface), kind_id (1 pinch point, 2 barrier, 3 breakpoint, 4 corridor, 5 degraded land in sources, 6 degraded land in corridors), kind, level (1-3, natural breaks within the kind, 1 = most important), score, area and length.</source>
        <translation>面要素，含 form（形态：点状、线状、面状）、kind_id（1 夹点，2 障碍点，3 断裂点，4 廊道，5 源地内退化地，6 廊道内退化地）、kind（类型）、level（级别 1-3，同类内自然断点分级，1 = 最重要）、score（得分）、面积和长度。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Zoning statistics</source>
        <translation>分区统计</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Table: area, share and number of parts of each zone; number, area and length of the key areas of each kind and level.</source>
        <translation>表：每个分区的面积、占比和斑块数；每种类型和级别的关键区域的数量、面积和长度。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Give the corridor raster, the corridor links (with at least one active link), or both.</source>
        <translation>请给出廊道栅格、廊道连接（至少含一条有效连接），或二者都给出。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Restoration zone</source>
        <translation>生态修复区</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Quality raster</source>
        <translation>质量栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Resistance raster</source>
        <translation>阻力栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Pinch points</source>
        <translation>夹点</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Barriers</source>
        <translation>障碍点</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Degraded land</source>
        <translation>退化地</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Breaking classes must be numbers separated by commas, for example 8 or 7,8; got '{text}'.</source>
        <translation>断裂类型必须是以逗号分隔的数值，例如 8 或 7,8；实际为“{text}”。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Give the breaking classes of the land-cover raster (for example 8).</source>
        <translation>请给出土地覆被栅格的断裂类型（例如 8）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Level {level}</source>
        <translation>{level} 级</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Key area</source>
        <translation>关键区域</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>{zone}: {area:.2f} km² ({share:.1f} %)</source>
        <translation>{zone}：{area:.2f} km²（{share:.1f} %）</translation>
    </message>
    <message>
        <location filename="../../algorithms/zoning/restorationzoning.py"/>
        <source>Key areas, {kind}: {count}</source>
        <translation>关键区域，{kind}：{count}</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Cost of crossing one map unit of each cell, e.g. the output of 'Resistance surface'; positive everywhere except NoData, which cannot be crossed. Must be in a projected CRS.</source>
        <translation>穿越每个像元一个地图单位的成本，例如“阻力面”的输出；除 NoData（不可穿越）外处处为正。必须采用投影坐标系。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Sources (polygons)</source>
        <translation>源地（面）</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Ecological sources (core areas) as polygons, for example the output of 'Extract ecological sources'. Each polygon is burnt onto the resistance grid (cells whose centre it covers). Give either these polygons or a source id raster.</source>
        <translation>以面表示的生态源地（核心区），例如“提取生态源地”的输出。每个面被栅格化到阻力网格上（其覆盖的像元中心）。给出这些面或源地编号栅格之一。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source id field</source>
        <translation>源地编号字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Positive whole-number id of each source (source_id in 'Extract ecological sources'). Features sharing an id form one source. Empty: features are numbered 1, 2, ... in layer order.</source>
        <translation>每个源地的正整数编号（“提取生态源地”中的 source_id）。编号相同的要素构成一个源地。为空：要素按图层顺序编号 1, 2, ...。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source id raster</source>
        <translation>源地编号栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Instead of polygons: a raster of source ids (0 or NoData = no source) on the grid of the resistance raster, such as the source id raster of 'Extract ecological sources'.</source>
        <translation>代替面要素：位于阻力栅格网格上的源地编号栅格（0 或 NoData = 非源地），例如“提取生态源地”输出的源地编号栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Give the resistance raster.</source>
        <translation>请提供阻力栅格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Give the sources either as polygons or as a source id raster (exactly one of the two).</source>
        <translation>请以面或源地编号栅格之一给出源地（二者只能选其一）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>The resistance raster is in a geographic CRS (degrees); cost distances need metres. Reproject it to a projected CRS first (Raster &gt; Projections &gt; Warp).</source>
        <translation>阻力栅格采用地理坐标系（度）；成本距离需要以米计。请先将其重投影到投影坐标系（栅格 &gt; 投影 &gt; 变形）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>Source ids must be whole numbers; the source id raster holds fractions.</source>
        <translation>源地编号必须为整数；源地编号栅格含有小数。</translation>
    </message>
    <message>
        <location filename="../../algorithms/io/sources.py"/>
        <source>The source layer has no polygon.</source>
        <translation>源地图层中没有面。</translation>
    </message>
    <message>
        <source>Point</source>
        <translation type="vanished">点状</translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="vanished">线状</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation type="vanished">面状</translation>
    </message>
    <message>
        <source>Pinch point</source>
        <translation type="vanished">夹点</translation>
    </message>
    <message>
        <source>Barrier</source>
        <translation type="vanished">障碍点</translation>
    </message>
    <message>
        <source>Breakpoint</source>
        <translation type="vanished">断裂点</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation type="vanished">廊道</translation>
    </message>
    <message>
        <source>Degraded land in sources</source>
        <translation type="vanished">源地内退化地</translation>
    </message>
    <message>
        <source>Degraded land in corridors</source>
        <translation type="vanished">廊道内退化地</translation>
    </message>
</context>
<context>
    <name>SecurityPattern</name>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Ecological security pattern (whole chain)</source>
        <translation>生态安全格局（全流程）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>workflow</source>
        <translation>工作流</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>county</source>
        <translation>县域</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Runs the whole ecological security pattern chain in one go and writes every product into the output folder under a fixed name, with its style beside it:&lt;ol&gt;&lt;li&gt;&lt;b&gt;Sources&lt;/b&gt;: MSPA of the foreground classes; habitat quality (when both threat tables are given); the MSPA core cells of the top habitat-quality class, in patches of at least the minimum area, the most important by dPC.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Resistance&lt;/b&gt;: the land-cover classes reclassified by the preset, optionally corrected by a raster such as night-time light.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Connectivity&lt;/b&gt;: pairwise cumulative current between one point inside each source (Circuitscape); least-cost corridors (Linkage Pathways); pinch points; barriers; current-flow centrality.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Zoning&lt;/b&gt;: conservation, restoration, improvement and control zones with the key restoration areas; the county ledger, connectivity matrix, collaboration zones and restoration account; the report (HTML, Word where python-docx is installed, and PDF where it can be printed).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Programme&lt;/b&gt;: the key areas ranked by the connectivity (equivalent connected area) their restoration gains per cost, the sites chosen within the budget, the gain curve, each county's cost, benefit and transfers; with an earlier run to compare with, what changed and an effectiveness score per county. The report gets a chapter for each.&lt;/li&gt;&lt;/ol&gt;The land cover must be in a projected CRS with metre units; the counties may be in any CRS. Stages can be run one at a time (first and last stage): a later stage reads the products of the earlier ones from the same output folder, as the dock does. Each step is the toolkit's own algorithm with the settings shown here; run the algorithms one by one for their other options.&lt;br&gt;Method: Peng J. et al. (2018) Linking ecosystem services and circuit theory to identify ecological security patterns. Sci. Total Environ. 644, 781-790.</source>
        <translation>一次性运行整个生态安全格局流程，将每个产品以固定名称写入输出文件夹，并在旁边附上其样式：&lt;ol&gt;&lt;li&gt;&lt;b&gt;生态源地&lt;/b&gt;：前景类型的 MSPA；生境质量（给出两个威胁因子表时）；生境质量最高一级的 MSPA 核心像元组成的、面积不小于最小面积的斑块中按 dPC 最重要者。&lt;/li&gt;&lt;li&gt;&lt;b&gt;阻力面&lt;/b&gt;：按预设对土地覆被类型重分类，可选用夜间灯光等栅格进行校正。&lt;/li&gt;&lt;li&gt;&lt;b&gt;连通性&lt;/b&gt;：各源地内一点之间的 pairwise 累积电流（Circuitscape）；最小累积阻力廊道（Linkage Pathways）；夹点；障碍点；电流中心性。&lt;/li&gt;&lt;li&gt;&lt;b&gt;分区&lt;/b&gt;：生态保护区、生态修复区、生态提升区和生态管控区及关键修复区域；县域台账、连通性矩阵、协同分区和修复受益账户；报告（HTML；已安装 python-docx 时另有 Word；可打印时另有 PDF）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;修复方案&lt;/b&gt;：按单位成本修复所获的连通性（等效连通面积）增益对关键区域排序，在预算内选定修复点位，给出收益曲线以及各县的成本、受益和转移支付；给出用于对比的先前运行时，还给出发生的变化和各县的成效得分。报告为以上每项各设一章。&lt;/li&gt;&lt;/ol&gt;土地覆被必须采用以米为单位的投影坐标系；县域单元可以采用任意坐标参考系。各阶段可以逐一运行（起始阶段和结束阶段）：后面的阶段从同一输出文件夹读取前面阶段的产品，与停靠面板的做法相同。每一步都是本工具箱自身的算法，采用此处所示的设置；如需其他选项，请逐个运行各算法。&lt;br&gt;方法：Peng J. et al. (2018) Linking ecosystem services and circuit theory to identify ecological security patterns. Sci. Total Environ. 644, 781-790.</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Land-cover raster</source>
        <translation>土地覆被栅格</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Land-cover codes in a projected CRS (metres). The default preset and classes follow CLCD: 1 cropland, 2 forest, 3 shrub, 4 grassland, 5 water, 6 snow/ice, 7 barren, 8 impervious, 9 wetland.</source>
        <translation>投影坐标系（米）下的土地覆被代码。默认预设和类型遵循 CLCD：1 耕地，2 林地，3 灌木，4 草地，5 水体，6 冰雪，7 裸地，8 不透水面，9 湿地。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Administrative units (counties)</source>
        <translation>行政单元（县）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>The polygons the ledger is kept for, usually counties.</source>
        <translation>建立台账的面，通常为县级单元。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Unit name field</source>
        <translation>单元名称字段</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Names used in the ledger, the matrix and the report; empty: the feature ids.</source>
        <translation>台账、矩阵和报告中使用的名称；为空：使用要素 ID。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Group field (e.g. prefecture)</source>
        <translation>分组字段（例如地级市）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>An existing grouping of the units that the collaboration zones are compared with.</source>
        <translation>单元的现有分组，用于与协同分区比较。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Habitat classes (MSPA foreground)</source>
        <translation>生境类型（MSPA 前景）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Comma-separated land-cover codes that count as habitat (CLCD: 2 forest, 3 shrub, 4 grassland).</source>
        <translation>视为生境的土地覆被代码，以逗号分隔（CLCD：2 林地，3 灌木，4 草地）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Threats table (CSV file)</source>
        <translation>威胁因子表（CSV 文件）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>InVEST threats table (threat, max_dist, weight, decay, cur_path); with the sensitivity table it adds habitat quality, used to rank sources and to find degraded land. Leave empty to skip habitat quality.</source>
        <translation>InVEST 威胁因子表（threat、max_dist、weight、decay、cur_path）；与敏感度表一起可增加生境质量，用于源地排序和识别退化地。留空则跳过生境质量。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Sensitivity table (CSV file)</source>
        <translation>敏感度表（CSV 文件）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>InVEST sensitivity table (lulc, habitat, one column per threat).</source>
        <translation>InVEST 敏感度表（lulc、habitat，每个威胁因子一列）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Half-saturation constant k</source>
        <translation>半饱和常数 k</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Habitat quality's k: the degradation at which quality halves.</source>
        <translation>生境质量的 k：使质量减半的退化度。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Sources: top class of N quality classes</source>
        <translation>源地：N 级质量分级中的最高级</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Only MSPA core cells in the highest of N natural-breaks (Jenks) classes of habitat quality can be sources, so that a large forest splits at its degraded valleys instead of becoming one giant source: the MSPA plus InVEST route of Chinese ESP studies, which keep the high-quality grade (e.g. Kangbao County, Front. Ecol. Evol. 2023, 1301149). Used only with habitat quality; 0: every core cell is a candidate.</source>
        <translation>只有位于生境质量 N 级自然断点（Jenks）分级中最高一级的 MSPA 核心像元才能成为源地，使大片森林在其退化的谷地处分开，而不是成为一个巨大的源地：这是国内生态安全格局研究中 MSPA 与 InVEST 结合的路线，保留高质量等级（例如康保县，Front. Ecol. Evol. 2023, 1301149）。仅在计算生境质量时使用；0：所有核心像元都是候选。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Sources: minimum habitat quality</source>
        <translation>源地：最低生境质量</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>A fixed floor as well, such as the 0.6-0.8 of some studies; empty: none.</source>
        <translation>另加一个固定下限，例如部分研究采用的 0.6-0.8；留空：不设。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Minimum source area (km²)</source>
        <translation>最小源地面积（km²）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>MSPA core patches smaller than this are not sources. Provincial studies use 1-30 km², county studies 0.1-0.5 km².</source>
        <translation>小于此值的 MSPA 核心斑块不作为源地。省域研究常用 1-30 km²，县域研究常用 0.1-0.5 km²。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Dispersal distance (m)</source>
        <translation>扩散距离（m）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>The distance at which the dispersal probability of dPC is 0.5.</source>
        <translation>dPC 扩散概率为 0.5 时的距离。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Minimum dPC (%)</source>
        <translation>最小 dPC（%）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Patches below this importance are not sources.</source>
        <translation>重要性低于此值的斑块不作为源地。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Number of sources</source>
        <translation>源地数量</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Keep the N patches with the highest dPC (0 = every patch above the thresholds). Provincial patterns have some 20-50 sources (Chang-Zhu-Tan 23-26, SW Hubei 49, Henan 20).</source>
        <translation>保留 dPC 最高的 N 个斑块（0 = 所有超过阈值的斑块）。省域格局通常有约 20-50 个源地（长株潭 23-26 个，鄂西南 49 个，河南 20 个）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Resistance preset</source>
        <translation>阻力预设</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>The land-cover resistance table (1-1000 scale).</source>
        <translation>土地覆被阻力表（1-1000 尺度）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Resistance correction (e.g. night-time light)</source>
        <translation>阻力校正（例如夜间灯光）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Multiplies each cell's resistance by its value over the mean of its class (ratio clipped to 0.1-10), as Chinese ESP studies do with night-time light. Must share the land cover's grid.</source>
        <translation>将每个像元的阻力乘以其值与所属类型平均值之比（比值截断到 0.1-10），与国内生态安全格局研究使用夜间灯光的做法相同。必须与土地覆被共用同一网格。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Corridors per source</source>
        <translation>每个源地的廊道数</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Each source is linked to this many nearest neighbours by cost.</source>
        <translation>每个源地按成本与这么多个最近邻相连。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Corridor width (cost units)</source>
        <translation>廊道宽度（成本单位）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Corridors are the cells whose normalised least-cost corridor value (NLCC) is at most this; 0 keeps them all.</source>
        <translation>廊道为归一化最小累积阻力廊道值（NLCC）不超过此值的像元；0 保留全部。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Corridor core width (cost units)</source>
        <translation>廊道核心宽度（成本单位）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>The narrower corridor that pinch points are computed in and that the improvement zone covers.</source>
        <translation>计算夹点所用、并由生态提升区覆盖的较窄廊道。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Barrier radius from (m)</source>
        <translation>障碍点半径起点（m）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Barriers are searched with circles from this radius ...</source>
        <translation>以从此半径开始的圆搜索障碍点……</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Barrier radius to (m)</source>
        <translation>障碍点半径终点（m）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>... up to this radius ...</source>
        <translation>……直到此半径……</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Barrier radius step (m)</source>
        <translation>障碍点半径步长（m）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>... in steps of this many metres.</source>
        <translation>……步长为这么多米。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Path buffer (m)</source>
        <translation>路径缓冲距离（m）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Cells this close to a least-cost path belong to the corridor zone too.</source>
        <translation>距最小累积阻力路径这么近的像元也属于廊道分区。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Breakpoint land-cover classes</source>
        <translation>断裂点土地覆被类型</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Land-cover codes where a least-cost path outside the sources is broken (CLCD 8: impervious).</source>
        <translation>源地以外最小累积阻力路径在其上被截断的土地覆被代码（CLCD 8：不透水面）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Restoration budget (10⁴ CNY)</source>
        <translation>修复预算（万元）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>The money for the restoration programme, in the unit of the actions' costs (10⁴ CNY with the default actions): the key areas that gain most connectivity per cost are chosen until it is spent.</source>
        <translation>修复方案的资金，单位与修复措施的成本相同（使用默认措施时为万元）：按单位成本的连通性增益从高到低选取关键区域，直至预算用完。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Restoration actions (CSV)</source>
        <translation>修复措施（CSV）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>What restoring each land-cover class or key-area kind does and costs (columns class or kind, target_class or resistance, cost_per_km2); empty: the CLCD defaults of 'Restoration scenarios'.</source>
        <translation>修复各土地覆被类型或各类关键区域的效果和成本（列 class 或 kind、target_class 或 resistance、cost_per_km2）；为空：使用“修复情景”的 CLCD 默认值。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Own share of a host's cost</source>
        <translation>所在县自担成本比例</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>0: each county's net cost is proportional to its benefit; 1: each county pays for its own sites.</source>
        <translation>0：各县的净成本与其受益成正比；1：各县自行承担其境内点位的成本。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Compare with an earlier run</source>
        <translation>与先前运行对比</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>The output folder of another run of this workflow (an earlier year, or the plan before restoration) on the same grid: what changed is mapped, scored per county and written in the report's Effectiveness chapter.</source>
        <translation>本工作流另一次运行（较早年份，或修复前的规划方案）的输出文件夹，须位于同一网格上：变化情况将被制图、逐县评分，并写入报告的“修复成效”一章。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>First stage</source>
        <translation>起始阶段</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Start here; the products of the earlier stages are read from the output folder.</source>
        <translation>从此阶段开始；前面阶段的产品从输出文件夹读取。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Last stage</source>
        <translation>结束阶段</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Stop after this stage; the report is written when the run reaches the zoning stage or the programme.</source>
        <translation>在此阶段后停止；运行到分区阶段或修复方案阶段时写出报告。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>The language of the report and its maps and charts.</source>
        <translation>报告及其地图和图表的语言。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Every product is written here under a fixed name (sources.gpkg, resistance.tif, ..., report.html), replacing an earlier run's. During the run a temporary folder .esp-cost-surfaces-... holds each source's cost-distance surface, so that corridors, pinch points, barriers and collaborative zoning search it once; it is removed when the run ends and needs about 8 bytes per cell per source of free disk space (without that space each step searches again).</source>
        <translation>每个产品以固定名称写入此处（sources.gpkg、resistance.tif、...、report.html），覆盖先前运行的结果。运行期间，临时文件夹 .esp-cost-surfaces-... 保存每个源地的成本距离面，使廊道、夹点、障碍点和协同分区只需各搜索一次；运行结束时该文件夹被删除。它需要约每个栅格单元每个源地 8 字节的可用磁盘空间（空间不足时各步骤重新搜索）。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>The first stage comes after the last stage; choose a first stage at or before the last one.</source>
        <translation>起始阶段在结束阶段之后；请选择不晚于结束阶段的起始阶段。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Step {step} skipped: it needs {needs}.</source>
        <translation>已跳过步骤 {step}：它需要 {needs}。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>Step {n}/{total}: {step}</source>
        <translation>步骤 {n}/{total}：{step}</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>The run was cancelled. Kept in {folder}: {files} (the products of the steps that finished); the step that was running wrote nothing.</source>
        <translation>运行已取消。保留在 {folder} 中的有：{files}（已完成步骤的成果）；正在运行的步骤没有写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/securitypattern.py"/>
        <source>{file} is missing in {folder}: run the stage {stage} first, or start from an earlier stage.</source>
        <translation>{folder} 中缺少 {file}：请先运行 {stage} 阶段，或从更早的阶段开始。</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>MSPA classes</source>
        <translation>MSPA 类型</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Habitat quality</source>
        <translation>生境质量</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Habitat degradation</source>
        <translation>生境退化度</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Ecological sources</source>
        <translation>生态源地</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Source ids</source>
        <translation>源地编号</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Source points</source>
        <translation>源地点</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Cumulative current</source>
        <translation>累积电流</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Effective resistances between sources</source>
        <translation>源地间有效电阻</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Corridors (NLCC)</source>
        <translation>廊道（NLCC）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Least-cost corridors</source>
        <translation>最小累积阻力廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Pinch points (current)</source>
        <translation>夹点（电流）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Pinch points (network current)</source>
        <translation>夹点（网络电流）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Pinch points</source>
        <translation>夹点</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Barriers (improvement score)</source>
        <translation>障碍点（改善得分）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Barriers</source>
        <translation>障碍点</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Corridor centrality</source>
        <translation>廊道中心性</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Source centrality</source>
        <translation>源地中心性</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Restoration zones</source>
        <translation>生态修复分区</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Zone polygons</source>
        <translation>分区面</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Key restoration areas</source>
        <translation>关键修复区域</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Zoning statistics</source>
        <translation>分区统计</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>County ledger</source>
        <translation>县域台账</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Cross-boundary corridors</source>
        <translation>跨县廊道</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>County connectivity matrix</source>
        <translation>县域连通性矩阵</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Element shares by county</source>
        <translation>各县要素占比</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Restoration account</source>
        <translation>修复受益账户</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Restoration sites (priority)</source>
        <translation>修复点位（优先级）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Gain curve</source>
        <translation>收益曲线</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Gain curve chart</source>
        <translation>收益曲线图</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Resistance after restoration</source>
        <translation>修复后阻力面</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Compensation ledger</source>
        <translation>生态补偿台账</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Transfers between counties</source>
        <translation>县际转移支付</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Compensation by prefecture</source>
        <translation>各地市生态补偿台账</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Effectiveness by county</source>
        <translation>各县修复成效</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Source change</source>
        <translation>源地变化</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Zone change</source>
        <translation>分区变化</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Corridor change</source>
        <translation>廊道变化</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Zone transitions</source>
        <translation>分区转移</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Effectiveness by prefecture</source>
        <translation>各地市修复成效</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Report (PDF)</source>
        <translation>报告（PDF）</translation>
    </message>
    <message>
        <location filename="../../algorithms/workflow/products.py"/>
        <source>Report (Word)</source>
        <translation>报告（Word）</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>CLCD (China Land Cover Dataset, 9 classes)</source>
        <translation>CLCD（中国土地覆盖数据集，9 类）</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>CNLUCC level 1 (6 classes; level-2 codes take their parent's value)</source>
        <translation>CNLUCC 一级（6 类；二级代码取其上级类型的值）</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/presets.py"/>
        <source>ESA WorldCover (11 classes)</source>
        <translation>ESA WorldCover（11 类）</translation>
    </message>
    <message>
        <source>Runs the whole ecological security pattern chain in one go and writes every product into the output folder under a fixed name, with its style beside it:&lt;ol&gt;&lt;li&gt;&lt;b&gt;Sources&lt;/b&gt;: MSPA of the foreground classes; habitat quality (when both threat tables are given); the MSPA core cells of the top habitat-quality class, in patches of at least the minimum area, the most important by dPC.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Resistance&lt;/b&gt;: the land-cover classes reclassified by the preset, optionally corrected by a raster such as night-time light.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Connectivity&lt;/b&gt;: pairwise cumulative current between one point inside each source (Circuitscape); least-cost corridors (Linkage Pathways); pinch points; barriers; current-flow centrality.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Zoning&lt;/b&gt;: conservation, restoration, improvement and control zones with the key restoration areas; the county ledger, connectivity matrix, collaboration zones and restoration account; the report (HTML, Word where python-docx is installed, and PDF where it can be printed).&lt;/li&gt;&lt;/ol&gt;The land cover must be in a projected CRS with metre units; the counties may be in any CRS. Stages can be run one at a time (first and last stage): a later stage reads the products of the earlier ones from the same output folder, as the dock does. Each step is the toolkit's own algorithm with the settings shown here; run the algorithms one by one for their other options.&lt;br&gt;Method: Peng J. et al. (2018) Linking ecosystem services and circuit theory to identify ecological security patterns. Sci. Total Environ. 644, 781-790.</source>
        <translation type="vanished">一次性运行整个生态安全格局流程，将每个产品以固定名称写入输出文件夹，并在旁边附上其样式：&lt;ol&gt;&lt;li&gt;&lt;b&gt;生态源地&lt;/b&gt;：前景类型的 MSPA；生境质量（给出两个威胁因子表时）；生境质量最高一级的 MSPA 核心像元组成的、面积不小于最小面积的斑块中按 dPC 最重要者。&lt;/li&gt;&lt;li&gt;&lt;b&gt;阻力面&lt;/b&gt;：按预设对土地覆被类型重分类，可选用夜间灯光等栅格进行校正。&lt;/li&gt;&lt;li&gt;&lt;b&gt;连通性&lt;/b&gt;：各源地内一点之间的 pairwise 累积电流（Circuitscape）；最小累积阻力廊道（Linkage Pathways）；夹点；障碍点；电流中心性。&lt;/li&gt;&lt;li&gt;&lt;b&gt;分区&lt;/b&gt;：生态保护区、生态修复区、生态提升区和生态管控区及关键修复区域；县域台账、连通性矩阵、协同分区和修复受益账户；报告（HTML；已安装 python-docx 时另有 Word；可打印时另有 PDF）。&lt;/li&gt;&lt;/ol&gt;土地覆被必须采用以米为单位的投影坐标系；县域单元可以采用任意坐标参考系。各阶段可以逐一运行（起始阶段和结束阶段）：后面的阶段从同一输出文件夹读取前面阶段的产品，与停靠面板的做法相同。每一步都是本工具箱自身的算法，采用此处所示的设置；如需其他选项，请逐个运行各算法。&lt;br&gt;方法：Peng J. et al. (2018) Linking ecosystem services and circuit theory to identify ecological security patterns. Sci. Total Environ. 644, 781-790.</translation>
    </message>
    <message>
        <source>Stop after this stage; the report is written with the zoning stage.</source>
        <translation type="vanished">在此阶段后停止；报告随分区阶段写出。</translation>
    </message>
    <message>
        <source>Every product is written here under a fixed name (sources.gpkg, resistance.tif, ..., report.html), replacing an earlier run's.</source>
        <translation type="vanished">每个产品以固定名称写入此处（sources.gpkg、resistance.tif、...、report.html），覆盖先前运行的结果。</translation>
    </message>
    <message>
        <source>Runs the whole ecological security pattern chain in one go and writes every product into the output folder under a fixed name, with its style beside it:&lt;ol&gt;&lt;li&gt;&lt;b&gt;Sources&lt;/b&gt;: MSPA of the foreground classes; habitat quality (when both threat tables are given); the MSPA core cells of the top habitat-quality class, in patches of at least the minimum area, the most important by dPC.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Resistance&lt;/b&gt;: the land-cover classes reclassified by the preset, optionally corrected by a raster such as night-time light.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Connectivity&lt;/b&gt;: pairwise cumulative current between one point inside each source (Circuitscape); least-cost corridors (Linkage Pathways); pinch points; barriers; current-flow centrality.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Zoning&lt;/b&gt;: conservation, restoration, improvement and control zones with the key restoration areas; the county ledger, connectivity matrix, collaboration zones and restoration account; the report (HTML, and PDF where it can be printed).&lt;/li&gt;&lt;/ol&gt;The land cover must be in a projected CRS with metre units; the counties may be in any CRS. Stages can be run one at a time (first and last stage): a later stage reads the products of the earlier ones from the same output folder, as the dock does. Each step is the toolkit's own algorithm with the settings shown here; run the algorithms one by one for their other options.&lt;br&gt;Method: Peng J. et al. (2018) Linking ecosystem services and circuit theory to identify ecological security patterns. Sci. Total Environ. 644, 781-790.</source>
        <translation type="vanished">一次性运行整个生态安全格局流程，将每个产品以固定名称写入输出文件夹，并在旁边附上其样式：&lt;ol&gt;&lt;li&gt;&lt;b&gt;生态源地&lt;/b&gt;：前景类型的 MSPA；生境质量（给出两个威胁因子表时）；生境质量最高一级的 MSPA 核心像元组成的、面积不小于最小面积的斑块中按 dPC 最重要者。&lt;/li&gt;&lt;li&gt;&lt;b&gt;阻力面&lt;/b&gt;：按预设对土地覆被类型重分类，可选用夜间灯光等栅格进行校正。&lt;/li&gt;&lt;li&gt;&lt;b&gt;连通性&lt;/b&gt;：各源地内一点之间的 pairwise 累积电流（Circuitscape）；最小累积阻力廊道（Linkage Pathways）；夹点；障碍点；电流中心性。&lt;/li&gt;&lt;li&gt;&lt;b&gt;分区&lt;/b&gt;：生态保护区、生态修复区、生态提升区和生态管控区及关键修复区域；县域台账、连通性矩阵、协同分区和修复受益账户；报告（HTML，可打印时另有 PDF）。&lt;/li&gt;&lt;/ol&gt;土地覆被必须采用以米为单位的投影坐标系；县域单元可以采用任意坐标参考系。各阶段可以逐一运行（起始阶段和结束阶段）：后面的阶段从同一输出文件夹读取前面阶段的产品，与停靠面板的做法相同。每一步都是本工具箱自身的算法，采用此处所示的设置；如需其他选项，请逐个运行各算法。&lt;br&gt;方法：Peng J. et al. (2018) Linking ecosystem services and circuit theory to identify ecological security patterns. Sci. Total Environ. 644, 781-790.</translation>
    </message>
    <message>
        <source>Runs the whole ecological security pattern chain in one go and writes every product into the output folder under a fixed name, with its style beside it:&lt;ol&gt;&lt;li&gt;&lt;b&gt;Sources&lt;/b&gt;: MSPA of the foreground classes; habitat quality (when both threat tables are given); the MSPA core patches of at least the minimum area ranked by dPC.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Resistance&lt;/b&gt;: the land-cover classes reclassified by the preset, optionally corrected by a raster such as night-time light.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Connectivity&lt;/b&gt;: pairwise cumulative current between one point inside each source (Circuitscape); least-cost corridors (Linkage Pathways); pinch points; barriers; current-flow centrality.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Zoning&lt;/b&gt;: conservation, restoration, improvement and control zones with the key restoration areas; the county ledger, connectivity matrix, collaboration zones and restoration account; the report (HTML, and PDF where it can be printed).&lt;/li&gt;&lt;/ol&gt;The land cover must be in a projected CRS with metre units; the counties may be in any CRS. Stages can be run one at a time (first and last stage): a later stage reads the products of the earlier ones from the same output folder, as the dock does. Each step is the toolkit's own algorithm with the settings shown here; run the algorithms one by one for their other options.&lt;br&gt;Method: Peng J. et al. (2018) Linking ecosystem services and circuit theory to identify ecological security patterns. Sci. Total Environ. 644, 781-790.</source>
        <translation type="vanished">一次性运行整个生态安全格局流程，将每个产品以固定名称写入输出文件夹，并在旁边附上其样式：&lt;ol&gt;&lt;li&gt;&lt;b&gt;生态源地&lt;/b&gt;：前景类型的 MSPA；生境质量（给出两个威胁因子表时）；面积不小于最小面积、按 dPC 排序的 MSPA 核心斑块。&lt;/li&gt;&lt;li&gt;&lt;b&gt;阻力面&lt;/b&gt;：按预设对土地覆被类型重分类，可选用夜间灯光等栅格进行校正。&lt;/li&gt;&lt;li&gt;&lt;b&gt;连通性&lt;/b&gt;：各源地内一点之间的 pairwise 累积电流（Circuitscape）；最小累积阻力廊道（Linkage Pathways）；夹点；障碍点；电流中心性。&lt;/li&gt;&lt;li&gt;&lt;b&gt;分区&lt;/b&gt;：生态保护区、生态修复区、生态提升区和生态管控区及关键修复区域；县域台账、连通性矩阵、协同分区和修复受益账户；报告（HTML，可打印时另有 PDF）。&lt;/li&gt;&lt;/ol&gt;土地覆被必须采用以米为单位的投影坐标系；县域单元可以采用任意坐标参考系。各阶段可以逐一运行（起始阶段和结束阶段）：后面的阶段从同一输出文件夹读取前面阶段的产品，与停靠面板的做法相同。每一步都是本工具箱自身的算法，采用此处所示的设置；如需其他选项，请逐个运行各算法。&lt;br&gt;方法：Peng J. et al. (2018) Linking ecosystem services and circuit theory to identify ecological security patterns. Sci. Total Environ. 644, 781-790.</translation>
    </message>
    <message>
        <source>Keep the N patches with the highest dPC (0 = every patch above the thresholds).</source>
        <translation type="vanished">保留 dPC 最高的 N 个斑块（0 = 所有超过阈值的斑块）。</translation>
    </message>
    <message>
        <source>The run was cancelled; the products of the steps that finished are in {folder}.</source>
        <translation type="vanished">运行已取消；已完成步骤的产品位于 {folder}。</translation>
    </message>
</context>
<context>
    <name>espcore</name>
    <message>
        <location filename="../../espcore/circuits/advanced.py"/>
        <source>The ground raster has {count} cells with negative values. Ground values must be 0 or positive: give cells without a ground NoData (or 0 for conductances).</source>
        <translation>接地栅格有 {count} 个像元为负值。接地值必须为 0 或正数：没有接地的像元请设为 NoData（电导输入时设为 0）。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/advanced.py"/>
        <source>The {name} raster has {rows} x {cols} cells but the resistance raster has {grows} x {gcols}; they must share one grid.</source>
        <translation>{name} 栅格有 {rows} × {cols} 个像元，而阻力栅格有 {grows} × {gcols} 个；二者必须共用同一网格。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/advanced.py"/>
        <source>The source raster holds non-finite values; give cells without a source the value 0.</source>
        <translation>电流源栅格含有非有限值；没有电流源的像元请设为 0。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/advanced.py"/>
        <source>The ground raster holds NaN values; give cells without a ground the value 0.</source>
        <translation>接地栅格含有 NaN 值；没有接地的像元请设为 0。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/advanced.py"/>
        <source>No connected part of the network has both a current source and a ground; the maps are empty. Check that sources and grounds lie on valid cells.</source>
        <translation>网络中没有任何连通部分同时包含电流源和接地；结果图为空。请检查电流源和接地是否位于有效像元上。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/circuit.py"/>
        <source>Unknown source/ground conflict policy '{policy}'. Use one of: {choices}.</source>
        <translation>未知的电流源/接地冲突处理策略“{policy}”。请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csini.py"/>
        <source>'{key} = {value}' in the INI is neither true nor false. Write True or False (Circuitscape and Omniscape would silently read it as false).</source>
        <translation>INI 中的“{key} = {value}”既不是真也不是假。请写 True 或 False（Circuitscape 和 Omniscape 会悄悄把它当作假）。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csini.py"/>
        <source>Line {line} of the {what} is not numeric: '{text}'.</source>
        <translation>{what} 的第 {line} 行不是数值：“{text}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csini.py"/>
        <source>Line {line} of the {what} needs {columns} values: '{text}'.</source>
        <translation>{what} 的第 {line} 行需要 {columns} 个值：“{text}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csini.py"/>
        <source>The included-pairs file is empty.</source>
        <translation>包含点对（included pairs）文件为空。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csini.py"/>
        <source>The included-pairs file starts with 'mode' but names no mode; write 'mode include' or 'mode exclude'.</source>
        <translation>所含点对文件以“mode”开头但未写明模式；请写“mode include”或“mode exclude”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csini.py"/>
        <source>Line {line} of the included-pairs file needs two whole ids: '{text}'.</source>
        <translation>包含点对文件第 {line} 行需要两个整数编号：“{text}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csini.py"/>
        <source>Line {line} of the included-pairs file names '{key}' without a value.</source>
        <translation>包含点对文件第 {line} 行给出了“{key}”但没有值。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csini.py"/>
        <source>The included-pairs matrix needs a header row and one row per id.</source>
        <translation>包含点对矩阵需要一个表头行，以及每个编号一行。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csini.py"/>
        <source>Row {row} of the included-pairs matrix has {count} values after its id; the matrix has {ids} ids.</source>
        <translation>所含点对矩阵第 {row} 行在 ID 之后有 {count} 个值；矩阵共有 {ids} 个 ID。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csini.py"/>
        <source>The first column of the included-pairs matrix must hold whole ids.</source>
        <translation>包含点对矩阵的第一列必须是整数编号。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csini.py"/>
        <source>Line {line} of the included-pairs file is not numeric: '{text}'.</source>
        <translation>包含点对文件第 {line} 行不是数字：“{text}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csini.py"/>
        <source>Line {line} of the included-pairs file holds a value that is not a finite number: '{text}'.</source>
        <translation>包含点对文件第 {line} 行含有不是有限数的值：“{text}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csjob.py"/>
        <source>Unknown Circuitscape scenario '{name}'. Use pairwise, advanced, one-to-all or all-to-one.</source>
        <translation>未知的 Circuitscape 情景“{name}”。请使用 pairwise、advanced、one-to-all 或 all-to-one。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csjob.py"/>
        <source>The INI has no output_file; set output_file = &lt;folder&gt;/&lt;name&gt;.out.</source>
        <translation>INI 中没有 output_file；请设置 output_file = &lt;folder&gt;/&lt;name&gt;.out。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csjob.py"/>
        <source>The INI needs '{key}' for this scenario.</source>
        <translation>此情景的 INI 需要“{key}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csjob.py"/>
        <source>The raster in '{key}' has {rows} x {cols} cells but the habitat raster has {hrows} x {hcols}; they must share one grid.</source>
        <translation>“{key}”中的栅格有 {rows} × {cols} 个像元，而生境栅格有 {hrows} × {hcols} 个；二者必须共用同一网格。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csjob.py"/>
        <source>Advanced mode needs a source raster and a ground raster.</source>
        <translation>advanced 模式需要电流源栅格和接地栅格。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csjob.py"/>
        <source>The {scenario} scenario needs focal nodes.</source>
        <translation>{scenario} 情景需要焦点节点。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csjob.py"/>
        <source>Network mode supports the pairwise and advanced scenarios, not '{name}'.</source>
        <translation>网络模式支持 pairwise 和 advanced 情景，不支持“{name}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/focal.py"/>
        <source>Focal node {id} at ({x}, {y}) lies outside the resistance raster.</source>
        <translation>焦点节点 {id} 位于（{x}, {y}），在阻力栅格之外。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/focal.py"/>
        <source>At least two focal nodes with different ids are needed; found {count}.</source>
        <translation>至少需要两个 ID 不同的焦点节点；只找到 {count} 个。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/graph.py"/>
        <source>The resistance raster has {count} cells with zero or negative resistance. Resistances must be positive: give barriers NoData, and join cells that should conduct freely with a short-circuit region.</source>
        <translation>阻力栅格有 {count} 个像元的阻力为零或负值。阻力必须为正：障碍请设为 NoData，应自由导电的像元请用短路区域连接。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/graph.py"/>
        <source>The conductance raster has {count} cells with negative conductance. Conductances must be zero (barrier) or positive.</source>
        <translation>电导栅格有 {count} 个像元的电导为负。电导必须为零（障碍）或正数。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/multigrid.py"/>
        <source>The solver tolerance must lie between 0 and 1, not {rtol}.</source>
        <translation>求解器容差必须介于 0 和 1 之间，而不是 {rtol}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/multigrid.py"/>
        <source>The smoother degree must be at least 1, not {degree}.</source>
        <translation>光滑器阶数至少为 1，而不是 {degree}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/multigrid.py"/>
        <source>The conductance matrix is not positive definite (a diagonal entry is not positive).</source>
        <translation>电导矩阵不是正定的（有对角元素不为正）。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/multigrid.py"/>
        <location filename="../../espcore/circuits/solvers.py"/>
        <source>The conductance matrix is not positive definite ({detail}).</source>
        <translation>电导矩阵不是正定的（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/multigrid.py"/>
        <source>Block AMG: {levels} levels, {sizes} unknowns, operator complexity {complexity:.2f}.</source>
        <translation>块代数多重网格：{levels} 层，未知数 {sizes}，算子复杂度 {complexity:.2f}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/multigrid.py"/>
        <source>The right-hand side has shape {shape}; the matrix has {n} rows.</source>
        <translation>右端项的形状为 {shape}，而矩阵有 {n} 行。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/multigrid.py"/>
        <source>The multigrid solver did not reach the relative residual {rtol:.0e} in {maxiter} iterations (worst right-hand side: {residual:.1e}). The resistance range is probably extreme: cap very high resistances or raise very low ones, or use the cholmod solver.</source>
        <translation>多重网格求解器在 {maxiter} 次迭代内未达到相对残差 {rtol:.0e}（最差的右端项：{residual:.1e}）。阻力值范围可能过于极端：请限制过高的阻力值或提高过低的阻力值，或改用 cholmod 求解器。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>The {what} holds '{value}', which is not a node id. Node ids are whole numbers from 0 up, as in the graph file.</source>
        <translation>{what} 中含有“{value}”，它不是节点 ID。节点 ID 是从 0 起的整数，与图文件中一致。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>The {what} needs {columns} columns per row.</source>
        <translation>{what} 每行需要 {columns} 列。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>The graph has no edges. Give one 'node node value' line per edge.</source>
        <translation>图中没有边。请每条边给出一行“节点 节点 值”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>The graph has {count} edges with zero, negative or missing resistance (first: {a} {b} {value}). Resistances must be positive; join nodes that should conduct freely into one node.</source>
        <translation>图中有 {count} 条边的电阻为零、负值或缺失（第一条：{a} {b} {value}）。电阻必须为正；应自由导电的节点请合并为一个节点。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>The graph has {count} edges with negative, infinite or missing conductance (first: {a} {b} {value}). Conductances must be zero or positive.</source>
        <translation>图中有 {count} 条边的电导为负、无穷大或缺失（第一条：{a} {b} {value}）。电导必须为零或正数。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>Factorising a component of {n} nodes for {m} focal nodes ({solves} solves).</source>
        <translation>正在分解一个含 {n} 个节点的连通分量，对应 {m} 个焦点节点（求解 {solves} 次）。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>{count} focal nodes are not in the included pairs and are dropped.</source>
        <translation>有 {count} 个焦点节点不在包含点对中，已舍去。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>Network pairwise mode needs at least two different focal nodes; {count} found.</source>
        <translation>网络 pairwise 模式至少需要两个不同的焦点节点；只找到 {count} 个。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>Focal nodes not in the graph (resistance -1): {ids}.</source>
        <translation>不在图中的焦点节点（电阻 -1）：{ids}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>Graph: {n} nodes, {e} edges, {c} connected components, {k} focal nodes.</source>
        <translation>图：{n} 个节点，{e} 条边，{c} 个连通分量，{k} 个焦点节点。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>The {what} names node {node}, but the graph's largest node id is {top}. Use the node ids of the graph file.</source>
        <translation>{what} 引用了节点 {node}，但图中最大的节点 ID 为 {top}。请使用图文件中的节点 ID。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>The {what} has a missing (NaN) value.</source>
        <translation>{what} 中有缺失（NaN）值。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>The ground list has negative values. Give resistances (or conductances) to ground of 0 or more.</source>
        <translation>接地列表含有负值。请给出大于等于 0 的接地电阻（或电导）。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>The source list has no nonzero current source.</source>
        <translation>电流源列表中没有非零的电流源。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>The ground list has no ground (every value means 'no ground').</source>
        <translation>接地列表中没有接地（所有值都表示“无接地”）。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>No connected part of the graph has both a current source and a ground, so no current flows. Check the node ids of the source and ground lists and the source/ground conflict policy.</source>
        <translation>图中没有任何连通部分同时包含电流源和接地，因此没有电流流动。请检查电流源和接地列表中的节点 ID 以及电流源/接地冲突处理策略。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>The Omniscape settings have no '{key}'. Add '{key} = &lt;value&gt;' to the INI.</source>
        <translation>Omniscape 设置中没有“{key}”。请在 INI 中添加“{key} = &lt;value&gt;”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>Omniscape option '{key}' must be a number, not '{value}'.</source>
        <translation>Omniscape 选项“{key}”必须为数值，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>Omniscape option '{key}' must be a whole number, not '{value}'.</source>
        <translation>Omniscape 选项“{key}”必须为整数，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>Line {line} of the reclass table needs two values (old value, new value): '{text}'.</source>
        <translation>重分类表第 {line} 行需要两个值（原值, 新值）：“{text}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>Line {line} of the reclass table is not numeric: '{text}'. Write 'old new', with new = missing for NoData.</source>
        <translation>重分类表第 {line} 行不是数值：“{text}”。请写成“原值 新值”，NoData 的新值写 missing。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>The Omniscape radius must be a whole number of cells, at least 1, not {radius}.</source>
        <translation>Omniscape 半径必须为至少 1 的整数像元数，而不是 {radius}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>The Omniscape block size must be a whole number of cells, at least 1, not {size}.</source>
        <translation>Omniscape 块大小必须为至少 1 的整数像元数，而不是 {size}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>The Omniscape buffer must be a whole number of cells, 0 or more, not {buffer}.</source>
        <translation>Omniscape 缓冲区必须为大于等于 0 的整数像元数，而不是 {buffer}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>The block size ({size}) is larger than the moving window (radius {radius} + buffer {buffer}). Use a block size of at most 2 x (radius + buffer) + 1.</source>
        <translation>块大小（{size}）大于移动窗口（半径 {radius} + 缓冲区 {buffer}）。块大小最多为 2 × (半径 + 缓冲区) + 1。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>Unknown solver '{solver}'. Use one of: {choices}.</source>
        <translation>未知的求解器“{solver}”。请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>reclassify_resistance is on but the reclass table is empty. Give a table of 'old new' value pairs.</source>
        <translation>已开启 reclassify_resistance，但重分类表为空。请给出“原值 新值”对的表。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>n_conditions must be 1 or 2, not {n}.</source>
        <translation>n_conditions 必须为 1 或 2，而不是 {n}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>compare_to_future must be one of {choices}, not '{value}'.</source>
        <translation>compare_to_future 必须是 {choices} 之一，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>{key} must be one of {choices}, not '{value}'.</source>
        <translation>{key} 必须是 {choices} 之一，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>Unsupported Omniscape solver '{solver}'; choosing one automatically (Omniscape.jl would use cg+amg).</source>
        <translation>不支持的 Omniscape 求解器“{solver}”；将自动选择一个（Omniscape.jl 会使用 cg+amg）。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>precision = single is not reproduced: the run uses double precision.</source>
        <translation>未复现 precision = single：运行使用双精度。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>reclassify_resistance is true but the INI has no reclass_table. Add 'reclass_table = &lt;file&gt;'.</source>
        <translation>reclassify_resistance 为 true，但 INI 中没有 reclass_table。请添加“reclass_table = &lt;file&gt;”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>The reclass table '{path}' must be read by the caller: pass read_text.</source>
        <translation>重分类表“{path}”必须由调用方读取：请传入 read_text。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>{key} = '{value}' is not a comparison Omniscape knows. Use 'within' or 'equal'.</source>
        <translation>{key} = '{value}' 不是 Omniscape 支持的比较方式。请使用 'within' 或 'equal'。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>The resistance surface must be a 2-D raster, not {ndim}-dimensional.</source>
        <translation>阻力面必须是二维栅格，而不是 {ndim} 维。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>The NoData mask ({mask}) does not match the resistance surface ({shape}).</source>
        <translation>NoData 掩膜（{mask}）与阻力面（{shape}）不匹配。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>The {what} surface has {count} cells with zero or negative values. Omniscape needs positive values: give barriers NoData.</source>
        <translation>{what} 面有 {count} 个像元的值为零或负值。Omniscape 需要正值：障碍请设为 NoData。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>After reclassification the {what} surface has {count} cells with zero or negative values. Fix the reclass table.</source>
        <translation>重分类后 {what} 面有 {count} 个像元的值为零或负值。请修正重分类表。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>The conductance surface has infinite values. Use large finite conductances instead.</source>
        <translation>电导面含有无穷大值。请改用较大的有限电导值。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>The {what} surface has {count} cell(s) with a value; current needs at least two. Check the raster's NoData value and extent.</source>
        <translation>{what}表面只有 {count} 个有值的像元；电流至少需要两个。请检查栅格的 NoData 值和范围。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>No cell is a source (every source strength is 0 or below source_threshold), so the current map would be empty. Lower source_threshold, or give a source raster with positive values.</source>
        <translation>没有任何像元是源（所有源强度都为 0 或低于 source_threshold），电流图将为空。请降低 source_threshold，或提供具有正值的源栅格。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>Omniscape needs a source strength raster, or set source_from_resistance to derive sources from the resistance.</source>
        <translation>Omniscape 需要电流源强度栅格，或开启 source_from_resistance 以从阻力推导电流源。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <location filename="../../espcore/circuits/omniscapetiles.py"/>
        <source>The source raster ({source}) and the resistance surface ({shape}) have different sizes. Align them on one grid.</source>
        <translation>电流源栅格（{source}）与阻力面（{shape}）大小不同。请将二者对齐到同一网格。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>The source NoData mask ({mask}) does not match the source raster ({shape}).</source>
        <translation>电流源 NoData 掩膜（{mask}）与电流源栅格（{shape}）不匹配。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>Conditional connectivity needs the raster for condition {k}. Pass condition{k}.</source>
        <translation>条件连通性需要条件 {k} 的栅格。请传入 condition{k}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>compare_to_future = {mode} needs the future raster of condition {k}. Pass condition{k}_future.</source>
        <translation>compare_to_future = {mode} 需要条件 {k} 的未来栅格。请传入 condition{k}_future。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>compare_to_future = {mode}: the future raster of condition {k} is not used.</source>
        <translation>compare_to_future = {mode}：条件 {k} 的未来栅格未被使用。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <location filename="../../espcore/circuits/omniscapetiles.py"/>
        <source>The {name} raster ({other}) and the resistance surface ({shape}) have different sizes. Align them on one grid.</source>
        <translation>{name} 栅格（{other}）与阻力面（{shape}）大小不同。请将二者对齐到同一网格。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>block_size is even ({size}) but must be odd; using {used}, as Omniscape does.</source>
        <translation>block_size 为偶数（{size}），但必须为奇数；按 Omniscape 的做法改用 {used}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <location filename="../../espcore/circuits/omniscapetiles.py"/>
        <source>source_from_resistance is on: the source raster is ignored.</source>
        <translation>已开启 source_from_resistance：电流源栅格被忽略。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscape.py"/>
        <source>Omniscape: {n} moving windows (radius {radius}, block size {size}).</source>
        <translation>Omniscape：{n} 个移动窗口（半径 {radius}，块大小 {size}）。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapejob.py"/>
        <source>The Omniscape INI has no {keys}. Omniscape needs resistance_file, radius and project_name.</source>
        <translation>Omniscape INI 缺少 {keys}。Omniscape 需要 resistance_file、radius 和 project_name。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapejob.py"/>
        <source>The raster in '{key}' has {rows} x {cols} cells but the resistance raster has {rrows} x {rcols}; Omniscape needs one grid.</source>
        <translation>“{key}”中的栅格为 {rows} x {cols}，而阻力栅格为 {rrows} x {rcols}；Omniscape 需要同一网格。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapejob.py"/>
        <source>The raster in '{key}' has another geotransform than the resistance raster; going on, as Omniscape does (set allow_different_projections = true to silence this).</source>
        <translation>“{key}”中的栅格与阻力栅格的地理变换不同；按 Omniscape 的做法继续运行（设置 allow_different_projections = true 可不再提示）。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapejob.py"/>
        <source>The INI names a reclass_table but reclassify_resistance is not true: the resistance is not reclassified.</source>
        <translation>INI 指定了 reclass_table，但 reclassify_resistance 不为 true：阻力不会被重分类。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapejob.py"/>
        <source>The Omniscape INI has no source_file. Give one, or set source_from_resistance = true to take sources from the resistance.</source>
        <translation>Omniscape INI 缺少 source_file。请给出该文件，或设置 source_from_resistance = true 由阻力取源。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapejob.py"/>
        <source>conditional is not true, so the condition files in the INI are not used.</source>
        <translation>conditional 不为 true，因此不使用 INI 中的条件文件。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapejob.py"/>
        <source>n_conditions is 1, so condition2_file is not used.</source>
        <translation>n_conditions 为 1，因此不使用 condition2_file。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapejob.py"/>
        <source>compare_to_future does not name condition {k}, so {key} is not used.</source>
        <translation>compare_to_future 未指定条件 {k}，因此不使用 {key}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapejob.py"/>
        <source>Conditional connectivity needs '{key}' in the INI.</source>
        <translation>条件连通性需要 INI 中的“{key}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapetiles.py"/>
        <source>The tile size must be a whole number of cells, at least 1, not {tile}.</source>
        <translation>分块大小必须是不小于 1 的整数像元数，而不是 {tile}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapetiles.py"/>
        <source>Unknown condition raster '{name}'. Use {choices}.</source>
        <translation>未知的条件栅格“{name}”。请使用 {choices}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapetiles.py"/>
        <source>Omniscape: {n} moving windows (radius {radius}, block size {size}) in {tiles} tiles of up to {core} x {core} cells; {kept} tiles kept from an earlier run.</source>
        <translation>Omniscape：{n} 个移动窗口（半径 {radius}，块大小 {size}），分 {tiles} 块，每块至多 {core} x {core} 个像元；沿用先前运行的 {kept} 块。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapetiles.py"/>
        <source>These options ask for the flow potential, but no flow potential was given.</source>
        <translation>这些选项需要流动潜力，但未提供流动潜力。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapetiles.py"/>
        <source>These options give no map called {names} (they give {given}).</source>
        <translation>这些选项不会生成名为 {names} 的图（它们生成 {given}）。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapetiles.py"/>
        <source>{count} tiles of the run are not finished (the first is tile {first}). Run omniscape_tiles again to compute them.</source>
        <translation>本次运行有 {count} 块尚未完成（第一块是第 {first} 块）。请再次运行 omniscape_tiles 计算它们。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/omniscapetiles.py"/>
        <source>The tiles do not cover the raster's {rows} rows.</source>
        <translation>这些分块没有覆盖栅格的全部 {rows} 行。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/onetoall.py"/>
        <source>{mode}: {count} focal nodes, {n} network nodes.</source>
        <translation>{mode}：{count} 个焦点节点，{n} 个网络节点。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/pairwise.py"/>
        <source>Factorising a component of {n} nodes for {m} focal nodes.</source>
        <translation>正在分解一个含 {n} 个节点的连通分量，对应 {m} 个焦点节点。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/pairwise.py"/>
        <source>Focal regions: {count} pairs, each solved with its two regions shorted.</source>
        <translation>焦点区域：{count} 对，每对在其两个区域短路的情况下求解。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/solvers.py"/>
        <source>Unknown solver '{method}'. Use one of: {choices}.</source>
        <translation>未知的求解器“{method}”。请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/solvers.py"/>
        <source>Solver: {method} for {n} unknowns ({reason}).</source>
        <translation>求解器：{method}，{n} 个未知数（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/solvers.py"/>
        <source>Solver '{method}' is not installed; using '{fallback}' instead.</source>
        <translation>求解器“{method}”未安装；改用“{fallback}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/classify.py"/>
        <location filename="../../espcore/zoning/zonetiles.py"/>
        <source>The number of classes must be a whole number from 1 up, not {classes}.</source>
        <translation>分类数必须为从 1 起的整数，而不是 {classes}。</translation>
    </message>
    <message>
        <location filename="../../espcore/classify.py"/>
        <source>The NoData mask must be a boolean array of the values' shape {shape}.</source>
        <translation>NoData 掩膜必须是与数值形状 {shape} 相同的布尔数组。</translation>
    </message>
    <message>
        <location filename="../../espcore/classify.py"/>
        <source>There are no valid values to classify: every value is NoData, NaN or infinite.</source>
        <translation>没有可分类的有效值：所有值均为 NoData、NaN 或无穷大。</translation>
    </message>
    <message>
        <location filename="../../espcore/classify.py"/>
        <source>The Jenks sample must hold at least twice the number of classes ({needed} values), not {sample}.</source>
        <translation>Jenks 样本至少应包含分类数两倍的值（{needed} 个），而不是 {sample} 个。</translation>
    </message>
    <message>
        <location filename="../../espcore/classify.py"/>
        <source>Unknown classification method '{method}'; use one of {methods}.</source>
        <translation>未知的分类方法“{method}”；请使用以下之一：{methods}。</translation>
    </message>
    <message>
        <location filename="../../espcore/classify.py"/>
        <source>Class breaks must be at least two finite values in increasing order, not {breaks}.</source>
        <translation>分类断点必须是至少两个按升序排列的有限值，而不是 {breaks}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>The cell size must be a positive number of map units, not {cell_size}.</source>
        <translation>像元大小必须是以地图单位计的正数，而不是 {cell_size}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>The detection radius ({radius} map units) must be at least one cell ({cell_size} map units). Use a larger radius.</source>
        <translation>探测半径（{radius} 地图单位）至少应为一个像元（{cell_size} 地图单位）。请使用更大的半径。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>Unknown barrier semantics '{semantics}'. Use 'linkage_mapper' or 'esp_earlier'.</source>
        <translation>未知的障碍点计算语义“{semantics}”。请使用“linkage_mapper”或“esp_earlier”。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>The detection radius {radius:g} map units is larger than the grid's diagonal ({diagonal:.0f} map units): its ring lies outside the grid. Use radii up to about a quarter of the grid's width.</source>
        <translation>探测半径 {radius:g} 个地图单位大于栅格的对角线（{diagonal:.0f} 个地图单位）：其圆环位于栅格之外。请使用不超过栅格宽度约四分之一的半径。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>No cell centre lies on the ring of any detection radius ({radii} map units; cells of {cell_size:g} map units), so Linkage Mapper's Barrier Mapper, whose ring is one map unit wide, cannot score them. Use radii that are multiples of the cell size (for example {nearest}), or the earlier ESP Toolkit semantics (a ring one cell wide).</source>
        <translation>任何探测半径（{radii} 个地图单位；栅格大小 {cell_size:g} 个地图单位）的圆环上都没有栅格中心，因此 Linkage Mapper 的 Barrier Mapper（圆环宽一个地图单位）无法计分。请使用栅格大小整数倍的半径（例如 {nearest}），或使用 ESP Toolkit 早期语义（圆环宽一个栅格）。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>The radii must be finite numbers (minimum {r_min}, maximum {r_max}, step {step}).</source>
        <translation>半径必须为有限数值（最小 {r_min}，最大 {r_max}，步长 {step}）。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>The minimum radius must be positive, not {r_min}.</source>
        <translation>最小半径必须为正数，而不是 {r_min}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>The minimum radius ({r_min}) is larger than the maximum radius ({r_max}). Swap them or lower the minimum.</source>
        <translation>最小半径（{r_min}）大于最大半径（{r_max}）。请交换二者或降低最小值。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>The radius step must be 0 (one radius) or positive, not {step}.</source>
        <translation>半径步长必须为 0（单一半径）或正数，而不是 {step}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>Radii from {r_min} to {r_max} in steps of {step} would be {count:.0f} radii; each one is a full pass over the grid. Use a larger step (at most {limit} radii).</source>
        <translation>从 {r_min} 到 {r_max}、步长 {step} 的半径将有 {count:.0f} 个；每个半径都要完整遍历一次栅格。请使用更大的步长（最多 {limit} 个半径）。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>Unknown way to combine scores across {what}: '{combine}'. Use 'max' or 'sum'.</source>
        <translation>未知的 {what} 间得分合并方式：“{combine}”。请使用 'max' 或 'sum'。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>The cost-weighted distance raster {name} must be a 2-D grid; it has {ndim} dimensions.</source>
        <translation>成本加权距离栅格 {name} 必须为二维网格；它有 {ndim} 维。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>The cost-weighted distance raster {name} has {rows} x {cols} cells, the others {rows0} x {cols0}. Use rasters on one grid.</source>
        <translation>成本加权距离栅格 {name} 有 {rows} × {cols} 个像元，其他栅格为 {rows0} × {cols0}。请使用同一网格上的栅格。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>The least-cost distance of link {link} must be a positive finite number, not {lcd}. Drop links between unconnected sources.</source>
        <translation>连接 {link} 的最小累积阻力距离必须为有限正数，而不是 {lcd}。请删除不连通源地之间的连接。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>The source mask has {rows} x {cols} cells, the distance rasters {rows0} x {cols0}. Use rasters on one grid.</source>
        <translation>源地掩膜有 {rows} × {cols} 个像元，距离栅格为 {rows0} × {cols0}。请使用同一网格上的栅格。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>The restored resistance must be a number of 0 or more, not {restored}.</source>
        <translation>修复后的阻力必须为大于等于 0 的数，而不是 {restored}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>Give at least one detection radius.</source>
        <translation>请至少给出一个探测半径。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>There are no links to map barriers on. Run the corridor step first or keep at least one link.</source>
        <translation>没有可用于识别障碍点的连接。请先运行廊道步骤，或至少保留一条连接。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/centrality.py"/>
        <source>The link {what} '{value}' is not a node number: nodes are numbered 0 to {last}.</source>
        <translation>连接的 {what}“{value}”不是节点编号：节点编号为 0 到 {last}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/centrality.py"/>
        <source>The number of nodes must be a whole number from 0 up, not {n}.</source>
        <translation>节点数必须为从 0 起的整数，而不是 {n}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/centrality.py"/>
        <source>Every link needs a start node, an end node and a resistance: got {na} starts, {nb} ends and {nr} resistances.</source>
        <translation>每条连接都需要起点、终点和电阻：得到 {na} 个起点、{nb} 个终点和 {nr} 个电阻。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/centrality.py"/>
        <source>Link {link} has the resistance {value}; link resistances (cost-weighted distances) must be finite and positive.</source>
        <translation>连接 {link} 的电阻为 {value}；连接电阻（成本加权距离）必须为有限正数。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/corridors.py"/>
        <source>There is no source cell: the source raster is empty.</source>
        <translation>没有源地像元：源地栅格为空。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/corridors.py"/>
        <source>The {what} limits must be zero or positive numbers.</source>
        <translation>{what} 的限值必须为零或正数。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/corridors.py"/>
        <source>The minimum {what} ({low}) is above the maximum ({high}).</source>
        <translation>{what} 的最小值（{low}）大于最大值（{high}）。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/corridors.py"/>
        <source>The corridor width must be zero or positive, not {value}.</source>
        <translation>廊道宽度必须为零或正数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/corridors.py"/>
        <source>Adjacency must be one of {options}, not {value!r}.</source>
        <translation>邻接方式必须是 {options} 之一，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/corridors.py"/>
        <source>Nearest neighbours are measured by {options}, not {value!r}.</source>
        <translation>最近邻按 {options} 度量，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/corridors.py"/>
        <source>The number of nearest neighbours must be 0 (no limit) or more.</source>
        <translation>最近邻数必须为 0（不限）或更多。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/corridors.py"/>
        <source>Corridors need at least two sources on passable cells; found {count}.</source>
        <translation>廊道至少需要两个位于可通行像元上的源地；只找到 {count} 个。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <source>The cell size must be one number or a (width, height) pair, not {size}.</source>
        <translation>像元大小必须为一个数或一对（宽, 高），而不是 {size}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <location filename="../../espcore/grid.py"/>
        <location filename="../../espcore/sources/patchdistance.py"/>
        <source>The cell size must be positive, not {size}.</source>
        <translation>像元大小必须为正数，而不是 {size}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <source>Pinch points and barriers need square cells (circuit resistances and detection circles are measured in cells), but these cells are {dx:g} x {dy:g}. Resample the rasters to square cells first (Raster &gt; Projections &gt; Warp with equal X and Y resolution).</source>
        <translation>夹点和障碍点需要正方形像元（电路电阻和探测圆以像元计量），但这些像元为 {dx:g} × {dy:g}。请先将栅格重采样为正方形像元（栅格 &gt; 投影 &gt; 变形，X 和 Y 分辨率相同）。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <source>The largest cost distance must be zero or positive, not {value}.</source>
        <translation>最大成本距离必须为零或正数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <location filename="../../espcore/corridors/surfacetasks.py"/>
        <source>The {what} raster must be two-dimensional, not {ndim}-dimensional.</source>
        <translation>{what} 栅格必须为二维，而不是 {ndim} 维。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <location filename="../../espcore/corridors/surfacetasks.py"/>
        <source>The {what} raster ({shape}), the resistance raster ({rshape}) and the NoData mask ({mshape}) must have the same size.</source>
        <translation>{what} 栅格（{shape}）、阻力栅格（{rshape}）和 NoData 掩膜（{mshape}）必须大小相同。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <source>Resistance values must be numbers, not {kind}.</source>
        <translation>阻力值必须为数值，而不是 {kind}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <source>The cost-distance method must be 'auto', 'numpy', 'skimage' or 'scipy', not {value!r}.</source>
        <translation>成本距离方法必须是 'auto'、'numpy'、'skimage' 或 'scipy'，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <source>There is no source cell: every source lies on NoData or the source raster is empty. Give at least one passable source cell.</source>
        <translation>没有源地像元：所有源地都位于 NoData 上，或源地栅格为空。请至少给出一个可通行的源地像元。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <source>The path start ({row}, {col}) lies outside the grid.</source>
        <translation>路径起点（{row}, {col}）位于网格之外。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <source>The path start ({row}, {col}) is not reached from any source.</source>
        <translation>路径起点（{row}, {col}）无法从任何源地到达。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <source>The CWD surface does not descend to a source from cell ({row}, {col}); was it computed with this resistance?</source>
        <translation>从像元（{row}, {col}）出发，CWD 面没有下降到任何源地；它是用此阻力计算的吗？</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <source>The CWD surface does not descend to a source.</source>
        <translation>CWD 面没有下降到任何源地。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <source>The two CWD rasters differ in size ({ashape} and {bshape}).</source>
        <translation>两个 CWD 栅格大小不同（{ashape} 和 {bshape}）。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <source>Source {id} has no passable cell on the grid.</source>
        <translation>源地 {id} 在网格上没有可通行像元。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/pinchpoints.py"/>
        <source>The cost-weighted corridor width (cutoff) must be zero or positive, not {value}. Give it in cost units, e.g. 10000.</source>
        <translation>成本加权廊道宽度（截断值）必须为零或正数，而不是 {value}。请以成本单位给出，例如 10000。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/pinchpoints.py"/>
        <source>There is no link to map: give at least one pair of sources (an active link).</source>
        <translation>没有可制图的连接：请至少给出一对源地（一条有效连接）。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/pinchpoints.py"/>
        <source>Links must be pairs of source ids, not an array of shape {shape}.</source>
        <translation>连接必须是源地 ID 对，而不是形状为 {shape} 的数组。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/pinchpoints.py"/>
        <source>Link sources must be positive whole-number ids; a link joins {a} and {b}.</source>
        <translation>连接的源地必须是正整数 ID；有一条连接连接的是 {a} 和 {b}。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/pinchpoints.py"/>
        <source>A link joins source {id} to itself; every link needs two different sources.</source>
        <translation>有一条连接将源地 {id} 与自身相连；每条连接需要两个不同的源地。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/pinchpoints.py"/>
        <source>The cost distances were computed on a {dshape} grid but the sources are on a {shape} grid; compute them on the same grid.</source>
        <translation>成本距离是在 {dshape} 网格上计算的，而源地位于 {shape} 网格上；请在同一网格上计算。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/pinchpoints.py"/>
        <source>The link between sources {a} and {b} needs source {id}, which has no passable cell on the grid. Check the source ids, or leave that link out (Active = 0).</source>
        <translation>源地 {a} 和 {b} 之间的连接需要源地 {id}，但该源地在网格上没有可通行像元。请检查源地 ID，或排除该连接（Active = 0）。</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/pinchpoints.py"/>
        <source>Unknown network mode '{mode}'; use 'pairwise' or 'all-to-one'.</source>
        <translation>未知的网络模式“{mode}”；请使用 'pairwise' 或 'all-to-one'。</translation>
    </message>
    <message>
        <location filename="../../espcore/executor.py"/>
        <source>The worker processes stopped unexpectedly ({detail}). Run with one worker (serially) instead.</source>
        <translation>工作进程意外停止（{detail}）。请改用单个工作进程（串行）运行。</translation>
    </message>
    <message>
        <location filename="../../espcore/executor.py"/>
        <source>The Dask engine needs dask.distributed, which is not installed (pip install "dask[distributed]"). Use local processes instead.</source>
        <translation>Dask 引擎需要 dask.distributed，但尚未安装（pip install "dask[distributed]"）。请改用本地进程。</translation>
    </message>
    <message>
        <location filename="../../espcore/executor.py"/>
        <source>No Dask scheduler answers at {address} ({detail}). Start one (dask scheduler) or leave the address empty for local workers.</source>
        <translation>{address} 上没有 Dask 调度器响应（{detail}）。请启动一个调度器（dask scheduler），或将地址留空以使用本机工作进程。</translation>
    </message>
    <message>
        <location filename="../../espcore/grid.py"/>
        <source>A grid must be two-dimensional, not {ndim}-dimensional.</source>
        <translation>网格必须为二维，而不是 {ndim} 维。</translation>
    </message>
    <message>
        <location filename="../../espcore/grid.py"/>
        <source>The NoData mask must be a boolean array of the grid's shape.</source>
        <translation>NoData 掩膜必须是与网格形状相同的布尔数组。</translation>
    </message>
    <message>
        <location filename="../../espcore/grid.py"/>
        <source>Raster '{name}' ({this}{crs_note}) is not on the same grid as '{ref_name}' ({ref}). Resample or clip it to the grid of '{ref_name}' first, for example with Raster &gt; Projections &gt; Warp, giving the extent, cell size and CRS of '{ref_name}'.</source>
        <translation>栅格“{name}”（{this}{crs_note}）与“{ref_name}”（{ref}）不在同一网格上。请先将其重采样或裁剪到“{ref_name}”的网格，例如使用 栅格 &gt; 投影 &gt; 变形，并给定“{ref_name}”的范围、像元大小和坐标参考系。</translation>
    </message>
    <message>
        <location filename="../../espcore/memory.py"/>
        <source>{what} needs about {need} of memory, but only {available} is available. {advice}</source>
        <translation>{what}约需 {need} 内存，但只有 {available} 可用。{advice}</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>The {column} of {where} is {value!r}, not a number.</source>
        <translation>{where} 的 {column} 为 {value!r}，不是数值。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>{where} names {key!r}, which is neither a land-cover class code nor a key-area kind ({kinds}).</source>
        <translation>{where} 指定的 {key!r} 既不是土地覆被类型代码，也不是关键区域类型（{kinds}）。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>{where} ({key}) must give either a target class or a target resistance, not both or neither.</source>
        <translation>{where}（{key}）必须给出目标类型或目标阻力二者之一，不能两者都给或都不给。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>{where} ({key}) has a cost of {cost} per km²; give zero or a positive number.</source>
        <translation>{where}（{key}）的成本为每 km² {cost}；请给出零或正数。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>{where} ({key}) restores to a resistance of {value}; give a positive number.</source>
        <translation>{where}（{key}）修复后的阻力为 {value}；请给出正数。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>Action {number} repeats the key {key}; give each class or kind once.</source>
        <translation>措施 {number} 重复了键 {key}；每个土地覆被类型或关键区域类型只能给出一次。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>{where} must name one class or one kind (columns 'class' or 'kind').</source>
        <translation>{where} 必须指定一个土地覆被类型或一个关键区域类型（列 'class' 或 'kind'）。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>{where} ({key}) has no cost_per_km2.</source>
        <translation>{where}（{key}）缺少 cost_per_km2。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>The target_class of {where} is {value}, not a class code.</source>
        <translation>{where} 的 target_class 为 {value}，不是类型代码。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>{where} repeats {key}, already given in row {first}.</source>
        <translation>{where} 重复了 {key}，该项已在第 {first} 行给出。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>The land cover ({cover}), resistance ({values}) and mask ({mask}) must have the same size.</source>
        <translation>土地覆被（{cover}）、阻力（{values}）和掩膜（{mask}）的大小必须相同。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>The action for {key} restores to land-cover class {target}, which does not occur in this landscape; give a target resistance instead.</source>
        <translation>{key} 的措施将其修复为土地覆被类型 {target}，但该类型在此景观中不存在；请改为给出目标阻力。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>A site cell (flat index {index}) lies outside the grid of {size} cells.</source>
        <translation>点位像元（展平索引 {index}）位于 {size} 个像元的网格之外。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>The restoration actions name land-cover classes ({classes}) but no land cover is given.</source>
        <translation>修复措施指定了土地覆被类型（{classes}），但未给出土地覆被。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>The site kind {kind!r} is not a key-area kind ({kinds}).</source>
        <translation>点位类型 {kind!r} 不是关键区域类型（{kinds}）。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compare.py"/>
        <source>The {name} must be a 2-D grid of whole numbers, not {kind} of {ndim} dimensions. Set NoData cells to 0.</source>
        <translation>{name} 必须为整数二维网格，而不是 {ndim} 维的 {kind}。请将 NoData 像元设为 0。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compare.py"/>
        <source>The {name} grid has shape {found}, the first grid {want}; use grids of one shape.</source>
        <translation>{name} 网格的形状为 {found}，而第一个网格为 {want}；请使用形状相同的网格。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compare.py"/>
        <source>The zones of run {name} hold codes outside 0..4.</source>
        <translation>运行 {name} 的分区含有 0..4 以外的代码。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compare.py"/>
        <source>The cell area must be a finite number of 0 or more, not {value}.</source>
        <translation>像元面积必须为大于等于 0 的有限数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compare.py"/>
        <source>With units, give their number (1 or more, not {n_units}) and a units grid of -1 (outside) to that number - 1.</source>
        <translation>给出单元时，请给出单元数（大于等于 1，而不是 {n_units}）以及取值为 -1（单元外）到单元数 - 1 的单元网格。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compare.py"/>
        <source>The links of run {name} must be pairs of whole source ids, not shape {shape}.</source>
        <translation>运行 {name} 的连接必须是整数源地 ID 对，而不是形状 {shape}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compare.py"/>
        <source>Run {name} needs one finite least-cost distance of 0 or more per link ({links}); it has {found} values.</source>
        <translation>运行 {name} 的每条连接（共 {links} 条）需要一个大于等于 0 的有限最小累积阻力距离；现有 {found} 个值。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compare.py"/>
        <source>Run A has two links between the same two sources.</source>
        <translation>运行 A 在同一对源地之间有两条连接。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>The number of units must be a whole number of 1 or more, not {n_units}.</source>
        <translation>单元数必须为大于等于 1 的整数，而不是 {n_units}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>The {name} have {found} entries, {want} expected.</source>
        <translation>{name}有 {found} 项，应为 {want} 项。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>The {name} must be finite amounts of 0 or more, not {value}.</source>
        <translation>{name}必须为大于等于 0 的有限值，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>The {name} must lie between 0 and {high}, not {value}.</source>
        <translation>{name}必须介于 0 和 {high} 之间，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>The {name} must be a finite number of 0 or more, not {value}.</source>
        <translation>{name}必须为大于等于 0 的有限数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>The units must be a 2-D grid of whole numbers from -1 (outside every unit) to {top}.</source>
        <translation>单元必须为取值从 -1（不属于任何单元）到 {top} 的整数二维网格。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>Give one cost per cell of each site: the sites have {cells} cells and {costs} costs.</source>
        <translation>请为每个点位的每个像元给出一个成本：各点位有 {cells} 个像元、{costs} 个成本。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>Site cells must be whole cell indices on the grid of {size} cells.</source>
        <translation>点位像元必须是 {size} 个像元的网格上的整数像元索引。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>The pair gains must be a square matrix of finite numbers, not shape {shape}.</source>
        <translation>源地对收益必须为有限数构成的方阵，而不是形状 {shape}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>A pair gain is negative ({value}): connectivity fell, so there is no gain to attribute.</source>
        <translation>某源地对的收益为负（{value}）：连通性下降，因此没有可分配的收益。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>The source areas must have one row per source ({n}), not shape {shape}.</source>
        <translation>源地面积必须每个源地一行（{n} 行），而不是形状 {shape}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>A source's whole area is smaller than its area in the units.</source>
        <translation>某源地的总面积小于其在各单元中的面积。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>Source {source} gains connectivity but has no area, so its units are unknown.</source>
        <translation>源地 {source} 的连通性有收益但面积为零，因此无法确定其所属单元。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>The ledger needs at least one unit.</source>
        <translation>台账至少需要一个单元。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>The net amounts sum to {total}, not 0: what some units are owed must equal what the others owe.</source>
        <translation>净额之和为 {total}，而不是 0：部分单元应得的金额必须等于其他单元应付的金额。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>The net amounts must be finite numbers.</source>
        <translation>净额必须为有限数。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>Give one whole-number group per unit ({want}), not {found} values of {kind}.</source>
        <translation>请为每个单元给出一个整数分组（共 {want} 个），而不是 {found} 个 {kind} 类型的值。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/eca.py"/>
        <source>The dispersal distance (kernel distance) must be a positive number of cost units, not {value}.</source>
        <translation>扩散距离（核距离）必须为以成本单位计的正数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/eca.py"/>
        <source>The probability at the kernel distance must lie between 0 and 1 (both excluded), not {value}; Conefor studies use 0.5.</source>
        <translation>核距离处的概率必须介于 0 和 1 之间（不含两端），而不是 {value}；Conefor 研究使用 0.5。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/eca.py"/>
        <source>The links hold {i} first sources, {j} second sources and {d} distances; they must be equally many.</source>
        <translation>连接中有 {i} 个起点源地、{j} 个终点源地和 {d} 个距离；三者数量必须相等。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/eca.py"/>
        <source>A link refers to a source index outside 0..{last}.</source>
        <translation>某条连接引用了 0..{last} 之外的源地索引。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/eca.py"/>
        <source>A link joins source index {index} to itself.</source>
        <translation>某条连接将源地索引 {index} 与其自身相连。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/eca.py"/>
        <source>Link distances must be zero or positive (inf: no link).</source>
        <translation>连接距离必须为零或正数（inf：无连接）。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/eca.py"/>
        <source>There are {areas} source areas for {n} sources; give one per source.</source>
        <translation>{n} 个源地有 {areas} 个源地面积；请为每个源地给出一个。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/eca.py"/>
        <source>Source areas must be zero or positive numbers.</source>
        <translation>源地面积必须为零或正数。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/eca.py"/>
        <source>No link has a finite least-cost distance above 0, so there is no default kernel distance; give one.</source>
        <translation>没有任何连接的最小累积阻力距离是大于 0 的有限值，因此无法确定默认核距离；请给出核距离。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/eca.py"/>
        <source>The areas by unit must be an (n sources, units) table, not an array of shape {shape}.</source>
        <translation>按单元统计的面积必须是（源地数, 单元数）的表，而不是形状为 {shape} 的数组。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/eca.py"/>
        <source>The probabilities before ({before}) and after ({after}) must have the same shape.</source>
        <translation>修复前（{before}）和修复后（{after}）的概率形状必须相同。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/effectiveness.py"/>
        <source>Give one least-cost distance per link and end units in -1..{top}.</source>
        <translation>请为每条连接给出一个最小累积阻力距离，端点单元须在 -1..{top} 之间。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/effectiveness.py"/>
        <source>Give a group in -1..{top} for each unit.</source>
        <translation>请为每个单元给出 -1..{top} 之间的分组。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/effectiveness.py"/>
        <source>Give one value per unit ({count}), not {found}.</source>
        <translation>请为每个单元给出一个值（共 {count} 个），而不是 {found} 个。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/effectiveness.py"/>
        <source>The {name} indicators lack {missing}.</source>
        <translation>{name}指标缺少 {missing}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/effectiveness.py"/>
        <source>The {name} indicators must have one value per unit each.</source>
        <translation>{name}指标必须每个单元各有一个值。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/effectiveness.py"/>
        <source>The {name} indicators must be 0 or more (NaN: not defined).</source>
        <translation>{name}指标必须大于等于 0（NaN：无定义）。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/effectiveness.py"/>
        <source>The indicators before and after have {old} and {new} units.</source>
        <translation>前期和后期指标分别有 {old} 个和 {new} 个单元。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/effectiveness.py"/>
        <source>Give {n} weights of 0 or more with a sum above 0, not {weights}.</source>
        <translation>请给出 {n} 个大于等于 0 且总和大于 0 的权重，而不是 {weights}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/landscape.py"/>
        <source>The {name} raster has shape {got}, not the source raster's {shape}.</source>
        <translation>{name} 栅格的形状为 {got}，与源地栅格的 {shape} 不同。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/landscape.py"/>
        <source>The source raster must be two-dimensional, not {ndim}-dimensional.</source>
        <translation>源地栅格必须为二维，而不是 {ndim} 维。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/landscape.py"/>
        <source>There are {links} links, {lcd} least-cost distances and {eff} effective resistances; give one of each per link.</source>
        <translation>有 {links} 条连接、{lcd} 个最小累积阻力距离和 {eff} 个有效电阻；请为每条连接各给出一个。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/landscape.py"/>
        <source>The source ids must be unique.</source>
        <translation>源地 ID 必须唯一。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/landscape.py"/>
        <source>A link names source {id}, which is not among the sources.</source>
        <translation>某条连接指定的源地 {id} 不在源地之中。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/landscape.py"/>
        <source>The area of a square map unit must be a positive number of km², not {value}.</source>
        <translation>一个平方地图单位的面积必须为以 km² 计的正数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/landscape.py"/>
        <source>The corridor width (cutoff) must be zero or positive cost units, not {value}.</source>
        <translation>廊道宽度（截断值）必须为零或正的成本单位数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/landscape.py"/>
        <source>There are {areas} source areas for {n} source ids; give one area per source.</source>
        <translation>{n} 个源地 ID 有 {areas} 个源地面积；请为每个源地给出一个面积。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/portfolio.py"/>
        <source>The budget must be zero or a positive number (10^4 CNY), not {value}.</source>
        <translation>预算必须为零或正数（万元），而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/portfolio.py"/>
        <source>The portfolio method must be 'auto', 'greedy' or 'exact', not {value!r}.</source>
        <translation>组合方法必须是 'auto'、'greedy' 或 'exact'，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/portfolio.py"/>
        <source>The evaluation was made for other sites; evaluate these sites first.</source>
        <translation>该评估针对的是其他点位；请先评估这些点位。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/portfolio.py"/>
        <source>{count} sites gain and fit the budget; the exact search takes at most {limit}. Use the greedy method.</source>
        <translation>有 {count} 个点位具有收益且在预算之内；精确搜索最多只能处理 {limit} 个。请使用贪心算法。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/sitegains.py"/>
        <source>Site id {id} is given twice; site ids must be unique.</source>
        <translation>点位 ID {id} 出现了两次；点位 ID 必须唯一。</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/sitegains.py"/>
        <source>The band around a least-cost path must be zero or positive cost units, not {value}.</source>
        <translation>最小累积阻力路径周围的缓冲带必须为零或正的成本单位数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/rasterfile.py"/>
        <source>Reading rasters by window needs GDAL's Python bindings (osgeo), which this Python does not have. Install them on every worker (pip install gdal, or conda install gdal).</source>
        <translation>按窗口读取栅格需要 GDAL 的 Python 绑定（osgeo），而此 Python 中没有。请在每个工作节点上安装（pip install gdal 或 conda install gdal）。</translation>
    </message>
    <message>
        <location filename="../../espcore/rasterfile.py"/>
        <source>Cannot open the raster {path} ({detail}). Check the path: every worker must see it (a shared disk or a URL).</source>
        <translation>无法打开栅格 {path}（{detail}）。请检查路径：每个工作进程都必须能访问它（共享磁盘或 URL）。</translation>
    </message>
    <message>
        <location filename="../../espcore/rasterfile.py"/>
        <source>The raster {path} has no band {band}.</source>
        <translation>栅格 {path} 没有第 {band} 波段。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <source>Row {row} of the reclass table has {n} column; it needs a class code and a resistance.</source>
        <translation>重分类表第 {row} 行有 {n} 列；它需要一个类型代码和一个阻力值。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <source>Row {row} of the reclass table ({text}) is not a class code followed by a resistance.</source>
        <translation>重分类表第 {row} 行（{text}）不是“类型代码 + 阻力值”。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <source>Class code {code} in row {row} of the reclass table is not a whole number.</source>
        <translation>重分类表第 {row} 行的类型代码 {code} 不是整数。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <source>Class {code} appears twice in the reclass table.</source>
        <translation>类型 {code} 在重分类表中出现了两次。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <source>The reclass table is empty. Choose a preset or give at least one class with its resistance.</source>
        <translation>重分类表为空。请选择一个预设，或至少给出一个类型及其阻力值。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <source>Resistances must be positive numbers; class {codes} has a zero, negative or missing value. Leave a class out of the table (and tick 'unmapped classes are NoData') to make it NoData instead.</source>
        <translation>阻力必须为正数；类型 {codes} 的值为零、负值或缺失。若要将某类型设为 NoData，请将其从表中删除（并勾选“未映射的类型设为 NoData”）。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <location filename="../../espcore/resistance/surfacetiles.py"/>
        <location filename="../../espcore/sources/habitat.py"/>
        <location filename="../../espcore/sources/habitattiles.py"/>
        <source>The land-cover raster has no data: every cell is NoData.</source>
        <translation>土地覆被栅格没有数据：所有像元均为 NoData。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <location filename="../../espcore/resistance/surfacetiles.py"/>
        <source>The land-cover raster holds fractional values; it must hold whole class codes.</source>
        <translation>土地覆被栅格含有小数值；它必须为整数类型代码。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <location filename="../../espcore/resistance/surfacetiles.py"/>
        <source>The land cover holds classes that are not in the reclass table: {classes}{more}. Add them to the table, or tick 'unmapped classes are NoData'.</source>
        <translation>土地覆被中有重分类表中没有的类型：{classes}{more}。请将其添加到表中，或勾选“未映射的类型设为 NoData”。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <location filename="../../espcore/resistance/surfacetiles.py"/>
        <source>No land-cover class is in the reclass table, so every cell would be NoData. Check that the preset matches the land-cover codes.</source>
        <translation>土地覆被类型均不在重分类表中，因此所有像元都将为 NoData。请检查预设是否与土地覆被代码匹配。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <location filename="../../espcore/resistance/surfacetiles.py"/>
        <source>The correction ratio limits must satisfy 0 &lt;= minimum &lt;= 1 &lt;= maximum; got {lo} and {hi}.</source>
        <translation>校正比值限值必须满足 0 &lt;= 最小值 &lt;= 1 &lt;= 最大值；实际为 {lo} 和 {hi}。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <location filename="../../espcore/resistance/surfacetiles.py"/>
        <source>The correction raster has no data where the land cover has data.</source>
        <translation>校正栅格在土地覆被有数据的地方没有数据。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <location filename="../../espcore/resistance/surfacetiles.py"/>
        <source>The correction raster has negative values (lowest {low:g}); it must hold a non-negative pressure such as night-time light.</source>
        <translation>校正栅格含有负值（最低 {low:g}）；它必须是非负的压力指标，例如夜间灯光。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <source>Factor '{name}' has no data inside the study area.</source>
        <translation>因子“{name}”在研究区内没有数据。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <location filename="../../espcore/resistance/surfacetiles.py"/>
        <source>Factor '{name}' has the same value ({value:g}) everywhere, so it cannot rank cells. Remove it or check the raster.</source>
        <translation>因子“{name}”处处取值相同（{value:g}），无法对像元排序。请删除该因子或检查栅格。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <source>Every weight must be a number.</source>
        <translation>每个权重都必须是数值。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <source>Weights must not be negative (got {weights}). To make a factor lower the resistance where it is high, set its direction to inverse instead.</source>
        <translation>权重不能为负（实际为 {weights}）。若要让某因子在其值高处降低阻力，请将其方向设为反向。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <source>The weights add up to zero; give at least one a positive value.</source>
        <translation>权重之和为零；请至少给出一个正值。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <location filename="../../espcore/resistance/surfacetiles.py"/>
        <source>There are {n} factor rasters but {m} factor weights; give one weight per factor, in the order of the factors.</source>
        <translation>有 {n} 个因子栅格，但有 {m} 个因子权重；请按因子顺序为每个因子给出一个权重。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <location filename="../../espcore/resistance/surfacetiles.py"/>
        <source>There are {n} factor rasters but {m} factor directions; give one direction per factor.</source>
        <translation>有 {n} 个因子栅格，但有 {m} 个因子方向；请为每个因子给出一个方向。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <location filename="../../espcore/resistance/surfacetiles.py"/>
        <source>No cell holds data in the land cover and in every factor raster.</source>
        <translation>没有像元在土地覆被和所有因子栅格中都有数据。</translation>
    </message>
    <message>
        <location filename="../../espcore/resistance/surface.py"/>
        <location filename="../../espcore/resistance/surfacetiles.py"/>
        <source>No cell holds data in every input, so the resistance surface would be empty.</source>
        <translation>没有像元在所有输入中都有数据，因此阻力面将为空。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/connectivity.py"/>
        <source>The dispersal distance must be a positive number, not {value}.</source>
        <translation>扩散距离必须为正数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/connectivity.py"/>
        <source>The probability at the dispersal distance must lie between 0 and 1 (both excluded), not {value}; Conefor studies use 0.5, Graphab 0.05.</source>
        <translation>扩散距离处的概率必须介于 0 和 1 之间（不含两端），而不是 {value}；Conefor 研究使用 0.5，Graphab 使用 0.05。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/connectivity.py"/>
        <source>The smallest probability kept must lie in [0, 1), not {value}.</source>
        <translation>保留的最小概率必须位于 [0, 1) 内，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/connectivity.py"/>
        <source>The links hold {i} first patches, {j} second patches and {d} distances; they must be equally many.</source>
        <translation>连接包含 {i} 个第一斑块、{j} 个第二斑块和 {d} 个距离；三者数量必须相同。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/connectivity.py"/>
        <source>A link refers to a patch index outside 0..{last}.</source>
        <translation>有一条连接引用了 0..{last} 以外的斑块索引。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/connectivity.py"/>
        <source>A link joins a patch to itself (index {index}).</source>
        <translation>有一条连接将斑块与其自身相连（索引 {index}）。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/connectivity.py"/>
        <source>Link distances must be zero or positive numbers.</source>
        <translation>连接距离必须为零或正数。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/connectivity.py"/>
        <source>There are no patches: nothing to connect. Check that the patch layer or raster holds patches (ids above 0).</source>
        <translation>没有斑块：无可连接对象。请检查斑块图层或栅格是否含有斑块（ID 大于 0）。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/connectivity.py"/>
        <source>The patch ids of the links must be unique and sorted ascending.</source>
        <translation>连接的斑块 ID 必须唯一并按升序排列。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/connectivity.py"/>
        <source>There are {areas} patch areas for {ids} patch ids; give one area per patch.</source>
        <translation>{ids} 个斑块 ID 有 {areas} 个斑块面积；请每个斑块给出一个面积。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/connectivity.py"/>
        <source>Patch areas must be zero or positive numbers.</source>
        <translation>斑块面积必须为零或正数。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/connectivity.py"/>
        <source>Every patch has zero area; PC and IIC are undefined.</source>
        <translation>所有斑块面积均为零；PC 和 IIC 无定义。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/connectivity.py"/>
        <source>The landscape area ({landscape:g}) is smaller than the total patch area ({patches:g}); give the area of the whole study area in map units².</source>
        <translation>景观面积（{landscape:g}）小于斑块总面积（{patches:g}）；请给出整个研究区的面积（地图单位²）。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/extraction.py"/>
        <source>Give a class raster with the values of candidate cells, a quality raster with a minimum quality, or both.</source>
        <translation>请给出含候选像元取值的类型栅格、带最低质量的质量栅格，或二者都给出。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/extraction.py"/>
        <source>List the values of the class raster that make a candidate cell (for MSPA output: 17, core; 117, core inside an opening).</source>
        <translation>请列出类型栅格中构成候选像元的取值（对于 MSPA 输出：17 为核心区；117 为孔洞内的核心区）。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/extraction.py"/>
        <source>No cell of the class raster has any of the values {values}.</source>
        <translation>类型栅格中没有任何像元的值属于 {values}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/extraction.py"/>
        <source>The quality raster ({qshape}) and the class raster ({cshape}) differ in size.</source>
        <translation>质量栅格（{qshape}）与类型栅格（{cshape}）大小不同。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/extraction.py"/>
        <source>No candidate cell has a quality of at least {minimum:g}; lower the minimum quality.</source>
        <translation>没有候选像元的质量达到 {minimum:g}；请降低最低质量。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/extraction.py"/>
        <source>No candidate cell has a habitat quality value; check that the quality raster covers the candidates.</source>
        <translation>没有候选像元具有生境质量值；请检查质量栅格是否覆盖候选像元。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/extraction.py"/>
        <source>Connectivity must be 4 or 8, not {value}.</source>
        <translation>连通性必须为 4 或 8，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/extraction.py"/>
        <source>The resistance raster ({rshape}) and the candidate raster ({cshape}) differ in size.</source>
        <translation>阻力栅格（{rshape}）与候选栅格（{cshape}）大小不同。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/extraction.py"/>
        <source>The candidate and study-area masks differ in size.</source>
        <translation>候选掩膜与研究区掩膜大小不同。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/extraction.py"/>
        <source>The minimum area, the dPC threshold and the number of sources cannot be negative.</source>
        <translation>最小面积、dPC 阈值和源地数量不能为负。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/extraction.py"/>
        <source>No candidate patch reaches the minimum area of {minimum:g} map units² (the largest has {largest:g}). Lower the minimum area or widen the candidates.</source>
        <translation>没有候选斑块达到最小面积 {minimum:g} 地图单位²（最大的为 {largest:g}）。请降低最小面积或放宽候选范围。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/extraction.py"/>
        <source>No patch has a dPC of at least {minimum:g} % (the highest is {best:.3g} %). Lower the dPC threshold.</source>
        <translation>没有斑块的 dPC 达到 {minimum:g} %（最高为 {best:.3g} %）。请降低 dPC 阈值。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/extraction.py"/>
        <source>The quality raster ({qshape}) and the candidate raster ({cshape}) differ in size.</source>
        <translation>质量栅格（{qshape}）与候选栅格（{cshape}）大小不同。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>A threat has no name. Give every threat a name.</source>
        <translation>有一个威胁因子没有名称。请为每个威胁因子命名。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The maximum distance of threat '{name}' must be a positive number, not {value}.</source>
        <translation>威胁因子“{name}”的最大影响距离必须为正数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The weight of threat '{name}' must lie between 0 and 1, not {value:g}.</source>
        <translation>威胁因子“{name}”的权重必须介于 0 和 1 之间，而不是 {value:g}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The decay of threat '{name}' must be 'linear' or 'exponential', not '{value}'.</source>
        <translation>威胁因子“{name}”的衰减方式必须为 'linear' 或 'exponential'，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The {table} table has '{value}' in column {column} of {row}; it must be a number.</source>
        <translation>{table} 表第 {row} 的 {column} 列为“{value}”；它必须是数值。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The {table} table has '{value}' in column {column} of {row}; it must be a finite number.</source>
        <translation>{table} 表第 {row} 的 {column} 列为“{value}”；它必须是有限数值。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The unit of MAX_DIST must be 'km' or 'm', not '{value}'.</source>
        <translation>MAX_DIST 的单位必须是“km”或“m”，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The threats table has no rows. Give one row per threat with THREAT, MAX_DIST ({unit}), WEIGHT and DECAY.</source>
        <translation>威胁表没有任何行。请每种威胁给出一行，含 THREAT、MAX_DIST（{unit}）、WEIGHT 和 DECAY。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The threats table has no column {column}. It needs the columns THREAT, MAX_DIST ({unit}), WEIGHT and DECAY; it has: {found}.</source>
        <translation>威胁表没有 {column} 列。需要 THREAT、MAX_DIST（{unit}）、WEIGHT 和 DECAY 列；现有列：{found}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>Row {row} of the threats table has no THREAT name.</source>
        <translation>威胁因子表第 {row} 行没有 THREAT 名称。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>Threat '{name}' is listed twice in the threats table (rows {first} and {row}).</source>
        <translation>威胁因子“{name}”在威胁因子表中出现了两次（第 {first} 行和第 {row} 行）。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>MAX_DIST of threat '{name}' is {value:g} {unit}; it must be a positive distance in {unit}.</source>
        <translation>威胁“{name}”的 MAX_DIST 为 {value:g} {unit}；它必须是以 {unit} 为单位的正距离。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>WEIGHT of threat '{name}' is {value:g}; weights must lie between 0 and 1.</source>
        <translation>威胁因子“{name}”的 WEIGHT 为 {value:g}；权重必须介于 0 和 1 之间。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>DECAY of threat '{name}' is '{value}'; it must be 'linear' or 'exponential'.</source>
        <translation>威胁因子“{name}”的 DECAY 为“{value}”；它必须为 'linear' 或 'exponential'。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>Every threat has weight 0; give at least one a positive weight.</source>
        <translation>所有威胁因子的权重均为 0；请至少为一个威胁因子给出正权重。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>Row {row} of the sensitivity table has '{value}' as land-cover code (LULC); it must be a whole number.</source>
        <translation>敏感度表第 {row} 行的土地覆被代码（LULC）为“{value}”；它必须是整数。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The sensitivity table has no rows. Give one row per land-cover class with LULC, HABITAT and one column per threat.</source>
        <translation>敏感度表没有行。请每个土地覆被类型给出一行，包含 LULC、HABITAT 以及每个威胁因子一列。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The sensitivity table needs the columns LULC and HABITAT (and one column per threat); it has: {found}.</source>
        <translation>敏感度表需要 LULC 和 HABITAT 列（以及每个威胁因子一列）；现有列：{found}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The sensitivity table has no column for threat {threats}. Add a column named like each threat of the threats table (or L_ followed by its name) holding the sensitivity of every class; columns found: {found}.</source>
        <translation>敏感度表没有威胁因子 {threats} 的列。请按威胁因子表中每个威胁因子的名称（或 L_ 加其名称）添加一列，填写各类型的敏感度；找到的列：{found}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>Land-cover class {code} is listed twice in the sensitivity table.</source>
        <translation>土地覆被类型 {code} 在敏感度表中出现了两次。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The sensitivity table gives class {code} the value {value:g} in column {column}; it must lie between 0 and 1.</source>
        <translation>敏感度表在 {column} 列中给类型 {code} 的值为 {value:g}；它必须介于 0 和 1 之间。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The InVEST 3.12 kernel of threat '{name}' would be {n} cells wide; reduce MAX_DIST or use a coarser grid.</source>
        <translation>威胁“{name}”的 InVEST 3.12 核宽将达 {n} 个栅格；请减小 MAX_DIST 或使用更粗的网格。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <location filename="../../espcore/sources/habitattiles.py"/>
        <source>The {what} raster holds fractional values; it must hold whole land-cover class codes.</source>
        <translation>{what} 栅格含有小数值；它必须为整数的土地覆被类型代码。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <location filename="../../espcore/sources/habitattiles.py"/>
        <source>The {what} raster holds classes that are not in the sensitivity table: {classes}{more}. Add a row for each (HABITAT 0 and sensitivity 0 for classes that are no habitat).</source>
        <translation>{what} 栅格含有敏感度表中没有的类型：{classes}{more}。请为每个类型添加一行（非生境类型的 HABITAT 和敏感度设为 0）。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <location filename="../../espcore/sources/habitattiles.py"/>
        <source>Unknown habitat-quality semantics '{value}'; use one of {choices}.</source>
        <translation>未知的生境质量计算语义“{value}”；请使用 {choices} 之一。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The half-saturation constant must be a positive number, not {value}.</source>
        <translation>半饱和常数必须为正数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>No threat was given. Give at least one threat in the threats table.</source>
        <translation>未给出威胁因子。请在威胁因子表中至少给出一个威胁因子。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>Threat {names} is listed more than once.</source>
        <translation>威胁因子 {names} 出现了不止一次。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The sensitivity table is empty.</source>
        <translation>敏感度表为空。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>HABITAT of class {code} is {value}; it must lie between 0 and 1.</source>
        <translation>类型 {code} 的 HABITAT 为 {value}；它必须介于 0 和 1 之间。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The sensitivity table gives class {code} no sensitivity to threat {threats}.</source>
        <translation>敏感度表没有给出类型 {code} 对威胁因子 {threats} 的敏感度。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The sensitivity of class {code} to threat '{name}' is {value}; it must lie between 0 and 1.</source>
        <translation>类型 {code} 对威胁因子“{name}”的敏感度为 {value}；它必须介于 0 和 1 之间。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>No raster was given for threat {threats}. Rasters given: {given}.</source>
        <translation>未给出威胁因子 {threats} 的栅格。已给出的栅格：{given}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <location filename="../../espcore/sources/habitattiles.py"/>
        <source>Threat raster '{name}' holds infinite values.</source>
        <translation>威胁因子栅格“{name}”含有无穷大值。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <location filename="../../espcore/sources/habitattiles.py"/>
        <source>Threat raster '{name}' holds values from {low:g} to {high:g}; threat intensities must lie between 0 and 1 (0 = no threat). Rescale it, e.g. divide by its maximum.</source>
        <translation>威胁因子栅格“{name}”的取值范围为 {low:g} 到 {high:g}；威胁强度必须介于 0 和 1 之间（0 = 无威胁）。请对其重新缩放，例如除以其最大值。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <location filename="../../espcore/sources/habitattiles.py"/>
        <source>The InVEST 3.12 semantics needs square cells (as InVEST, which resamples to them); the land cover has {w:g} x {h:g} cells. Resample it to square cells first.</source>
        <translation>InVEST 3.12 语义需要正方形栅格（InVEST 会重采样为正方形）；土地覆被的栅格为 {w:g} x {h:g}。请先将其重采样为正方形栅格。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>The accessibility array has shape {got}, the land cover {want}.</source>
        <translation>可达性数组的形状为 {got}，土地覆被为 {want}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <location filename="../../espcore/sources/habitattiles.py"/>
        <source>Accessibility values must lie between 0 and 1 (ACCESS field); found {low:g} to {high:g}.</source>
        <translation>可达性取值必须介于 0 和 1 之间（ACCESS 字段）；实际为 {low:g} 到 {high:g}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>The foreground classes must be numbers, not {classes!r}.</source>
        <translation>前景类型必须为数值，而不是 {classes!r}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Give at least one foreground class (a land-cover code).</source>
        <translation>请至少给出一个前景类型（土地覆被代码）。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>The class raster and its NoData mask must be 2-D arrays of one shape.</source>
        <translation>类型栅格及其 NoData 掩膜必须是形状相同的二维数组。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>None of the foreground classes ({classes}) occurs in the raster, whose classes are {present}{more}. Give the codes of the land-cover classes that form the habitat (for example forest and grassland).</source>
        <translation>前景类型（{classes}）均未出现在栅格中，栅格中的类型为 {present}{more}。请给出构成生境的土地覆被类型代码（例如林地和草地）。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>The MSPA input must be a non-empty 2-D raster, not an array of shape {shape}.</source>
        <translation>MSPA 输入必须是非空的二维栅格，而不是形状为 {shape} 的数组。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>The MSPA input must hold the numbers 0, 1 and 2, not {kind} values.</source>
        <translation>MSPA 输入必须只含数值 0、1 和 2，而不是 {kind} 类型的值。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>The MSPA input must be coded as GuidosToolbox expects: 0 missing, 1 background, 2 foreground; it also holds {values}. Reclassify it, or give the list of foreground classes.</source>
        <translation>MSPA 输入必须按 GuidosToolbox 的要求编码：0 缺失，1 背景，2 前景；它还含有 {values}。请对其重分类，或给出前景类型列表。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Foreground connectivity must be 8 or 4, not {value}.</source>
        <translation>前景连通性必须为 8 或 4，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>The edge width must be a whole number of cells from 1 to 255, not {value}.</source>
        <translation>边缘宽度必须为 1 到 255 之间的整数像元数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>The MSPA engine version must be one of {engines}, not {value}.</source>
        <translation>MSPA 引擎版本必须是 {engines} 之一，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>The cell area must be positive, not {area}.</source>
        <translation>像元面积必须为正数，而不是 {area}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Values {low} to {high} are not all MSPA codes.</source>
        <translation>值 {low} 到 {high} 并非都是 MSPA 代码。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Values {values} are not MSPA codes.</source>
        <translation>值 {values} 不是 MSPA 代码。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspatiles.py"/>
        <source>The {name} must be a whole number of cells of at least {least}, not {value!r}.</source>
        <translation>{name}必须是不小于 {least} 的整数像元数，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspatiles.py"/>
        <source>Compare two non-empty 2-D class maps of one shape, not {first} and {second}.</source>
        <translation>请比较两幅形状相同的非空二维类别图，而不是 {first} 和 {second}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspatiles.py"/>
        <source>MSPA codes run from 0 to 255; these maps hold {low} to {high}.</source>
        <translation>MSPA 编码取值为 0 到 255；这些图中的值为 {low} 到 {high}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/patchdistance.py"/>
        <source>The patch raster must be two-dimensional, not {ndim}-dimensional.</source>
        <translation>斑块栅格必须为二维，而不是 {ndim} 维。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/patchdistance.py"/>
        <source>Patch ids must be whole numbers; the patch raster holds fractional values.</source>
        <translation>斑块 ID 必须为整数；斑块栅格含有小数值。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/patchdistance.py"/>
        <source>Patch ids must be whole numbers, not {kind}.</source>
        <translation>斑块 ID 必须为整数，而不是 {kind}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/patchdistance.py"/>
        <source>The cell area must be positive, not {value}.</source>
        <translation>像元面积必须为正数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/patchdistance.py"/>
        <source>The largest link distance must be zero or positive, not {value}.</source>
        <translation>最大连接距离必须为零或正数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/patchdistance.py"/>
        <source>Distances are measured between 'centres' or 'edges', not {value!r}.</source>
        <translation>距离应在“中心”（'centres'）或“边缘”（'edges'）之间度量，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/patchdistance.py"/>
        <source>Resistance values must be positive and finite; the raster holds {bad} zero, negative or infinite cells. Make them NoData (impassable) or give them a resistance of at least the smallest positive value.</source>
        <translation>阻力值必须为有限正数；栅格中有 {bad} 个像元为零、负值或无穷大。请将其设为 NoData（不可穿越），或赋予不小于最小正值的阻力。</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/patchdistance.py"/>
        <source>The patch raster ({pshape}) and the resistance raster ({rshape}) differ in size.</source>
        <translation>斑块栅格（{pshape}）与阻力栅格（{rshape}）大小不同。</translation>
    </message>
    <message>
        <location filename="../../espcore/summaries.py"/>
        <source>The columns of one table must have one entry per row; they have {lengths}.</source>
        <translation>一个表的各列必须每行各有一项；现在各列的项数为 {lengths}。</translation>
    </message>
    <message>
        <location filename="../../espcore/tiled.py"/>
        <source>Unknown assembly mode '{mode}'.</source>
        <translation>未知的拼接方式“{mode}”。</translation>
    </message>
    <message>
        <location filename="../../espcore/tiles.py"/>
        <source>A raster of {rows} x {cols} cells cannot be tiled.</source>
        <translation>{rows} x {cols} 像元的栅格无法分块。</translation>
    </message>
    <message>
        <location filename="../../espcore/tiles.py"/>
        <source>Tiles need a size of 1 cell or more, a halo of 0 or more and an alignment of 1 or more (got {size}, {halo}, {align}).</source>
        <translation>分块大小须至少 1 个像元，外扩边（halo）须不小于 0，对齐须至少为 1（实际为 {size}、{halo}、{align}）。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The number of administrative units must be a whole number of 1 or more, not {n_units}.</source>
        <translation>行政单元数必须为大于等于 1 的整数，而不是 {n_units}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The {name} raster must be a 2-D grid; it has {ndim} dimensions.</source>
        <translation>{name} 栅格必须为二维网格；它有 {ndim} 维。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The {name} raster must hold whole numbers; it has {value}. Set NoData cells to 0.</source>
        <translation>{name} 栅格必须为整数；其中有 {value}。请将 NoData 像元设为 0。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The {name} raster has {rows} x {cols} cells, the {other} raster {rows0} x {cols0}. Use rasters on one grid.</source>
        <translation>{name} 栅格有 {rows} × {cols} 个像元，{other} 栅格为 {rows0} × {cols0}。请使用同一网格上的栅格。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The units raster holds {value}, outside 0 (no unit) to {n_units} (the number of units). Rasterize the units with their position 1..{n_units} in the layer.</source>
        <translation>单元栅格含有值 {value}，超出 0（无单元）到 {n_units}（单元数）的范围。请按单元在图层中的位置 1..{n_units} 对其栅格化。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The {name} table must have two dimensions (rows x columns); it has {ndim}.</source>
        <translation>{name} 表必须为二维（行 × 列）；它有 {ndim} 维。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The {name} table has {found} columns, {want} expected (column 0 = outside every unit, then one per unit).</source>
        <translation>{name} 表有 {found} 列，应为 {want} 列（第 0 列 = 不在任何单元内，其后每个单元一列）。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The {name} table must hold finite amounts of 0 or more, not {value}.</source>
        <translation>{name} 表必须为大于等于 0 的有限数量，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The weights have shape {found}, the elements raster {want}. Give one weight per cell or a single number.</source>
        <translation>权重的形状为 {found}，要素栅格为 {want}。请为每个像元给出一个权重，或给出单个数值。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The weight of an element cell must be a finite number of 0 or more, not {value}.</source>
        <translation>要素像元的权重必须为大于等于 0 的有限数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The geotransform must be six finite numbers (x0, dx, 0, y0, 0, dy), not {geotransform}.</source>
        <translation>地理变换参数必须是六个有限数（x0, dx, 0, y0, 0, dy），而不是 {geotransform}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The grid is rotated (geotransform terms {rx}, {ry}); warp the rasters to a north-up grid first.</source>
        <translation>网格是旋转的（地理变换参数 {rx}、{ry}）；请先将栅格变形为正北朝上的网格。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The cell size in the geotransform ({dx}, {dy}) must be positive across and non-zero down.</source>
        <translation>地理变换中的像元大小（{dx}, {dy}）横向必须为正，纵向必须非零。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>Line {line} has a part that is not a list of (x, y) vertices (shape {shape}).</source>
        <translation>线 {line} 有一部分不是 (x, y) 顶点列表（形状 {shape}）。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>Line {line} has a vertex with a non-finite coordinate. Repair the geometry.</source>
        <translation>线 {line} 有一个坐标非有限的顶点。请修复几何图形。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The step along lines must be a positive number of map units, not {step}.</source>
        <translation>沿线步长必须为以地图单位计的正数，而不是 {step}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The link ends must be a table of two unit numbers per link, not shape {shape}.</source>
        <translation>连接端点必须是每条连接两个单元编号的表，而不是形状 {shape}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>A link end lies in unit {value}; units are numbered 0 (outside) to {n_units}.</source>
        <translation>有一个连接端点位于单元 {value}；单元编号为 0（外部）到 {n_units}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>There are {found} link weights for {links} links; give one per link.</source>
        <translation>{links} 条连接有 {found} 个连接权重；请每条连接给出一个。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The link weights must be finite numbers.</source>
        <translation>连接权重必须为有限数。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The link membership table must have {columns} columns (outside + one per unit), not shape {shape}.</source>
        <translation>连接归属表必须有 {columns} 列（外部 + 每个单元一列），而不是形状 {shape}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The unit matrix must be square (units x units), not shape {shape}.</source>
        <translation>单元矩阵必须为方阵（单元 × 单元），而不是形状 {shape}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The unit matrix must hold finite weights of 0 or more, not {value}.</source>
        <translation>单元矩阵必须为大于等于 0 的有限权重，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The unit matrix must be symmetric (a link between u and v weighs the same both ways); build it with unit_matrix.</source>
        <translation>单元矩阵必须对称（u 与 v 之间的连接双向权重相同）；请用 unit_matrix 构建。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The community resolution must be a positive number, not {resolution}.</source>
        <translation>社区划分分辨率必须为正数，而不是 {resolution}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>There are {found} group labels for {units} units; give one per unit.</source>
        <translation>{units} 个单元有 {found} 个分组标签；请每个单元给出一个。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The group labels must be whole numbers.</source>
        <translation>分组标签必须为整数。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The two partitions label {n_a} and {n_b} items; give labels for the same items.</source>
        <translation>两个划分分别标记了 {n_a} 和 {n_b} 个对象；请为相同的对象给出标签。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The source table has {rows} rows for {ids} source ids; give one row per source.</source>
        <translation>源地表有 {rows} 行，对应 {ids} 个源地编号；请每个源地给出一行。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The link ends must be a table of two source ids per link, not shape {shape}.</source>
        <translation>连接端点必须是每条连接两个源地编号的表，而不是形状 {shape}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>Link end source {source} is not among the sources; check the source id field of the links.</source>
        <translation>连接端点源地 {source} 不在源地中；请检查连接的源地编号字段。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>Source {source} has no area on the grid, so its units are unknown; drop the links that end at it.</source>
        <translation>源地 {source} 在网格上没有面积，因此其所属单元未知；请删除以其为端点的连接。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The scores have {found} barrier rows, the burden table {want}; give both in the same barrier order.</source>
        <translation>得分有 {found} 个障碍点行，负担表有 {want} 行；请按相同的障碍点顺序给出二者。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The scores have {found} link columns, the beneficiary table {want} rows; give both in the same link order.</source>
        <translation>得分有 {found} 个连接列，受益表有 {want} 行；请按相同的连接顺序给出二者。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>The benefit shares of link {link} sum to {total}, not 1.</source>
        <translation>连接 {link} 的受益份额之和为 {total}，而不是 1。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zones.py"/>
        <source>The {name} mask has shape {got}, not the grid's {shape}.</source>
        <translation>{name} 掩膜的形状为 {got}，而不是网格的 {shape}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zones.py"/>
        <location filename="../../espcore/zoning/zonetiles.py"/>
        <source>A threshold must be a finite number, not {value}.</source>
        <translation>阈值必须为有限数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zones.py"/>
        <location filename="../../espcore/zoning/zonetiles.py"/>
        <source>The buffer distance must be 0 or more, not {value}.</source>
        <translation>缓冲距离必须大于等于 0，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zones.py"/>
        <source>Patch values need a value raster for '{how}'.</source>
        <translation>斑块统计“{how}”需要取值栅格。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zones.py"/>
        <source>Unknown patch statistic '{how}'; use max, sum or count.</source>
        <translation>未知的斑块统计“{how}”；请使用 max、sum 或 count。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zones.py"/>
        <source>Key-area scores must be finite numbers to be graded.</source>
        <translation>关键区域得分必须为有限数才能分级。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zonetiles.py"/>
        <source>Unit ids must be whole numbers of 0 or more (0 = in no unit); the unit raster holds other values.</source>
        <translation>单元编号必须是不小于 0 的整数（0 = 不属于任何单元）；单元栅格中含有其他值。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zonetiles.py"/>
        <source>The {name} raster has shape {got}, not the resistance raster's {shape}.</source>
        <translation>{name}栅格的形状为 {got}，与阻力栅格的 {shape} 不同。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zonetiles.py"/>
        <source>Each tile must keep at least twice the number of classes ({needed} values) for the natural breaks, not {sample}.</source>
        <translation>为计算自然断点，每块至少要保留类别数两倍的值（{needed} 个），而不是 {sample} 个。</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zonetiles.py"/>
        <source>The cell area must be 0 or more, not {value}.</source>
        <translation>像元面积必须不小于 0，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csini.py"/>
        <location filename="../../espcore/circuits/csjob.py"/>
        <location filename="../../espcore/circuits/network.py"/>
        <source>focal node list</source>
        <translation>焦点节点列表</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csini.py"/>
        <source>variable source strength list</source>
        <translation>可变电流源强度列表</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csjob.py"/>
        <source>graph file</source>
        <translation>图文件</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csjob.py"/>
        <source>source file</source>
        <translation>电流源文件</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/csjob.py"/>
        <source>ground file</source>
        <translation>接地文件</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>graph (edge list)</source>
        <translation>图（边列表）</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>included pairs</source>
        <translation>包含点对</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>source list</source>
        <translation>电流源列表</translation>
    </message>
    <message>
        <location filename="../../espcore/circuits/network.py"/>
        <source>ground list</source>
        <translation>接地列表</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>links</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/barriers.py"/>
        <source>radii</source>
        <translation>半径</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/centrality.py"/>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/centrality.py"/>
        <source>end</source>
        <translation>终点</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/corridors.py"/>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <source>source</source>
        <translation>源地</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/corridors.py"/>
        <source>Euclidean distance</source>
        <translation>欧氏距离</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/corridors.py"/>
        <source>cost distance</source>
        <translation>成本距离</translation>
    </message>
    <message>
        <location filename="../../espcore/corridors/costdistance.py"/>
        <source>CWD</source>
        <translation>成本加权距离（CWD）</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>cost_per_km2</source>
        <translation>cost_per_km2</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <source>target_class</source>
        <translation>target_class</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/actions.py"/>
        <location filename="../../espcore/programme/landscape.py"/>
        <source>resistance</source>
        <translation>阻力</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compare.py"/>
        <source>sources A</source>
        <translation>源地 A</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compare.py"/>
        <source>sources B</source>
        <translation>源地 B</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compare.py"/>
        <source>zones A</source>
        <translation>分区 A</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compare.py"/>
        <source>zones B</source>
        <translation>分区 B</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compare.py"/>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>units</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>cell costs</source>
        <translation>像元成本</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>source areas</source>
        <translation>源地面积</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>unit costs</source>
        <translation>单元成本</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>benefit shares</source>
        <translation>受益占比</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>own share</source>
        <translation>自担比例</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/compensation.py"/>
        <source>smallest transfer</source>
        <translation>最小转移支付额</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/effectiveness.py"/>
        <source>before</source>
        <translation>前期</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/effectiveness.py"/>
        <source>after</source>
        <translation>后期</translation>
    </message>
    <message>
        <location filename="../../espcore/programme/landscape.py"/>
        <source>NoData</source>
        <translation>NoData</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>threats</source>
        <translation>威胁因子</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>sensitivity</source>
        <translation>敏感度</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/habitat.py"/>
        <source>land-cover</source>
        <translation>土地覆被</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspatiles.py"/>
        <source>tile size</source>
        <translation>分块大小</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspatiles.py"/>
        <source>tile overlap</source>
        <translation>分块重叠</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>elements</source>
        <translation>要素</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <location filename="../../espcore/zoning/ledger.py"/>
        <source>element x unit</source>
        <translation>要素 × 单元</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>barrier labels</source>
        <translation>障碍点标识</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>cost-weighted distance</source>
        <translation>成本加权距离</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <location filename="../../espcore/zoning/ledger.py"/>
        <source>source x unit</source>
        <translation>源地 × 单元</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>barrier x unit</source>
        <translation>障碍点 × 单元</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>barrier x link</source>
        <translation>障碍点 × 连接</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <location filename="../../espcore/zoning/ledger.py"/>
        <location filename="../../espcore/zoning/unitgraph.py"/>
        <source>link x unit</source>
        <translation>连接 × 单元</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/collaboration.py"/>
        <source>focal units</source>
        <translation>焦点单元</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zones.py"/>
        <source>within</source>
        <translation>限定范围</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zones.py"/>
        <source>sources</source>
        <translation>源地</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zones.py"/>
        <source>corridors</source>
        <translation>廊道</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zones.py"/>
        <source>pinch points</source>
        <translation>夹点</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zones.py"/>
        <source>barriers</source>
        <translation>障碍点</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zones.py"/>
        <source>degraded</source>
        <translation>退化地</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zones.py"/>
        <source>breakpoints</source>
        <translation>断裂点</translation>
    </message>
    <message>
        <location filename="../../espcore/zoning/zones.py"/>
        <source>stepping stones</source>
        <translation>踏脚石</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Branch</source>
        <translation>支线</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Edge</source>
        <translation>边缘区</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Perforation</source>
        <translation>穿孔区</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Islet</source>
        <translation>孤岛</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Core</source>
        <translation>核心区</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Bridge</source>
        <translation>桥接区</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Bridge in edge</source>
        <translation>边缘中的桥接区</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Bridge in perforation</source>
        <translation>穿孔中的桥接区</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Loop</source>
        <translation>环道区</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Loop in edge</source>
        <translation>边缘中的环道区</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Loop in perforation</source>
        <translation>穿孔中的环道区</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Branch (internal)</source>
        <translation>支线（内部）</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Edge (internal)</source>
        <translation>边缘区（内部）</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Perforation (internal)</source>
        <translation>穿孔区（内部）</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Islet (internal)</source>
        <translation>孤岛（内部）</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Core (internal)</source>
        <translation>核心区（内部）</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Bridge (internal)</source>
        <translation>桥接区（内部）</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Bridge in edge (internal)</source>
        <translation>边缘中的桥接区（内部）</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Bridge in perforation (internal)</source>
        <translation>穿孔中的桥接区（内部）</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Loop (internal)</source>
        <translation>环道区（内部）</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Loop in edge (internal)</source>
        <translation>边缘中的环道区（内部）</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Loop in perforation (internal)</source>
        <translation>穿孔中的环道区（内部）</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Core-opening background</source>
        <translation>核心区孔洞内的背景</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../espcore/sources/mspa.py"/>
        <source>Border-opening background</source>
        <translation>边界孔洞内的背景</translation>
    </message>
    <message>
        <location filename="../../espcore/errors.py"/>
        <source>The run was cancelled.</source>
        <translation>运行已取消。</translation>
    </message>
    <message>
        <source>The AMG-CG solver did not converge (relative residual {residual:.1e}). The resistance range is probably extreme; try the cholmod solver or cap very high resistances.</source>
        <translation type="vanished">AMG-CG 求解器未收敛（相对残差 {residual:.1e}）。阻力取值范围可能过于极端；请尝试 cholmod 求解器，或限制过高的阻力值。</translation>
    </message>
    <message>
        <source>The cost-distance method must be 'auto', 'skimage' or 'scipy', not {value!r}.</source>
        <translation type="vanished">成本距离方法必须为 'auto'、'skimage' 或 'scipy'，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>No cell centre lies on the ring of radius {radius} map units (inner radius {inner}, cells of {cell_size} map units), so Linkage Mapper's Barrier Mapper cannot score it. Use radii that are multiples of the cell size, or the earlier ESP Toolkit semantics (a ring one cell wide).</source>
        <translation type="vanished">半径为 {radius} 个地图单位的圆环上没有栅格中心（内半径 {inner}，栅格大小 {cell_size} 个地图单位），因此 Linkage Mapper 的 Barrier Mapper 无法为其计分。请使用栅格大小整数倍的半径，或使用 ESP Toolkit 早期语义（宽一个栅格的圆环）。</translation>
    </message>
    <message>
        <source>Telling bridges from loops needs scikit-image, which is not installed (Debian/Ubuntu: python3-skimage; pip: scikit-image).</source>
        <translation type="vanished">区分桥接区和环道区需要 scikit-image，但尚未安装（Debian/Ubuntu：python3-skimage；pip：scikit-image）。</translation>
    </message>
    <message>
        <source>The threats table has no rows. Give one row per threat with THREAT, MAX_DIST (km), WEIGHT and DECAY.</source>
        <translation type="vanished">威胁因子表没有行。请每个威胁因子给出一行，包含 THREAT、MAX_DIST（km）、WEIGHT 和 DECAY。</translation>
    </message>
    <message>
        <source>The threats table has no column {column}. It needs the columns THREAT, MAX_DIST (km), WEIGHT and DECAY; it has: {found}.</source>
        <translation type="vanished">威胁因子表没有 {column} 列。它需要 THREAT、MAX_DIST（km）、WEIGHT 和 DECAY 列；现有列：{found}。</translation>
    </message>
    <message>
        <source>MAX_DIST of threat '{name}' is {value:g} km; it must be a positive distance in km.</source>
        <translation type="vanished">威胁因子“{name}”的 MAX_DIST 为 {value:g} km；它必须是以 km 计的正距离。</translation>
    </message>
</context>
<context>
    <name>styles</name>
    <message>
        <location filename="../styles/barriers.qml"/>
        <location filename="../styles/current.qml"/>
        <location filename="../styles/degradation.qml"/>
        <location filename="../styles/voltage.qml"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../styles/barriers.qml"/>
        <location filename="../styles/current.qml"/>
        <location filename="../styles/degradation.qml"/>
        <location filename="../styles/voltage.qml"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../styles/comparison.qml"/>
        <source>Much worse (-100 to -50)</source>
        <translation>明显变差（-100 至 -50）</translation>
    </message>
    <message>
        <location filename="../styles/comparison.qml"/>
        <source>Worse (-50 to -10)</source>
        <translation>变差（-50 至 -10）</translation>
    </message>
    <message>
        <location filename="../styles/comparison.qml"/>
        <source>About the same (-10 to 10)</source>
        <translation>基本不变（-10 至 10）</translation>
    </message>
    <message>
        <location filename="../styles/comparison.qml"/>
        <source>Better (10 to 50)</source>
        <translation>改善（10 至 50）</translation>
    </message>
    <message>
        <location filename="../styles/comparison.qml"/>
        <source>Much better (50 to 100)</source>
        <translation>明显改善（50 至 100）</translation>
    </message>
    <message>
        <location filename="../styles/compensation.qml"/>
        <source>Pays over 1,000 (10⁴ CNY)</source>
        <translation>支付 1,000 万元以上</translation>
    </message>
    <message>
        <location filename="../styles/compensation.qml"/>
        <source>Pays 100–1,000 (10⁴ CNY)</source>
        <translation>支付 100–1,000 万元</translation>
    </message>
    <message>
        <location filename="../styles/compensation.qml"/>
        <source>Pays 10–100 (10⁴ CNY)</source>
        <translation>支付 10–100 万元</translation>
    </message>
    <message>
        <location filename="../styles/compensation.qml"/>
        <source>About even (within 10 × 10⁴ CNY)</source>
        <translation>基本平衡（10 万元以内）</translation>
    </message>
    <message>
        <location filename="../styles/compensation.qml"/>
        <source>Owed 10–100 (10⁴ CNY)</source>
        <translation>获得补偿 10–100 万元</translation>
    </message>
    <message>
        <location filename="../styles/compensation.qml"/>
        <source>Owed 100–1,000 (10⁴ CNY)</source>
        <translation>获得补偿 100–1,000 万元</translation>
    </message>
    <message>
        <location filename="../styles/compensation.qml"/>
        <source>Owed over 1,000 (10⁴ CNY)</source>
        <translation>获得补偿 1,000 万元以上</translation>
    </message>
    <message>
        <location filename="../styles/corridor_change.qml"/>
        <source>Costlier (over 1 %)</source>
        <translation>成本增加（超过 1 %）</translation>
    </message>
    <message>
        <location filename="../styles/corridor_change.qml"/>
        <source>Cheaper (over 1 %)</source>
        <translation>成本降低（超过 1 %）</translation>
    </message>
    <message>
        <location filename="../styles/corridor_change.qml"/>
        <source>Unchanged (within 1 %)</source>
        <translation>基本不变（1 % 以内）</translation>
    </message>
    <message>
        <location filename="../styles/corridor_change.qml"/>
        <source>New corridor</source>
        <translation>新增廊道</translation>
    </message>
    <message>
        <location filename="../styles/corridor_change.qml"/>
        <source>Second corridor between the same sources</source>
        <translation>同一对源地间的第二条廊道</translation>
    </message>
    <message>
        <location filename="../styles/corridor_change.qml"/>
        <source>Lost corridor</source>
        <translation>消失廊道</translation>
    </message>
    <message>
        <location filename="../styles/corridors.qml"/>
        <source>least-cost path</source>
        <translation>最小累积阻力路径</translation>
    </message>
    <message>
        <location filename="../styles/corridors.qml"/>
        <source>costly detour</source>
        <translation>绕行成本高</translation>
    </message>
    <message>
        <location filename="../styles/habitat_quality.qml"/>
        <source>0 (poor)</source>
        <translation>0（差）</translation>
    </message>
    <message>
        <location filename="../styles/habitat_quality.qml"/>
        <source>1 (high)</source>
        <translation>1（高）</translation>
    </message>
    <message>
        <location filename="../styles/landcover_clcd.qml"/>
        <source>Cropland</source>
        <translation>耕地</translation>
    </message>
    <message>
        <location filename="../styles/landcover_clcd.qml"/>
        <source>Forest</source>
        <translation>林地</translation>
    </message>
    <message>
        <location filename="../styles/landcover_clcd.qml"/>
        <source>Shrub</source>
        <translation>灌木</translation>
    </message>
    <message>
        <location filename="../styles/landcover_clcd.qml"/>
        <source>Grassland</source>
        <translation>草地</translation>
    </message>
    <message>
        <location filename="../styles/landcover_clcd.qml"/>
        <source>Water</source>
        <translation>水体</translation>
    </message>
    <message>
        <location filename="../styles/landcover_clcd.qml"/>
        <source>Snow/Ice</source>
        <translation>冰雪</translation>
    </message>
    <message>
        <location filename="../styles/landcover_clcd.qml"/>
        <source>Barren</source>
        <translation>裸地</translation>
    </message>
    <message>
        <location filename="../styles/landcover_clcd.qml"/>
        <source>Impervious</source>
        <translation>不透水面</translation>
    </message>
    <message>
        <location filename="../styles/landcover_clcd.qml"/>
        <source>Wetland</source>
        <translation>湿地</translation>
    </message>
    <message>
        <location filename="../styles/links.qml"/>
        <source>Corridor (active)</source>
        <translation>廊道（有效）</translation>
    </message>
    <message>
        <location filename="../styles/links.qml"/>
        <source>Dropped link</source>
        <translation>舍去的连接</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>0 Background</source>
        <translation>0 背景</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>1 Branch</source>
        <translation>1 支线</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>3 Edge</source>
        <translation>3 边缘区</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>5 Perforation</source>
        <translation>5 穿孔区</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>9 Islet</source>
        <translation>9 孤岛</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>17 Core</source>
        <translation>17 核心区</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>33 Bridge</source>
        <translation>33 桥接区</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>35 Bridge in edge</source>
        <translation>35 边缘中的桥接区</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>37 Bridge in perforation</source>
        <translation>37 穿孔中的桥接区</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>65 Loop</source>
        <translation>65 环道区</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>67 Loop in edge</source>
        <translation>67 边缘中的环道区</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>69 Loop in perforation</source>
        <translation>69 穿孔中的环道区</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>100 Core-opening background</source>
        <translation>100 核心区孔洞内的背景</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>101 Branch (internal)</source>
        <translation>101 支线（内部）</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>103 Edge (internal)</source>
        <translation>103 边缘区（内部）</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>105 Perforation (internal)</source>
        <translation>105 穿孔区（内部）</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>109 Islet (internal)</source>
        <translation>109 孤岛（内部）</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>117 Core (internal)</source>
        <translation>117 核心区（内部）</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>129 Missing</source>
        <translation>129 缺失</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>133 Bridge (internal)</source>
        <translation>133 桥接区（内部）</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>135 Bridge in edge (internal)</source>
        <translation>135 边缘中的桥接区（内部）</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>137 Bridge in perforation (internal)</source>
        <translation>137 穿孔中的桥接区（内部）</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>165 Loop (internal)</source>
        <translation>165 环道区（内部）</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>167 Loop in edge (internal)</source>
        <translation>167 边缘中的环道区（内部）</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>169 Loop in perforation (internal)</source>
        <translation>169 穿孔中的环道区（内部）</translation>
    </message>
    <message>
        <location filename="../styles/mspa.qml"/>
        <location filename="../styles/mspa_transition0.qml"/>
        <source>220 Border-opening background</source>
        <translation>220 边界孔洞内的背景</translation>
    </message>
    <message>
        <location filename="../styles/patches_dpc.qml"/>
        <source>below 0.1 %</source>
        <translation>低于 0.1 %</translation>
    </message>
    <message>
        <location filename="../styles/patches_dpc.qml"/>
        <source>5 % and more</source>
        <translation>5 % 及以上</translation>
    </message>
    <message>
        <location filename="../styles/resistance.qml"/>
        <source>1 (forest)</source>
        <translation>1（林地）</translation>
    </message>
    <message>
        <location filename="../styles/resistance.qml"/>
        <source>1000 (built land)</source>
        <translation>1000（建设用地）</translation>
    </message>
    <message>
        <location filename="../styles/restoration_sites.qml"/>
        <source>In the programme</source>
        <translation>列入修复方案</translation>
    </message>
    <message>
        <location filename="../styles/restoration_sites.qml"/>
        <source>Not chosen</source>
        <translation>未入选</translation>
    </message>
</context>
</TS>
