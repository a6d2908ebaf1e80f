# The coordinator's map of the region: `/map` and `/map.svg`.

map-title = Kaart van de regio
map-heading = De regio op de kaart
map-label = Kaart van de regio met bedrijven, uitwisselingen en inzamelrondes
map-zoom = Inzoomen op
map-whole-region = De hele regio
map-material = Materiaal
map-material-example = bijvoorbeeld karton, koffiedik of restwarmte
map-chapter = Hoofdstuk van de afvalstoffenlijst
map-all-chapters = Alle hoofdstukken
map-layers = Lagen
map-layer-firms = Bedrijven
map-layer-exchanges = Uitwisselingen
map-layer-rounds = Inzamelrondes
map-apply = Toon
map-reset = Alles tonen
map-bad-municipality = Inzoomen op: „{ $name }” is geen gemeente van de regio.
map-bad-chapter = Hoofdstuk: „{ $text }” is geen hoofdstuk van de afvalstoffenlijst (01 tot en met 20).
map-material-not-found = Materiaal: bij „{ $text }” is geen materiaal gevonden; de kaart toont alle bedrijven.
map-highlighted = { $count ->
    [one] Eén bedrijf heeft aanbod of vraag van:
   *[other] { $count } bedrijven hebben aanbod of vraag van:
}
map-firms-drawn = { $drawn } van { $total } bedrijven in beeld getekend
map-download = Download als SVG
map-firm-title = { $name } — { $sector } ({ $municipality })
map-exchange-title = Uitwisseling { $id } ({ $running ->
    [yes] loopt
   *[other] open
}): { $supplier } → { $receiver }, { $material }, { $amount }
map-exchange-recorded = { $tonnes } t geregistreerd
map-round-title = Inzamelronde naar { $receiver }: { $members ->
    [one] één bedrijf
   *[other] { $members } bedrijven
}, { $amount }, { $km } km per ronde
map-legend = Legenda
map-legend-other-firms = Andere bedrijven
map-legend-open = Open uitwisseling (voorgesteld tot en met akkoord)
map-legend-running = Lopende uitwisseling
map-legend-round = Inzamelronde
map-legend-centre = Centrum van een gemeente
map-legend-width = Hoe dikker de lijn, hoe meer ton per jaar: bij een lopende uitwisseling de geregistreerde tonnen, anders wat beide kanten per jaar aankunnen. Wijs een stip of lijn aan voor de naam en de cijfers.
