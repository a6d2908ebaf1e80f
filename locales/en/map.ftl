# The coordinator's map of the region: `/map` and `/map.svg`.

map-title = Map of the region
map-heading = The region on the map
map-label = Map of the region with firms, exchanges and collection rounds
map-zoom = Zoom to
map-whole-region = The whole region
map-material = Material
map-material-example = for example cardboard, coffee grounds or waste heat
map-chapter = Chapter of the List of Waste
map-all-chapters = All chapters
map-layers = Layers
map-layer-firms = Firms
map-layer-exchanges = Exchanges
map-layer-rounds = Collection rounds
map-apply = Show
map-reset = Show everything
map-bad-municipality = Zoom to: “{ $name }” is not a municipality of the region.
map-bad-chapter = Chapter: “{ $text }” is not a chapter of the List of Waste (01 to 20).
map-material-not-found = Material: nothing was found for “{ $text }”; the map shows every firm.
map-highlighted = { $count ->
    [one] One firm offers or needs:
   *[other] { $count } firms offer or need:
}
map-firms-drawn = { $drawn } of { $total } firms in view drawn
map-download = Download as SVG
map-firm-title = { $name } — { $sector } ({ $municipality })
map-exchange-title = Exchange { $id } ({ $running ->
    [yes] running
   *[other] open
}): { $supplier } → { $receiver }, { $material }, { $amount }
map-exchange-recorded = { $tonnes } t recorded
map-round-title = Collection round to { $receiver }: { $members ->
    [one] one firm
   *[other] { $members } firms
}, { $amount }, { $km } km per round
map-legend = Legend
map-legend-other-firms = Other firms
map-legend-open = Open exchange (proposed up to agreed)
map-legend-running = Running exchange
map-legend-round = Collection round
map-legend-centre = Centre of a municipality
map-legend-width = The thicker the line, the more tonnes a year: recorded tonnes for a running exchange, otherwise what both sides can handle a year. Point at a dot or line for its name and figures.
