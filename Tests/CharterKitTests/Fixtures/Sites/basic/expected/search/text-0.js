window.charterSearch=window.charterSearch||{terms:{}};(window.charterSearch.text=window.charterSearch.text||{})[0]=[
"Back to the plan . Tip Escalate early: a risk named is a risk halved.",
"Listening comes before any objective 1 . Sources Source Cadence Support tickets weekly Checklist Name an owner Agree the cadence See the team . Objectives set before an assessment tend to change after it. ↩",
"Start with the listening plan .",
"Customers answer each other's everyday questions, with our staff in the conversation. Answers from people who have been there. Peer answers Ask a member Faster answers, at any hour Fewer avoidable calls Why the community matters, in a few words.",
"Sponsor the strategies and clear the way. Chief Customer Officer",
"Coordinate and teach the people who run our communities. Head of Community Ana Reyes Community analysts moderator",
"Turn what customers say into decisions. Insight lead",
"Twelve members who review what we plan before it goes out."
];
