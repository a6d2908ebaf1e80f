# Notices to a firm (dashboard and mail) and the dashboard `/dashboard`.

notifications-sector = { $section ->
    [A] Agriculture
    [B] Mining and quarrying
    [C] Manufacturing
    [D] Energy supply
    [E] Water, waste and recycling
    [F] Construction and installation
    [G] Trade
    [H] Transport and storage
    [I] Hospitality and leisure
    [J] Information and communication
    [K] Business services
    [L] Business services
    [M] Business services
    [N] Business services
    [O] Government and education
    [P] Government and education
    [Q] Health care
    [R] Arts, sports and recreation
    [none] unknown
   *[other] Other services
}
notifications-stage = { $stage ->
    [proposed] proposed
    [interested] one side interested
    [introduced] introduced to each other
    [negotiating] negotiating
    [agreed] agreed
    [running] running
    [completed] completed
    [declined] declined
   *[other] unknown
}

notifications-new-match-title = { $kind ->
    [offer] New taker for your residual stream
   *[need] New supplier for your need
}
notifications-new-match-body = { $kind ->
    [offer] A firm in { $municipality } (sector: { $sector }) can use your residual stream { $material }. Together that is worth an estimated €{ $euro } a year.
   *[need] A firm in { $municipality } (sector: { $sector }) has { $material } that fits your need. Together that is worth an estimated €{ $euro } a year.
}
notifications-interested-title = The other party is interested
notifications-interested-body = The other party is interested in exchange { $id }. If you say you are interested too, you will both see each other's name and contact details.
notifications-introduced-title = You have been introduced
notifications-introduced-body = Both parties are interested in exchange { $id }. You now see each other's name and contact details and can get in touch.
notifications-step-title = Exchange { $id }: { $stage }
notifications-step-body = Exchange { $id } is now "{ $stage }".
notifications-your-turn-title = Exchange { $id }: your turn
notifications-your-turn-body = { $firm } confirmed { $step ->
    [agree] the agreement
    [start] the start
   *[complete] the completion
} of exchange { $id }. It is now your turn to confirm { $step ->
    [agree] the agreement
    [start] the start
   *[complete] the completion
}.
notifications-message-title = Exchange { $id }: new message
notifications-message-body = { $from } sent a message in exchange { $id }. Read and answer it on the exchange's page.
notifications-message-from-coordinator = The coordinator
notifications-mail-message-wrote = { $firm } wrote:
notifications-partnership-title = Invitation to a partnership
notifications-partnership-body = The region's coordinator invites your firm to a partnership with firms near you: { $kind ->
    [joint-purchasing] buying together
    [shared-logistics] sharing transport and storage
    [training] training staff together
    [marketing] marketing together
    [shared-collection] having residual streams collected together
   *[other] working together
}. See the invitation and say whether you take part.

notifications-mail-greeting = Hello,
notifications-mail-open = See it in Symbiose: { $path }
notifications-mail-why = You receive this message because your firm is registered in Symbiose. All your messages are also on your dashboard ({ $path }).

notifications-title = Dashboard
notifications-heading = Dashboard of { $firm }
notifications-notices = Messages
notifications-unread = { $count ->
    [0] No new messages.
    [one] 1 new message.
   *[other] { $count } new messages.
}
notifications-new = new
notifications-received = Received { $at }
notifications-open-exchange = Go to the exchange
notifications-open-matches = Go to my matches
notifications-open-partnership = See the invitation
notifications-mark-read = Mark as read
notifications-mark-all-read = Mark all as read
notifications-empty = There are no messages yet. As soon as another firm fits one of your flows, or the other party moves an exchange along, you will see it here.
notifications-bad-id = message: "{ $text }" is not a message number.
notifications-no-firm = This dashboard is for firms. Your account does not belong to a firm, so there are no messages or flows to show.

notifications-summary = Your firm at a glance
notifications-offers = { $count ->
    [one] 1 residual stream
   *[other] { $count } residual streams
}
notifications-needs = { $count ->
    [one] 1 need
   *[other] { $count } needs
}
notifications-to-confirm = { $count ->
    [0] All your flows are up to date.
    [one] 1 flow needs to be confirmed again.
   *[other] { $count } flows need to be confirmed again.
}
notifications-confirm-link = Confirm them in my flows
notifications-no-flows = You have no flows yet. Add a residual stream or a need, and Symbiose will look for fitting firms in the region.
notifications-exchanges = Exchanges
notifications-no-exchanges = No exchanges yet. Say you are interested in a match to start one.
notifications-exchanges-in-stage = { $stage }: { $count }
notifications-link-flows = My flows
notifications-link-matches = My matches
notifications-link-exchanges = My exchanges
