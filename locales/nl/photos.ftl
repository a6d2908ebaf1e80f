# A flow's photo: /offers/{id}/photo, /needs/{id}/photo.

photos-title = Foto van de stroom
photos-link = Foto
photos-none = Deze stroom heeft nog geen foto.
photos-choose = Kies een foto
photos-help = JPEG, PNG of WebP, tot { $mb } MB. We bewaren hem als JPEG van hoogstens { $side } pixels; locatiegegevens en andere gegevens uit de camera gaan er daarbij af.
photos-who-public = Deze stroom is openbaar: iedereen die de stroom ziet, ziet ook de foto.
photos-who-private = Deze stroom is niet openbaar: alleen uw bedrijf en de coördinatoren zien de foto. Maakt u hem openbaar, dan ziet iedereen de foto.
photos-upload = Foto opslaan
photos-remove = Foto verwijderen
photos-back = ← Terug naar uw stromen
photos-field = foto
photos-empty = Kies eerst een foto.
photos-too-large = Dit bestand is groter dan { $mb } MB. Kies een kleinere foto.
photos-not-a-picture = Dit is geen JPEG-, PNG- of WebP-foto.
photos-too-many-pixels = Deze foto is te groot (meer dan 10.000 pixels breed of hoog).
photos-damaged = Deze foto is beschadigd of onvolledig en kan niet gelezen worden.
