# The firm's own page `/firm` and its profile.

firm-no-firm = Aan dit account is geen bedrijf gekoppeld (coördinator of beheerder).
firm-manage-flows = Reststromen en grondstofvragen beheren
firm-offers = Reststromen
firm-needs = Grondstofvragen
firm-no-offers = Nog geen reststromen.
firm-no-needs = Nog geen grondstofvragen.
firm-edit-link = Bedrijfsgegevens wijzigen
firm-edit-title = Bedrijfsgegevens wijzigen

firm-label-address = Adres
firm-label-municipality = Gemeente
firm-label-location = Locatie
firm-label-sector = Sector
firm-label-employees = Medewerkers
firm-label-language = Taal
firm-no-address = Nog geen adres ingevuld.
firm-no-sector = Nog geen sector gekozen.
firm-coordinates = { $lat }° N, { $lon }° O
firm-map-label = Kaart van de regio Keyport met de locatie van uw bedrijf
firm-map-click = Kaart van de regio: klik op de plek van uw bedrijf

firm-field-name = Naam van het bedrijf
firm-field-address = Adres (straat, huisnummer, postcode en plaats; mag leeg blijven)
firm-field-municipality = Gemeente
firm-field-lat = Breedtegraad
firm-field-lon = Lengtegraad
firm-field-nace = SBI/NACE-code (zoals C10 of C10.83; mag leeg blijven)
firm-field-employees = Aantal medewerkers
firm-field-language = Taal van de site
firm-location-legend = Locatie
firm-location-hint = Klik op de kaart op de plek van uw bedrijf, of vul de coördinaten in (51,2517 of 51.2517). Laat u beide leeg, dan geldt het centrum van de gemeente.
firm-point-chosen = Punt gekozen — controleer het en sla op.
firm-sector-legend = Sector
firm-sector-search-label = Zoek uw sector op een woord, zoals bakkerij, metaal of garage
firm-sector-search-button = Zoeken
firm-sector-choose = Kies een sector; de code komt in het veld hierboven zodra u opslaat.
firm-sector-nothing = Geen sector gevonden voor „{ $query }”. Probeer een ander woord.

firm-error-name = Vul de naam van het bedrijf in (hoogstens { $max } tekens).
firm-error-address = Het adres mag hoogstens { $max } tekens lang zijn.
firm-error-municipality = Kies een gemeente uit de lijst.
firm-error-employees = Vul het aantal medewerkers in als geheel getal van 1 tot { $max }.
firm-error-lat = Vul de breedtegraad in als getal tussen -90 en 90, bijvoorbeeld 51,2517.
firm-error-lon = Vul de lengtegraad in als getal tussen -180 en 180, bijvoorbeeld 5,7069.
firm-error-far = Dit punt ligt { $km } km van de dichtstbijzijnde gemeente van de regio; kies een punt binnen { $max } km van de regio Keyport.
firm-error-nace = Vul een SBI/NACE-code in zoals C10 of C10.83: een letter van A tot U, eventueel met twee cijfers en een punt met één of twee cijfers. Of zoek uw sector hieronder op een woord.
firm-error-language = Kies Nederlands of English.
firm-error-field = Controleer dit veld.
firm-error-map = De klik op de kaart kwam niet goed door. Klik nog eens op de kaart.
firm-error-map-coordinate = { $field }: „{ $text }” is geen geldige coördinaat.

# Short help under each field of the firm form (issue #10).
firm-help-name = De naam zoals klanten hem kennen. Andere bedrijven zien hem pas als u beiden interesse toont, of bij stromen die u openbaar maakt.
firm-help-address = Alleen u en de coördinator van de regio zien het adres; andere bedrijven niet.
firm-help-municipality = De gemeente van uw vestiging. Andere bedrijven zien alleen de gemeente, niet uw adres.
firm-help-lat = Noord-zuid, in graden, zoals 51,2517. Vult u niets in, dan rekenen we vanaf het centrum van uw gemeente.
firm-help-lon = Oost-west, in graden, zoals 5,7069. Samen met de breedtegraad bepaalt dit de afstanden over de weg.
firm-help-nace = De code van uw branche; zo vinden we bedrijven die vaak iets aan u hebben. Onbekend? Zoek hieronder op een woord.
firm-help-sector-search = Typ een gewoon woord voor wat u doet en druk op Zoeken; kies daarna een sector uit de lijst.
firm-help-employees = Ongeveer is goed genoeg. Het helpt de coördinator de regio te overzien; andere bedrijven zien het niet.
firm-help-language = De taal van de schermen en van de e-mails die u van ons krijgt.
