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

# De technische fit en de grensprocedure van een match (issue #11).
matches-fit-unknown = onbekend
matches-reason-fit = technische fit { $score }: materiaalklasse { $class }, specificaties { $spec }, omschrijving { $text }, eerdere uitwisselingen { $history }
matches-reason-fit-second-pass = ; gehalveerd: het materiaal kwam al uit mechanische bewerking en zou die opnieuw ondergaan
matches-country = { $code ->
    [NL] Nederland
    [BE] België
   *[DE] Duitsland
}
matches-border-route = over de grens van { $from } naar { $to }
matches-border-same-country = hetzelfde land, geen overbrengingsprocedure
matches-border-not-waste = geen afvalstof ({ $status }): geen procedure voor afvaloverbrenging
matches-border-animal-by-product = dierlijk bijproduct van categorie { $category }: eigen regels, met een TRACES-handelsdocument
matches-border-refused = verwijdering over de grens wordt geweigerd
matches-border-notification = vooraf schriftelijke kennisgeving en toestemming nodig ({ $cause ->
    [hazardous] gevaarlijk
    [unlisted] niet op de groene lijst
    [mixed] een mengsel
    [mixed-municipal] gemengd stedelijk afval
    [status-unknown] juridische status onbekend
   *[treatment-unknown] verwerking bij de ontvanger onbekend
}): reken op ongeveer { $days } dagen na een volledig dossier voor de eerste vracht
matches-border-green = groene lijst ({ $entry }) voor nuttige toepassing: toegestaan met het bijlage VII-document
matches-legal-source = bron: { $source }

# Waarom een paar niet wordt voorgesteld (de harde regels, de grens en de minimale fit).
matches-not-suggested-class = de ontvanger neemt de materiaalklasse { $class } niet af
matches-not-suggested-abp = dierlijk bijproduct van categorie { $category }, en de ontvanger heeft er geen erkenning voor
matches-not-suggested-feed = niet geschikt als diervoeder of voedsel ({ $cause ->
    [waste] als afval opgegeven
    [not-food-grade] niet van levensmiddelenkwaliteit
    [class] dit soort materiaal is dat nooit
    [catering] keukenafval is als diervoeder verboden
    [abp] dierlijk bijproduct van categorie 1 of 2
   *[origin-unknown] de herkomst als levensmiddel is niet opgegeven
})
matches-not-suggested-spec = { $property } is { $value }, buiten de harde grenzen van de ontvanger
matches-not-suggested-disposal-abroad = verwijdering over de grens van { $from } naar { $to } wordt geweigerd
matches-not-suggested-low-fit = de technische fit is te laag: { $fit } (minstens { $min } nodig)
matches-not-suggested-same-firm = beide stromen zijn van uw eigen bedrijf
matches-not-suggested-code = de ontvanger accepteert deze afvalcode niet
matches-not-suggested-hazardous = gevaarlijk afval, en de ontvanger heeft er geen vergunning voor
matches-not-suggested-unit = aanbod en vraag zijn in verschillende eenheden opgegeven
matches-not-suggested-not-available = het aanbod is niet meer beschikbaar
matches-not-suggested-too-far = { $road } km over de weg, verder dan de { $max } km die de ontvanger wil afleggen
matches-not-suggested-no-benefit = het vervoer kost meer dan de uitwisseling oplevert
matches-not-suggested-min-lot = { $quantity } per jaar is minder dan de kleinste partij van { $min } (samen met anderen in een inzamelronde kan het wel)
matches-not-suggested-hidden-class = de materiaalklasse van dit aanbod hoort niet bij de klassen die uw vraag accepteert
matches-not-suggested-hidden-abp = dit aanbod is een dierlijk bijproduct van een categorie waarvoor u geen erkenning heeft opgegeven
matches-not-suggested-hidden-feed = volgens de aanbieder niet geschikt als diervoeder of voedsel, waarvoor uw vraag het bestemt
matches-not-suggested-hidden-spec = { $property } van dit aanbod valt buiten uw harde grenzen
matches-property = { $property ->
    [moisture] vochtgehalte (%)
    [foreign-matter] verontreiniging (%)
    [calorific-value] stookwaarde (MJ/kg)
    [particle-size] deeltjesgrootte (mm)
    [temperature] temperatuur (°C)
    [ash] as (%)
    [chlorine] chloor (%)
   *[fat] vet (%)
}
matches-anonymous-firm = Anonieme firma
matches-anonymous-receiver = een anonieme firma
