# The coordinator's workspace: firms, a firm's page with its contact log, the exchange list.

workspace-firms-title = Bedrijven
workspace-firms-lead = Alle bedrijven van de regio. Zoek op naam, gemeente of sector, of vind wie nog geen stromen heeft of lang niet gesproken is.
workspace-filter-name = Naam bevat
workspace-filter-municipality = Gemeente
workspace-filter-all-municipalities = Alle gemeenten
workspace-filter-sector = Sector
workspace-filter-all-sectors = Alle sectoren
workspace-filter-without-flows = Nog geen stromen
workspace-filter-not-contacted = { $days } dagen niet gesproken
workspace-filter-apply = Toon
workspace-filter-clear = Filters wissen
workspace-found = { $count ->
    [one] 1 gevonden
   *[other] { $count } gevonden
}
workspace-none-found = Niets gevonden met deze filters.
workspace-page = Pagina { $page } van { $pages }
workspace-previous = Vorige
workspace-next = Volgende
workspace-col-name = Naam
workspace-col-municipality = Gemeente
workspace-col-sector = Sector
workspace-col-employees = Medewerkers
workspace-col-flows = Stromen
workspace-col-last-note = Laatste notitie
workspace-flows = { $offers } aanbod · { $needs } vraag
workspace-never = nooit
workspace-bad-sector = Sector: „{ $text }” is geen NACE-sectie; kies een letter van A tot en met U.
workspace-bad-stage = Fase: „{ $text }” is geen fase van een uitwisseling.

workspace-back = ← Alle bedrijven
workspace-details = Gegevens
workspace-field-sector = Sector
workspace-field-municipality = Gemeente
workspace-field-address = Adres
workspace-field-employees = Medewerkers
workspace-field-point = Ligging
workspace-field-key = Kenmerk
workspace-offers = Aanbod
workspace-needs = Vraag
workspace-no-offers = Geen aanbod.
workspace-no-needs = Geen vraag.
workspace-col-material = Materiaal
workspace-col-description = Omschrijving
workspace-col-quantity = Hoeveelheid
workspace-col-visibility = Zichtbaarheid
workspace-exchanges = Uitwisselingen
workspace-no-exchanges = Nog geen uitwisselingen.
workspace-col-exchange = Uitwisseling
workspace-col-stage = Fase
workspace-col-counterpart = Tegenpartij
workspace-col-role = Rol
workspace-col-last-step = Laatste stap
workspace-as-supplier = levert
workspace-as-receiver = neemt af

workspace-contacts = Contactpersonen
workspace-contacts-private = Alleen voor coördinatoren; geen bedrijf ziet dit, ook dit bedrijf zelf niet.
workspace-no-contacts = Nog geen contactpersonen.
workspace-contact-name = Naam
workspace-contact-role = Functie
workspace-contact-phone = Telefoon
workspace-contact-email = E-mail
workspace-contact-add = Contactpersoon toevoegen
workspace-contact-edit-heading = Contactpersoon wijzigen
workspace-contact-save = Opslaan
workspace-contact-cancel = Annuleren
workspace-contact-edit = Wijzigen
workspace-contact-delete = Verwijderen
workspace-contact-phone-hint = Cijfers, spaties, + - ( ); een telefoonnummer of e-mailadres is nodig.

workspace-log = Contactlog
workspace-log-rule = Notities blijven staan zoals ze geschreven zijn; alleen wie een notitie schreef kan haar verwijderen.
workspace-no-notes = Nog geen notities.
workspace-note-field = Nieuwe notitie
workspace-note-add = Notitie toevoegen
workspace-note-delete = Verwijderen
workspace-note-by = { $author }, { $at }
workspace-note-author-gone = een verwijderd account

workspace-problem-missing = { $field }: vul dit in.
workspace-problem-too-long = { $field }: ten hoogste { $max } tekens.
workspace-problem-phone-characters = Telefoon: alleen cijfers, spaties, - ( ) en een + vooraan.
workspace-problem-phone-digits = Telefoon: een nummer heeft { $min } tot { $max } cijfers.
workspace-problem-email = E-mail: dit is geen e-mailadres.
workspace-problem-unreachable = Telefoon: geef een telefoonnummer of een e-mailadres.

workspace-exchanges-title = Uitwisselingen in de regio
workspace-exchanges-lead = Alle uitwisselingen met beide bedrijven, het materiaal en de fase. De filters staan in het adres, dus een selectie is te bewaren als bladwijzer.
workspace-filter-stage = Fase
workspace-filter-all-stages = Alle fasen
workspace-filter-firm = Bedrijfsnaam bevat
workspace-filter-material = Materiaal
workspace-col-supplier = Leverancier
workspace-col-receiver = Afnemer
