window.charterSearch=window.charterSearch||{terms:{}};(window.charterSearch.text=window.charterSearch.text||{})[1]=[
"The organisation listens to customers, partners and the market (research, focus groups, public conversation) and sets plans that serve its business objectives. an assessment that names its listening sources a goal tied to at least one business objective",
"Pages, accounts or spaces are set up and carry shareable content and support information, but the organisation does not yet hold conversations in them. at least one presence or channel support content that customers can use",
"The organisation takes part in conversations that build communities, works transparently, involves its staff, and manages the risks that come with it. a community or conversation program a team Responsible for Conversation Shaping (staff involved) a risk-management process (every risk has an owner and an escalation path)",
"Governance, training and a steady cadence of internal and external communication keep the effort going beyond its first champions. a team Accountable for Governance Training assigned to a team an internal and an external communication cadence in reporting",
"The strategy reaches every part of the business; executives take an active part and a coordination committee steers the work. an executive sponsor a coordination committee or hub in the responsibility matrix an executive team holding a role in the responsibility matrix",
"Social ways of working are part of how every business objective is pursued; there is no stand-alone social plan left. every method serves a business objective every objective it serves is one of the organisation's registered business objectives, and there is at least one",
"",
""
];
