var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["c"]=[
"community","calls","charter","conflict","content","converged","conversation"
];
