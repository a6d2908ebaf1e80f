# The coordinator's region overview: `/coordinator`, with the next best calls.

coordinator-title = Regio-overzicht
coordinator-heading = De regio in één oogopslag
coordinator-lead = Bedrijven, stromen en uitwisselingen per gemeente en per sector, en de waardevolste kansen waar nog niemand mee aan de slag is.
coordinator-to-map = Bekijk deze selectie op de kaart.
coordinator-filter-municipality = Gemeente
coordinator-filter-sector = Sector
coordinator-filter-all-municipalities = Alle gemeenten
coordinator-filter-all-sectors = Alle sectoren
coordinator-filter-apply = Toon
coordinator-filter-clear = Filters wissen
coordinator-bad-municipality = Gemeente: „{ $name }” komt in de regio niet voor.
coordinator-bad-sector = Sector: „{ $text }” is geen NACE-sectie; kies een letter van A tot en met U.

coordinator-stat-firms = bedrijven
coordinator-stat-offers = reststromen
coordinator-stat-needs = vragen
coordinator-stat-outdated = verouderde stromen
coordinator-stat-open = open uitwisselingen
coordinator-stat-running = lopende uitwisselingen

coordinator-by-municipality = Per gemeente
coordinator-by-sector = Per sector
coordinator-col-municipality = Gemeente
coordinator-col-sector = Sector
coordinator-col-firms = Bedrijven
coordinator-col-offers = Reststromen
coordinator-col-needs = Vragen
coordinator-col-outdated = Verouderd
coordinator-col-open = Open
coordinator-col-running = Lopend
coordinator-total = Totaal
coordinator-sector-unknown = Sector onbekend
coordinator-counting-note = Open: voorgesteld tot en met akkoord. Uitwisselingen tellen mee bij de gemeente en de sector van de leverancier. Verouderd: terugkerende stromen die meer dan { $days } dagen niet zijn bevestigd.

coordinator-calls-heading = Volgende beste telefoontjes
coordinator-calls-lead = De waardevolste voorstellen van de matcher waarvoor nog geen uitwisseling bestaat en die niemand heeft afgewezen, gerangschikt op opbrengst per jaar.
coordinator-calls-empty = Er zijn geen openstaande voorstellen voor deze selectie.
coordinator-col-supplier = Leverancier
coordinator-col-receiver = Afnemer
coordinator-col-material = Materiaal
coordinator-col-distance = Afstand
coordinator-col-quantity = Hoeveelheid
coordinator-col-value = Opbrengst per jaar
coordinator-col-co2 = CO₂ netto per jaar
coordinator-col-action = Actie
coordinator-km = { $km } km
coordinator-eur = € { $amount }
coordinator-co2-tonnes = { $tonnes } t
coordinator-propose = Voorstellen
coordinator-propose-hint = „Voorstellen” opent de uitwisseling voor beide bedrijven en stuurt hun allebei een bericht. CO₂ netto: vermeden uitstoot min de uitstoot van het transport.
coordinator-proposed = Uitwisseling { $id } is geopend; beide bedrijven hebben bericht gekregen.
coordinator-already = Voor dit paar bestaat al uitwisseling { $id }.
coordinator-open-exchange = Bekijk de uitwisseling
