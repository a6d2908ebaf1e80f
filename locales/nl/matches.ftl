# `/matches`: the best counterparts of each of the firm's flows, and collection rounds.

matches-title = Mijn matches
matches-intro = Bedrijven die hun stroom openbaar maakten, ziet u met naam; de andere blijven anoniem (sector, gemeente, afstand). Contactgegevens ziet u pas als u beiden interesse toont.
matches-no-flows = U heeft nog geen stromen.
matches-add-offer = Voeg een reststroom toe
matches-no-firm = Dit account hoort niet bij een bedrijf, dus er zijn geen matches.
matches-your-offer = Uw reststroom: { $flow }
matches-your-need = Uw vraag: { $flow }
matches-none = Nog geen passende partij in de regio.
matches-sector-in = { $sector } in { $municipality }
matches-benefit = € { $amount } per jaar
matches-co2 = CO₂ { $tonnes } t/jaar netto vermeden
matches-interested = Interesse
matches-not-for-us-because = Niet voor ons, omdat
matches-not-for-us = Niet voor ons
matches-not-for-us-no-reason = Reden: vertel kort waarom deze match niet past.
matches-not-for-us-too-long = Reden: gebruik hoogstens { $max } tekens.

matches-pool-heading = Samen ophalen:
matches-pool-round = { $firms } kleine bedrijven leveren samen { $quantity } { $unit }/jaar aan { $receiver }, op één ophaalronde van { $km } km;
matches-pool-your-share = uw deel van de transportkosten: € { $cost } per jaar.
matches-pool-round-cost = transportkosten van de ronde: € { $cost } per jaar.

matches-reason-accepts = de ontvanger neemt { $material }
matches-reason-accepts-hazardous = de ontvanger neemt { $material } en heeft een vergunning voor gevaarlijk afval
matches-reason-distance = { $km } km over de weg (ontvanger haalt op tot { $max } km)
matches-reason-quantity = { $fits } { $unit }/jaar past (aangeboden { $offered }, gevraagd { $needed })
matches-reason-money = € { $disposal } afvoer bespaard + € { $virgin } nieuwe grondstof vervangen − € { $transport } transport = € { $benefit } per { $unit }
matches-reason-co2 = CO₂: { $avoided } t/jaar vermeden, { $transport } t/jaar uitgestoten door transport

# What earlier exchanges between the same sectors add to a match (the knowledge base).
matches-reason-worked-before-material = werkte eerder: { $count ->
    [one] 1 afgeronde uitwisseling
   *[other] { $count } afgeronde uitwisselingen
} van dit materiaal tussen deze sectoren ({ $supplier } → { $receiver }); daarom hoger gerangschikt (+{ $percent })
matches-reason-worked-before-sectors = werkte eerder: { $count ->
    [one] 1 afgeronde uitwisseling
   *[other] { $count } afgeronde uitwisselingen
} van ander materiaal tussen deze sectoren ({ $supplier } → { $receiver }); daarom hoger gerangschikt (+{ $percent })
matches-reason-declined-before-material = eerder afgewezen: { $reasons } — { $count ->
    [one] 1 keer
   *[other] { $count } keer
} voor dit materiaal tussen deze sectoren ({ $supplier } → { $receiver }); daarom lager gerangschikt (−{ $percent })
matches-reason-declined-before-sectors = eerder afgewezen voor ander materiaal tussen deze sectoren ({ $supplier } → { $receiver }): { $reasons } — { $count ->
    [one] 1 keer
   *[other] { $count } keer
}; daarom lager gerangschikt (−{ $percent })
matches-reason-no-reason-given = zonder opgegeven reden
matches-reason-reason-given = om een opgegeven reden

# The sector of an anonymous firm: the NACE section of its code.
matches-sector = { $section ->
    [A] Landbouw, bosbouw en visserij
    [B] Delfstoffenwinning
    [C] Industrie
    [D] Energievoorziening
    [E] Water, afval en recycling
    [F] Bouw en installatie
    [G] Handel en autoreparatie
    [H] Vervoer en opslag
    [I] Horeca
    [J] Informatie en communicatie
    [K] Financiële dienstverlening
    [L] Onroerend goed
    [M] Advies en onderzoek
    [N] Zakelijke dienstverlening
    [O] Overheid
    [P] Onderwijs
    [Q] Zorg en welzijn
    [R] Cultuur, sport en recreatie
    [S] Overige dienstverlening
    [T] Huishoudens
    [U] Internationale organisaties
   *[other] Sector onbekend
}
matches-existing-exchange = Hiervoor loopt al een uitwisseling: { $stage }.
matches-open-exchange = Naar de uitwisseling
matches-anonymous-firm = Anonieme firma
matches-anonymous-receiver = een anonieme firma
