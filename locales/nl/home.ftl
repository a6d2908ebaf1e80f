# The overview page `/`.

home-title = Overzicht van de regio
home-heading = De regio in één oogopslag
home-stat-firms = bedrijven
home-stat-offers = reststromen aangeboden
home-stat-needs = grondstofvragen
home-privacy = Hier staan alleen de stromen die bedrijven openbaar hebben gemaakt; anonieme stromen ziet u als match, zonder naam.
home-empty = Nog geen bedrijven in deze selectie.
home-municipalities = Gemeenten
home-all-municipalities = Alle gemeenten
home-employees = { $count ->
    [one] 1 medewerker
   *[other] { $count } medewerkers
}
home-offers = Biedt aan
home-needs = Zoekt
home-hazardous = gevaarlijk afval
home-up-to-km = tot { $km } km
home-accepts = neemt:
home-pages = Pagina's
home-previous = ← Vorige
home-next = Volgende →
home-bad-page = pagina: "{ $text }" is geen paginanummer; gebruik 1, 2, 3, …
home-bad-municipality = gemeente: "{ $name }" komt in deze regio niet voor
