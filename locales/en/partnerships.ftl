# Partnerships of small firms (`/partnerships`): suggested clusters, invitations, members, activities.

partnerships-kind = { $kind ->
    [joint-purchasing] Joint purchasing
    [shared-logistics] Shared logistics
    [training] Joint training
    [marketing] Joint marketing
    [shared-collection] Shared collection
   *[other] Cooperation
}
partnerships-state = { $state ->
    [invited] Invited
    [accepted] Taking part
    [declined] Declined
   *[other] Unknown
}

partnerships-title = Partnerships
partnerships-lead = Small firms that buy, transport, train, market or have their residual streams collected together gain the scale of a large firm. Start a partnership from a suggested cluster, invite firms and keep track of what the partnership does.
partnerships-running = Current partnerships ({ $count })
partnerships-none-yet = No partnerships yet. Start one from a suggested cluster below.
partnerships-column-name = Name
partnerships-column-kind = Kind
partnerships-column-accepted = Taking part
partnerships-column-invited = Invited
partnerships-column-declined = Declined
partnerships-column-started = Started
partnerships-column-firm = Firm
partnerships-column-sector = Sector
partnerships-column-municipality = Municipality
partnerships-column-employees = Employees
partnerships-column-state = Status
partnerships-column-invited-at = Invited on
partnerships-column-answered-at = Answered on
partnerships-started = started on { $day }

partnerships-firm-lead = These are the partnerships the region's coordinator invited your firm to, and those you take part in. Buying, transporting or training together with firms nearby gives you the scale of a large firm.
partnerships-declined-done = You declined the invitation. The coordinator sees your answer.
partnerships-firm-none = You have not been invited to a partnership yet. As soon as the region's coordinator invites you, you will see it here and on your dashboard.
partnerships-firm-members = { $count ->
    [0] no members yet
    [one] 1 firm takes part
   *[other] { $count } firms take part
}

partnerships-clusters = Suggested clusters ({ $count })
partnerships-clusters-lead = Small firms (up to 50 employees) close to each other that need the same input or work in the same sector, as the matcher finds them in the region's current data. Only coordinators see these suggestions and the names.
partnerships-clusters-none = The matcher finds no clusters of small firms in the region at the moment.
partnerships-cluster-pages = Pages of clusters
partnerships-previous = Previous
partnerships-next = Next
partnerships-cluster-heading = Cluster { $number } · { $count } firms
partnerships-cluster-started = Already started as a partnership:
partnerships-reason-who-sector = { $count } small firms in sector { $sector }, within { $km } km of each other.
partnerships-reason-who = { $count } small firms within { $km } km of each other.
partnerships-reason-why = { $kind ->
    [joint-purchasing] They all need { $materials }: joint purchasing.
    [shared-collection] They all offer { $materials }: one shared collection round.
    [marketing] They sell to the public in the same trade: joint marketing.
   *[training] They work in the same sector: joint training of staff.
}
partnerships-sector-named = { $code } "{ $name }"
partnerships-reason-more = and { $count } more
partnerships-default-name = { $kind }, { $place }
partnerships-field-kind = Kind of partnership
partnerships-field-name = Name
partnerships-start = Start partnership
partnerships-not-a-cluster = These firms are not (or no longer) a suggested cluster: the region's data changed meanwhile, or the form was altered. Nothing was saved; choose a cluster from the list below.
partnerships-start-refused = The partnership was not started: the form of cluster { $number } needs correcting.
partnerships-to-form = Go to the form
partnerships-kind-unknown = Kind of partnership: choose a kind from the list.
partnerships-bad-page = page: "{ $text }" is not a page number.

partnerships-back = ← All partnerships
partnerships-reason = Why these firms:
partnerships-members = Invited firms ({ $count })
partnerships-members-summary = { $accepted } taking part · { $invited } invited · { $declined } declined
partnerships-invite-label = Invite another firm
partnerships-invite-choose = — choose a firm —
partnerships-invite-placeholder = firm id, for example F068
partnerships-invite = Invite
partnerships-invite-empty = Firm: choose the firm you want to invite.
partnerships-invite-unknown = Firm: there is no firm with id "{ $firm }".

partnerships-invitation = You are invited
partnerships-invitation-text = The region's coordinator invites your firm to take part in this partnership: { $kind ->
    [joint-purchasing] buying together
    [shared-logistics] sharing transport and storage
    [training] training staff together
    [marketing] marketing together
    [shared-collection] having residual streams collected together
   *[other] working together
} with firms near you. If you take part, the other members see your firm's name and you see theirs. If you decline, your name stays unknown to them.
partnerships-accept = Yes, we take part
partnerships-decline = No, thank you
partnerships-bad-answer = answer: choose "Yes, we take part" or "No, thank you".
partnerships-taking-part = Your firm has taken part since { $day }.
partnerships-taking-part-heading = Who takes part ({ $count })
partnerships-nobody-yet = No firm has said yes yet.
partnerships-your-firm = Your firm
partnerships-others-invited = { $count ->
    [one] 1 more firm is invited and has not answered yet.
   *[other] { $count } more firms are invited and have not answered yet.
}
partnerships-names-after-joining = You see the members' names once you take part yourself.

partnerships-refused-not-the-firm = Only the invited firm itself can accept or decline the invitation.
partnerships-refused-answered = { $state ->
    [accepted] You accepted the invitation already.
   *[other] You declined the invitation already.
} Only a new invitation from the coordinator reopens the question.
partnerships-refused-not-coordinator = Only a coordinator can invite firms.
partnerships-refused-invited = Firm: this firm is invited already and has not answered yet.
partnerships-refused-member = Firm: this firm takes part already.

partnerships-activities = Activities ({ $count })
partnerships-activities-none = No activities recorded yet.
partnerships-field-day = Date
partnerships-field-description = Description
partnerships-add-activity = Record activity
partnerships-day-empty = Date: fill in the date of the activity.
partnerships-day-not-a-date = Date: this is not a date; write for example 2026-11-28.
partnerships-day-out-of-range = Date: choose a date from 2000 up to a year ahead.
partnerships-text-empty = { $field }: fill this in.
partnerships-text-too-short = { $field }: use at least { $min } characters.
partnerships-text-too-long = { $field }: use at most { $max } characters.
