# The region plan (`/plan`), its loops, chains and pools, and collection rounds (`/rounds/{id}`).

plan-title = Regioplan
plan-lead = Het beste plan voor de hele regio: welke reststroom naar welke afnemer gaat, zodat de regio samen zoveel mogelijk bespaart. Het plan rekent met de actuele stromen van alle bedrijven; gepauzeerde en lang niet bevestigde stromen tellen niet mee.
plan-nav = Onderdelen van het regioplan
plan-nav-plan = Plan
plan-nav-loops = Kringlopen en ketens
plan-nav-pools = Inzamelrondes
plan-run = Bereken het plan
plan-run-again = Bereken het plan opnieuw
plan-already-running = Er loopt al een berekening; hieronder ziet u hoe ver die is.
plan-failed = De laatste berekening is mislukt. Probeer het opnieuw; lukt het dan nog niet, dan staat de oorzaak in het logboek van de server.
plan-none-yet = Er is nog geen plan berekend sinds de start van de server.
plan-running = Het plan wordt berekend… ({ $seconds } s)
plan-running-note = De berekening loopt op de achtergrond; u kunt intussen gewoon verder werken. Deze pagina ververst zichzelf.
plan-stage = { $stage ->
    [loading] Gegevens laden
    [candidates] Mogelijke koppelingen zoeken
    [solving] Het beste plan berekenen
    [loops] Kringlopen en ketens zoeken
    [pools] Inzamelrondes zoeken
    [purchasing] Inkoopgroepen zoeken
    [clusters] Clusters zoeken
   *[done] Klaar
}
plan-computed = Berekend op { $at } in { $seconds } s, met { $firms } bedrijven, { $offers } reststromen en { $needs } vragen (berekening { $run }).
plan-euro-per-year = € { $euro }/jaar
plan-co2-per-year = { $tonnes } t CO₂/jaar
plan-km = { $km } km
plan-total-benefit = netto besparing
plan-total-tonnes = hergebruikt
plan-total-co2 = minder uitstoot
plan-total-exchanges = uitwisselingen
plan-co2-detail = CO₂: { $avoided } t/jaar vermeden door hergebruik, { $transport } t/jaar uitgestoten door transport.
plan-also-moved = Daarnaast { $quantities }.
plan-found-loops = { $loops } kringlopen en { $chains } ketens
plan-found-pools = { $count ->
    [one] 1 inzamelronde
   *[other] { $count } inzamelrondes
}
plan-found-purchasing = { $count ->
    [one] 1 inkoopgroep
   *[other] { $count } inkoopgroepen
}
plan-found-clusters = { $count ->
    [one] 1 cluster van kleine bedrijven
   *[other] { $count } clusters van kleine bedrijven
}
plan-reality = Plan en werkelijkheid
plan-realised = { $share } van de waarde van het plan loopt al: € { $realised } van € { $total } per jaar.
plan-reality-none = Nog geen van de geplande uitwisselingen is in gang gezet.
plan-running-outside = { $count ->
    [one] 1 lopende uitwisseling buiten het plan
   *[other] { $count } lopende uitwisselingen buiten het plan
}
plan-exchange-number = Uitwisseling { $id }
plan-exchanges = { $count ->
    [one] 1 geplande uitwisseling
   *[other] { $count } geplande uitwisselingen
}
plan-exchanges-none = Het plan vindt geen enkele uitwisseling die iets oplevert.
plan-column-stage = Stand
plan-column-planned-exchanges = Geplande uitwisselingen
plan-column-planned-value = Waarde volgens plan
plan-column-supplier = Aanbieder
plan-column-material = Materiaal
plan-column-receiver = Afnemer
plan-column-distance = Afstand
plan-column-quantity = Hoeveelheid
plan-column-benefit = Besparing
plan-column-exchange = Uitwisseling
plan-column-cost-share = Aandeel in de kosten
plan-pages = Pagina's van het plan
plan-previous = ← Vorige
plan-next = Volgende →
plan-bad-page = pagina: "{ $text }" is geen paginanummer; gebruik 1, 2, 3, …

plan-proposals-no-run = Bereken eerst het plan op de pagina Plan; daarna staan de voorstellen hier.
plan-stale-run = Het plan is intussen opnieuw berekend. Bekijk het voorstel opnieuw en kies dan nogmaals.
plan-loops-title = Kringlopen en ketens
plan-loops-lead = Bedrijven waarvan de reststroom de grondstof van de volgende is. Eén knop maakt van alle schakels uitwisselingen; beide bedrijven van elke schakel krijgen bericht. Schakels die al een uitwisseling hebben, blijven zoals ze zijn.
plan-loops = { $count ->
    [one] 1 kringloop
   *[other] { $count } kringlopen
}
plan-loops-none = Geen kringlopen gevonden.
plan-chains = { $count ->
    [one] 1 keten
   *[other] { $count } ketens
}
plan-chains-none = Geen ketens gevonden.
plan-loop-heading = Kringloop { $number }: { $firms } bedrijven, samen € { $euro }/jaar
plan-chain-heading = Keten { $number }: { $firms } bedrijven, samen € { $euro }/jaar
plan-all-links-exchanges = Alle schakels zijn al uitwisselingen.
plan-open-links = { $count ->
    [one] Maak de uitwisseling
   *[other] Maak de { $count } uitwisselingen
}
plan-opened = { $created ->
    [one] 1 uitwisseling gemaakt
   *[other] { $created } uitwisselingen gemaakt
}; { $existing ->
    [one] 1 bestond al.
   *[other] { $existing } bestonden al.
}
plan-opened-missing = { $count ->
    [one] 1 schakel bestaat niet meer (een stroom is verwijderd); bereken het plan opnieuw.
   *[other] { $count } schakels bestaan niet meer (een stroom is verwijderd); bereken het plan opnieuw.
}
plan-note-proposal = Voorgesteld door de regiocoördinator als schakel van een { $kind ->
    [loop] kringloop
   *[chain] keten
} van { $firms } bedrijven.
plan-note-planned = Voorgesteld door de regiocoördinator als uitwisseling uit het regioplan.
plan-planned-gone = Een stroom van deze uitwisseling bestaat niet meer. Bereken het plan opnieuw.
plan-propose-planned = Voorstellen
plan-propose-planned-label = Stel deze uitwisseling voor aan beide bedrijven
plan-note-round = Voorgesteld door de regiocoördinator als deel van inzamelronde { $id } (/rounds/{ $id }).

plan-pools-title = Inzamelrondes
plan-pools-lead = Kleine bedrijven die samen de kleinste partij van een afnemer halen, op één ronde van de vrachtwagen. Eén knop maakt er een inzamelronde van, met een uitwisseling per deelnemer; iedere deelnemer en de afnemer krijgen bericht.
plan-pools-none = Geen inzamelrondes gevonden.
plan-pool-heading = Inzamelronde { $number }: { $members } deelnemers, samen € { $euro }/jaar
plan-pool-receiver = Afnemer:
plan-pool-facts = Kleinste partij { $lot }; samen { $together }; één ronde is { $km } km; vervoer € { $cost }/jaar.
plan-pool-has-round = Inzamelronde { $id } is al gevormd
plan-form-round = Vorm de inzamelronde
plan-pool-gone = Een stroom van deze inzamelronde bestaat niet meer. Bereken het plan opnieuw.
plan-purchasing = { $count ->
    [one] 1 inkoopgroep
   *[other] { $count } inkoopgroepen
}
plan-purchasing-lead = Kleine bedrijven dicht bij elkaar die hetzelfde nodig hebben: ze kunnen het samen inkopen of ophalen.
plan-purchasing-none = Geen inkoopgroepen gevonden.
plan-purchasing-heading = Inkoopgroep { $number }: { $firms } bedrijven
plan-purchasing-facts = Samen { $together }; elke twee bedrijven liggen binnen { $km } km van elkaar.

plan-round-title = Inzamelronde { $id }
plan-round-state = Stand: { $state ->
   *[proposed] voorgesteld
}
plan-round-formed = gevormd op { $at }
plan-round-lead = Eén vrachtwagen haalt de reststromen van de deelnemers op en brengt ze samen naar de afnemer. De vervoerskosten worden verdeeld naar hoeveelheid. Bedrijven ziet u als sector en gemeente, tot beide kanten van een uitwisseling interesse hebben getoond.
plan-round-receiver = Afnemer:
plan-round-your-firm = Uw bedrijf
plan-round-total = { $count ->
    [one] Samen (1 deelnemer)
   *[other] Samen ({ $count } deelnemers)
}
