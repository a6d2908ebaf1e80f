# Notices to a firm (dashboard and mail) and the dashboard `/dashboard`.

notifications-sector = { $section ->
    [A] Landbouw
    [B] Delfstoffenwinning
    [C] Industrie
    [D] Energievoorziening
    [E] Water, afval en recycling
    [F] Bouw en installatie
    [G] Handel
    [H] Vervoer en opslag
    [I] Horeca en recreatie
    [J] Informatie en communicatie
    [K] Zakelijke dienstverlening
    [L] Zakelijke dienstverlening
    [M] Zakelijke dienstverlening
    [N] Zakelijke dienstverlening
    [O] Overheid en onderwijs
    [P] Overheid en onderwijs
    [Q] Zorg
    [R] Cultuur, sport en recreatie
    [none] onbekend
   *[other] Overige dienstverlening
}
notifications-stage = { $stage ->
    [proposed] voorgesteld
    [interested] interesse van één kant
    [introduced] voorgesteld aan elkaar
    [negotiating] in onderhandeling
    [agreed] akkoord
    [running] loopt
    [completed] afgerond
    [declined] afgewezen
   *[other] onbekend
}

notifications-new-match-title = { $kind ->
    [offer] Nieuwe afnemer voor uw reststroom
   *[need] Nieuwe leverancier voor uw vraag
}
notifications-new-match-body = { $kind ->
    [offer] Een bedrijf in { $municipality } (sector: { $sector }) kan uw reststroom { $material } gebruiken. Samen levert dat naar schatting € { $euro } per jaar op.
   *[need] Een bedrijf in { $municipality } (sector: { $sector }) heeft { $material } dat bij uw vraag past. Samen levert dat naar schatting € { $euro } per jaar op.
}
notifications-interested-title = De andere partij heeft interesse
notifications-interested-body = De andere partij heeft interesse in uitwisseling { $id }. Toont u ook interesse, dan ziet u elkaars naam en contactgegevens.
notifications-introduced-title = U bent aan elkaar voorgesteld
notifications-introduced-body = Beide partijen hebben interesse in uitwisseling { $id }. U ziet nu elkaars naam en contactgegevens en kunt contact opnemen.
notifications-step-title = Uitwisseling { $id }: { $stage }
notifications-step-body = Uitwisseling { $id } staat nu op „{ $stage }”.
notifications-your-turn-title = Uitwisseling { $id }: u bent aan de beurt
notifications-your-turn-body = { $firm } heeft { $step ->
    [agree] het akkoord
    [start] de start
   *[complete] de afronding
} van uitwisseling { $id } bevestigd. Nu bent u aan de beurt om { $step ->
    [agree] het akkoord
    [start] de start
   *[complete] de afronding
} te bevestigen.
notifications-message-title = Uitwisseling { $id }: nieuw bericht
notifications-message-body = { $from } stuurde een bericht in uitwisseling { $id }. Lees en beantwoord het op de pagina van de uitwisseling.
notifications-message-from-coordinator = De coördinator
notifications-mail-message-wrote = { $firm } schreef:
notifications-partnership-title = Uitnodiging voor een partnerschap
notifications-partnership-body = De regiocoördinator nodigt uw bedrijf uit voor een partnerschap met bedrijven bij u in de buurt: { $kind ->
    [joint-purchasing] samen inkopen
    [shared-logistics] samen vervoeren en opslaan
    [training] samen personeel opleiden
    [marketing] samen op de markt brengen
    [shared-collection] samen reststromen laten inzamelen
   *[other] samenwerken
}. Bekijk de uitnodiging en laat weten of u meedoet.

notifications-mail-greeting = Goedendag,
notifications-mail-open = Bekijk het in Symbiose: { $path }
notifications-mail-why = U ontvangt dit bericht omdat uw bedrijf in Symbiose staat. Al uw berichten staan ook op uw overzicht ({ $path }).

notifications-title = Overzicht
notifications-heading = Overzicht van { $firm }
notifications-notices = Berichten
notifications-unread = { $count ->
    [0] Geen nieuwe berichten.
    [one] 1 nieuw bericht.
   *[other] { $count } nieuwe berichten.
}
notifications-new = nieuw
notifications-received = Ontvangen { $at }
notifications-open-exchange = Naar de uitwisseling
notifications-open-matches = Naar mijn matches
notifications-open-partnership = Naar de uitnodiging
notifications-mark-read = Gelezen
notifications-mark-all-read = Alles gelezen
notifications-empty = Er zijn nog geen berichten. Zodra een ander bedrijf bij een van uw stromen past, of de andere partij een uitwisseling verder brengt, ziet u dat hier.
notifications-bad-id = bericht: „{ $text }” is geen berichtnummer.
notifications-no-firm = Dit overzicht is voor bedrijven. Uw account hoort niet bij een bedrijf, dus er zijn geen berichten of stromen om te tonen.

notifications-summary = Uw bedrijf in het kort
notifications-offers = { $count ->
    [one] 1 reststroom
   *[other] { $count } reststromen
}
notifications-needs = { $count ->
    [one] 1 vraag
   *[other] { $count } vragen
}
notifications-to-confirm = { $count ->
    [0] Al uw stromen zijn actueel.
    [one] 1 stroom moet opnieuw bevestigd worden.
   *[other] { $count } stromen moeten opnieuw bevestigd worden.
}
notifications-confirm-link = Bevestig ze bij mijn stromen
notifications-no-flows = U heeft nog geen stromen. Voeg een reststroom of een vraag toe; dan zoekt Symbiose passende bedrijven in de regio.
notifications-exchanges = Uitwisselingen
notifications-no-exchanges = Nog geen uitwisselingen. Toon interesse bij een match om er een te beginnen.
notifications-exchanges-in-stage = { $stage }: { $count }
notifications-link-flows = Mijn stromen
notifications-link-matches = Mijn matches
notifications-link-exchanges = Mijn uitwisselingen
