# `/cases`: the knowledge base — exchanges that were completed or declined, kept as cases.

cases-title = Casussen
cases-heading = Kennisbank: afgeronde en afgewezen uitwisselingen
cases-lead = Elke uitwisseling die is afgerond of afgewezen, blijft hier als casus bewaard: welk materiaal, tussen welke sectoren en gemeenten, hoe ver, hoeveel ton en wat het per jaar oplevert. Zoek op sector of materiaal.
cases-filter-sector = Sector (aanbieder of afnemer)
cases-filter-all-sectors = Alle sectoren
cases-filter-material = Materiaal
cases-filter-material-hint = woorden (koffiedik, karton) of een code (02 03 04, hoofdstuk 02)
cases-filter-outcome = Uitkomst
cases-filter-all-outcomes = Alle uitkomsten
cases-filter-apply = Zoeken
cases-filter-clear = Alles tonen
cases-outcome-completed = Afgerond
cases-outcome-declined = Afgewezen
cases-found-materials = Materialen gevonden voor “{ $text }”: { $codes }
cases-found-more = en { $count } meer
cases-found-no-material = Geen materiaal gevonden voor “{ $text }”. Probeer een ander woord of een afvalcode.
cases-stat-completed = { $count ->
    [one] afgeronde uitwisseling
   *[other] afgeronde uitwisselingen
}
cases-stat-declined = { $count ->
    [one] afgewezen uitwisseling
   *[other] afgewezen uitwisselingen
}
cases-stat-tonnes = ton vastgelegd bij afgeronde uitwisselingen
cases-stat-value = per jaar waard (afgeronde uitwisselingen)
cases-of-all = { $shown } van in totaal { $total } casussen passen bij deze zoekopdracht.
cases-none = Nog geen afgeronde of afgewezen uitwisselingen.
cases-none-found = Geen casussen gevonden met deze keuze.
cases-col-closed = Afgesloten
cases-col-outcome = Uitkomst
cases-col-material = Materiaal
cases-col-parties = Van aanbieder → naar afnemer
cases-col-distance = Afstand
cases-col-tonnes = Vastgelegd
cases-col-value = Waarde per jaar
cases-party = { $sector }, { $municipality }
cases-km = { $km } km
cases-tonnes = { $tonnes } t
cases-value = € { $amount }
cases-exchange-link = uitwisseling { $id }
cases-reason = Reden: “{ $reason }”
cases-reason-none = Geen reden vastgelegd.
cases-declined-by-supplier = afgewezen door de aanbieder
cases-declined-by-receiver = afgewezen door de afnemer
cases-declined-by-coordinator = afgewezen door een coördinator
cases-pages = Pagina's
cases-previous = Vorige
cases-next = Volgende
cases-bad-sector = Sector: “{ $text }” is geen NACE-sectie (kies een letter A tot en met U).
cases-bad-outcome = Uitkomst: “{ $text }” is geen uitkomst (kies afgerond of afgewezen).
cases-bad-page = Pagina: “{ $text }” is geen paginanummer.
cases-method-heading = Zo sturen casussen de matches
cases-method = Een match tussen dezelfde sectoren (van de sector van de aanbieder naar die van de afnemer) komt hoger of lager in de lijst van een bedrijf, en de uitleg bij de match zegt waarom. Het voordeel per jaar verandert niet; alleen de volgorde.
cases-method-completed-material = + { $percent } per afgeronde uitwisseling van hetzelfde materiaal (hoogstens { $most } tellen mee)
cases-method-declined-material = − { $percent } per afgewezen uitwisseling van hetzelfde materiaal (hoogstens { $most } tellen mee)
cases-method-completed-sectors = + { $percent } per afgeronde uitwisseling van ander materiaal (hoogstens { $most })
cases-method-declined-sectors = − { $percent } per afgewezen uitwisseling van ander materiaal (hoogstens { $most })
cases-method-unknown-sector = Een casus waarvan een bedrijf geen sector heeft, telt niet mee.
