# Exchanges: `/exchanges` and one exchange with its parties, steps, history and tonnes.

exchanges-list-title = Mijn uitwisselingen
exchanges-list-empty = Nog geen uitwisselingen. Toon interesse bij een match.
exchanges-to-matches = Naar mijn matches
exchanges-title = Uitwisseling { $id }
exchanges-stage = Stand:
exchanges-decline-reason = Reden van afwijzing: { $reason }
exchanges-offer = Reststroom
exchanges-need = vraag

exchanges-stage-proposed = voorgesteld
exchanges-stage-interested = interesse van één kant
exchanges-stage-introduced = voorgesteld aan elkaar
exchanges-stage-negotiating = in onderhandeling
exchanges-stage-agreed = akkoord
exchanges-stage-running = loopt
exchanges-stage-completed = afgerond
exchanges-stage-declined = afgewezen
exchanges-stage-unknown = onbekend

exchanges-party-supplier = Aanbieder
exchanges-party-receiver = Afnemer
exchanges-party-hidden = De andere partij blijft anoniem tot u beiden interesse hebt getoond.
exchanges-contact-later = contactgegevens volgen zodra u beiden interesse hebt getoond.

exchanges-step-interested = Interesse
exchanges-step-negotiate = Onderhandeling starten
exchanges-step-agree = Akkoord
exchanges-step-start = Uitwisseling loopt
exchanges-step-complete = Afronden
exchanges-step-decline = Afwijzen
exchanges-decline-label = Niet voor ons — waarom?

exchanges-period-label = Maand (JJJJ-MM)
exchanges-tonnes-label = Werkelijk verplaatste ton
exchanges-tonnes-record = Tonnen vastleggen
exchanges-tonnes-heading = Verplaatste tonnen
exchanges-month = Maand
exchanges-tonnes = Ton

exchanges-history = Geschiedenis
exchanges-by-other-party = de andere partij
exchanges-by-coordinator = coördinator
exchanges-by-unknown = onbekend

exchanges-refused-not-from-here = ‘{ $step }’ kan nu niet: de uitwisseling staat op ‘{ $stage }’.
exchanges-refused-not-supplier = Alleen de aanbieder kan voor zichzelf interesse tonen.
exchanges-refused-not-receiver = Alleen de afnemer kan voor zichzelf interesse tonen.
exchanges-refused-no-reason = Reden: vertel kort waarom deze uitwisseling niet past.
exchanges-refused-reason-too-long = Reden: gebruik hoogstens { $max } tekens.
exchanges-refused-note-too-long = Notitie: gebruik hoogstens { $max } tekens.
exchanges-changed-meanwhile = Iemand anders heeft deze uitwisseling net gewijzigd; bekijk de nieuwe stand.
exchanges-unknown-step = Stap: deze stap bestaat niet.
exchanges-tonnes-not-running = Tonnen worden vastgelegd zolang de uitwisseling loopt.
exchanges-bad-period = Maand: vul een maand in als JJJJ-MM, bijvoorbeeld 2026-11.
exchanges-bad-tonnes = Ton: vul een hoeveelheid groter dan 0 in.
exchanges-tonnes-too-large = Ton: vul voor één maand hoogstens { $max } ton in.
exchanges-refused-already-confirmed = Jouw bedrijf heeft deze stap al bevestigd; nu is het andere bedrijf aan de beurt.
exchanges-waiting-for = Wacht op bevestiging van { $firm }.
exchanges-waiting-your-firm = jouw bedrijf
exchanges-waiting-other-firm = het andere bedrijf
exchanges-unreadable-tonnes = Ton: „{ $typed }” kunnen we niet als getal lezen. Schrijf het zonder scheidingsteken voor duizendtallen, met een komma voor decimalen (bijvoorbeeld 2,25).

# Berichten binnen een uitwisseling.
exchanges-messages = Berichten
exchanges-messages-not-open = Berichten sturen kan zodra beide bedrijven interesse hebben getoond; dan zien jullie ook elkaars naam.
exchanges-messages-empty = Nog geen berichten. Schrijf het andere bedrijf hieronder.
exchanges-unread-heading = Ongelezen berichten in uitwisselingen
exchanges-messages-closed = Berichten: in deze uitwisseling kun je (nu) geen berichten sturen.
exchanges-message-label = Bericht
exchanges-message-send = Bericht versturen
exchanges-message-coordinator = Coördinator
exchanges-message-empty = Bericht: schrijf eerst een tekst.
exchanges-message-too-long = Bericht: gebruik hoogstens { $max } tekens.
exchanges-unread-messages = { $count ->
    [one] 1 ongelezen bericht
   *[other] { $count } ongelezen berichten
}
exchanges-pair-not-allowed = Voor deze combinatie kan geen uitwisseling worden geopend: { $reason }.
