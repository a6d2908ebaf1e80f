# Impact monitoring `/impact` and its CSV: what the recorded exchanges achieved, and how it is counted.

impact-title = Impact
impact-heading = Impact van de uitwisselingen
impact-lead = Gerekend met de tonnen die bedrijven werkelijk hebben vastgelegd op lopende en afgeronde uitwisselingen, niet met suggesties of het regioplan.
impact-filter-years = Jaar
impact-all-years = Alle jaren
impact-filter-municipalities = Gemeente van de leverancier
impact-all-municipalities = Alle gemeenten
impact-download-csv = Download de cijfers als CSV (één regel per uitwisseling en maand, met alle invoer en uitkomsten)
impact-nothing-recorded = Er zijn nog geen tonnen vastgelegd op lopende of afgeronde uitwisselingen in deze selectie. Zodra een bedrijf tonnen vastlegt, verschijnen ze hier.
impact-bad-year = Jaar: „{ $text }” is geen jaartal. Kies een jaar uit de lijst.
impact-bad-municipality = Gemeente: „{ $name }” is geen gemeente van de regio.

impact-stat-tonnes = ton niet naar verwijdering
impact-stat-eur = bespaard (verwijdering en inkoop, min transport)
impact-stat-co2 = ton CO₂ vermeden, na aftrek van transport
impact-stat-firms = { $count ->
    [one] bedrijf betrokken
   *[other] bedrijven betrokken
}
impact-stat-exchanges = { $count ->
    [one] uitwisseling met vastgelegde tonnen
   *[other] uitwisselingen met vastgelegde tonnen
}
impact-not-known = onbekend
impact-note-without-tonnes = { $count ->
    [one] Eén maand van een uitwisseling telt niet mee: die stroom is gemeten in MWh (warmte of stoom) en heeft geen tonnen.
   *[other] { $count } maanden van uitwisselingen tellen niet mee: die stromen zijn gemeten in MWh (warmte of stoom) en hebben geen tonnen.
}
impact-note-without-co2 = { $count ->
    [one] Eén maand van een uitwisseling telt niet mee in de CO₂-cijfers: de parameters van de regio noemen geen CO₂-besparing voor dat materiaal.
   *[other] { $count } maanden van uitwisselingen tellen niet mee in de CO₂-cijfers: de parameters van de regio noemen geen CO₂-besparing voor die materialen.
}

impact-states-heading = Uitwisselingen per stand (vandaag)
impact-month-heading = Tonnen per maand
impact-year-heading = Tonnen per jaar
impact-municipality-heading = Euro en CO₂ per gemeente van de leverancier
impact-material-heading = Tonnen per materiaal (hoofdstuk van de Europese afvalstoffenlijst)
impact-sector-heading = Tonnen per sector van de leverancier (NACE-sectie)
impact-chart-eur-by-municipality = Euro bespaard per gemeente
impact-chart-co2-by-municipality = Ton CO₂ vermeden per gemeente
impact-chart-tonnes = ton
impact-chart-eur = euro
impact-chart-co2 = ton CO₂

impact-col-state = Stand
impact-col-month = Maand
impact-col-year = Jaar
impact-col-municipality = Gemeente
impact-col-material = Materiaal
impact-col-sector = Sector
impact-col-tonnes = Ton
impact-col-eur = Euro bespaard
impact-col-co2 = Ton CO₂ vermeden (netto)
impact-col-exchanges = Uitwisselingen
impact-col-firms = Bedrijven
impact-total = Totaal
impact-sector-unknown = Sector onbekend
impact-material-unknown = Onbekend materiaal { $code }

impact-method-heading = Methode en bronnen
impact-method-intro = Elk cijfer op deze pagina is na te rekenen: hieronder staan de formules en elke factor met zijn waarde, eenheid en bron. De CSV bevat per uitwisseling en maand alle invoer en elke uitkomst.
impact-method-tonnes = Tonnen: wat de bedrijven per maand hebben vastgelegd op uitwisselingen die lopen of zijn afgerond. Wat op dezelfde uitwisseling in dezelfde maand is vastgelegd, wordt opgeteld.
impact-method-eur = Euro bespaard = (verwijderingskosten die de leverancier niet meer betaalt + inkoopprijs van nieuw materiaal die de ontvanger niet meer betaalt − transportkosten) per ton × tonnen. Transportkosten per ton = euro per tonkilometer × kilometers over de weg.
impact-method-co2 = CO₂ vermeden, netto = (CO₂ vermeden per ton − CO₂ van transport per tonkilometer × kilometers over de weg) × tonnen.
impact-method-distance = Kilometers over de weg = afstand hemelsbreed tussen de twee bedrijven (haversine, aardstraal 6.371,0088 km) × omrijfactor.
impact-method-units = Prijzen per m³ of per stuk worden met de factoren hieronder omgerekend naar prijzen per ton. Stromen in MWh (warmte, stoom) hebben geen tonnen en tellen niet mee.
impact-method-inputs = Verwijderingskosten en inkoopprijzen zijn de bedragen die de bedrijven zelf bij hun aanbod en hun vraag hebben opgegeven. Gemeente en sector zijn die van de leverancier.
impact-method-co2-missing = Noemen de parameters van de regio geen CO₂-besparing voor een materiaal, dan laten we dat CO₂-cijfer weg in plaats van te gokken.
impact-method-same-as-matching = De suggesties en het regioplan rekenen met dezelfde factoren.
impact-co2-none-stated = De parameters van de regio noemen geen CO₂-besparing per ton, voor geen enkel materiaal: er is daarom geen CO₂-cijfer te geven.

impact-col-factor = Factor
impact-col-value = Waarde
impact-col-unit = Eenheid
impact-col-source = Bron
impact-factor-transport = Transportkosten over de weg
impact-factor-road = Omrijfactor
impact-factor-co2-transport = CO₂-uitstoot van transport over de weg
impact-factor-tonnes-per-m3 = Gewicht per m³
impact-factor-tonnes-per-piece = Gewicht per stuk
impact-factor-co2-default = CO₂ vermeden per ton, materialen zonder eigen cijfer
impact-factor-co2-code = CO₂ vermeden per ton { $code }
impact-unit-eur-per-tkm = € per tonkilometer
impact-unit-road = km over de weg per km hemelsbreed
impact-unit-kg-per-tkm = kg CO₂ per tonkilometer
impact-unit-t-per-m3 = ton per m³
impact-unit-t-per-piece = ton per stuk
impact-unit-kg-per-t = kg CO₂ per ton
impact-source-transport = Wegvervoer met volle vracht, inclusief de lege terugrit (de waarde van de benchmarkgenerator, bench/FORMAT.md).
impact-source-road = Van hemelsbreed naar over de weg; in Nederland gewoonlijk 1,2 tot 1,4.
impact-source-co2-transport = Vrachtwagen, well-to-wheel, inclusief terugritten; gepubliceerde bandbreedte 0,06 tot 0,12 kg per tonkilometer.
impact-source-tonnes-per-m3 = Water per tankwagen: 1 ton per m³.
impact-source-tonnes-per-piece = Pallets en kratten: een europallet weegt 20 tot 25 kg.
impact-source-region = Opgegeven in de parameters van de regio (ingelezen met de regiogegevens).
