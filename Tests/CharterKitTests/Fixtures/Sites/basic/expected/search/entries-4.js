var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[4]=[
["Fewer avoidable calls","objectives/fewer-calls.html","objective","Cut avoidable support calls by a fifth within two years.","Cut avoidable support calls by a fifth within two years."],
["Planning","stages/planning.html","stage","Listening comes first; plans are tied to business objectives.","The organisation listens to customers, partners and the market (research, focus groups, public conversation) and sets plans that serve its business objectives. an assessment that names its listening sources a goal tied to at least one business objective"]
];
