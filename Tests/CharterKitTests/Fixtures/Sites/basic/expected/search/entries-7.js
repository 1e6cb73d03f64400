var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[7]=[
["Converged","stages/converged.html","stage","One business strategy process; no separate social strategy remains.","Social ways of working are part of how every business objective is pursued; there is no stand-alone social plan left. the executive committee attests, on a date that has come, that the business's own planning process has taken the strategy in it serves only the organisation's registered business objectives, and at least one (Charter's reading, as evidence)"],
["Governance","responsibilities/governance.html","responsibility","Sets the policies and decision rights the whole effort runs under.",""]
];
