# A flow's photo: /offers/{id}/photo, /needs/{id}/photo.

photos-title = Photo of the flow
photos-link = Photo
photos-none = This flow has no photo yet.
photos-choose = Choose a photo
photos-help = JPEG, PNG or WebP, up to { $mb } MB. We keep it as a JPEG of at most { $side } pixels; location data and other camera data are removed on the way.
photos-who-public = This flow is public: everyone who sees the flow sees the photo too.
photos-who-private = This flow is not public: only your firm and the coordinators see the photo. Make it public and everyone sees the photo.
photos-upload = Save photo
photos-remove = Remove photo
photos-back = ← Back to your flows
photos-field = photo
photos-empty = Choose a photo first.
photos-too-large = This file is larger than { $mb } MB. Choose a smaller photo.
photos-not-a-picture = This is not a JPEG, PNG or WebP photo.
photos-too-many-pixels = This photo is too large (more than 10,000 pixels wide or high).
photos-damaged = This photo is damaged or incomplete and cannot be read.
