window.charterSearch=window.charterSearch||{terms:{}};(window.charterSearch.text=window.charterSearch.text||{})[1]=[
"Cut avoidable support calls by a fifth within two years.",
"The organisation listens to customers, partners and the market (research, focus groups, public conversation) and sets plans that serve its business objectives. an assessment that names its listening sources a goal tied to at least one business objective",
"Pages, accounts or spaces are set up and carry shareable content and support information, but the organisation does not yet hold conversations in them. at least one presence or channel support content that customers can use",
"The organisation takes part in conversations that build communities, works transparently, involves its staff, and manages the risks that come with it. a community program the organisation takes part in (not only market-run) a team Responsible for Conversation Shaping (staff involved) a risk-management process (every risk has an owner and an escalation path)",
"A steady cadence of communication, inside the organisation and with customers and partners, keeps the effort going beyond its first champions. an internal and an external communication cadence",
"The strategy reaches every part of the business; executives take an active part and a coordination committee steers the work. a team from every area of the business Accountable or Responsible an executive team Accountable or Responsible in the responsibility matrix a coordination committee or hub Accountable or Responsible in the responsibility matrix",
"Social ways of working are part of how every business objective is pursued; there is no stand-alone social plan left. the executive committee attests, on a date that has come, that the business's own planning process has taken the strategy in it serves only the organisation's registered business objectives, and at least one (Charter's reading, as evidence)",
""
];
