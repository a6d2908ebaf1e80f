# The market (`/`, `/market`), listing pages and saved searches.

market-title = Markt
market-heading = Reststromen en vragen in de regio
market-lead = Zoek in alle aangeboden reststromen en gevraagde grondstoffen die u mag zien. Bij een anonieme stroom ziet u de sector en gemeente, niet de bedrijfsnaam; stromen alleen voor de coördinator staan hier niet.
market-firms-link = Alle bedrijven per gemeente
market-field-words = Zoekwoorden
market-words-hint = bijvoorbeeld koffiedik, karton, pallets of 15 01
market-field-kind = Soort
market-kind-both = Aanbod en vraag
market-kind-offers = Aanbod (reststromen)
market-kind-needs = Vraag (grondstoffen)
market-field-chapter = Materiaalgroep
market-chapter-any = Alle materialen
market-chapter-resources = Energie, water en CO₂
market-field-municipality = Gemeente
market-municipality-any = Alle gemeenten
market-field-distance = Afstand vanaf mijn bedrijf (km over de weg)
market-distance-login = Alleen voor ingelogde bedrijven.
market-field-min = Hoeveelheid per jaar, vanaf
market-field-max = Hoeveelheid per jaar, tot en met
market-quantity-hint = in de eenheid van de stroom (t, m³, stuks of MWh)
market-search = Zoeken
market-clear = Alles wissen
market-found = { $count ->
    [0] Geen stromen gevonden.
    [one] 1 stroom gevonden.
   *[other] { $count } stromen gevonden.
}
market-empty = Niets gevonden. Probeer minder of andere woorden, of haal een filter weg.
market-offer = Aanbod
market-need = Vraag
market-anonymous-firm = anonieme firma
market-own = uw eigen stroom
market-km = { $km } km over de weg
market-accepts = neemt:
market-open = Bekijken
market-pages = Pagina's
market-previous = ← Vorige
market-next = Volgende →
market-refused = Pas de gemarkeerde velden aan; de markt toont dan weer resultaten.
market-bad-number = { $field }: "{ $text }" is geen getal; typ bijvoorbeeld 12 of 2,5
market-negative = { $field }: mag niet kleiner dan nul zijn
market-not-positive = { $field }: moet groter dan nul zijn
market-min-above-max = { $field }: is kleiner dan de hoeveelheid "vanaf"
market-unknown-kind = { $field }: "{ $text }" is geen soort; kies aanbod, vraag of beide
market-unknown-chapter = { $field }: "{ $text }" is geen materiaalgroep; kies 01 tot en met 20 of energie, water en CO₂
market-unknown-municipality = { $field }: "{ $text }" komt in deze regio niet voor
market-distance-without-firm = { $field }: log in als bedrijf om vanaf uw bedrijf te meten
market-bad-page = { $field }: "{ $text }" is geen paginanummer; gebruik 1, 2, 3, …
market-field-page = Pagina

market-saved-heading = Mijn bewaarde zoekopdrachten
market-saved-none = U heeft nog geen zoekopdracht bewaard.
market-save-name = Naam van deze zoekopdracht
market-save = Zoekopdracht bewaren
market-save-hint = U krijgt bericht (op uw overzicht en per e-mail) zodra een nieuwe stroom past.
market-saved-open = Openen
market-saved-delete = Verwijderen
market-saved-all = alles
market-save-no-name = Naam: geef de zoekopdracht een naam
market-save-too-long = Naam: hooguit { $max } tekens
market-save-too-many = U bewaart al { $max } zoekopdrachten; verwijder er eerst een.

market-listing-offer-title = Aanbod: { $material }
market-listing-need-title = Vraag: { $material }
market-listing-material = Materiaal
market-listing-accepts = Neemt
market-listing-quantity = Hoeveelheid
market-listing-regularity = Hoe vaak
market-listing-municipality = Gemeente
market-listing-firm = Bedrijf
market-listing-sector = Sector
market-listing-available = Beschikbaar
market-listing-available-from = vanaf { $from }
market-listing-available-until = tot en met { $until }
market-listing-available-always = direct beschikbaar, geen einddatum
market-listing-pickup-terms = Ophaalvoorwaarden
market-listing-delivery-terms = Leveringsvoorwaarden
market-listing-reach = Haalt op tot
market-listing-description = Omschrijving
market-listing-distance = Afstand
market-listing-photos = Foto's
market-listing-no-photos = Nog geen foto's bij deze stroom.
market-listing-interest-heading = Interesse / contact
market-listing-interest-lead = Kies uw eigen stroom die hierbij past; beide bedrijven zien elkaars gegevens pas als beide interesse tonen.
market-listing-interest = Interesse
market-listing-with = met uw { $kind ->
    [offer] aanbod
   *[need] vraag
}: { $what }
market-listing-no-pair-offer = U heeft nog geen vraag die dit materiaal neemt.
market-listing-no-pair-need = U heeft nog geen aanbod van een materiaal dat deze vraag neemt.
market-listing-add-need = Vraag toevoegen
market-listing-add-offer = Aanbod toevoegen
market-listing-login = Log in als bedrijf om interesse te tonen.
market-listing-own = Dit is uw eigen stroom.
market-listing-edit = Wijzigen
market-listing-back = ← Terug naar de markt
market-listing-paused = gepauzeerd

market-notice-title = Nieuw op de markt: "{ $name }"
market-notice-body = Een nieuwe { $kind ->
    [offer] reststroom
   *[need] vraag
} past bij uw bewaarde zoekopdracht "{ $name }": { $material }.
market-notice-open = Bekijk de stroom

# "Past dit bij uw stromen?" op een advertentie: elk eigen stroom met het oordeel van de matcher.
market-fit-heading = Past dit bij uw stromen?
market-fit-lead = Zo beoordeelt de matcher dit paar met elk van uw eigen stromen, net als op Mijn matches.
market-fit-no-needs = U heeft geen actieve vraag om dit aanbod mee te vergelijken.
market-fit-no-offers = U heeft geen actief aanbod om deze vraag mee te vergelijken.
market-fit-own-offer = Uw aanbod: { $what }
market-fit-own-need = Uw vraag: { $what }
market-fit-suggested = Wordt voorgesteld
market-fit-not-suggested = Wordt niet voorgesteld
market-fit-code-only = alleen op afvalcode beoordeeld: geen materiaalklasse of kenmerken opgegeven
market-fit-benefit = netto voordeel € { $amount } per jaar
market-fit-open-exchange = Naar de uitwisseling
market-fit-open-matches = Bekijk het bij uw matches
market-fit-their-lot = uw hoeveelheid haalt de kleinste partij van de ontvanger niet (samen met anderen in een inzamelronde misschien wel)
market-fit-declined = u heeft dit paar eerder afgewezen („niet voor ons”)
market-fit-left-out = een van beide stromen doet niet mee aan het matchen: al te lang niet bevestigd
market-fit-outranked = het paar kan (netto voordeel € { $amount } per jaar), maar andere partijen passen beter en staan voor bij uw matches
market-listing-all-refused = Geen van uw stromen mag met deze stroom worden gekoppeld; hierboven staat waarom.
