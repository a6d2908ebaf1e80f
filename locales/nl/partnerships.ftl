# Partnerships of small firms (`/partnerships`): suggested clusters, invitations, members, activities.

partnerships-kind = { $kind ->
    [joint-purchasing] Gezamenlijke inkoop
    [shared-logistics] Gedeelde logistiek
    [training] Samen opleiden
    [marketing] Gezamenlijke marketing
    [shared-collection] Gezamenlijke inzameling
   *[other] Samenwerking
}
partnerships-state = { $state ->
    [invited] Uitgenodigd
    [accepted] Doet mee
    [declined] Afgewezen
   *[other] Onbekend
}

partnerships-title = Partnerschappen
partnerships-lead = Kleine bedrijven die samen inkopen, vervoeren, opleiden, op de markt brengen of hun reststromen laten inzamelen, krijgen de schaal van een groot bedrijf. Start een partnerschap vanuit een voorgesteld cluster, nodig bedrijven uit en houd bij wat het partnerschap doet.
partnerships-running = Lopende partnerschappen ({ $count })
partnerships-none-yet = Nog geen partnerschappen. Start er een vanuit een voorgesteld cluster hieronder.
partnerships-column-name = Naam
partnerships-column-kind = Soort
partnerships-column-accepted = Doen mee
partnerships-column-invited = Uitgenodigd
partnerships-column-declined = Afgewezen
partnerships-column-started = Gestart
partnerships-column-firm = Bedrijf
partnerships-column-sector = Sector
partnerships-column-municipality = Gemeente
partnerships-column-employees = Medewerkers
partnerships-column-state = Status
partnerships-column-invited-at = Uitgenodigd op
partnerships-column-answered-at = Geantwoord op
partnerships-started = gestart op { $day }

partnerships-firm-lead = Hier staan de partnerschappen waarvoor de regiocoördinator uw bedrijf heeft uitgenodigd en die waaraan u meedoet. Samen met bedrijven in de buurt inkopen, vervoeren of opleiden geeft u de schaal van een groot bedrijf.
partnerships-declined-done = U heeft de uitnodiging afgewezen. De coördinator ziet uw antwoord.
partnerships-firm-none = U bent nog niet uitgenodigd voor een partnerschap. Zodra de regiocoördinator u uitnodigt, ziet u dat hier en op uw overzicht.
partnerships-firm-members = { $count ->
    [0] nog geen deelnemers
    [one] 1 bedrijf doet mee
   *[other] { $count } bedrijven doen mee
}

partnerships-clusters = Voorgestelde clusters ({ $count })
partnerships-clusters-lead = Kleine bedrijven (tot 50 medewerkers) dicht bij elkaar die dezelfde grondstof nodig hebben of in dezelfde sector werken, zoals de matcher ze nu in de gegevens van de regio vindt. Alleen coördinatoren zien deze voorstellen en de namen.
partnerships-clusters-none = De matcher vindt op dit moment geen clusters van kleine bedrijven in de regio.
partnerships-cluster-pages = Pagina's met clusters
partnerships-previous = Vorige
partnerships-next = Volgende
partnerships-cluster-heading = Cluster { $number } · { $count } bedrijven
partnerships-cluster-started = Al gestart als partnerschap:
partnerships-reason-who-sector = { $count } kleine bedrijven in sector { $sector }, binnen { $km } km van elkaar.
partnerships-reason-who = { $count } kleine bedrijven binnen { $km } km van elkaar.
partnerships-reason-why = { $kind ->
    [joint-purchasing] Ze hebben allemaal { $materials } nodig: samen inkopen.
    [shared-collection] Ze bieden allemaal { $materials } aan: één gezamenlijke inzamelronde.
    [marketing] Ze verkopen in dezelfde branche aan het publiek: samen op de markt brengen.
   *[training] Ze werken in dezelfde sector: samen personeel opleiden.
}
partnerships-sector-named = { $code } „{ $name }”
partnerships-reason-more = en { $count } meer
partnerships-default-name = { $kind } { $place }
partnerships-field-kind = Soort partnerschap
partnerships-field-name = Naam
partnerships-start = Partnerschap starten
partnerships-not-a-cluster = Deze bedrijven vormen geen voorgesteld cluster (meer): de gegevens van de regio zijn intussen veranderd, of het formulier is aangepast. Er is niets opgeslagen; kies een cluster uit de lijst hieronder.
partnerships-start-refused = Het partnerschap is niet gestart: het formulier bij cluster { $number } is niet goed ingevuld.
partnerships-to-form = Naar het formulier
partnerships-kind-unknown = Soort partnerschap: kies een soort uit de lijst.
partnerships-bad-page = pagina: „{ $text }” is geen paginanummer.

partnerships-back = ← Alle partnerschappen
partnerships-reason = Waarom deze bedrijven:
partnerships-members = Uitgenodigde bedrijven ({ $count })
partnerships-members-summary = { $accepted ->
    [one] 1 doet mee
   *[other] { $accepted } doen mee
} · { $invited } uitgenodigd · { $declined } afgewezen
partnerships-invite-label = Nog een bedrijf uitnodigen
partnerships-invite-choose = — kies een bedrijf —
partnerships-invite-placeholder = bedrijfsnummer, bijvoorbeeld F068
partnerships-invite = Uitnodigen
partnerships-invite-empty = Bedrijf: kies het bedrijf dat u wilt uitnodigen.
partnerships-invite-unknown = Bedrijf: er is geen bedrijf met nummer „{ $firm }”.

partnerships-invitation = U bent uitgenodigd
partnerships-invitation-text = De regiocoördinator nodigt uw bedrijf uit om mee te doen aan dit partnerschap: { $kind ->
    [joint-purchasing] samen inkopen
    [shared-logistics] samen vervoeren en opslaan
    [training] samen personeel opleiden
    [marketing] samen op de markt brengen
    [shared-collection] samen reststromen laten inzamelen
   *[other] samenwerken
} met bedrijven bij u in de buurt. Doet u mee, dan zien de andere deelnemers de naam van uw bedrijf en ziet u die van hen. Wijst u af, dan blijft uw naam voor hen onbekend.
partnerships-accept = Ja, wij doen mee
partnerships-decline = Nee, liever niet
partnerships-bad-answer = antwoord: kies „Ja, wij doen mee” of „Nee, liever niet”.
partnerships-taking-part = Uw bedrijf doet mee sinds { $day }.
partnerships-taking-part-heading = Wie doen er mee ({ $count })
partnerships-nobody-yet = Nog geen enkel bedrijf heeft ja gezegd.
partnerships-your-firm = Uw bedrijf
partnerships-others-invited = { $count ->
    [one] Nog 1 bedrijf is uitgenodigd en heeft nog niet geantwoord.
   *[other] Nog { $count } bedrijven zijn uitgenodigd en hebben nog niet geantwoord.
}
partnerships-names-after-joining = U ziet de namen van de deelnemers zodra u zelf meedoet.

partnerships-refused-not-the-firm = Alleen het uitgenodigde bedrijf zelf kan de uitnodiging aannemen of afwijzen.
partnerships-refused-answered = { $state ->
    [accepted] U heeft de uitnodiging al aangenomen.
   *[other] U heeft de uitnodiging al afgewezen.
} Alleen een nieuwe uitnodiging van de coördinator opent de vraag opnieuw.
partnerships-refused-not-coordinator = Alleen een coördinator kan bedrijven uitnodigen.
partnerships-refused-invited = Bedrijf: dit bedrijf is al uitgenodigd en heeft nog niet geantwoord.
partnerships-refused-member = Bedrijf: dit bedrijf doet al mee.

partnerships-activities = Activiteiten ({ $count })
partnerships-activities-none = Er zijn nog geen activiteiten vastgelegd.
partnerships-field-day = Datum
partnerships-field-description = Omschrijving
partnerships-add-activity = Activiteit vastleggen
partnerships-day-empty = Datum: vul de datum van de activiteit in.
partnerships-day-not-a-date = Datum: dit is geen datum; schrijf bijvoorbeeld 28-11-2026.
partnerships-day-out-of-range = Datum: kies een datum vanaf 2000 en hooguit een jaar vooruit.
partnerships-text-empty = { $field }: vul dit in.
partnerships-text-too-short = { $field }: gebruik minstens { $min } tekens.
partnerships-text-too-long = { $field }: gebruik hooguit { $max } tekens.
